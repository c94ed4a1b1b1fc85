package cn.cg.api.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load benchmark against a running API (what {@code ./cg bench load} launches): for a fixed time, N
 * closed-loop clients on loopback send a mix of heatmap PNG tiles, cell MVT tiles, OGC feature items and
 * area rankings, as a public visitor of the map would, over the study area (the districts' extent) and
 * the months that have aggregates. Reports requests, requests per second, errors by status (anything but
 * 2xx or 304, or an exception), latency percentiles per kind and overall, and the API's heap: used heap and
 * G1's live data size sampled every 10 s from the actuator, and, with {@code --pid}, heap used right after a
 * full GC ({@code jcmd PID GC.run}) before and after the run, which is what the service really retains.
 *
 * <pre>java -cp analytics-api.jar -Dloader.main=cn.cg.api.system.LoadBenchmark org.springframework.boot.loader.launch.PropertiesLauncher \
 *   --url http://127.0.0.1:18091 --jdbc 'jdbc:postgresql://127.0.0.1:55432/cg?user=cg' --seconds 60 --clients 50 [--warmup 10] [--baseline 10] [--pid N] [--rounds 1]</pre>
 *
 * <p>With {@code --rounds N} the load runs N times back to back, with a full GC after each: the heap the
 * service keeps must level off (its caches are bounded), not grow round after round.
 */
public final class LoadBenchmark {

    enum Kind { HEATMAP, MVT, FEATURES, RANKINGS }

    /** What one request asks for; its latency is kept with its kind. */
    private record Sample(Kind kind, int status, String error, long micros) {
    }

    private record Study(double[] bbox, List<String> months, List<String> categories) {
    }

    private static final Pattern MEASUREMENT = Pattern.compile("\"value\"\\s*:\\s*([-0-9.Ee+]+)");

    public static void main(String[] args) throws Exception {
        String url = arg(args, "--url", "http://127.0.0.1:8080");
        String jdbc = arg(args, "--jdbc", "jdbc:postgresql://127.0.0.1:55432/cg?user=cg");
        int seconds = Integer.parseInt(arg(args, "--seconds", "60"));
        int warmup = Integer.parseInt(arg(args, "--warmup", "10"));
        int clients = Integer.parseInt(arg(args, "--clients", "50"));
        int rounds = Integer.parseInt(arg(args, "--rounds", "1"));
        int baseline = Integer.parseInt(arg(args, "--baseline", "10"));
        long seed = Long.parseLong(arg(args, "--seed", "1"));
        String pid = arg(args, "--pid", null);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Study study;
        try (Connection db = DriverManager.getConnection(jdbc)) {
            study = study(db);
        }
        System.out.printf(Locale.ROOT, "load: %d clients, %d s (after %d s warm-up), study area %s, months %s, categories %s; load average %s%n",
                clients, seconds, warmup, Arrays.toString(study.bbox()), study.months(), study.categories(), loadAverage());
        System.out.printf(Locale.ROOT, "mix: 35%% heatmap PNG z11-15, 35%% cell MVT z10-15, 20%% OGC items (cells-r8/r9 bbox, areas), "
                + "10%% rankings; public role; random months and categories, so most tiles are cold%n");
        if (warmup > 0) {
            List<Sample> w = run(http, url, study, clients, warmup, seed + 1);
            System.out.printf(Locale.ROOT, "warm-up: %d requests, %d errors%n", w.size(), w.stream().filter(LoadBenchmark::isError).count());
        }
        if (baseline > 0) {
            // The same mix from one client in the same run: what the latency is when nothing queues.
            List<Sample> b = run(http, url, study, 1, baseline, seed + 2);
            long[] us = b.stream().mapToLong(Sample::micros).sorted().toArray();
            System.out.printf(Locale.ROOT, "baseline, 1 client for %d s: %d requests, %.1f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, "
                    + "%d errors%n", baseline, b.size(), b.size() / (double) baseline, pct(us, 50), pct(us, 95), pct(us, 99),
                    b.stream().filter(LoadBenchmark::isError).count());
        }
        double liveStart = pid == null ? Double.NaN : heapAfterFullGc(http, url, pid);
        List<double[]> memory = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean done = new AtomicBoolean();
        long t0 = System.nanoTime();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                memory.add(sample(http, url, (System.nanoTime() - t0) / 1e9));
                sleep(10_000, done);
            }
        }, "memory-sampler");
        sampler.setDaemon(true);
        sampler.start();
        List<Sample> samples = new ArrayList<>();
        List<Double> afterGc = new ArrayList<>(List.of(liveStart));
        for (int round = 1; round <= rounds; round++) {
            List<Sample> r = run(http, url, study, clients, seconds, seed + 10L * round);
            samples.addAll(r);
            if (pid != null) {
                afterGc.add(heapAfterFullGc(http, url, pid));
            }
            long[] us = r.stream().mapToLong(Sample::micros).sorted().toArray();
            System.out.printf(Locale.ROOT, "round %d: %d requests, %.1f req/s, %d errors, p99 %.1f ms; heap after a full GC %.1f MB%n",
                    round, r.size(), r.size() / (double) seconds, r.stream().filter(LoadBenchmark::isError).count(), pct(us, 99),
                    afterGc.get(afterGc.size() - 1) / 1e6);
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        done.set(true);
        sampler.interrupt();
        sampler.join();
        memory.add(sample(http, url, elapsed));
        report(samples, seconds * rounds, memory, afterGc, metric(http, url, "jvm.memory.max?tag=area:heap"));
        System.out.printf(Locale.ROOT, "load average at the end: %s%n", loadAverage());
        long errors = samples.stream().filter(LoadBenchmark::isError).count();
        if (errors > 0) {
            System.exit(2);
        }
    }

    // ---------------------------------------------------------------- the load

    private static List<Sample> run(HttpClient http, String url, Study study, int clients, int seconds, long seed)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<List<Sample>> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<Sample> mine = new ArrayList<>();
            perClient.add(mine);
            SplittableRandom rnd = new SplittableRandom(seed * 1_000 + c);
            Thread t = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    Kind kind = kind(rnd);
                    String target = url + target(kind, study, rnd);
                    long s = System.nanoTime();
                    int status = -1;
                    String error = null;
                    try {
                        status = http.send(HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(60)).GET().build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (IOException e) {
                        error = e.getClass().getSimpleName();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    mine.add(new Sample(kind, status, error, (System.nanoTime() - s) / 1_000));
                }
            }, "client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        List<Sample> all = new ArrayList<>();
        perClient.forEach(all::addAll);
        return all;
    }

    private static Kind kind(SplittableRandom rnd) {
        int d = rnd.nextInt(100);
        return d < 35 ? Kind.HEATMAP : d < 70 ? Kind.MVT : d < 90 ? Kind.FEATURES : Kind.RANKINGS;
    }

    private static String target(Kind kind, Study s, SplittableRandom rnd) {
        String month = s.months().get(rnd.nextInt(s.months().size()));
        String categories = rnd.nextInt(3) == 0 ? "" : "&categories=" + s.categories().get(rnd.nextInt(s.categories().size()));
        double[] b = s.bbox();
        return switch (kind) {
            case HEATMAP, MVT -> {
                int z = kind == Kind.HEATMAP ? rnd.nextInt(11, 16) : rnd.nextInt(10, 16);
                double lon = b[0] + rnd.nextDouble() * (b[2] - b[0]);
                double lat = b[1] + rnd.nextDouble() * (b[3] - b[1]);
                int n = 1 << z;
                int x = (int) Math.floor((lon + 180) / 360 * n);
                double r = Math.toRadians(lat);
                int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
                yield (kind == Kind.HEATMAP ? "/tiles/heatmap/" : "/tiles/cells/") + z + "/" + x + "/" + y
                        + (kind == Kind.HEATMAP ? ".png" : ".mvt") + "?from=" + month + "&to=" + month + categories;
            }
            case FEATURES -> {
                if (rnd.nextInt(4) == 0) {
                    yield "/api/v1/collections/areas/items?datetime=" + month + "&limit=100" + categories;
                }
                double w = 0.01 + rnd.nextDouble() * 0.04;
                double lon = b[0] + rnd.nextDouble() * Math.max(0, b[2] - b[0] - w);
                double lat = b[1] + rnd.nextDouble() * Math.max(0, b[3] - b[1] - w);
                yield String.format(Locale.ROOT, "/api/v1/collections/cells-r%d/items?bbox=%.5f,%.5f,%.5f,%.5f&datetime=%s&limit=100%s",
                        rnd.nextBoolean() ? 8 : 9, lon, lat, lon + w, lat + w, month, categories);
            }
            case RANKINGS -> "/api/v1/rankings?level=" + (rnd.nextBoolean() ? "street" : "district") + "&period=" + month
                    + "&sort=" + (rnd.nextBoolean() ? "cases" : "closureRate") + categories;
        };
    }

    private static Study study(Connection db) throws SQLException {
        double[] bbox;
        List<String> months = new ArrayList<>();
        try (Statement st = db.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) "
                    + "FROM (SELECT ST_Extent(geom) AS e FROM admin_area WHERE level = 'district') s")) {
                rs.next();
                bbox = new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
                if (rs.wasNull()) {
                    throw new IllegalStateException("no districts: load the demo city first (./cg up or ./cg import + ./cg aggregate)");
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT DISTINCT bucket_start FROM agg_cell_current WHERE bucket = 'month' "
                    + "ORDER BY bucket_start DESC LIMIT 6")) {
                while (rs.next()) {
                    LocalDate m = rs.getDate(1).toLocalDate();
                    months.add(m.toString().substring(0, 7));
                }
            }
        }
        if (months.isEmpty()) {
            throw new IllegalStateException("no monthly aggregates: run ./cg aggregate first");
        }
        return new Study(bbox, months, List.of("vendor", "05", "0501", "all"));
    }

    // ---------------------------------------------------------------- memory

    /**
     * t, heap used, G1 live data, heap committed, and the connection pool: the longest wait for a connection
     * so far (against Hikari's connection-timeout, past which a request fails with 503) and requests waiting now.
     */
    private static double[] sample(HttpClient http, String url, double t) {
        return new double[] {t, metric(http, url, "jvm.memory.used?tag=area:heap"), metric(http, url, "jvm.gc.live.data.size"),
                metric(http, url, "jvm.memory.committed?tag=area:heap"), metric(http, url, "hikaricp.connections.acquire", "MAX"),
                metric(http, url, "hikaricp.connections.pending")};
    }

    private static double metric(HttpClient http, String url, String name) {
        return metric(http, url, name, null);
    }

    /** The API's metric value (the statistic's, or the first measurement), NaN when unavailable. */
    private static double metric(HttpClient http, String url, String name, String statistic) {
        try {
            String[] parts = name.split("\\?", 2);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/metrics/" + parts[0]
                    + (parts.length > 1 ? "?" + parts[1] : ""))).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = (statistic == null ? MEASUREMENT : Pattern.compile("\"statistic\"\\s*:\\s*\"" + statistic
                    + "\"\\s*,\\s*\"value\"\\s*:\\s*([-0-9.Ee+]+)")).matcher(r.body());
            return r.statusCode() == 200 && m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** Asks the API's JVM for a full GC (jcmd, same machine) and reads the heap used right after. */
    private static double heapAfterFullGc(HttpClient http, String url, String pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd", pid, "GC.run")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            System.out.println("jcmd " + pid + " GC.run failed: " + out.trim());
            return Double.NaN;
        }
        Thread.sleep(500);
        return metric(http, url, "jvm.memory.used?tag=area:heap");
    }

    private static void sleep(long millis, AtomicBoolean done) {
        long until = System.currentTimeMillis() + millis;
        while (!done.get() && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(Math.min(200, Math.max(1, until - System.currentTimeMillis())));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    // ---------------------------------------------------------------- report

    private static boolean isError(Sample s) {
        return s.error() != null || !(s.status() / 100 == 2 || s.status() == 304);
    }

    private static void report(List<Sample> samples, int seconds, List<double[]> memory, List<Double> afterGc, double maxHeap) {
        Map<String, Long> errors = new TreeMap<>();
        for (Sample s : samples) {
            if (isError(s)) {
                errors.merge(s.error() != null ? s.error() : "HTTP " + s.status(), 1L, Long::sum);
            }
        }
        System.out.printf(Locale.ROOT, "requests: %d in %d s = %.1f req/s; errors: %d %s%n", samples.size(), seconds,
                samples.size() / (double) seconds, errors.values().stream().mapToLong(Long::longValue).sum(), errors);
        System.out.println("kind          n   req/s   p50 ms   p95 ms   p99 ms   max ms  errors");
        for (Kind k : Kind.values()) {
            line(k.name().toLowerCase(Locale.ROOT), samples.stream().filter(s -> s.kind() == k).toList(), seconds);
        }
        line("all", samples, seconds);
        System.out.printf(Locale.ROOT, "heap (max %.0f MB)     t s   used MB   G1 live data MB   committed MB   "
                + "pool: longest wait ms (recent)   waiting%n", maxHeap / 1e6);
        for (double[] m : memory) {
            System.out.printf(Locale.ROOT, "                   %5.0f %9.0f %17.0f %14.0f %32.0f %9.0f%n", m[0], m[1] / 1e6, m[2] / 1e6,
                    m[3] / 1e6, m[4] * 1e3, m[5]);
        }
        if (!Double.isNaN(afterGc.get(0))) {
            System.out.printf(Locale.ROOT, "heap used after a full GC, before the run and after each round: %s MB%n",
                    afterGc.stream().map(v -> String.format(Locale.ROOT, "%.1f", v / 1e6)).toList());
        }
    }

    private static void line(String name, List<Sample> s, int seconds) {
        long[] us = s.stream().mapToLong(Sample::micros).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-9s %6d %7.1f %8.1f %8.1f %8.1f %8.1f %7d%n", name, us.length, us.length / (double) seconds,
                pct(us, 50), pct(us, 95), pct(us, 99), us.length == 0 ? Double.NaN : us[us.length - 1] / 1e3,
                s.stream().filter(LoadBenchmark::isError).count());
    }

    private static double pct(long[] sortedMicros, int p) {
        if (sortedMicros.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, Math.min(sortedMicros.length - 1, i))] / 1e3;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
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
