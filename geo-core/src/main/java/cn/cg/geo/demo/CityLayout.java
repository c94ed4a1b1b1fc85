package cn.cg.geo.demo;

import static cn.cg.geo.demo.LocalMetres.M_PER_DEG_LAT;
import static cn.cg.geo.demo.LocalMetres.M_PER_DEG_LON;
import static cn.cg.geo.demo.LocalMetres.round7;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

/** Builds the synthetic layout of a {@link DemoCity}; every draw comes from one seeded generator, in order. */
final class CityLayout {
  /** Relative urban weight per district (short name): how many busy places, blocks, schools... it gets. */
  private static final Map<String, Double> URBAN_WEIGHT = Map.of(
      "福田区", 10.0, "罗湖区", 8.0, "南山区", 10.0, "宝安区", 9.0, "龙华区", 6.0,
      "龙岗区", 8.0, "光明区", 3.0, "坪山区", 2.0, "盐田区", 2.0, "大鹏新区", 1.0);
  private static final double DEFAULT_WEIGHT = 3.0;

  static final int BUSY_PLACES = 59;
  static final int ROADS = 15;
  static final int RESIDENTIAL = 190;
  static final int CONSTRUCTION_SITES = 40;
  static final int SCHOOLS = 60;
  static final int HOSPITALS = 25;
  static final int STATIONS = 30;
  static final int VENDOR_ZONES = 6;
  static final int CANDIDATES_EACH = 15;
  static final double SCHOOL_BUFFER_M = 100;
  static final double HOSPITAL_BUFFER_M = 50;
  static final double ROAD_BUFFER_M = 20;

  private static final String[] SYLLABLES = {
      "新安", "和平", "兴华", "翠竹", "桂园", "东湖", "春风", "阳光", "滨河", "金港", "锦绣", "龙城", "海湾", "星河",
      "翠湖", "明珠", "福安", "幸福", "康乐", "南园", "北斗", "彩虹", "清湖", "松坪", "荔园", "桃源", "青山", "碧海",
      "金沙", "银湖", "华侨", "科苑", "文锦", "水库", "花园", "新村", "富强", "民治", "观澜", "西乡", "沙井", "石岩",
      "横岗", "布吉", "坂田", "葵涌", "梅沙", "公明", "凤凰", "玉塘", "马田", "碧岭", "龙田", "坑梓", "南湾", "园山",
      "宝龙", "南澳", "湖贝", "蛇口", "招商", "粤海", "沙河", "桃花", "香山", "莲塘", "翠岭", "泥岗", "景华", "上步"};
  private static final String[] ROAD_NAMES = {
      "兴华大道", "创业大道", "科技大道", "滨河大道", "环城大道", "发展大道", "振兴路", "长安大道", "文明大道",
      "友谊大道", "民生大道", "复兴路", "前进大道", "团结大道", "迎宾大道", "建设大道", "工业大道", "繁荣大道"};

  final List<DemoCity.Road> roads = new ArrayList<>();
  /** Road vertices as arrays, for fast distances and sampling. */
  final List<double[][]> roadArrays = new ArrayList<>();
  final List<Place> busyPlaces = new ArrayList<>();
  final List<Place> residential = new ArrayList<>();
  final List<Place> constructionSites = new ArrayList<>();
  final List<TrendAnchor> anchors = new ArrayList<>();
  final DemoLayers layers;

  private final DemoCity city;
  private final CityMask mask;
  private final SplittableRandom rng;
  private final double[] weights;
  private final Set<String> names = new HashSet<>();
  private final List<double[]> schools = new ArrayList<>();
  private final List<double[]> hospitals = new ArrayList<>();

  CityLayout(DemoCity city, long seed) {
    this.city = city;
    this.mask = city.mask();
    this.rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
    int nd = city.districts().size();
    weights = new double[nd];
    for (int d = 0; d < nd; d++) {
      weights[d] = URBAN_WEIGHT.getOrDefault(city.districts().get(d).name(), DEFAULT_WEIGHT);
    }
    buildRoads();
    buildBusyPlaces();
    buildResidential();
    buildConstructionSites();
    buildAnchors();
    List<DemoLayers.Exclusion> exclusions = buildExclusions();
    List<DemoLayers.Facility> facilities = buildFacilities();
    List<DemoLayers.Candidate> candidates = buildCandidates(facilities);
    layers = new DemoLayers(city.districts(), facilities, exclusions, candidates);
  }

  double urbanWeight(int d) {
    return weights[d];
  }

  private String district(int d) {
    return city.districts().get(d).name();
  }

  /** Largest-remainder apportionment of {@code total} over the districts by urban weight, at least 1 each. */
  private int[] apportion(int total) {
    int nd = weights.length;
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    int[] n = new int[nd];
    double[] rem = new double[nd];
    int given = 0;
    for (int d = 0; d < nd; d++) {
      double exact = total * weights[d] / sum;
      n[d] = Math.max(1, (int) exact);
      rem[d] = exact - (int) exact;
      given += n[d];
    }
    while (given < total) {
      int best = 0;
      for (int d = 1; d < nd; d++) {
        if (rem[d] > rem[best]) {
          best = d;
        }
      }
      n[best]++;
      rem[best] = -1;
      given++;
    }
    return n;
  }

  private int pickDistrict() {
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    double u = rng.nextDouble() * sum;
    for (int d = 0; d < weights.length; d++) {
      u -= weights[d];
      if (u < 0) {
        return d;
      }
    }
    return weights.length - 1;
  }

  private String uniqueName(String district, String suffix) {
    for (int i = 0; i < 20; i++) {
      String name = district + SYLLABLES[rng.nextInt(SYLLABLES.length)] + suffix;
      if (names.add(name)) {
        return name;
      }
    }
    for (int k = 2; ; k++) {
      String name = district + SYLLABLES[rng.nextInt(SYLLABLES.length)] + k + suffix;
      if (names.add(name)) {
        return name;
      }
    }
  }

  private static double minDistance(double lon, double lat, List<double[]> pts) {
    double best = Double.MAX_VALUE;
    for (double[] p : pts) {
      best = Math.min(best, LocalMetres.distance(lon, lat, p[0], p[1]));
    }
    return best;
  }

  private static List<double[]> coords(List<Place> places) {
    return places.stream().map(p -> new double[] {p.lon(), p.lat()}).toList();
  }

  /** A point {@code minM}..{@code maxM} metres in a random direction from (lon, lat), inside the city, or null. */
  private double[] near(double lon, double lat, double minM, double maxM) {
    for (int i = 0; i < 50; i++) {
      double r = minM + rng.nextDouble() * (maxM - minM);
      double a = rng.nextDouble() * 2 * Math.PI;
      double x = round7(lon + r * StrictMath.cos(a) / M_PER_DEG_LON);
      double y = round7(lat + r * StrictMath.sin(a) / M_PER_DEG_LAT);
      if (mask.districtAt(x, y) >= 0) {
        return new double[] {x, y};
      }
    }
    return null;
  }

  private double roadDistance(double lon, double lat) {
    double best = Double.MAX_VALUE;
    for (double[][] r : roadArrays) {
      best = Math.min(best, LocalMetres.distanceToLine(lon, lat, r[0], r[1]));
    }
    return best;
  }

  /** True when a vendor zone or station here keeps clear of school gates, hospitals and roads (with margin). */
  private boolean clearOfExclusions(double lon, double lat) {
    return minDistance(lon, lat, schools) > SCHOOL_BUFFER_M + 50
        && minDistance(lon, lat, hospitals) > HOSPITAL_BUFFER_M + 50
        && roadDistance(lon, lat) > ROAD_BUFFER_M + 30;
  }

  private void buildRoads() {
    int made = 0;
    for (int attempt = 0; made < ROADS && attempt < 20_000; attempt++) {
      int a = pickDistrict();
      double[] p0 = mask.randomPointIn(a, rng);
      double len = 12_000 + rng.nextDouble() * 23_000;
      double ang = rng.nextDouble() * 2 * Math.PI;
      double ux = StrictMath.cos(ang);
      double uy = StrictMath.sin(ang);
      int segs = (int) Math.ceil(len / 1_500);
      double[] lons = new double[segs + 1];
      double[] lats = new double[segs + 1];
      double offset = 0;
      Set<Integer> crossed = new HashSet<>();
      boolean ok = true;
      for (int i = 0; i <= segs && ok; i++) {
        double along = len * i / segs;
        if (i > 0 && i < segs) {
          offset = Math.max(-1_500, Math.min(1_500, offset + (rng.nextDouble() - 0.5) * 800));
        } else if (i == segs) {
          offset *= 0.5;
        }
        double x = along * ux - offset * uy;
        double y = along * uy + offset * ux;
        lons[i] = round7(p0[0] + x / M_PER_DEG_LON);
        lats[i] = round7(p0[1] + y / M_PER_DEG_LAT);
        int d = mask.districtAt(lons[i], lats[i]);
        ok = d >= 0;
        crossed.add(d);
      }
      if (!ok || crossed.size() < 2) {
        continue;
      }
      Coordinate[] cs = new Coordinate[lons.length];
      for (int i = 0; i < cs.length; i++) {
        cs[i] = new Coordinate(lons[i], lats[i]);
      }
      LineString ls = DemoCity.GF.createLineString(cs);
      roads.add(new DemoCity.Road(ROAD_NAMES[made], ls));
      roadArrays.add(new double[][] {lons, lats});
      made++;
    }
  }

  private void buildBusyPlaces() {
    int[] counts = apportion(BUSY_PLACES);
    List<double[]> taken = new ArrayList<>();
    for (int d = 0; d < counts.length; d++) {
      for (int k = 0; k < counts[d]; k++) {
        double u = rng.nextDouble();
        String kind = u < 0.4 ? "metro" : u < 0.7 ? "market" : "street";
        double[] p = null;
        for (int t = 0; t < 300; t++) {
          double[] q = "metro".equals(kind) && t < 150 ? pointOnRoadIn(d) : null;
          if (q == null) {
            q = mask.randomPointIn(d, rng);
          }
          p = q;
          if (minDistance(q[0], q[1], taken) > 1_200) {
            break;
          }
        }
        taken.add(p);
        String suffix = switch (kind) {
          case "metro" -> "地铁站";
          case "market" -> "农贸市场";
          default -> "商业街";
        };
        busyPlaces.add(new Place(kind, uniqueName(district(d), suffix), district(d), p[0], p[1],
            150 + rng.nextInt(151)));
      }
    }
  }

  /** A point 40-150 m beside a random road vertex lying in district d, or null if no road enters it. */
  private double[] pointOnRoadIn(int d) {
    List<double[]> inside = new ArrayList<>();
    for (double[][] r : roadArrays) {
      for (int i = 0; i < r[0].length; i++) {
        if (mask.districtAt(r[0][i], r[1][i]) == d) {
          inside.add(new double[] {r[0][i], r[1][i]});
        }
      }
    }
    if (inside.isEmpty()) {
      return null;
    }
    double[] v = inside.get(rng.nextInt(inside.size()));
    double[] p = near(v[0], v[1], 40, 150);
    return p != null && mask.districtAt(p[0], p[1]) == d ? p : null;
  }

  private void buildResidential() {
    int[] counts = apportion(RESIDENTIAL);
    List<double[]> taken = new ArrayList<>();
    for (int d = 0; d < counts.length; d++) {
      for (int k = 0; k < counts[d]; k++) {
        double[] p = null;
        for (int t = 0; t < 100; t++) {
          p = mask.randomPointIn(d, rng);
          if (minDistance(p[0], p[1], taken) > 600) {
            break;
          }
        }
        taken.add(p);
        residential.add(new Place("residential", uniqueName(district(d), "小区"), district(d), p[0], p[1],
            200 + rng.nextInt(201)));
      }
    }
  }

  private void buildConstructionSites() {
    int[] counts = apportion(CONSTRUCTION_SITES);
    for (int d = 0; d < counts.length; d++) {
      for (int k = 0; k < counts[d]; k++) {
        double[] p = mask.randomPointIn(d, rng);
        constructionSites.add(new Place("construction_site", uniqueName(district(d), "项目工地"), district(d),
            p[0], p[1], 60 + rng.nextInt(61)));
      }
    }
  }

  private void buildAnchors() {
    String[][] specs = {
        {"EMERGING", "0510", "烧烤夜市", "龙华区"}, {"EMERGING", "0102", "城中村垃圾点", "宝安区"},
        {"EMERGING", "0504", "新开商业街", "龙岗区"}, {"FADING", "0501", "天桥摊点", "罗湖区"},
        {"FADING", "0302", "收尾工地", "南山区"}, {"FADING", "0201", "旧改片区", "光明区"}};
    List<double[]> busy = coords(busyPlaces);
    List<double[]> local = new ArrayList<>(coords(residential));
    local.addAll(coords(constructionSites));
    List<double[]> taken = new ArrayList<>();
    for (String[] s : specs) {
      int d = city.districts().stream().map(DemoLayers.District::name).toList().indexOf(s[3]);
      double[] p = null;
      for (int t = 0; t < 5_000; t++) {
        int dd = d >= 0 && t < 2_500 ? d : pickDistrict();
        double[] q = mask.randomPointIn(dd, rng);
        boolean strict = t < 4_000;
        if (minDistance(q[0], q[1], busy) > 2_000 && minDistance(q[0], q[1], taken) > 2_000
            && (!strict || minDistance(q[0], q[1], local) > 800)) {
          p = q;
          break;
        }
      }
      if (p == null) {
        throw new IllegalStateException("no room for a trend anchor; the district polygons are too small");
      }
      taken.add(p);
      String dn = city.districtAt(p[0], p[1]);
      anchors.add(new TrendAnchor(uniqueName(dn, s[2]), TrendAnchor.Trend.valueOf(s[0]), s[1], p[0], p[1], 200));
    }
  }

  private List<DemoLayers.Exclusion> buildExclusions() {
    List<DemoLayers.Exclusion> out = new ArrayList<>();
    int[] counts = apportion(SCHOOLS);
    for (int d = 0; d < counts.length; d++) {
      String dn = district(d);
      List<Place> blocks = residential.stream().filter(b -> b.district().equals(dn)).toList();
      for (int k = 0; k < counts[d]; k++) {
        double[] p = null;
        if (!blocks.isEmpty()) {
          Place b = blocks.get(rng.nextInt(blocks.size()));
          p = near(b.lon(), b.lat(), 150, 600);
        }
        if (p == null || mask.districtAt(p[0], p[1]) != d) {
          p = mask.randomPointIn(d, rng);
        }
        schools.add(p);
        String name = uniqueName(district(d), rng.nextBoolean() ? "小学" : "中学");
        out.add(new DemoLayers.Exclusion(DemoLayers.SCHOOL, name, SCHOOL_BUFFER_M, point(p)));
      }
    }
    counts = apportion(HOSPITALS);
    for (int d = 0; d < counts.length; d++) {
      for (int k = 0; k < counts[d]; k++) {
        double[] p = null;
        for (int t = 0; t < 100; t++) {
          p = mask.randomPointIn(d, rng);
          if (minDistance(p[0], p[1], hospitals) > 1_500) {
            break;
          }
        }
        hospitals.add(p);
        String name = uniqueName(district(d), k == 0 ? "人民医院" : "社康中心");
        out.add(new DemoLayers.Exclusion(DemoLayers.HOSPITAL, name, HOSPITAL_BUFFER_M, point(p)));
      }
    }
    for (DemoCity.Road r : roads) {
      out.add(new DemoLayers.Exclusion(DemoLayers.ARTERIAL_ROAD, r.name(), ROAD_BUFFER_M, r.geom()));
    }
    return out;
  }

  private static org.locationtech.jts.geom.Point point(double[] p) {
    return DemoCity.GF.createPoint(new Coordinate(p[0], p[1]));
  }

  /** Near a random anchor, clear of exclusions and at least {@code spacingM} from {@code others}. */
  private double[] siteNear(List<Place> anchorsFrom, double minM, double maxM, List<double[]> others,
      double spacingM) {
    double[] fallback = null;
    for (int t = 0; t < 2_000; t++) {
      Place a = anchorsFrom.get(rng.nextInt(anchorsFrom.size()));
      double[] p = near(a.lon(), a.lat(), minM, maxM);
      if (p == null || !clearOfExclusions(p[0], p[1])) {
        continue;
      }
      if (minDistance(p[0], p[1], others) > spacingM) {
        return p;
      }
      if (fallback == null) {
        fallback = p;
      }
    }
    if (fallback == null) {
      throw new IllegalStateException("no site clear of exclusions");
    }
    return fallback;
  }

  private List<DemoLayers.Facility> buildFacilities() {
    List<DemoLayers.Facility> out = new ArrayList<>();
    List<Place> anchorsFrom = new ArrayList<>(busyPlaces);
    anchorsFrom.addAll(residential);
    List<double[]> stations = new ArrayList<>();
    for (int k = 0; k < STATIONS; k++) {
      double[] p = siteNear(anchorsFrom, 100, 400, stations, 1_500);
      stations.add(p);
      String name = uniqueName(city.districtAt(p[0], p[1]), "驿站");
      out.add(new DemoLayers.Facility(DemoLayers.SERVICE_STATION, name, p[0], p[1], 3 + rng.nextInt(6)));
    }
    List<double[]> zones = new ArrayList<>();
    for (int k = 0; k < VENDOR_ZONES; k++) {
      double[] p = siteNear(busyPlaces, 300, 600, zones, 1_000);
      zones.add(p);
      String name = uniqueName(city.districtAt(p[0], p[1]), "便民摊点");
      out.add(new DemoLayers.Facility(DemoLayers.VENDOR_ZONE, name, p[0], p[1], 20 + rng.nextInt(41)));
    }
    for (Place b : busyPlaces) {
      if ("market".equals(b.kind())) {
        out.add(new DemoLayers.Facility(DemoLayers.MARKET, b.name(), b.lon(), b.lat(), 80 + rng.nextInt(221)));
      }
    }
    return out;
  }

  private List<DemoLayers.Candidate> buildCandidates(List<DemoLayers.Facility> facilities) {
    List<DemoLayers.Candidate> out = new ArrayList<>();
    List<double[]> zones = new ArrayList<>(facilities.stream()
        .filter(f -> f.kind().equals(DemoLayers.VENDOR_ZONE)).map(f -> new double[] {f.lon(), f.lat()}).toList());
    for (int k = 0; k < CANDIDATES_EACH; k++) {
      double[] p = siteNear(busyPlaces, 200, 500, zones, 600);
      zones.add(p);
      String name = uniqueName(city.districtAt(p[0], p[1]), "摊点候选点");
      out.add(new DemoLayers.Candidate(DemoLayers.VENDOR_ZONE, name, p[0], p[1], 20 + rng.nextInt(41)));
    }
    List<double[]> stations = new ArrayList<>(facilities.stream()
        .filter(f -> f.kind().equals(DemoLayers.SERVICE_STATION)).map(f -> new double[] {f.lon(), f.lat()}).toList());
    List<Place> anchorsFrom = new ArrayList<>(busyPlaces);
    anchorsFrom.addAll(residential);
    for (int k = 0; k < CANDIDATES_EACH; k++) {
      double[] p = siteNear(anchorsFrom, 100, 400, stations, 1_000);
      stations.add(p);
      String name = uniqueName(city.districtAt(p[0], p[1]), "驿站候选点");
      out.add(new DemoLayers.Candidate(DemoLayers.SERVICE_STATION, name, p[0], p[1], 3 + rng.nextInt(6)));
    }
    return out;
  }
}
