package cn.cg.api.heatmap;

import cn.cg.api.heatmap.WebMercator.Box;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The weighted cell centres of one query at one resolution, in Web Mercator with their ground scale,
 * bucketed in a grid so that a tile picks the points near it without going back to the database.
 */
final class CellPoints {

    /** Grid bucket size in Mercator units (about 1.8 km on the ground at 22.5 N). */
    static final double BUCKET = 2000;

    final double[] x;
    final double[] y;
    final double[] w;
    final double[] scale;
    final double[] lon;
    final double[] lat;
    private final Map<Long, int[]> grid = new HashMap<>();

    CellPoints(double[] lon, double[] lat, double[] w) {
        int n = lon.length;
        this.lon = lon;
        this.lat = lat;
        this.w = w;
        this.x = new double[n];
        this.y = new double[n];
        this.scale = new double[n];
        Map<Long, List<Integer>> buckets = new HashMap<>();
        for (int i = 0; i < n; i++) {
            x[i] = WebMercator.x(lon[i]);
            y[i] = WebMercator.y(lat[i]);
            scale[i] = WebMercator.metresPerUnit(lat[i]);
            buckets.computeIfAbsent(key(Math.floor(x[i] / BUCKET), Math.floor(y[i] / BUCKET)), k -> new ArrayList<>()).add(i);
        }
        buckets.forEach((k, v) -> grid.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    }

    int size() {
        return x.length;
    }

    /** Bytes held, for the cache's weigher. */
    long bytes() {
        return 6L * 8 * x.length + 16L * x.length + 256;
    }

    /** The points inside a box (Mercator units), as {x, y, w, scale} arrays. */
    double[][] within(Box b) {
        long gx0 = (long) Math.floor(b.minX() / BUCKET);
        long gx1 = (long) Math.floor(b.maxX() / BUCKET);
        long gy0 = (long) Math.floor(b.minY() / BUCKET);
        long gy1 = (long) Math.floor(b.maxY() / BUCKET);
        List<Integer> hits = new ArrayList<>();
        if ((gx1 - gx0 + 1) * (gy1 - gy0 + 1) > grid.size()) {
            for (int i = 0; i < x.length; i++) {
                if (inside(b, i)) {
                    hits.add(i);
                }
            }
        } else {
            for (long gx = gx0; gx <= gx1; gx++) {
                for (long gy = gy0; gy <= gy1; gy++) {
                    int[] bucket = grid.get(key(gx, gy));
                    if (bucket != null) {
                        for (int i : bucket) {
                            if (inside(b, i)) {
                                hits.add(i);
                            }
                        }
                    }
                }
            }
        }
        int n = hits.size();
        double[][] out = new double[4][n];
        for (int k = 0; k < n; k++) {
            int i = hits.get(k);
            out[0][k] = x[i];
            out[1][k] = y[i];
            out[2][k] = w[i];
            out[3][k] = scale[i];
        }
        return out;
    }

    private boolean inside(Box b, int i) {
        return x[i] >= b.minX() && x[i] <= b.maxX() && y[i] >= b.minY() && y[i] <= b.maxY();
    }

    private static long key(double gx, double gy) {
        return ((long) gx << 32) ^ ((long) gy & 0xffffffffL);
    }
}
