package cn.cg.api.suggestion;

/**
 * The one place where lon/lat become metres for the suggestion solvers: a local equirectangular
 * projection around a reference point (the centre of the study area), with the WGS-84 ellipsoid's
 * meridional and prime-vertical radii of curvature at the reference latitude as the two scales.
 *
 * <p>Why this and not UTM / Gauss-Kruger: a city spans well under one 3-degree zone, the solvers
 * only need distances of a few hundred metres to a few kilometres, and this needs no EPSG database.
 * Error: north-south distances are exact to about 1e-4 over a city; east-west distances are off by
 * about {@code tan(lat0) * dLat} (radians) at a latitude {@code dLat} away from the reference: in
 * Shenzhen (22.6 N, study area +-0.25 deg) at most 0.18 %, i.e. under 2 m on a 1,000 m radius.
 * PostGIS geography (geodesic on the ellipsoid) is the outside check in the integration tests.
 */
public record LocalProjection(double lon0, double lat0, double metresPerDegLon, double metresPerDegLat) {

    private static final double A = 6_378_137.0;
    private static final double E2 = 0.00669437999014;

    public static LocalProjection around(double lon0, double lat0) {
        double phi = Math.toRadians(lat0);
        double s = Math.sin(phi);
        double w = 1 - E2 * s * s;
        double meridional = A * (1 - E2) / (w * Math.sqrt(w));
        double primeVertical = A / Math.sqrt(w);
        return new LocalProjection(lon0, lat0, primeVertical * Math.cos(phi) * Math.PI / 180, meridional * Math.PI / 180);
    }

    /** Around the centre of the bounding box of the given points. */
    public static LocalProjection around(double[] lon, double[] lat) {
        double minLon = Double.POSITIVE_INFINITY, maxLon = Double.NEGATIVE_INFINITY;
        double minLat = Double.POSITIVE_INFINITY, maxLat = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < lon.length; i++) {
            minLon = Math.min(minLon, lon[i]);
            maxLon = Math.max(maxLon, lon[i]);
            minLat = Math.min(minLat, lat[i]);
            maxLat = Math.max(maxLat, lat[i]);
        }
        return lon.length == 0 ? around(0, 0) : around((minLon + maxLon) / 2, (minLat + maxLat) / 2);
    }

    public double x(double lon) {
        return (lon - lon0) * metresPerDegLon;
    }

    public double y(double lat) {
        return (lat - lat0) * metresPerDegLat;
    }

    public double[] xs(double[] lon) {
        double[] out = new double[lon.length];
        for (int i = 0; i < lon.length; i++) {
            out[i] = x(lon[i]);
        }
        return out;
    }

    public double[] ys(double[] lat) {
        double[] out = new double[lat.length];
        for (int i = 0; i < lat.length; i++) {
            out[i] = y(lat[i]);
        }
        return out;
    }

    public double lon(double x) {
        return lon0 + x / metresPerDegLon;
    }

    public double lat(double y) {
        return lat0 + y / metresPerDegLat;
    }
}
