package cn.cg.geo.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.json.simple.JSONArray;
import org.json.simple.JSONObject;
import org.json.simple.parser.JSONParser;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * A synthetic but plausible city layout inside real district polygons, generated deterministically from a
 * seed: busy places (metro stations, markets, commercial streets), arterial roads, residential blocks,
 * construction sites, schools, hospitals, existing stations and vendor zones, planners' candidate sites,
 * and emerging and fading hot spots at known positions. Every point, and every road vertex, lies strictly
 * inside a district (a road segment may cut across a bay).
 *
 * <pre>{@code
 * DemoCity city = DemoCity.shenzhen(20250101L);      // the classpath copy of the districts
 * DemoLayers layers = city.layers();                   // for station, exclusion_zone, candidate_site
 * Iterator<DemoCase> cases = new DemoCaseGenerator(city, 20250101L, 1_000_000);
 * }</pre>
 */
public final class DemoCity {
  /** Classpath location of the bundled Shenzhen districts (see PROVENANCE.md beside it). */
  public static final String DISTRICTS_RESOURCE = "/cn/cg/geo/demo/shenzhen-districts.geojson";
  public static final long DEFAULT_SEED = 20250101L;

  /** An arterial road of the layout. */
  public record Road(String name, LineString geom) {}

  static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);

  private final long seed;
  private final List<DemoLayers.District> districts;
  private final CityMask mask;
  private final CityLayout layout;

  private DemoCity(long seed, List<DemoLayers.District> districts) {
    if (districts.isEmpty()) {
      throw new IllegalArgumentException("no district polygons");
    }
    this.seed = seed;
    this.districts = List.copyOf(districts);
    this.mask = new CityMask(this.districts.stream().map(DemoLayers.District::geom).toList());
    this.layout = new CityLayout(this, seed);
  }

  /** The bundled Shenzhen districts with a layout from {@code seed}. */
  public static DemoCity shenzhen(long seed) {
    try (InputStream in = DemoCity.class.getResourceAsStream(DISTRICTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + DISTRICTS_RESOURCE);
      }
      return load(in, seed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Districts from a GeoJSON FeatureCollection file whose features carry the name in property {@code qh}. */
  public static DemoCity load(Path districtsGeoJson, long seed) throws IOException {
    try (InputStream in = Files.newInputStream(districtsGeoJson)) {
      return load(in, seed);
    }
  }

  /** As {@link #load(Path, long)}, from a stream (UTF-8); the stream is not closed. */
  public static DemoCity load(InputStream districtsGeoJson, long seed) throws IOException {
    return new DemoCity(seed, readDistricts(new InputStreamReader(districtsGeoJson, StandardCharsets.UTF_8)));
  }

  static List<DemoLayers.District> readDistricts(Reader in) throws IOException {
    JSONObject root;
    try {
      root = (JSONObject) new JSONParser().parse(in);
    } catch (org.json.simple.parser.ParseException | ClassCastException e) {
      throw new IOException("districts: not a GeoJSON object: " + e, e);
    }
    Object features = root.get("features");
    if (!(features instanceof JSONArray list)) {
      throw new IOException("districts: expected a FeatureCollection with features");
    }
    GeoJsonReader reader = new GeoJsonReader(GF);
    List<DemoLayers.District> out = new ArrayList<>();
    for (Object f : list) {
      JSONObject feature = (JSONObject) f;
      Map<?, ?> props = (Map<?, ?>) feature.get("properties");
      Object qh = props == null ? null : props.get("qh");
      if (qh == null) {
        throw new IOException("districts: feature " + out.size() + " has no property qh");
      }
      Geometry g;
      try {
        g = reader.read(((JSONObject) feature.get("geometry")).toJSONString());
      } catch (org.locationtech.jts.io.ParseException e) {
        throw new IOException("districts: bad geometry for " + qh + ": " + e.getMessage(), e);
      }
      MultiPolygon mp = g instanceof MultiPolygon m ? m
          : g instanceof Polygon p ? GF.createMultiPolygon(new Polygon[] {p}) : null;
      if (mp == null) {
        throw new IOException("districts: " + qh + " is a " + g.getGeometryType() + ", not a polygon");
      }
      mp.setSRID(4326);
      out.add(new DemoLayers.District(fullName(qh.toString()), mp));
    }
    return out;
  }

  /** 福田 -> 福田区; 大鹏 -> 大鹏新区 (its official name); names already ending in 区 stay. */
  static String fullName(String qh) {
    if (qh.endsWith("区")) {
      return qh;
    }
    return "大鹏".equals(qh) ? "大鹏新区" : qh + "区";
  }

  public long seed() {
    return seed;
  }

  public List<DemoLayers.District> districts() {
    return districts;
  }

  /** The district (e.g. 福田区) whose interior holds the point, or null when it is outside the city. */
  public String districtAt(double lon, double lat) {
    int d = mask.districtAt(lon, lat);
    return d < 0 ? null : districts.get(d).name();
  }

  public boolean contains(double lon, double lat) {
    return mask.districtAt(lon, lat) >= 0;
  }

  /** 40-80 metro stations, markets and commercial streets, denser in 福田, 罗湖 and 南山. */
  public List<Place> busyPlaces() {
    return layout.busyPlaces;
  }

  /** About 15 arterial roads crossing districts. */
  public List<Road> roads() {
    return layout.roads;
  }

  public List<Place> residentialBlocks() {
    return layout.residential;
  }

  public List<Place> constructionSites() {
    return layout.constructionSites;
  }

  /** Three or more hot spots that appear in spring and grow through the year. */
  public List<TrendAnchor> emergingAnchors() {
    return layout.anchors.stream().filter(a -> a.trend() == TrendAnchor.Trend.EMERGING).toList();
  }

  /** Three or more hot spots strong in January-March and gone by June. */
  public List<TrendAnchor> fadingAnchors() {
    return layout.anchors.stream().filter(a -> a.trend() == TrendAnchor.Trend.FADING).toList();
  }

  public List<TrendAnchor> trendAnchors() {
    return layout.anchors;
  }

  /** Districts, existing facilities, exclusions and candidate sites, ready for PostGIS. */
  public DemoLayers layers() {
    return layout.layers;
  }

  CityMask mask() {
    return mask;
  }

  CityLayout layout() {
    return layout;
  }
}
