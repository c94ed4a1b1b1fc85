package cn.cg.geo.demo;

import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * The planning layers of the demo city, shaped like the tables {@code admin_area} (level district),
 * {@code station}, {@code exclusion_zone} and {@code candidate_site}. Geometries are lon/lat with SRID 4326.
 * Kinds are the lower-case keys the schema's CHECK constraints accept.
 */
public record DemoLayers(
    List<District> districts, List<Facility> facilities, List<Exclusion> exclusions, List<Candidate> candidates) {

  public DemoLayers {
    districts = List.copyOf(districts);
    facilities = List.copyOf(facilities);
    exclusions = List.copyOf(exclusions);
    candidates = List.copyOf(candidates);
  }

  /** A district: name such as 福田区 or 大鹏新区, geometry as read from the GeoJSON. */
  public record District(String name, MultiPolygon geom) {}

  /** An existing facility: kind service_station, vendor_zone or market; capacity in staff or stalls. */
  public record Facility(String kind, String name, double lon, double lat, int capacity) {}

  /**
   * Where no vendor zone may go: kind school or hospital (geom a Point: the gate) or arterial_road (a
   * LineString); {@code bufferM} is 100, 50 and 20 m respectively and is not applied to {@code geom}.
   */
  public record Exclusion(String kind, String name, double bufferM, Geometry geom) {}

  /** A site a planner proposes: kind service_station or vendor_zone. */
  public record Candidate(String kind, String name, double lon, double lat, int capacity) {}

  public static final String SERVICE_STATION = "service_station";
  public static final String VENDOR_ZONE = "vendor_zone";
  public static final String MARKET = "market";
  public static final String SCHOOL = "school";
  public static final String HOSPITAL = "hospital";
  public static final String ARTERIAL_ROAD = "arterial_road";
}
