package cn.cg.api.heatmap;

import cn.cg.geo.density.KernelDensity;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * In-process timing of a cold heatmap tile's stages (not a test: run by hand), the way
 * {@link HeatmapService#tile} renders one: the points near the tile, the kernel raster, the colour
 * mapping and the PNG, each against the code it replaced (the pixel-by-pixel raster, ImageIO's PNG
 * writer), in thread CPU time; reports every pixel whose float differs from the old raster's (and
 * whether its colour does), and fails if the colour lookup differs from {@code argb} or the PNG does not
 * decode to the same pixels. Reads the month's cell centres (all categories) from the database.
 *
 * <pre>java -cp geo-core/target/classes:analytics-api/target/classes:analytics-api/target/test-classes:<the API jar's BOOT-INF/lib/*> cn.cg.api.heatmap.HeatmapStages \
 *   'jdbc:postgresql://127.0.0.1:55432/cg?user=cg' 2025-12 [bandwidth]</pre>
 */
public final class HeatmapStages {

    /** Thread CPU time, not wall time: the machine is shared, and waiting for a core is not the stage's cost. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        String jdbc = args[0];
        LocalDate month = LocalDate.parse(args[1] + "-01");
        CellPoints fine = load(jdbc, month, 10);
        CellPoints coarse = load(jdbc, month, 9);
        double[] bbox = extent(fine);
        long t0 = CPU.getCurrentThreadCpuTime();
        double h = args.length > 2 ? Double.parseDouble(args[2]) : 0;
        if (h == 0) {
            double[] mx = new double[fine.size()];
            double[] my = new double[fine.size()];
            double lat0 = (bbox[1] + bbox[3]) / 2;
            for (int i = 0; i < fine.size(); i++) {
                mx[i] = Math.toRadians(fine.lon[i]) * WebMercator.RADIUS * Math.cos(Math.toRadians(lat0));
                my[i] = Math.toRadians(fine.lat[i]) * WebMercator.RADIUS;
            }
            h = Math.min(3000, Math.max(100, KernelDensity.silvermanBandwidth(mx, my, fine.w)));
        }
        double max = new KernelDensity(fine.x, fine.y, fine.w, fine.scale, h).maxAtPoints() * KernelDensity.PER_KM2;
        System.out.printf(Locale.ROOT, "%d res-10 and %d res-9 cells, bandwidth %.0f m, max %.1f per km2, scale %.0f ms%n",
                fine.size(), coarse.size(), h, max, (CPU.getCurrentThreadCpuTime() - t0) / 1e6);
        ColourScale colours = new ColourScale(ColourScale.niceCeil(max));
        long l0 = CPU.getCurrentThreadCpuTime();
        colours.argb(new float[] {1}, new int[1]);
        System.out.printf(Locale.ROOT, "colour lookup table: %.1f ms%n", (CPU.getCurrentThreadCpuTime() - l0) / 1e6);
        for (int round = 0; round < 3; round++) {
            System.out.printf(Locale.ROOT, "round %d: per tile CPU ms (mean over the zoom's tiles); points = in reach%n", round);
            System.out.println("z   tiles points  within  raster-old raster-new  colour-old colour  png-imageio png-new  bytes-old bytes-new");
            for (int z = 10; z <= 16; z++) {
                CellPoints p = z >= 12 ? fine : coarse;
                List<int[]> tiles = tiles(bbox, z, 30);
                double[] t = new double[7];
                long pts = 0;
                long bytesOld = 0;
                long bytesNew = 0;
                long differ = 0;
                long zeroFlips = 0;
                long colourDiffer = 0;
                double maxRel = 0;
                for (int[] xy : tiles) {
                    WebMercator.Box box = WebMercator.tile(z, xy[0], xy[1]);
                    int n = WebMercator.TILE;
                    double cell = box.width() / n;
                    long a = CPU.getCurrentThreadCpuTime();
                    double[][] near = p.within(WebMercator.growByMetres(box, h));
                    long b = CPU.getCurrentThreadCpuTime();
                    float[] old = legacyRaster(near[0], near[1], near[2], near[3], h, box.minX(), box.maxY(), cell, n, n);
                    long c = CPU.getCurrentThreadCpuTime();
                    float[] now = new KernelDensity(near[0], near[1], near[2], near[3], h).raster(box.minX(), box.maxY(), cell, n, n);
                    long d = CPU.getCurrentThreadCpuTime();
                    float[] km2 = new float[now.length];
                    for (int i = 0; i < km2.length; i++) {
                        km2[i] = (float) (now[i] * KernelDensity.PER_KM2); // as HeatmapService.surface
                    }
                    long d2 = CPU.getCurrentThreadCpuTime();
                    int[] argbOld = new int[n * n];
                    for (int i = 0; i < argbOld.length; i++) {
                        argbOld[i] = colours.argb(km2[i]);
                    }
                    long d3 = CPU.getCurrentThreadCpuTime();
                    int[] argb = new int[n * n];
                    colours.argb(km2, argb);
                    long e = CPU.getCurrentThreadCpuTime();
                    t[6] += d3 - d2;
                    if (!java.util.Arrays.equals(argb, argbOld)) {
                        throw new AssertionError("colour lookup differs from argb in tile " + z + "/" + xy[0] + "/" + xy[1]);
                    }
                    byte[] pngOld = imageIo(argb);
                    long f = CPU.getCurrentThreadCpuTime();
                    byte[] pngNew = TilePng.encode(argb, n, n);
                    long g = CPU.getCurrentThreadCpuTime();
                    for (int i = 0; i < old.length; i++) {
                        if (Float.floatToRawIntBits(old[i]) != Float.floatToRawIntBits(now[i])) {
                            differ++;
                            maxRel = Math.max(maxRel, Math.abs(old[i] - now[i]) / Math.max(Math.abs(old[i]), Float.MIN_NORMAL));
                            if ((old[i] == 0) != (now[i] == 0)) {
                                zeroFlips++;
                            }
                            if (colours.argb((float) (old[i] * KernelDensity.PER_KM2)) != argb[i]) {
                                colourDiffer++;
                            }
                        }
                    }
                    BufferedImage img = ImageIO.read(new ByteArrayInputStream(pngNew));
                    for (int i = 0; i < argb.length; i++) {
                        int got = img.getRGB(i % n, i / n);
                        if (got != argb[i] && !((argb[i] >>> 24) == 0 && (got >>> 24) == 0)) {
                            throw new AssertionError("png pixel " + i + " " + Integer.toHexString(got) + " != " + Integer.toHexString(argb[i]));
                        }
                    }
                    pts += near[0].length;
                    t[0] += b - a;
                    t[1] += c - b;
                    t[2] += d - c;
                    t[3] += e - d3;
                    t[4] += f - e;
                    t[5] += g - f;
                    bytesOld += pngOld.length;
                    bytesNew += pngNew.length;
                }
                int k = tiles.size();
                System.out.printf(Locale.ROOT, "%-3d %5d %6d %7.2f %10.2f %10.2f %10.2f %7.2f %11.2f %7.2f %10d %9d%n", z, k, pts / k,
                        t[0] / k / 1e6, t[1] / k / 1e6, t[2] / k / 1e6, t[6] / k / 1e6, t[3] / k / 1e6, t[4] / k / 1e6, t[5] / k / 1e6,
                        bytesOld / k, bytesNew / k);
                if (differ > 0) {
                    System.out.printf(Locale.ROOT, "    raster-new differs from raster-old in %d of %d pixels (max relative %.2g, %d zero/non-zero, %d colours)%n",
                            differ, (long) k * 65536, maxRel, zeroFlips, colourDiffer);
                }
            }
        }
    }

    private static byte[] imageIo(int[] argb) throws Exception {
        int n = WebMercator.TILE;
        BufferedImage img = new BufferedImage(n, n, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, n, n, argb, 0, n);
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** KernelDensity.raster as it was before the column distances were precomputed (commit 5cf0872). */
    static float[] legacyRaster(double[] x, double[] y, double[] w, double[] metresPerUnit, double bandwidth,
                                double minX, double maxY, double cellSize, int width, int height) {
        double[] acc = new double[width * height];
        double h2 = bandwidth * bandwidth;
        for (int i = 0; i < x.length; i++) {
            double s = metresPerUnit[i];
            double reach = bandwidth / s;
            int c0 = Math.max(0, (int) Math.ceil((x[i] - reach - minX) / cellSize - 0.5));
            int c1 = Math.min(width - 1, (int) Math.floor((x[i] + reach - minX) / cellSize - 0.5));
            int r0 = Math.max(0, (int) Math.ceil((maxY - y[i] - reach) / cellSize - 0.5));
            int r1 = Math.min(height - 1, (int) Math.floor((maxY - y[i] + reach) / cellSize - 0.5));
            if (c0 > c1 || r0 > r1) {
                continue;
            }
            double wi = w[i];
            for (int r = r0; r <= r1; r++) {
                double dy = ((maxY - (r + 0.5) * cellSize) - y[i]) * s;
                double dy2 = dy * dy;
                if (dy2 >= h2) {
                    continue;
                }
                int base = r * width;
                for (int c = c0; c <= c1; c++) {
                    double dx = ((minX + (c + 0.5) * cellSize) - x[i]) * s;
                    double d2 = dx * dx + dy2;
                    if (d2 < h2) {
                        double t = 1 - d2 / h2;
                        acc[base + c] += wi * t * t;
                    }
                }
            }
        }
        float[] out = new float[acc.length];
        double k = 3 / (Math.PI * h2);
        for (int j = 0; j < acc.length; j++) {
            out[j] = (float) (acc[j] * k);
        }
        return out;
    }

    private static CellPoints load(String jdbc, LocalDate month, int resolution) throws Exception {
        List<double[]> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbc);
             PreparedStatement ps = db.prepareStatement("SELECT ST_X(ST_Centroid(h.geom)), ST_Y(ST_Centroid(h.geom)), s.cases"
                     + " FROM (SELECT cell, sum(cases)::float8 AS cases FROM agg_cell_current WHERE resolution = ? AND bucket = 'month'"
                     + " AND bucket_start = ? GROUP BY cell) s JOIN h3_cell h ON h.cell = s.cell")) {
            ps.setInt(1, resolution);
            ps.setObject(2, month);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)});
                }
            }
        }
        double[] lon = new double[rows.size()];
        double[] lat = new double[rows.size()];
        double[] w = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            lon[i] = rows.get(i)[0];
            lat[i] = rows.get(i)[1];
            w[i] = rows.get(i)[2];
        }
        return new CellPoints(lon, lat, w);
    }

    private static double[] extent(CellPoints p) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < p.size(); i++) {
            b[0] = Math.min(b[0], p.lon[i]);
            b[1] = Math.min(b[1], p.lat[i]);
            b[2] = Math.max(b[2], p.lon[i]);
            b[3] = Math.max(b[3], p.lat[i]);
        }
        return b;
    }

    /** Up to {@code count} tiles of zoom z over the box, a fixed random sample. */
    private static List<int[]> tiles(double[] b, int z, int count) {
        int n = 1 << z;
        int x0 = (int) Math.floor((b[0] + 180) / 360 * n);
        int x1 = (int) Math.floor((b[2] + 180) / 360 * n);
        int y0 = (int) Math.floor((WebMercator.HALF - WebMercator.y(b[3])) / (2 * WebMercator.HALF / n));
        int y1 = (int) Math.floor((WebMercator.HALF - WebMercator.y(b[1])) / (2 * WebMercator.HALF / n));
        List<int[]> out = new ArrayList<>();
        for (int x = x0; x <= x1; x++) {
            for (int y = y0; y <= y1; y++) {
                out.add(new int[] {x, y});
            }
        }
        Collections.shuffle(out, new Random(z));
        return out.subList(0, Math.min(count, out.size()));
    }
}
