package cn.cg.api.heatmap;

import cn.cg.api.system.InvalidParameterException;

/**
 * Spherical Web Mercator (EPSG:3857) and the XYZ tile scheme: tile (0,0) is the north-west corner,
 * 256 pixels a side. One Mercator unit is {@code cos(lat)} metres on the ground at latitude lat.
 */
final class WebMercator {

    static final double RADIUS = 6378137.0;
    static final double HALF = Math.PI * RADIUS;
    static final double MAX_LAT = 85.0511287798066;
    static final int TILE = 256;

    /** A north-up box in EPSG:3857 units. */
    record Box(double minX, double minY, double maxX, double maxY) {
        double width() {
            return maxX - minX;
        }

        Box grow(double d) {
            return new Box(minX - d, minY - d, maxX + d, maxY + d);
        }
    }

    private WebMercator() {
    }

    static void checkTile(int z, int x, int y, int maxZoom) {
        if (z < 0 || z > maxZoom) {
            throw new InvalidParameterException("z", "zoom " + z + " is outside 0-" + maxZoom);
        }
        long n = 1L << z;
        if (x < 0 || x >= n) {
            throw new InvalidParameterException("x", "column " + x + " is outside 0-" + (n - 1) + " at zoom " + z);
        }
        if (y < 0 || y >= n) {
            throw new InvalidParameterException("y", "row " + y + " is outside 0-" + (n - 1) + " at zoom " + z);
        }
    }

    static Box tile(int z, int x, int y) {
        double size = 2 * HALF / (1L << z);
        double minX = -HALF + x * size;
        double maxY = HALF - y * size;
        return new Box(minX, maxY - size, minX + size, maxY);
    }

    /** The column of the zoom's tile that holds the longitude. */
    static int tileX(double lon, int z) {
        long n = 1L << z;
        return (int) Math.max(0, Math.min(n - 1, (long) Math.floor((lon + 180) / 360 * n)));
    }

    /** The row of the zoom's tile that holds the latitude (row 0 is the north edge). */
    static int tileY(double lat, int z) {
        long n = 1L << z;
        return (int) Math.max(0, Math.min(n - 1, (long) Math.floor((HALF - y(lat)) / (2 * HALF / n))));
    }

    static double x(double lon) {
        return Math.toRadians(lon) * RADIUS;
    }

    static double y(double lat) {
        return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2)) * RADIUS;
    }

    static double lon(double x) {
        return Math.toDegrees(x / RADIUS);
    }

    static double lat(double y) {
        return Math.toDegrees(2 * Math.atan(Math.exp(y / RADIUS)) - Math.PI / 2);
    }

    /** Ground metres per Mercator unit at latitude lat. */
    static double metresPerUnit(double lat) {
        return Math.cos(Math.toRadians(lat));
    }

    /**
     * The box grown by {@code metres} on the ground in every direction: in Mercator units that is
     * metres / cos(lat) at the grown box's latitude furthest from the equator.
     */
    static Box growByMetres(Box b, double metres) {
        double far = Math.max(Math.abs(lat(Math.min(HALF, b.maxY()))), Math.abs(lat(Math.max(-HALF, b.minY()))));
        double d = metres / metresPerUnit(Math.min(MAX_LAT, far + Math.toDegrees(metres / RADIUS) * 2));
        return b.grow(d);
    }
}
