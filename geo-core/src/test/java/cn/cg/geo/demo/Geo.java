package cn.cg.geo.demo;

import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;

/** Test helpers, independent of the generator's own grid mask and local metres. */
final class Geo {
  private Geo() {}

  static final double R = 6_371_008.8;

  /** Great-circle distance in metres. */
  static double haversine(double lon1, double lat1, double lon2, double lat2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * R * Math.asin(Math.sqrt(a));
  }

  static double nearest(double lon, double lat, List<Place> places) {
    double best = Double.MAX_VALUE;
    for (Place p : places) {
      best = Math.min(best, haversine(lon, lat, p.lon(), p.lat()));
    }
    return best;
  }

  /** Distance in metres to a polyline, in a plane tangent at the point (exact enough within kilometres). */
  static double toLine(double lon, double lat, LineString line) {
    double kx = Math.toRadians(1) * R * Math.cos(Math.toRadians(lat));
    double ky = Math.toRadians(1) * R;
    double best = Double.MAX_VALUE;
    Coordinate[] cs = line.getCoordinates();
    for (int i = 0; i + 1 < cs.length; i++) {
      double ax = (cs[i].x - lon) * kx;
      double ay = (cs[i].y - lat) * ky;
      double bx = (cs[i + 1].x - lon) * kx;
      double by = (cs[i + 1].y - lat) * ky;
      double dx = bx - ax;
      double dy = by - ay;
      double t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy)));
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
    }
    return best;
  }

  /** Point-in-district by JTS locators over the district geometries, with an envelope prefilter. */
  static final class Districts {
    private final List<DemoLayers.District> districts;
    private final IndexedPointInAreaLocator[] locators;
    private final Envelope[] envelopes;

    Districts(List<DemoLayers.District> districts) {
      this.districts = districts;
      locators = districts.stream().map(d -> new IndexedPointInAreaLocator(d.geom())).toArray(IndexedPointInAreaLocator[]::new);
      envelopes = districts.stream().map(d -> d.geom().getEnvelopeInternal()).toArray(Envelope[]::new);
    }

    /** Name of the district whose interior holds the point, or null. */
    String at(double lon, double lat) {
      Coordinate c = new Coordinate(lon, lat);
      for (int i = 0; i < locators.length; i++) {
        if (envelopes[i].contains(c) && locators[i].locate(c) == Location.INTERIOR) {
          return districts.get(i).name();
        }
      }
      return null;
    }
  }

  static double median(double[] v) {
    double[] s = v.clone();
    java.util.Arrays.sort(s);
    return s[s.length / 2];
  }
}
