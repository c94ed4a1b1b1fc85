package cn.cg.spark.hotspot;

import cn.cg.geo.grid.H3Cells;
import cn.cg.geo.hotspot.GiStar;
import cn.cg.geo.hotspot.HotspotCell;
import cn.cg.geo.hotspot.HotspotOptions;
import cn.cg.spark.SparkSessions;
import com.uber.h3core.H3Core;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import cn.cg.spark.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.postgresql.PGConnection;

/**
 * Benchmark of issue 4: Gi* with k=2 over {@code --cells} (1,000,000) resolution-10 cells in the Spark
 * hotspot job, and on demand over {@code --api-cells} (100,000) cells by the path the API takes (its
 * SQL, then geo-core GiStar), each beside the time to read the same cells from PostGIS in the same run.
 *
 * <p>It REPLACES the aggregates and hotspot results of the database it is given (a served run of
 * synthetic counts: a disk of cells around Shenzhen, about 30 % non-zero, with hot blobs). Give it a
 * database of its own that is migrated (V2 and V20), e.g. cg_bench after {@code ./cg} migrated it.
 *
 * <pre>
 * HotspotBenchmark --db-url JDBC [--cells 1000000] [--api-cells 100000] [--master local[2]] [--partitions 2]
 * </pre>
 */
public final class HotspotBenchmark {

    static final LocalDate MONTH = LocalDate.of(2025, 3, 1);
    static final int RESOLUTION = 10;
    /** The API's SQL (cn.cg.api.hotspot.HotspotSql), so the read is the one the API does. */
    static final String API_STUDY = "SELECT cell FROM agg_study_cell_current WHERE resolution = ?";
    static final String API_COUNTS = "SELECT cell, sum(cases) FROM agg_cell_current WHERE resolution = ? "
        + "AND bucket = ? AND bucket_start >= ? AND bucket_start < ? AND category_code = ANY (string_to_array(?, ',')) "
        + "GROUP BY cell";

    private HotspotBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = null;
        int cells = 1_000_000;
        int apiCells = 100_000;
        String master = "local[2]";
        int partitions = 2;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--db-url" -> url = args[++i];
                case "--cells" -> cells = Integer.parseInt(args[++i]);
                case "--api-cells" -> apiCells = Integer.parseInt(args[++i]);
                case "--master" -> master = args[++i];
                case "--partitions" -> partitions = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: HotspotBenchmark --db-url JDBC [--cells N] [--api-cells N] "
                        + "[--master local[2]] [--partitions 2]");
                    System.exit(2);
                }
            }
        }
        if (url == null) {
            System.err.println("--db-url is required (a database whose aggregates the benchmark may replace)");
            System.exit(2);
        }
        System.out.printf(Locale.ROOT, "machine: %d cores, max heap %.1f GB%n", Runtime.getRuntime().availableProcessors(),
            Runtime.getRuntime().maxMemory() / 1e9);

        // ---- The Spark job over `cells` cells.
        long t = System.nanoTime();
        int nonZero = load(url, cells);
        System.out.printf(Locale.ROOT, "job input: %,d study cells at resolution %d, %,d with cases, loaded in %.1f s%n",
            cells, RESOLUTION, nonZero, secs(t));
        SparkSession spark = SparkSessions.create("cg-hotspot-benchmark", master, partitions);
        try {
            spark.read().jdbc(url, "(SELECT 1 AS x) w", driver()).count(); // warm-up: session, driver
            t = System.nanoTime();
            Properties props = new Properties();
            props.setProperty("driver", "org.postgresql.Driver");
            props.setProperty("fetchsize", "10000");
            long read = spark.read().jdbc(url, HotspotJob.STUDY_SQL, props).count()
                + spark.read().jdbc(url, HotspotJob.COUNTS_SQL, props).count();
            double sparkRead = secs(t);
            t = System.nanoTime();
            HotspotRunSummary s = HotspotJob.run(spark, HotspotConfig.of(url).withK(2).withPartitions(partitions));
            double job = secs(t);
            System.out.printf(Locale.ROOT, "spark read of the same rows (study + counts, %,d rows): %.1f s%n", read,
                sparkRead);
            System.out.printf(Locale.ROOT, "spark job, k=2, %,d cells: %.1f s end to end (%s)%n", cells, job, s);
        } finally {
            spark.stop();
        }

        // ---- On demand over `apiCells` cells: the API's read, then GiStar.
        load(url, apiCells);
        for (int round = 1; round <= 3; round++) {
            t = System.nanoTime();
            TreeMap<Long, Double> values = apiRead(url);
            double read = secs(t);
            t = System.nanoTime();
            List<HotspotCell> r = GiStar.analyse(values, HotspotOptions.ofK(2).withFdr(true));
            double gi = secs(t);
            long hot = r.stream().filter(c -> c.bin() > 0).count();
            System.out.printf(Locale.ROOT, "on demand (round %d), k=2, %,d cells: read %.2f s, Gi* %.2f s, total %.2f s "
                + "(%d cells in a hot bin)%n", round, values.size(), read, gi, read + gi, hot);
        }
    }

    /** The API's two queries in one repeatable-read transaction, filled as the API fills. */
    static TreeMap<Long, Double> apiRead(String url) throws SQLException {
        try (Connection c = Jdbc.connect(url)) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            TreeMap<Long, Double> m = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement(API_STUDY)) {
                ps.setFetchSize(10_000);
                ps.setInt(1, RESOLUTION);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        m.put(rs.getLong(1), 0.0);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(API_COUNTS)) {
                ps.setFetchSize(10_000);
                ps.setInt(1, RESOLUTION);
                ps.setString(2, "month");
                ps.setDate(3, Date.valueOf(MONTH));
                ps.setDate(4, Date.valueOf(MONTH.plusMonths(1)));
                ps.setString(5, "0101");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        m.merge(rs.getLong(1), rs.getDouble(2), Double::sum);
                    }
                }
            }
            c.commit();
            return m;
        }
    }

    /**
     * Replaces the aggregates with one served run: {@code n} resolution-10 study cells (a disk around
     * Shenzhen) and counts of category 0101 for March 2025 in about 30 % of them. Returns that count.
     */
    static int load(String url, int n) throws SQLException, IOException {
        H3Core h3 = H3Core.newInstance();
        long centre = H3Cells.get().cell(22.55, 114.06, RESOLUTION);
        int k = 0;
        while (3L * k * (k + 1) + 1 < n) {
            k++;
        }
        List<Long> disk = h3.gridDisk(centre, k);
        SplittableRandom rng = new SplittableRandom(20250301L);
        StringBuilder study = new StringBuilder(n * 24);
        StringBuilder counts = new StringBuilder(n * 12);
        int nonZero = 0;
        for (int i = 0; i < n; i++) {
            long cell = disk.get(i);
            study.append(RESOLUTION).append(',').append(cell).append('\n');
            // Hot blobs: rings around a few hundred seeds every ~3,000 cells have a higher rate.
            double rate = (i / 3000) % 7 == 0 ? 2.5 : 0.3;
            int cases = poisson(rng, rate);
            if (cases > 0) {
                counts.append(RESOLUTION).append(',').append(cell).append(",0101,month,").append(MONTH).append(',')
                    .append(cases).append('\n');
                nonZero++;
            }
        }
        try (Connection c = Jdbc.connect(url)) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("TRUNCATE agg_current, agg_run, agg_cell, agg_study_cell, hotspot_current, hotspot_run, "
                    + "hotspot_cell, hotspot_emerging, hotspot_group CASCADE");
                st.execute("INSERT INTO agg_run (run_id, mode, status, time_zone) VALUES (1, 'full', 'succeeded', "
                    + "'Asia/Shanghai')");
                // Run 1 is taken by hand: move the sequence past it, or the next aggregation run in this
                // database (./cg bench aggregate shares it) would be given run 1 again.
                st.execute("SELECT setval(pg_get_serial_sequence('agg_run', 'run_id'), 1)");
                st.execute("CREATE TEMP TABLE bench_study (resolution smallint, cell bigint) ON COMMIT DROP");
                st.execute("CREATE TEMP TABLE bench_cell (resolution smallint, cell bigint, category_code varchar(8), "
                    + "bucket varchar(5), bucket_start date, cases integer) ON COMMIT DROP");
            }
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("COPY bench_study FROM STDIN (FORMAT csv)", new StringReader(study.toString()));
            copy.copyIn("COPY bench_cell FROM STDIN (FORMAT csv)", new StringReader(counts.toString()));
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO agg_study_cell (resolution, cell, valid_from) SELECT *, 1 FROM bench_study");
                st.execute("INSERT INTO agg_cell (resolution, cell, category_code, bucket, bucket_start, cases, "
                    + "valid_from) SELECT *, 1 FROM bench_cell");
                st.execute("INSERT INTO agg_current (run_id, base_run_id) VALUES (1, 1)");
            }
            c.commit();
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE agg_cell");
                st.execute("ANALYZE agg_study_cell");
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return nonZero;
    }

    private static Properties driver() {
        Properties p = new Properties();
        p.setProperty("driver", "org.postgresql.Driver"); // named: spark-submit's class loader hides it
        return p;
    }

    private static int poisson(SplittableRandom rng, double mean) {
        double l = Math.exp(-mean);
        double p = 1;
        int k = -1;
        do {
            k++;
            p *= rng.nextDouble();
        } while (p > l);
        return k;
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
