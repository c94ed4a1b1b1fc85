package cn.cg.api.heatmap;

import cn.cg.api.aggregate.AggregateFilter;
import cn.cg.api.aggregate.Period;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tile benchmark against a running API (what {@code ./cg bench tiles} should launch): heatmap PNG and
 * cell MVT tiles over the study area at each zoom, cold (tiles never requested before: a fresh sample
 * per client count) and warm (the same tiles again, from the in-process cache), at 1, 10 and 50
 * concurrent clients, reporting p50/p95/p99 and tiles per second; and the same MVT tiles made by a
 * direct {@code ST_AsMVT} query over JDBC, as the ratio of the API's cold p50 to the direct p50.
 *
 * <pre>java -cp analytics-api.jar -Dloader.main=cn.cg.api.heatmap.TileBenchmark org.springframework.boot.loader.launch.PropertiesLauncher \
 *   --url http://127.0.0.1:8080 --jdbc 'jdbc:postgresql://127.0.0.1:55432/cg?user=cg' --zooms 10-16 --clients 1,10,50 --tiles 30 [--month YYYY-MM]</pre>
 */
public final class TileBenchmark {

    private record Tile(int z, int x, int y) {
    }

    private record Result(String layer, int z, int clients, String phase, double[] millis, int errors, double seconds) {
    }

    public static void main(String[] args) throws Exception {
        String url = arg(args, "--url", "http://127.0.0.1:8080");
        String jdbc = arg(args, "--jdbc", "jdbc:postgresql://127.0.0.1:55432/cg?user=cg");
        String[] zr = arg(args, "--zooms", "10-16").split("-");
        int[] clients = Arrays.stream(arg(args, "--clients", "1,10,50").split(",")).mapToInt(Integer::parseInt).toArray();
        int perZoom = Integer.parseInt(arg(args, "--tiles", "30"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Result> results = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbc)) {
            double[] bbox = studyArea(db);
            // --month YYYY-MM: the latest month may be a partial one (e.g. a benchmark's incremental day).
            String monthArg = arg(args, "--month", "");
            LocalDate month = monthArg.isEmpty() ? latestMonth(db) : LocalDate.parse(monthArg + "-01");
            String[] categories = categories(db);
            String query = "?from=" + month.toString().substring(0, 7) + "&to=" + month.toString().substring(0, 7);
            System.out.printf(Locale.ROOT, "study area %s, period %s, %d categories%n", Arrays.toString(bbox), month, categories.length);
            long t0 = System.nanoTime();
            get(http, url + "/api/v1/heatmap/legend" + query);
            System.out.printf(Locale.ROOT, "per-query scale (bandwidth + maximum, once per query and run): %.0f ms%n",
                    (System.nanoTime() - t0) / 1e6);
            AggregateFilter filter = new AggregateFilter(java.util.Set.of(categories), new Period(month, month.plusMonths(1)), null);
            for (int z = Integer.parseInt(zr[0]); z <= Integer.parseInt(zr[zr.length - 1]); z++) {
                List<Tile> all = tiles(bbox, z);
                Collections.shuffle(all, new Random(z));
                int offset = 0;
                for (int c : clients) {
                    // Cold means never requested before: each client count gets tiles of its own.
                    List<Tile> sample = all.subList(Math.min(offset, all.size()), Math.min(offset + perZoom, all.size()));
                    offset += sample.size();
                    if (sample.isEmpty()) {
                        continue;
                    }
                    for (String layer : List.of("heatmap", "cells")) {
                        String ext = layer.equals("heatmap") ? ".png" : ".mvt";
                        List<String> urls = sample.stream().map(t -> url + "/tiles/" + layer + "/" + t.z() + "/" + t.x() + "/" + t.y() + ext + query).toList();
                        results.add(run(http, layer, z, c, "cold", urls));
                        results.add(run(http, layer, z, c, "warm", urls));
                    }
                }
                double[] direct = new double[Math.min(perZoom, all.size())];
                for (int i = 0; i < direct.length; i++) {
                    Tile t = all.get(i);
                    long s = System.nanoTime();
                    directMvt(db, filter, t);
                    direct[i] = (System.nanoTime() - s) / 1e6;
                }
                results.add(new Result("direct-ST_AsMVT", z, 1, "db", direct, 0, 0));
            }
        }
        print(results);
    }

    private static Result run(HttpClient http, String layer, int z, int clients, String phase, List<String> urls) throws Exception {
        double[] millis = new double[urls.size()];
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int w = 0; w < clients; w++) {
            fs.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < urls.size()) {
                    long s = System.nanoTime();
                    try {
                        if (get(http, urls.get(i)) != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    millis[i] = (System.nanoTime() - s) / 1e6;
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        return new Result(layer, z, clients, phase, millis, errors.get(), (System.nanoTime() - start) / 1e9);
    }

    private static int get(HttpClient http, String u) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(u)).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode();
    }

    private static void directMvt(Connection db, AggregateFilter f, Tile t) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(HeatmapSql.CELL_TILE)) {
            // The API's binds (the benchmark asks for all categories: the hotspot set 'all').
            int i = 1;
            for (Object b : CellTiles.binds(f, t.z(), t.x(), t.y(), "all")) {
                if (b instanceof org.springframework.jdbc.core.SqlParameterValue v) {
                    ps.setObject(i++, v.getValue(), v.getSqlType());
                } else {
                    ps.setObject(i++, b);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                rs.getBytes(1);
            }
        }
    }

    private static List<Tile> tiles(double[] b, int z) {
        int n = 1 << z;
        int x0 = (int) Math.floor((b[0] + 180) / 360 * n);
        int x1 = (int) Math.floor((b[2] + 180) / 360 * n);
        int y0 = (int) Math.floor((WebMercator.HALF - WebMercator.y(b[3])) / (2 * WebMercator.HALF / n));
        int y1 = (int) Math.floor((WebMercator.HALF - WebMercator.y(b[1])) / (2 * WebMercator.HALF / n));
        List<Tile> out = new ArrayList<>();
        for (int x = x0; x <= x1; x++) {
            for (int y = y0; y <= y1; y++) {
                out.add(new Tile(z, x, y));
            }
        }
        return out;
    }

    private static double[] studyArea(Connection db) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) "
                + "FROM (SELECT ST_Extent(geom) AS e FROM admin_area WHERE level = 'district') s")) {
            rs.next();
            return new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
        }
    }

    private static LocalDate latestMonth(Connection db) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery("SELECT max(bucket_start) FROM agg_cell_current WHERE bucket = 'month'")) {
            rs.next();
            return rs.getDate(1).toLocalDate();
        }
    }

    private static String[] categories(Connection db) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery("SELECT code FROM category ORDER BY code")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out.toArray(String[]::new);
    }

    private static void print(List<Result> results) {
        System.out.println("layer            zoom clients phase    n    p50 ms   p95 ms   p99 ms  tiles/s errors");
        for (Result r : results) {
            double[] m = r.millis().clone();
            Arrays.sort(m);
            System.out.printf(Locale.ROOT, "%-16s %4d %7d %-5s %4d %9.1f %8.1f %8.1f %8s %6d%n", r.layer(), r.z(), r.clients(), r.phase(),
                    m.length, pct(m, 50), pct(m, 95), pct(m, 99), r.seconds() > 0 ? String.format(Locale.ROOT, "%.0f", m.length / r.seconds()) : "-",
                    r.errors());
        }
        for (Result d : results) {
            if (!d.layer().startsWith("direct")) {
                continue;
            }
            results.stream().filter(r -> r.layer().equals("cells") && r.z() == d.z() && r.clients() == 1 && r.phase().equals("cold"))
                    .findFirst().ifPresent(r -> {
                        double[] a = r.millis().clone();
                        double[] b = d.millis().clone();
                        Arrays.sort(a);
                        Arrays.sort(b);
                        System.out.printf(Locale.ROOT, "zoom %d: API cold MVT p50 / direct ST_AsMVT p50 = %.2f%n", d.z(), pct(a, 50) / pct(b, 50));
                    });
        }
    }

    private static double pct(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
