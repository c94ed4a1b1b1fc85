package cn.cg.api.heatmap;

import java.util.Arrays;

/**
 * A grid over boxes (a query's cells' lon/lat bounds) that answers which boxes meet a tile, so that a vector
 * tile picks its cells without testing every cell of the city (a resolution-10 month of the 10M-case city
 * has 170,000 of them).
 *
 * <p>Dense buckets over the boxes' centres, each bucket's boxes contiguous in {@link #order}: one row of
 * buckets is one slice. A box reaches at most half the widest (tallest) box past its centre, so a query box
 * grown by that much meets every bucket that can hold a box meeting it.
 */
final class BoundsGrid {

    /** Buckets are this many of the largest box's side: a zoom-16 tile then meets a handful of buckets. */
    private static final double BUCKET_BOXES = 4;

    private final double[] west;
    private final double[] south;
    private final double[] east;
    private final double[] north;
    private final double originX;
    private final double originY;
    private final double bucket;
    private final int columns;
    private final int rows;
    /** The boxes' indices by bucket: bucket k = gy * columns + gx holds order[start[k]] .. order[start[k + 1] - 1]. */
    private final int[] order;
    private final int[] start;
    private final double reachX;
    private final double reachY;

    /** The arrays are kept, not copied: the caller must not change them. */
    BoundsGrid(double[] west, double[] south, double[] east, double[] north) {
        this.west = west;
        this.south = south;
        this.east = east;
        this.north = north;
        int n = west.length;
        double maxW = 0;
        double maxH = 0;
        double minCx = Double.POSITIVE_INFINITY;
        double minCy = Double.POSITIVE_INFINITY;
        double maxCx = Double.NEGATIVE_INFINITY;
        double maxCy = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            maxW = Math.max(maxW, east[i] - west[i]);
            maxH = Math.max(maxH, north[i] - south[i]);
            minCx = Math.min(minCx, centreX(i));
            minCy = Math.min(minCy, centreY(i));
            maxCx = Math.max(maxCx, centreX(i));
            maxCy = Math.max(maxCy, centreY(i));
        }
        this.reachX = maxW / 2;
        this.reachY = maxH / 2;
        this.bucket = n == 0 ? 1 : Math.max(BUCKET_BOXES * Math.max(maxW, maxH), 1e-9);
        this.originX = n == 0 ? 0 : minCx;
        this.originY = n == 0 ? 0 : minCy;
        this.columns = n == 0 ? 1 : (int) Math.floor((maxCx - minCx) / bucket) + 1;
        this.rows = n == 0 ? 1 : (int) Math.floor((maxCy - minCy) / bucket) + 1;
        // Counting sort of the indices by bucket.
        int[] key = new int[n];
        this.start = new int[columns * rows + 1];
        for (int i = 0; i < n; i++) {
            key[i] = column(centreX(i)) + row(centreY(i)) * columns;
            start[key[i] + 1]++;
        }
        for (int k = 0; k < columns * rows; k++) {
            start[k + 1] += start[k];
        }
        int[] next = Arrays.copyOf(start, start.length - 1);
        this.order = new int[n];
        for (int i = 0; i < n; i++) {
            order[next[key[i]]++] = i;
        }
    }

    int size() {
        return west.length;
    }

    /** Bytes held (the boxes and the grid), for a cache's weigher. */
    long bytes() {
        return 36L * west.length + 4L * start.length + 128;
    }

    /** The indices of the boxes that meet the box (edges included), ascending. */
    int[] meeting(double w, double s, double e, double n) {
        int gx0 = Math.max(0, column(w - reachX));
        int gx1 = Math.min(columns - 1, column(e + reachX));
        int gy0 = Math.max(0, row(s - reachY));
        int gy1 = Math.min(rows - 1, row(n + reachY));
        int[] hits = new int[16];
        int count = 0;
        for (int gy = gy0; gy <= gy1 && gx0 <= gx1; gy++) {
            for (int k = start[gy * columns + gx0], end = start[gy * columns + gx1 + 1]; k < end; k++) {
                int i = order[k];
                if (east[i] >= w && west[i] <= e && north[i] >= s && south[i] <= n) {
                    if (count == hits.length) {
                        hits = Arrays.copyOf(hits, 2 * count);
                    }
                    hits[count++] = i;
                }
            }
        }
        int[] out = Arrays.copyOf(hits, count);
        Arrays.sort(out);
        return out;
    }

    private double centreX(int i) {
        return (west[i] + east[i]) / 2;
    }

    private double centreY(int i) {
        return (south[i] + north[i]) / 2;
    }

    /** -1 and columns (rows) stand for beyond the grid, so that a box outside it meets no bucket. */
    private int column(double lon) {
        return (int) Math.max(-1, Math.min(columns, Math.floor((lon - originX) / bucket)));
    }

    private int row(double lat) {
        return (int) Math.max(-1, Math.min(rows, Math.floor((lat - originY) / bucket)));
    }
}
