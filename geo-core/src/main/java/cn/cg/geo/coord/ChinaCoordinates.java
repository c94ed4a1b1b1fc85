package cn.cg.geo.coord;

/**
 * Conversions between WGS-84 and the two obfuscated Chinese datums: GCJ-02 (AutoNavi, Tencent) and
 * BD-09 (Baidu). Everything is stored in WGS-84; these run on import and when a map's base layer is
 * in GCJ-02 and overlays must be shifted to match it.
 *
 * <p>Coordinates are (lon, lat) in degrees; results are {@code double[]{lon, lat}}.
 */
public final class ChinaCoordinates {

    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;
    // BD-09 uses x_pi = pi * 3000 / 180, not pi: using pi is a well-known bug in one popular library.
    private static final double X_PI = Math.PI * 3000.0 / 180.0;
    /** Iterating the GCJ-02 inverse converges below 0.1 mm within 4 steps; 1e-10 deg is about 0.01 mm. */
    private static final double INVERSE_TOLERANCE_DEG = 1e-10;
    private static final int INVERSE_MAX_STEPS = 30;

    private ChinaCoordinates() {
    }

    /** Outside this box (mainland China's rough bounds) GCJ-02 applies no offset. */
    public static boolean outOfChina(double lon, double lat) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    public static double[] wgs84ToGcj02(double lon, double lat) {
        if (outOfChina(lon, lat)) {
            return new double[] {lon, lat};
        }
        double[] d = offset(lon, lat);
        return new double[] {lon + d[0], lat + d[1]};
    }

    /**
     * GCJ-02 to WGS-84 by fixed-point iteration on the forward transform. The common one-step inverse
     * (subtracting the offset computed at the GCJ point) errs by up to about 5 m.
     */
    public static double[] gcj02ToWgs84(double lon, double lat) {
        if (outOfChina(lon, lat)) {
            return new double[] {lon, lat};
        }
        double wLon = lon;
        double wLat = lat;
        for (int i = 0; i < INVERSE_MAX_STEPS; i++) {
            double[] g = wgs84ToGcj02(wLon, wLat);
            double dLon = g[0] - lon;
            double dLat = g[1] - lat;
            wLon -= dLon;
            wLat -= dLat;
            if (Math.abs(dLon) < INVERSE_TOLERANCE_DEG && Math.abs(dLat) < INVERSE_TOLERANCE_DEG) {
                break;
            }
        }
        return new double[] {wLon, wLat};
    }

    public static double[] gcj02ToBd09(double lon, double lat) {
        double z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
        double theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * X_PI);
        return new double[] {z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006};
    }

    public static double[] bd09ToGcj02(double lon, double lat) {
        double x = lon - 0.0065;
        double y = lat - 0.006;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
        return new double[] {z * Math.cos(theta), z * Math.sin(theta)};
    }

    public static double[] bd09ToWgs84(double lon, double lat) {
        double[] g = bd09ToGcj02(lon, lat);
        return gcj02ToWgs84(g[0], g[1]);
    }

    public static double[] wgs84ToBd09(double lon, double lat) {
        double[] g = wgs84ToGcj02(lon, lat);
        return gcj02ToBd09(g[0], g[1]);
    }

    /** The GCJ-02 offset (dLon, dLat) in degrees at a WGS-84 point, centred on (105, 35). */
    private static double[] offset(double lon, double lat) {
        double x = lon - 105.0;
        double y = lat - 35.0;
        double dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
                + (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0
                + (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0
                + (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        double dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
                + (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0
                + (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0
                + (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        double radLat = lat / 180.0 * Math.PI;
        double magic = Math.sin(radLat);
        magic = 1 - EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {dLon, dLat};
    }
}
