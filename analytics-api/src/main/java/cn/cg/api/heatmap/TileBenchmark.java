package cn.cg.api.heatmap;

import cn.cg.api.aggregate.AggregateFilter;
import cn.cg.api.aggregate.Period;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.springframework.util.PropertyPlaceholderHelper;

/**
 * Tile benchmark against a running API (what {@code ./cg bench tiles} should launch): heatmap PNG and
 * cell MVT tiles over the study area at each zoom, cold (tiles never requested before: a fresh sample
 * per client count) and warm (the same tiles again, from the in-process cache, asked for over and over for
 * {@code --warm-seconds}, default 5, as wrk would), at 1, 10 and 50 concurrent clients, reporting p50/p95/p99
 * and tiles per second; and the same MVT tiles made by a
 * direct {@code ST_AsMVT} query over JDBC, as the ratio of the API's cold p50 to the direct p50. The direct
 * query runs on tiles of its own that nothing requested before, as cold as the API's, and on the API's
 * 1-client cold tiles after it: the first is the colder reading, the second compares the same tiles (two
 * samples of 100 tiles differ in how many are empty, which moves a p50 by two or three times at zoom 16).
 *
 * <p>The ratio is also taken on {@code --compare-tiles} (100) further tiles per zoom that nothing requested,
 * paired tile by tile on one client ({@link Paired}): 30 tiles of which half are empty left 10-20 tiles with
 * cells, and one run's ratio moved by a third from run to run.
 *
 * <p>Warm load comes from wrk ({@link Wrk}) when it is installed. Otherwise, and for the cold samples, the
 * load generator is kept lean because it shares the machine's cores with the server and
 * PostgreSQL: each client is one thread with one HTTP/1.1 keep-alive connection of its own (a plain
 * socket, {@link Http1}), so a request costs the client a write and a read rather than the JDK
 * HttpClient's selector thread, futures and copies. A response other than 200, or a failed exchange,
 * is an error. Before measuring, {@code --warmup} requests (default 2000; 0 = none) over tiles outside
 * every sample, and as many direct queries, bring both JVMs to compiled code: without them the first
 * zooms measured the interpreter (a warm tile took 10-12 ms at zoom 10 and 1-2 ms at zoom 16 in the same
 * run). The measured tiles stay cold: the warm-up tiles are never measured.
 *
 * <pre>java -cp analytics-api.jar -Dloader.main=cn.cg.api.heatmap.TileBenchmark org.springframework.boot.loader.launch.PropertiesLauncher \
 *   --url http://127.0.0.1:8080 --jdbc 'jdbc:postgresql://127.0.0.1:55432/cg?user=cg' --zooms 10-16 --clients 1,10,50 --tiles 30 \
 *   [--month YYYY-MM] [--warmup 2000] [--warm-seconds 5] [--wrk PATH|none] [--compare-tiles 100] [--as researcher --tokens .cg/tokens]</pre>
 */
public final class TileBenchmark {

    private record Tile(int z, int x, int y) {
    }

    /**
     * @param empty per tile, whether it had no features (the direct query's results; null for the API's)
     * @param wrk wrk's figures when it generated the load (millis is then empty), else null
     */
    private record Result(String layer, int z, int clients, String phase, double[] millis, long errors, double seconds, boolean[] empty,
                          Wrk.Summary wrk) {

        Result(String layer, int z, int clients, String phase, double[] millis, int errors, double seconds) {
            this(layer, z, clients, phase, millis, errors, seconds, null, null);
        }

        Result(String layer, int z, int clients, Wrk.Summary wrk) {
            this(layer, z, clients, "warm", new double[0], wrk.errors(), wrk.seconds(), null, wrk);
        }
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(arg(args, "--url", "http://127.0.0.1:8080"));
        String jdbc = arg(args, "--jdbc", "jdbc:postgresql://127.0.0.1:55432/cg?user=cg");
        String[] zr = arg(args, "--zooms", "10-16").split("-");
        int[] clients = Arrays.stream(arg(args, "--clients", "1,10,50").split(",")).mapToInt(Integer::parseInt).toArray();
        int perZoom = Integer.parseInt(arg(args, "--tiles", "30"));
        int warmup = Integer.parseInt(arg(args, "--warmup", "2000"));
        double warmSeconds = Double.parseDouble(arg(args, "--warm-seconds", "5"));
        int compareTiles = Integer.parseInt(arg(args, "--compare-tiles", "100"));
        // The warm phase's load: wrk when installed (./cg bench tiles installs it), else the benchmark's own clients.
        Wrk wrk = Wrk.find(arg(args, "--wrk", ""));
        int maxClients = Arrays.stream(clients).max().orElse(1);
        // --as ROLE: request as that role's token holder (from --tokens, the role=token file ./cg up writes), whose
        // tiles are made by the same query as the direct one; by default as the public, whose vector tiles are
        // the small-count-merged cells (PUBLIC_CELL_TILE), a different query from the direct one.
        String role = arg(args, "--as", "public");
        String token = role.equals("public") ? null : token(arg(args, "--tokens", ".cg/tokens"), role);
        List<Http1> connections = new ArrayList<>();
        for (int i = 0; i < maxClients; i++) {
            connections.add(new Http1(url, token));
        }
        List<Result> results = new ArrayList<>();
        List<Paired> paired = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbc)) {
            String session = apiSessionSettings();
            try (Statement st = db.createStatement()) {
                st.execute(session); // the direct query runs under the API's settings (parallel workers, JIT)
            }
            System.out.println("direct query's session, as the API's connections: " + session);
            System.out.println("warm load: " + (wrk == null ? "the benchmark's own clients (no wrk found)" : wrk.toString()));
            double[] bbox = studyArea(db);
            // --month YYYY-MM: the latest month may be a partial one (e.g. a benchmark's incremental day).
            String monthArg = arg(args, "--month", "");
            LocalDate month = monthArg.isEmpty() ? latestMonth(db) : LocalDate.parse(monthArg + "-01");
            String[] categories = categories(db);
            String query = "?from=" + month.toString().substring(0, 7) + "&to=" + month.toString().substring(0, 7);
            System.out.printf(Locale.ROOT, "study area %s, period %s, %d categories, as %s%n", Arrays.toString(bbox), month,
                    categories.length, role);
            System.out.printf(Locale.ROOT, "per-query scale (bandwidth + maximum, once per query and run): %.0f ms%n",
                    legendMillis(connections.get(0), url.getRawPath(), query));
            AggregateFilter filter = new AggregateFilter(java.util.Set.of(categories), new Period(month, month.plusMonths(1)), null);
            int zFirst = Integer.parseInt(zr[0]);
            int zLast = Integer.parseInt(zr[zr.length - 1]);
            if (warmup > 0) {
                primeResolutions(connections.get(0), url.getRawPath(), query, bbox, zFirst, zLast);
                warmUp(connections, db, filter, url.getRawPath(), query, bbox, zLast, (clients.length + 1) * perZoom + compareTiles, warmup, maxClients);
            }
            for (int z = zFirst; z <= zLast; z++) {
                List<Tile> all = sampleOrder(bbox, z);
                int offset = 0;
                for (int c : clients) {
                    // Cold means never requested before: each client count gets tiles of its own.
                    List<Tile> sample = all.subList(Math.min(offset, all.size()), Math.min(offset + perZoom, all.size()));
                    offset += sample.size();
                    if (sample.isEmpty()) {
                        continue;
                    }
                    for (String layer : List.of("heatmap", "cells")) {
                        List<String> paths = paths(url.getRawPath(), layer, sample, query);
                        results.add(run(connections, layer, z, c, "cold", paths));
                        results.add(wrk == null ? run(connections, layer, z, c, "warm", paths, warmSeconds)
                                : new Result(layer, z, c, wrk.run(url, paths, c, warmSeconds, token)));
                    }
                }
                // The direct query twice: on tiles no request touched (the next ones in the sample order), as cold as
                // the API's sample was; and on the API's 1-client cold sample itself, after it. Tiles differ a lot (a
                // third to a half of them are empty at zooms 13-16, which both answer in a fraction of a millisecond),
                // so p50s of two different samples can differ by two or three times; the same tiles compare the work.
                // Where the zoom has no spare tiles (10, 11), only the second.
                boolean fresh = offset + perZoom <= all.size();
                if (fresh) {
                    results.add(direct(db, filter, z, "cold", all.subList(offset, offset + perZoom)));
                }
                results.add(direct(db, filter, z, "same-tiles", all.subList(0, Math.min(perZoom, all.size()))));
                int pairedFrom = fresh ? offset + perZoom : all.size();
                List<Tile> pairedTiles = all.subList(pairedFrom, Math.min(pairedFrom + compareTiles, all.size()));
                if (!pairedTiles.isEmpty()) {
                    paired.add(paired(connections.get(0), db, filter, url.getRawPath(), query, pairedTiles));
                }
            }
            // The scale of another query (the month before) on the server as it is now, compiled: what a new query
            // costs a server that has been running. The first one above also paid for a just-started JVM's JIT.
            String before = month.minusMonths(1).toString().substring(0, 7);
            System.out.printf(Locale.ROOT, "per-query scale of a second query (%s, on the warmed-up server): %.0f ms%n", before,
                    legendMillis(connections.get(0), url.getRawPath(), "?from=" + before + "&to=" + before));
        } finally {
            for (Http1 h : connections) {
                h.close();
            }
        }
        print(results);
        for (Paired p : paired) {
            p.print();
        }
    }

    /**
     * Cold vector tiles from the API and from the direct query, tile by tile on one client: per tile, the two in
     * turn, the API first on even tiles and the direct query first on odd ones, so that neither always finds
     * the other's pages in PostgreSQL's buffers.
     *
     * @param empty per tile, whether the direct tile had no features
     */
    private record Paired(int z, double[] api, double[] direct, boolean[] empty) {

        void print() {
            System.out.println(tileByTile(z, "paired cold MVT", api, direct, empty));
        }
    }

    private static Paired paired(Http1 http, Connection db, AggregateFilter filter, String base, String query, List<Tile> tiles)
            throws IOException, SQLException {
        List<String> paths = paths(base, "cells", tiles, query);
        double[] api = new double[tiles.size()];
        double[] direct = new double[tiles.size()];
        boolean[] empty = new boolean[tiles.size()];
        for (int i = 0; i < tiles.size(); i++) {
            for (int turn = 0; turn < 2; turn++) {
                long s = System.nanoTime();
                if ((turn == 0) == (i % 2 == 0)) {
                    if (http.get(paths.get(i)) != 200) {
                        throw new IllegalStateException("paired comparison: " + paths.get(i) + " failed");
                    }
                    api[i] = (System.nanoTime() - s) / 1e6;
                } else {
                    empty[i] = directMvt(db, filter, tiles.get(i)) == 0;
                    direct[i] = (System.nanoTime() - s) / 1e6;
                }
            }
        }
        return new Paired(tiles.get(0).z(), api, direct, empty);
    }

    /**
     * The statement the API runs on each new database connection ({@code spring.datasource.hikari.connection-init-sql}
     * of its application.properties, its {@code ${NAME:default}} placeholders resolved from the environment as
     * Spring would), read from the jar the benchmark runs from, so that the two cannot drift apart.
     */
    static String apiSessionSettings() throws IOException {
        Properties p = new Properties();
        try (InputStream in = TileBenchmark.class.getResourceAsStream("/application.properties")) {
            if (in == null) {
                throw new IllegalStateException("application.properties is not on the class path");
            }
            p.load(in);
        }
        String sql = p.getProperty("spring.datasource.hikari.connection-init-sql");
        if (sql == null) {
            throw new IllegalStateException("application.properties has no spring.datasource.hikari.connection-init-sql");
        }
        return new PropertyPlaceholderHelper("${", "}", ":", null, false).replacePlaceholders(sql, System::getenv);
    }

    /** How long the legend of a query took: its scale (cells, bandwidth, maximum) when the query is new. */
    private static double legendMillis(Http1 http, String base, String query) throws IOException {
        long t0 = System.nanoTime();
        int status = http.get(base + "/api/v1/heatmap/legend" + query);
        if (status != 200) {
            throw new IllegalStateException("the legend request " + query + " failed: status " + status);
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    /** The zoom's tiles over the study area in the benchmark's fixed random order: samples are taken from the front. */
    private static List<Tile> sampleOrder(double[] bbox, int z) {
        List<Tile> all = tiles(bbox, z);
        Collections.shuffle(all, new Random(z));
        return all;
    }

    private static List<String> paths(String base, String layer, List<Tile> tiles, String query) {
        String ext = layer.equals("heatmap") ? ".png" : ".mvt";
        return tiles.stream().map(t -> base + "/tiles/" + layer + "/" + t.z() + "/" + t.x() + "/" + t.y() + ext + query).toList();
    }

    /**
     * The first tile of a query at each zoom, just east of the study area (in no sample): like the legend's
     * scale, what the server computes once per query and grid resolution (the public's merged cells, the
     * heatmap's cell points) is timed here and not inside the first cold sample.
     */
    private static void primeResolutions(Http1 http, String base, String query, double[] bbox, int zFirst, int zLast) throws IOException {
        StringBuilder times = new StringBuilder();
        for (int z = zFirst; z <= zLast; z++) {
            List<Tile> all = tiles(bbox, z);
            Tile east = new Tile(z, all.stream().mapToInt(Tile::x).max().orElseThrow() + 1, all.get(0).y());
            for (String layer : List.of("heatmap", "cells")) {
                long t0 = System.nanoTime();
                int status = http.get(paths(base, layer, List.of(east), query).get(0));
                if (status != 200) {
                    throw new IllegalStateException("priming " + layer + " at zoom " + z + ": status " + status);
                }
                times.append(String.format(Locale.ROOT, " %s z%d %.0f ms;", layer, z, (System.nanoTime() - t0) / 1e6));
            }
        }
        System.out.println("first tile of the query per zoom (outside the samples):" + times);
    }

    /**
     * Brings the server's, the client's and the JDBC driver's code to compiled form on tiles no sample
     * holds: the last zoom's tiles after its samples, each layer cold once and then warm, from all clients;
     * then as many direct queries of the same tiles as cold vector tiles. A quarter of the requests are
     * distinct tiles, so that the cold path (a render and its query) runs as often as the direct query does:
     * with 100 tiles warmed 20 times each, the API's cold path had run 100 times and the direct one 200, and
     * a cold zoom-16 query from the API took 2-12 ms for its first 40 tiles and 0.7-2 ms after.
     * Errors here fail the run (nothing is measured yet).
     */
    private static void warmUp(List<Http1> connections, Connection db, AggregateFilter filter, String base, String query,
                               double[] bbox, int z, int sampled, int requests, int clients) throws Exception {
        List<Tile> all = sampleOrder(bbox, z);
        List<Tile> spare = all.subList(Math.min(sampled, all.size()), Math.min(sampled + Math.max(1, requests / 4), all.size()));
        if (spare.isEmpty()) {
            System.out.println("warm-up skipped: no tiles outside the samples at zoom " + z);
            return;
        }
        long t0 = System.nanoTime();
        List<String> paths = new ArrayList<>();
        while (paths.size() < requests) {
            for (String layer : List.of("heatmap", "cells")) {
                paths.addAll(paths(base, layer, spare, query));
            }
        }
        Result r = run(connections, "warm-up", z, clients, "warm-up", paths.subList(0, requests));
        if (r.errors() > 0) {
            throw new IllegalStateException("warm-up: " + r.errors() + " of " + requests + " requests failed");
        }
        for (int i = 0; i < spare.size(); i++) {
            directMvt(db, filter, spare.get(i % spare.size()));
        }
        System.out.printf(Locale.ROOT, "warm-up: %d requests over %d tiles of zoom %d outside the samples, %d clients, %.1f s%n",
                requests, spare.size(), z, clients, (System.nanoTime() - t0) / 1e9);
    }

    /** Each path once, shared out among the clients as they come free (the cold samples). */
    private static Result run(List<Http1> connections, String layer, int z, int clients, String phase, List<String> paths) throws Exception {
        return run(connections, layer, z, clients, phase, paths, 0);
    }

    /**
     * The paths shared out among the clients as they come free: each once when {@code forSeconds} is 0, else over
     * and over for that long. The warm phase runs for a time, as wrk does: 30 warm tiles once at 10 or 50 clients
     * were over in 5-20 ms, so their p95 was the second-slowest request of a burst (thread wake-ups, a GC or the
     * data-version poll falling in it), not the latency of clients that keep asking.
     */
    private static Result run(List<Http1> connections, String layer, int z, int clients, String phase, List<String> paths,
                              double forSeconds) throws Exception {
        boolean timed = forSeconds > 0;
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] deadline = new long[1];
        double[] byIndex = new double[timed ? 0 : paths.size()];
        List<Future<double[]>> fs = new ArrayList<>();
        for (int w = 0; w < clients; w++) {
            Http1 http = connections.get(w);
            fs.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                double[] mine = new double[timed ? 1024 : 0];
                int n = 0;
                while (!timed || System.nanoTime() < deadline[0]) {
                    int i = next.getAndIncrement();
                    if (!timed && i >= paths.size()) {
                        break;
                    }
                    long s = System.nanoTime();
                    try {
                        if (http.get(paths.get(i % paths.size())) != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    }
                    double ms = (System.nanoTime() - s) / 1e6;
                    if (!timed) {
                        byIndex[i] = ms; // in path order: the same-tiles comparison pairs the i-th tiles
                    } else {
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = ms;
                    }
                }
                return Arrays.copyOf(mine, n);
            }));
        }
        ready.await(); // threads started and waiting: their start-up is not timed
        long start = System.nanoTime();
        deadline[0] = start + (long) (forSeconds * 1e9); // written before the latch opens: the clients see it
        go.countDown();
        List<double[]> perClient = new ArrayList<>();
        for (Future<double[]> f : fs) {
            perClient.add(f.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        double[] millis = timed ? perClient.stream().flatMapToDouble(Arrays::stream).toArray() : byIndex;
        return new Result(layer, z, clients, phase, millis, errors.get(), seconds);
    }

    /** The direct query on each tile; the phase names the sample ("cold": tiles of its own; "same-tiles": the API's). */
    private static Result direct(Connection db, AggregateFilter filter, int z, String phase, List<Tile> tiles) throws SQLException {
        double[] millis = new double[tiles.size()];
        boolean[] empty = new boolean[tiles.size()];
        for (int i = 0; i < millis.length; i++) {
            long s = System.nanoTime();
            empty[i] = directMvt(db, filter, tiles.get(i)) == 0;
            millis[i] = (System.nanoTime() - s) / 1e6;
        }
        return new Result("direct-ST_AsMVT", z, 1, phase, millis, 0, 0, empty, null);
    }

    /** @return the tile's length in bytes (0: empty) */
    private static int directMvt(Connection db, AggregateFilter f, Tile t) throws SQLException {
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
                byte[] tile = rs.getBytes(1);
                return tile == null ? 0 : tile.length;
            }
        }
    }

    private static List<Tile> tiles(double[] b, int z) {
        int x0 = WebMercator.tileX(b[0], z);
        int x1 = WebMercator.tileX(b[2], z);
        int y0 = WebMercator.tileY(b[3], z);
        int y1 = WebMercator.tileY(b[1], z);
        List<Tile> out = new ArrayList<>();
        for (int x = x0; x <= x1; x++) {
            for (int y = y0; y <= y1; y++) {
                out.add(new Tile(z, x, y));
            }
        }
        return out;
    }

    private static double[] studyArea(Connection db) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery(HeatmapSql.STUDY_AREA)) {
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

    /** The role's token from a role=token file (lines starting with # are comments). */
    private static String token(String file, String role) throws IOException {
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(file))) {
            if (line.startsWith(role + "=")) {
                return line.substring(role.length() + 1).trim();
            }
        }
        throw new IllegalArgumentException("no token for role '" + role + "' in " + file);
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
            Wrk.Summary w = r.wrk();
            double[] m = sorted(r.millis());
            long n = w != null ? w.requests() : m.length;
            System.out.printf(Locale.ROOT, "%-16s %4d %7d %-5s %4d %9.1f %8.1f %8.1f %8s %6d%s%n", r.layer(), r.z(), r.clients(), r.phase(), n,
                    w != null ? w.p50() : pct(m, 50), w != null ? w.p95() : pct(m, 95), w != null ? w.p99() : pct(m, 99),
                    r.seconds() > 0 ? String.format(Locale.ROOT, "%.0f", n / r.seconds()) : "-", r.errors(), w != null ? " (wrk)" : "");
        }
        for (Result d : results) {
            if (!d.layer().startsWith("direct")) {
                continue;
            }
            results.stream().filter(r -> r.layer().equals("cells") && r.z() == d.z() && r.clients() == 1 && r.phase().equals("cold"))
                    .findFirst().ifPresent(api -> compare(api, d));
        }
    }

    /**
     * The API's cold 1-client sample against a direct run: p50 against p50, and on the same tiles (the direct
     * run "same-tiles", whose i-th tile is the API's i-th) also {@link #tileByTile}.
     */
    private static void compare(Result api, Result direct) {
        long empty = IntStream.range(0, direct.empty().length).filter(i -> direct.empty()[i]).count();
        System.out.printf(Locale.ROOT, "zoom %d: API cold MVT p50 / direct ST_AsMVT p50 = %.2f (direct %s; %d of %d tiles empty)%n",
                direct.z(), pct(sorted(api.millis()), 50) / pct(sorted(direct.millis()), 50),
                direct.phase().equals("cold") ? "on tiles of its own" : "on the API's tiles, after it", empty, direct.millis().length);
        if (direct.phase().equals("same-tiles") && api.millis().length == direct.millis().length) {
            System.out.println(tileByTile(direct.z(), "same tiles", api.millis(), direct.millis(), direct.empty()));
        }
    }

    /**
     * The API's and the direct query's times of the same tiles (the i-th of each is the same tile): the means over
     * all tiles, and the p50 and mean over the tiles with cells (empty tiles take a fraction of a millisecond either
     * way, and their share differs from sample to sample).
     */
    private static String tileByTile(int z, String sample, double[] api, double[] direct, boolean[] empty) {
        int[] withCells = IntStream.range(0, empty.length).filter(i -> !empty[i]).toArray();
        int[] without = IntStream.range(0, empty.length).filter(i -> empty[i]).toArray();
        double[] a = at(api, withCells);
        double[] d = at(direct, withCells);
        return String.format(Locale.ROOT, "zoom %d, %s, %d tiles (%d with cells): mean API %.2f / direct %.2f ms = %.2f;"
                        + " with cells p50 API %.2f / direct %.2f ms = %.2f, mean %.2f / %.2f ms = %.2f;"
                        + " empty p50 API %.2f / direct %.2f ms", z, sample, api.length,
                withCells.length, mean(api), mean(direct), mean(api) / mean(direct), pct(sorted(a), 50), pct(sorted(d), 50),
                pct(sorted(a), 50) / pct(sorted(d), 50), mean(a), mean(d), mean(a) / mean(d),
                pct(sorted(at(api, without)), 50), pct(sorted(at(direct, without)), 50));
    }

    private static double[] at(double[] values, int[] indices) {
        return Arrays.stream(indices).mapToDouble(i -> values[i]).toArray();
    }

    private static double[] sorted(double[] values) {
        double[] out = values.clone();
        Arrays.sort(out);
        return out;
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static double pct(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** The last value given for the option (./cg passes defaults ahead of the user's arguments). */
    private static String arg(String[] args, String name, String fallback) {
        String value = fallback;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                value = args[i + 1];
            }
        }
        return value;
    }
}
