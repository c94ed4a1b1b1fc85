package cn.cg.geo.grid;

import java.util.Arrays;

/**
 * A uniform bucket grid over planar points (projected metres), for neighbour queries without looking at
 * all pairs: points within a radius, and the k nearest points. Cells are sized so that an average cell
 * holds a few points; clustered data only makes some buckets fuller, the answers stay exact.
 *
 * <p>Used for the site solvers' distances ({@code cn.cg.geo.allocation.EuclideanDistances}): 20,000 demand
 * points x 2,000 sites are 40 M pairs, while a 1 km coverage list or a 200-nearest list touches a few hundred
 * points per query; and for {@link cn.cg.geo.density.KernelDensity#maxAtPoints}, each point's neighbours within
 * one bandwidth.
 */
public final class UniformGrid {

    private final double[] x;
    private final double[] y;
    private final double x0;
    private final double y0;
    private final double cell;
    private final int cols;
    private final int rows;
    /** Points of cell c are {@code ids[start[c] .. start[c + 1])}, in index order. */
    private final int[] start;
    private final int[] ids;
    /** The points' coordinates in that same order, so that a bucket's points are read one after the other. */
    private final double[] sortedX;
    private final double[] sortedY;

    public UniformGrid(double[] x, double[] y, double cellSize) {
        this.x = x;
        this.y = y;
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            minX = Math.min(minX, x[i]);
            maxX = Math.max(maxX, x[i]);
            minY = Math.min(minY, y[i]);
            maxY = Math.max(maxY, y[i]);
        }
        // Cap the cell count (memory) for sparse extents; a bigger cell only means more points per bucket.
        double size = Math.max(cellSize, Math.max(maxX - minX, maxY - minY) / 2048);
        this.cell = size > 0 ? size : 1;
        this.x0 = minX;
        this.y0 = minY;
        this.cols = (int) Math.floor((maxX - minX) / cell) + 1;
        this.rows = (int) Math.floor((maxY - minY) / cell) + 1;
        this.start = new int[cols * rows + 1];
        int[] of = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            of[i] = col(x[i]) + cols * row(y[i]);
            start[of[i] + 1]++;
        }
        for (int c = 0; c < cols * rows; c++) {
            start[c + 1] += start[c];
        }
        this.ids = new int[x.length];
        int[] fill = Arrays.copyOf(start, cols * rows);
        this.sortedX = new double[x.length];
        this.sortedY = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int q = fill[of[i]]++;
            ids[q] = i;
            sortedX[q] = x[i];
            sortedY[q] = y[i];
        }
    }

    /** A cell size giving about {@code perCell} points per non-empty area cell on a uniform spread. */
    public static double cellFor(double[] x, double[] y, double perCell) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            minX = Math.min(minX, x[i]);
            maxX = Math.max(maxX, x[i]);
            minY = Math.min(minY, y[i]);
            maxY = Math.max(maxY, y[i]);
        }
        double area = Math.max(1, (maxX - minX)) * Math.max(1, (maxY - minY));
        return Math.sqrt(area * perCell / Math.max(1, x.length));
    }

    private int col(double px) {
        return Math.min(cols - 1, Math.max(0, (int) Math.floor((px - x0) / cell)));
    }

    private int row(double py) {
        return Math.min(rows - 1, Math.max(0, (int) Math.floor((py - y0) / cell)));
    }

    /** Same formula as {@code EuclideanDistances.distance}, so list membership agrees with it exactly. */
    private double dist(int i, double px, double py) {
        double ex = px - x[i];
        double ey = py - y[i];
        return Math.sqrt(ex * ex + ey * ey);
    }

    /**
     * Points with distance {@code <= radius} from (px, py), written to {@code out} (grown as needed)
     * with their distances; returns the count. Order: by cell, unsorted.
     */
    public int within(double px, double py, double radius, int[][] out, double[][] outDist) {
        int c0 = col(px - radius);
        int c1 = col(px + radius);
        int r0 = row(py - radius);
        int r1 = row(py + radius);
        // Buckets whose nearest edge is beyond the radius, and points whose squared distance is, are passed over
        // before any square root; the slack keeps rounding of those bounds from dropping a point on the circle,
        // which the exact test below (the same formula as dist) then decides.
        double loose = radius * (1 + 1e-9) + cell * 1e-9;
        double loose2 = loose * loose;
        int k = 0;
        for (int r = r0; r <= r1; r++) {
            double gy = gapTo(py, y0 + r * cell);
            for (int c = c0; c <= c1; c++) {
                double gx = gapTo(px, x0 + c * cell);
                if (gx * gx + gy * gy > loose2) {
                    continue;
                }
                int cellId = c + cols * r;
                for (int q = start[cellId]; q < start[cellId + 1]; q++) {
                    double ex = px - sortedX[q];
                    double ey = py - sortedY[q];
                    double d2 = ex * ex + ey * ey;
                    if (d2 > loose2) {
                        continue;
                    }
                    double d = Math.sqrt(d2);
                    if (d <= radius) {
                        if (k == out[0].length) {
                            out[0] = Arrays.copyOf(out[0], 2 * k + 16);
                            outDist[0] = Arrays.copyOf(outDist[0], 2 * k + 16);
                        }
                        out[0][k] = ids[q];
                        outDist[0][k] = d;
                        k++;
                    }
                }
            }
        }
        return k;
    }

    /** The distance from v to a bucket's span [from, from + cell] along one axis (0 inside it). */
    private double gapTo(double v, double from) {
        return v < from ? from - v : Math.max(0, v - (from + cell));
    }

    /**
     * The {@code k} nearest points to (px, py), nearest first, ties by index: rings of cells around the
     * query cell are scanned until the k-th best distance is no larger than the distance to any cell
     * not yet scanned.
     */
    public void nearest(double px, double py, int k, int[] outIds, double[] outDist) {
        // Max-heap of the best k so far, keyed by (distance, index).
        int size = 0;
        int qc = col(px);
        int qr = row(py);
        int maxRing = Math.max(cols, rows);
        for (int ring = 0; ring <= maxRing; ring++) {
            for (int r = qr - ring; r <= qr + ring; r++) {
                if (r < 0 || r >= rows) {
                    continue;
                }
                boolean edgeRow = r == qr - ring || r == qr + ring;
                for (int c = qc - ring; c <= qc + ring; c += edgeRow ? 1 : 2 * ring) {
                    if (c >= 0 && c < cols) {
                        int cellId = c + cols * r;
                        for (int q = start[cellId]; q < start[cellId + 1]; q++) {
                            int i = ids[q];
                            double d = dist(i, px, py);
                            if (size < k) {
                                outIds[size] = i;
                                outDist[size] = d;
                                siftUp(outIds, outDist, size++);
                            } else if (less(d, i, outDist[0], outIds[0])) {
                                outIds[0] = i;
                                outDist[0] = d;
                                siftDown(outIds, outDist, 0, size);
                            }
                        }
                    }
                    if (ring == 0) {
                        break;
                    }
                }
            }
            if (size == k) {
                // Anything outside the scanned square is at least this far away.
                // A side at the grid's edge has nothing beyond it (a query point may lie outside the grid).
                double inf = Double.POSITIVE_INFINITY;
                double reach = Math.min(
                        Math.min(qc - ring <= 0 ? inf : px - (x0 + (qc - ring) * cell),
                                qc + ring >= cols - 1 ? inf : x0 + (qc + ring + 1) * cell - px),
                        Math.min(qr - ring <= 0 ? inf : py - (y0 + (qr - ring) * cell),
                                qr + ring >= rows - 1 ? inf : y0 + (qr + ring + 1) * cell - py));
                if (outDist[0] < reach) {
                    break;
                }
            }
        }
        // Heap sort in place: ascending by (distance, index).
        for (int end = size - 1; end > 0; end--) {
            swap(outIds, outDist, 0, end);
            siftDown(outIds, outDist, 0, end);
        }
    }

    private static boolean less(double da, int ia, double db, int ib) {
        return da < db || (da == db && ia < ib);
    }

    private static void siftUp(int[] id, double[] d, int pos) {
        while (pos > 0) {
            int parent = (pos - 1) / 2;
            if (less(d[parent], id[parent], d[pos], id[pos])) {
                swap(id, d, parent, pos);
                pos = parent;
            } else {
                return;
            }
        }
    }

    private static void siftDown(int[] id, double[] d, int pos, int size) {
        while (true) {
            int l = 2 * pos + 1;
            if (l >= size) {
                return;
            }
            int big = l;
            if (l + 1 < size && less(d[l], id[l], d[l + 1], id[l + 1])) {
                big = l + 1;
            }
            if (less(d[pos], id[pos], d[big], id[big])) {
                swap(id, d, pos, big);
                pos = big;
            } else {
                return;
            }
        }
    }

    private static void swap(int[] id, double[] d, int a, int b) {
        int ti = id[a];
        id[a] = id[b];
        id[b] = ti;
        double td = d[a];
        d[a] = d[b];
        d[b] = td;
    }
}
