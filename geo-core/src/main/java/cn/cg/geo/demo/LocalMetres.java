package cn.cg.geo.demo;

/**
 * Equirectangular metres around latitude 22.6° N (Shenzhen): good to well under 1 % over the city,
 * plenty for placing synthetic points and measuring a few hundred metres.
 */
final class LocalMetres {
  static final double REF_LAT = 22.6;
  static final double M_PER_DEG_LAT = 110_574.0;
  static final double M_PER_DEG_LON = 111_320.0 * StrictMath.cos(StrictMath.toRadians(REF_LAT));

  private LocalMetres() {}

  static double distance(double lon1, double lat1, double lon2, double lat2) {
    double dx = (lon2 - lon1) * M_PER_DEG_LON;
    double dy = (lat2 - lat1) * M_PER_DEG_LAT;
    return Math.sqrt(dx * dx + dy * dy);
  }

  /** Distance from a point to a polyline given as lon/lat arrays. */
  static double distanceToLine(double lon, double lat, double[] lons, double[] lats) {
    double best = Double.MAX_VALUE;
    for (int i = 0; i + 1 < lons.length; i++) {
      double ax = (lons[i] - lon) * M_PER_DEG_LON;
      double ay = (lats[i] - lat) * M_PER_DEG_LAT;
      double bx = (lons[i + 1] - lon) * M_PER_DEG_LON;
      double by = (lats[i + 1] - lat) * M_PER_DEG_LAT;
      double dx = bx - ax;
      double dy = by - ay;
      double len2 = dx * dx + dy * dy;
      double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
      double px = ax + t * dx;
      double py = ay + t * dy;
      best = Math.min(best, Math.sqrt(px * px + py * py));
    }
    return best;
  }

  /** Rounds a coordinate to the 7 decimals the CSV carries (about 1 cm). */
  static double round7(double deg) {
    return Math.round(deg * 1e7) / 1e7;
  }
}
