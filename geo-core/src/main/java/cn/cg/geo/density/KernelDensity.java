package cn.cg.geo.density;

import cn.cg.geo.grid.UniformGrid;
import java.util.Arrays;

/**
 * Kernel density estimation over weighted points (design section 6): the quartic (biweight) kernel
 * {@code K(u) = 3/pi (1-u^2)^2} for {@code u = d/h < 1}, so a point of weight w spreads exactly w over
 * the disc of radius h, and density is in weight per square metre ({@link #PER_KM2} converts).
 *
 * <p>Points live in a planar coordinate system, each with its own scale: {@code metresPerUnit} is the
 * ground length of one coordinate unit at that point. In a local metric projection it is 1; in Web
 * Mercator it is {@code cos(lat)} of the point, which is how the API uses it: tiles are Web Mercator
 * pixels, and the ground distance between a pixel centre and a source point is its Mercator distance
 * times the point's {@code cos(lat)}. Because the scale belongs to the point and not to the tile, every
 * tile computes the same value at the same place, so tiles join without seams; within a bandwidth of a
 * few kilometres the error against the true geodesic distance is below 0.1 %.
 *
 * <p>Evaluation is exact (no binning): each point adds to every raster cell whose centre lies within
 * its bandwidth. A caller that wants a raster without edge effects passes the points within one
 * bandwidth of the raster's bounds as well as those inside.
 */
public final class KernelDensity {

    /** Square metres in a square kilometre: density per m2 times this is density per km2. */
    public static final double PER_KM2 = 1e6;

    /** Rows per band of {@link #raster}: 16 rows of a 256 px tile are 32 KB of sums, about a core's L1 data cache. */
    private static final int BAND_ROWS = 16;

    /** Runs of at least this many cells take the pixel loop that is profiled (and vectorised) as long. */
    private static final int LONG_RUN = 32;

    /** Column terms {@link #raster} holds at once (two doubles each, 16 MB). */
    private static final int CHUNK_TERMS = 1 << 20;

    private final double[] x;
    private final double[] y;
    private final double[] w;
    private final double[] metresPerUnit;
    private final double bandwidth;

    /**
     * @param x point coordinates (planar units)
     * @param y point coordinates (planar units)
     * @param w weights (counts), positive
     * @param metresPerUnit ground metres per coordinate unit at each point (1 in a metric projection)
     * @param bandwidthMetres kernel radius h on the ground
     */
    public KernelDensity(double[] x, double[] y, double[] w, double[] metresPerUnit, double bandwidthMetres) {
        int n = x.length;
        if (y.length != n || w.length != n || metresPerUnit.length != n) {
            throw new IllegalArgumentException("coordinate, weight and scale arrays differ in length");
        }
        if (!(bandwidthMetres > 0) || Double.isInfinite(bandwidthMetres)) {
            throw new IllegalArgumentException("bandwidth must be positive: " + bandwidthMetres);
        }
        this.x = x;
        this.y = y;
        this.w = w;
        this.metresPerUnit = metresPerUnit;
        this.bandwidth = bandwidthMetres;
    }

    /** Density of a metric plane (all scales 1). */
    public static KernelDensity metric(double[] x, double[] y, double[] w, double bandwidthMetres) {
        double[] ones = new double[x.length];
        Arrays.fill(ones, 1.0);
        return new KernelDensity(x, y, w, ones, bandwidthMetres);
    }

    /** The kernel's value at {@code u = d/h}, per unit h^2: 3/pi (1-u^2)^2 inside the disc, 0 outside. */
    public static double quartic(double u) {
        if (u >= 1 || u <= -1) {
            return 0;
        }
        double t = 1 - u * u;
        return 3 / Math.PI * t * t;
    }

    public double bandwidth() {
        return bandwidth;
    }

    public int size() {
        return x.length;
    }

    /** Density at (qx, qy) in weight per square metre. */
    public double densityAt(double qx, double qy) {
        double h2 = bandwidth * bandwidth;
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double s = metresPerUnit[i];
            double dx = (qx - x[i]) * s;
            double dy = (qy - y[i]) * s;
            double d2 = dx * dx + dy * dy;
            if (d2 < h2) {
                double t = 1 - d2 / h2;
                sum += w[i] * t * t;
            }
        }
        return sum * 3 / (Math.PI * h2);
    }

    /**
     * Density on a north-up raster, in weight per square metre, row-major from the top-left cell.
     * Cell (col, row) has its centre at {@code (minX + (col + 0.5) * cell, maxY - (row + 0.5) * cell)}.
     *
     * @param minX left edge (planar units)
     * @param maxY top edge
     * @param cellSize cell width and height (planar units)
     */
    public float[] raster(double minX, double maxY, double cellSize, int width, int height) {
        // One array per row, and the point's ex copied to an array indexed by column: the pixel loop then
        // reads and writes two arrays at the same index, which C2 vectorises (at different offsets into
        // two double[] that might be the same array it does not, and the loop ran 6 times slower).
        double[][] acc = new double[height][width];
        double[] e = new double[width];
        double h2 = bandwidth * bandwidth;
        int n = x.length;
        // Each point's footprint: the columns and rows of the cells whose centres may lie within its reach.
        int[] c0 = new int[n];
        int[] c1 = new int[n];
        int[] r0 = new int[n];
        int[] r1 = new int[n];
        long[] at = new long[n + 1]; // footprint widths summed: n times a GeoTIFF's width can pass 2^31
        for (int i = 0; i < n; i++) {
            double reach = bandwidth / metresPerUnit[i]; // bandwidth in planar units at this point
            c0[i] = Math.max(0, (int) Math.ceil((x[i] - reach - minX) / cellSize - 0.5));
            c1[i] = Math.min(width - 1, (int) Math.floor((x[i] + reach - minX) / cellSize - 0.5));
            r0[i] = Math.max(0, (int) Math.ceil((maxY - y[i] - reach) / cellSize - 0.5));
            r1[i] = Math.min(height - 1, (int) Math.floor((maxY - y[i] + reach) / cellSize - 0.5));
            at[i + 1] = at[i] + (c0[i] > c1[i] || r0[i] > r1[i] ? 0 : c1[i] - c0[i] + 1);
        }
        // The squared ground distance along x from each point to each column of its footprint (dx2), and
        // that over h^2 (ex), computed once per point and column instead of once per cell: a cell's kernel
        // term is then (1 - dy^2/h^2 - ex)^2, a subtract and a multiply-add over a contiguous run of the row
        // that the JIT vectorises. Whether a cell is in the disc is decided exactly as by densityAt
        // (dx^2 + dy^2 < h^2), so the support is the same; the terms differ from 1 - d^2/h^2 in rounding only.
        // mid: the column nearest the point (dx is monotone in the column, so dx2 falls, then rises).
        //
        // Points are taken in chunks whose terms fit in CHUNK_TERMS (a tile's never split; a large GeoTIFF with
        // fine cells and a wide bandwidth would otherwise hold n times the raster's width). Chunks, bands and
        // points within them run in point order, so each cell still sums its terms in point order.
        double[] dx2 = new double[(int) Math.min(at[n], Math.max(CHUNK_TERMS, width))];
        double[] ex = new double[dx2.length];
        int[] mid = new int[n];
        for (int start = 0, end; start < n; start = end) {
            end = start + 1;
            while (end < n && at[end + 1] - at[start] <= dx2.length) {
                end++;
            }
            long base = at[start];
            for (int i = start; i < end; i++) {
                double s = metresPerUnit[i];
                int m = (int) (at[i] - base);
                for (int c = c0[i], k = m; k < at[i + 1] - base; c++, k++) {
                    double dx = ((minX + (c + 0.5) * cellSize) - x[i]) * s;
                    dx2[k] = dx * dx;
                    ex[k] = dx2[k] / h2;
                    if (dx2[k] < dx2[m]) {
                        m = k;
                    }
                }
                mid[i] = m;
            }
            // Bands of rows, all the chunk's points within each: a band's cells stay in the CPU cache while every
            // point adds to them (point by point over the whole raster, each point swept 512 KB of a 256 px
            // tile through memory).
            for (int band = 0; band < height; band += BAND_ROWS) {
                int bandEnd = Math.min(height - 1, band + BAND_ROWS - 1);
                for (int i = start; i < end; i++) {
                    if (at[i] == at[i + 1] || r1[i] < band || r0[i] > bandEnd) {
                        continue;
                    }
                    double s = metresPerUnit[i];
                    double wi = w[i];
                    int first = (int) (at[i] - base);
                    int last = (int) (at[i + 1] - base - 1);
                    int m = mid[i];
                    int shift = c0[i] - first; // column = index + shift
                    System.arraycopy(ex, first, e, c0[i], last - first + 1);
                    // [a, b]: the row's footprint indexes inside the disc, one run around m (unimodal dx2); the
                    // run widens and narrows from row to row, so its ends are walked, not searched.
                    int a = m;
                    int b = m - 1;
                    for (int r = Math.max(band, r0[i]); r <= Math.min(bandEnd, r1[i]); r++) {
                        double dy = ((maxY - (r + 0.5) * cellSize) - y[i]) * s;
                        double dy2 = dy * dy;
                        if (!(dx2[m] + dy2 < h2)) {
                            a = m;
                            b = m - 1;
                            continue;
                        }
                        if (b < a) {
                            a = m;
                            b = m;
                        }
                        while (a > first && dx2[a - 1] + dy2 < h2) {
                            a--;
                        }
                        while (!(dx2[a] + dy2 < h2)) {
                            a++;
                        }
                        while (b < last && dx2[b + 1] + dy2 < h2) {
                            b++;
                        }
                        while (!(dx2[b] + dy2 < h2)) {
                            b--;
                        }
                        double rowT = 1 - dy2 / h2;
                        double[] row = acc[r];
                        int from = a + shift;
                        int to = b + shift;
                        // Long runs in a method of their own, so that its loop has its own trip-count profile:
                        // C2 unrolls and vectorises a loop only when its profile says it runs long, and the
                        // short runs of low zooms (a few cells) made it compile the long runs of high zooms 4
                        // times slower.
                        if (to - from < LONG_RUN) {
                            for (int c = from; c <= to; c++) {
                                double t = rowT - e[c];
                                row[c] += wi * t * t;
                            }
                        } else {
                            addLongRun(row, e, from, to, rowT, wi);
                        }
                    }
                }
            }
        }
        float[] out = new float[width * height];
        double k = 3 / (Math.PI * h2);
        for (int r = 0, j = 0; r < height; r++) {
            double[] row = acc[r];
            for (int c = 0; c < width; c++, j++) {
                out[j] = (float) (row[c] * k);
            }
        }
        return out;
    }

    /** {@code row[c] += w (rowT - e[c])^2} for c in [from, to]: the vectorised pixel loop of {@link #raster}. */
    private static void addLongRun(double[] row, double[] e, int from, int to, double rowT, double w) {
        for (int c = from; c <= to; c++) {
            double t = rowT - e[c];
            row[c] += w * t * t;
        }
    }

    /**
     * The largest density at any of the points themselves, in weight per square metre: a cheap anchor
     * for a colour scale (the surface's true maximum lies at or near a point for a kernel this peaked).
     *
     * <p>Each point sums the points a {@link UniformGrid} of buckets a third of the bandwidth wide finds within
     * one bandwidth of it (in planar units where the bandwidth is widest, so no neighbour is missed). On a
     * 10M-case city's month (69,434 resolution-10 cells, h 1.9 km) this is the part of a new query's scale
     * after the read of its cells (docs/heatmap-and-features.md).
     */
    public double maxAtPoints() {
        int n = x.length;
        if (n == 0) {
            return 0;
        }
        double minScale = Double.POSITIVE_INFINITY;
        for (double s : metresPerUnit) {
            minScale = Math.min(minScale, s);
        }
        double reach = bandwidth / minScale;
        UniformGrid grid = new UniformGrid(x, y, reach / 3);
        int[][] near = {new int[256]};
        double[][] planar = {new double[256]};
        double h2 = bandwidth * bandwidth;
        double best = 0;
        for (int q = 0; q < n; q++) {
            int k = grid.within(x[q], y[q], reach, near, planar);
            int[] ids = near[0];
            double[] d = planar[0];
            double sum = 0;
            for (int j = 0; j < k; j++) {
                int i = ids[j];
                double ground = d[j] * metresPerUnit[i]; // in metres at the neighbour, as densityAt scales it
                double d2 = ground * ground;
                if (d2 < h2) {
                    double t = 1 - d2 / h2;
                    sum += w[i] * t * t;
                }
            }
            best = Math.max(best, sum);
        }
        return best * 3 / (Math.PI * h2);
    }

    /**
     * The default bandwidth in metres by Silverman's rule of thumb as ArcGIS's Kernel Density applies it
     * to weighted points: {@code 0.9 * min(SD, sqrt(1/ln 2) * Dm) * n^-0.2}, where SD is the weighted
     * standard distance from the weighted mean centre, Dm the weighted median distance from it and n the
     * sum of the weights. Coordinates must be metric (a local projection). Returns 0 when the points
     * coincide or there are none; callers clamp.
     */
    public static double silvermanBandwidth(double[] x, double[] y, double[] w) {
        int n = x.length;
        double sw = 0;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            sw += w[i];
            mx += w[i] * x[i];
            my += w[i] * y[i];
        }
        if (n == 0 || !(sw > 0)) {
            return 0;
        }
        mx /= sw;
        my /= sw;
        double ss = 0;
        double[][] dist = new double[n][];
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            double d2 = dx * dx + dy * dy;
            ss += w[i] * d2;
            dist[i] = new double[] {Math.sqrt(d2), w[i]};
        }
        double sd = Math.sqrt(ss / sw);
        Arrays.sort(dist, (a, b) -> Double.compare(a[0], b[0]));
        double half = sw / 2;
        double cum = 0;
        double median = dist[n - 1][0];
        for (double[] d : dist) {
            cum += d[1];
            if (cum >= half) {
                median = d[0];
                break;
            }
        }
        double spread = Math.min(sd, Math.sqrt(1 / Math.log(2)) * median);
        return 0.9 * spread * Math.pow(sw, -0.2);
    }
}
