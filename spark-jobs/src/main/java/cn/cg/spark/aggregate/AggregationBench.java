package cn.cg.spark.aggregate;

import cn.cg.spark.Jdbc;
import cn.cg.spark.SparkSessions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.spark.sql.SparkSession;

/**
 * {@code AggregationBench --db-url JDBC --cases N [--day-cases 30000] [--partitions 8]}: times the full
 * job end to end (read, aggregate, write, switch); then the same grid counts from one PostGIS GROUP BY
 * query; then two incremental runs, each after one day of new cases. Fills an empty violation table with N demo
 * cases first.
 *
 * <p>The baseline: PostgreSQL has no H3 here, so it groups on square cells of the same area as the H3
 * cells of each resolution (a fixed square grid over the city, as bigint keys), for all four resolutions and
 * day / week / month per category in one GROUPING SETS query, written to a table like the job's output.
 * Storing the finest H3 cell per case would let SQL derive parents by bit arithmetic, but that cell would
 * first have to be computed in Java for every case, which is the job's work.
 */
public final class AggregationBench {

    private AggregationBench() {
    }

    public static void main(String[] args) throws Exception {
        String url = null;
        long cases = 1_000_000;
        int dayCases = 30_000, partitions = AggregationConfig.DEFAULT_PARTITIONS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--db-url" -> url = args[++i];
                case "--cases" -> cases = Long.parseLong(args[++i]);
                case "--day-cases" -> dayCases = Integer.parseInt(args[++i]);
                case "--partitions" -> partitions = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("usage: AggregationBench --db-url JDBC --cases N "
                    + "[--day-cases 30000] [--partitions 8]");
            }
        }
        AggregationConfig cfg = AggregationConfig.of(url).withPartitions(partitions).withOverlap(java.time.Duration.ZERO);
        long have = queryLong(url, "SELECT count(*) FROM violation");
        if (have == 0) {
            long t = System.nanoTime();
            DemoCityLoader.load(url, cases, 1);
            System.out.printf("loaded %d demo cases in %.1f s%n", cases, secs(t));
            execute(url, "VACUUM ANALYZE violation");
        } else if (have != cases) {
            System.out.printf("note: violation holds %d cases, not %d; measuring what is there (empty the database for a fresh city)%n", have, cases);
        }
        SparkSession spark = SparkSessions.create("cg-aggregation-bench", cfg.master(), partitions);
        try {
            RunSummary full = AggregationJob.run(spark, cfg.withFull(true));
            System.out.println("full job:     " + full);

            double referenceLat = queryDouble(url, "SELECT ST_Y(ST_Centroid(ST_Extent(geom))) FROM admin_area");
            execute(url, "DROP TABLE IF EXISTS bench_grid_baseline");
            long t = System.nanoTime();
            execute(url, baselineSql(cfg.zone().getId(), referenceLat));
            double baseline = secs(t);
            // The job's rows are servable (indexed for the readers' bucket/time/resolution look-ups);
            // the same index on the baseline's table, timed apart.
            t = System.nanoTime();
            execute(url, "CREATE INDEX ON bench_grid_baseline (coalesce(d, w, m), coalesce(g7, g8, g9, g10))");
            double baselineIndex = secs(t);
            long baselineRows = queryLong(url, "SELECT count(*) FROM bench_grid_baseline");
            execute(url, "DROP TABLE bench_grid_baseline");
            System.out.printf("postgis GROUP BY: %d rows in %.1f s (+ %.1f s to index them)%n", baselineRows, baseline,
                baselineIndex);
            System.out.printf("ratio job / postgis = %.2f (goal <= 1.0); against query + index %.2f%n",
                full.seconds() / baseline, full.seconds() / (baseline + baselineIndex));

            // Two days, one run each: the first run after a full run also drops the generation the full run
            // replaced (the one before it stays readable until then); the second is what a daily run costs.
            for (String which : new String[] {"first day after the full run", "next day"}) {
                execute(url, "INSERT INTO violation (case_no, category_code, source, status, reported_at, closed_at, "
                    + "deadline_at, geom) SELECT 'BENCH-' || extract(epoch FROM clock_timestamp())::bigint || '-' || id, "
                    + "category_code, source, status, reported_at + d, closed_at + d, deadline_at + d, geom FROM (SELECT *, "
                    + "(SELECT max(reported_at) FROM violation) - reported_at + interval '1 day' AS d FROM violation "
                    + "ORDER BY id LIMIT " + dayCases + ") s WHERE d < interval '400 days'");
                RunSummary inc = AggregationJob.run(spark, cfg);
                System.out.println("incremental (" + which + "): " + inc);
                System.out.printf("incremental day / full = %.3f (goal < 0.10)%n", inc.seconds() / full.seconds());
            }
        } finally {
            spark.stop();
        }
    }

    /**
     * The same grid counts as agg_cell, from one GROUP BY over equal-area square cells. Each square
     * grid is fixed for the whole city (x scaled by the cosine of one reference latitude), so that a
     * cell holds all the cases inside it: scaling x by each case's own latitude, as an earlier version
     * did, put nearly every case in a cell of its own and made the baseline write twice the rows.
     * Cells are bigint keys, as the job's H3 cells are.
     */
    static String baselineSql(String zone, double referenceLat) {
        double[] areaM2 = {5_161_293.36, 737_327.60, 105_332.51, 15_047.50}; // H3 average cell areas, res 7-10
        double cosLat = Math.cos(Math.toRadians(referenceLat));
        StringBuilder keys = new StringBuilder();
        StringBuilder sets = new StringBuilder();
        for (int r = 0; r < 4; r++) {
            double side = Math.sqrt(areaM2[r]) / 111_320.0;
            keys.append(String.format(java.util.Locale.ROOT,
                ", (floor(ST_X(geom) * %.12f / %.12f)::bigint << 32) + floor(ST_Y(geom) / %.12f)::bigint AS g%d",
                cosLat, side, side, r + 7));
            for (String b : new String[] {"d", "w", "m"}) {
                sets.append(sets.length() == 0 ? "" : ", ").append("(g").append(r + 7).append(", c, ").append(b).append(')');
            }
        }
        String z = zone.replace("'", "");
        return "CREATE TABLE bench_grid_baseline AS SELECT g7, g8, g9, g10, c, d, w, m, count(*) AS cases FROM ("
            + "SELECT category_code AS c, (reported_at AT TIME ZONE '" + z + "')::date AS d, "
            + "date_trunc('week', reported_at AT TIME ZONE '" + z + "')::date AS w, "
            + "date_trunc('month', reported_at AT TIME ZONE '" + z + "')::date AS m" + keys
            + " FROM violation WHERE status <> 'void') v GROUP BY GROUPING SETS (" + sets + ")";
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = Jdbc.connect(url); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static double queryDouble(String url, String sql) throws SQLException {
        try (Connection c = Jdbc.connect(url); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    private static long queryLong(String url, String sql) throws SQLException {
        try (Connection c = Jdbc.connect(url); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
