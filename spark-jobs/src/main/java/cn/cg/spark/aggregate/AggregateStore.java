package cn.cg.spark.aggregate;

import cn.cg.geo.time.TimeBuckets;
import cn.cg.geo.time.TimeBuckets.Kind;
import cn.cg.spark.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The job's side of the database (driver only): the run lock, the run log, what changed since the
 * watermark, and the switch. All SQL of the aggregation job's bookkeeping lives here.
 *
 * <p>One connection is held for the whole run: it owns the advisory lock that keeps a second run
 * out; the lock dies with the connection if the driver is killed.
 */
public final class AggregateStore implements AutoCloseable {

    /** Versioned tables (valid_from / valid_to), see V2__aggregates.sql. */
    static final List<String> VERSIONED = List.of("agg_cell", "agg_area", "agg_area_hour", "agg_study_cell");

    private static final long LOCK_KEY = 0x63675f616767L; // "cg_agg"
    private static final String GENERATION_PREFIX = "agg_cell_g";

    /** The served run, as agg_current and agg_run say. */
    public record Current(long runId, long baseRunId, Long previousRunId, Long previousBaseRunId, String timeZone,
                          Instant watermark, String areasFingerprint) {
    }

    private final Connection conn;
    private final String url;

    private AggregateStore(Connection conn, String url) {
        this.conn = conn;
        this.url = url;
    }

    public static AggregateStore open(String jdbcUrl) throws SQLException {
        return new AggregateStore(Jdbc.connect(jdbcUrl), jdbcUrl);
    }

    public Connection connection() {
        return conn;
    }

    /** Takes the run lock or fails at once: two runs must never write at the same time. */
    public void lock() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, LOCK_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new IllegalStateException("another aggregation run holds the lock; try again when it ends");
                }
            }
        }
    }

    /**
     * Removes what runs that never switched (killed or failed) left behind: their rows, and their
     * valid_to marks on served rows. Readers never saw either.
     */
    public void removeUnswitchedRuns() throws SQLException {
        long served = current().map(Current::runId).orElse(0L);
        boolean unswitched = queryLong("SELECT count(*) FROM agg_run WHERE run_id > ?", served) > 0;
        List<String> staleGenerations = generationTables(g -> g > served);
        inTransaction(() -> {
            for (String t : staleGenerations) {
                update("DROP TABLE " + t); // attached or not: a full run that never switched
            }
            for (String t : VERSIONED) {
                // agg_cell has no index on valid_from: scan its millions of rows only when a run died.
                if (unswitched || !t.equals("agg_cell")) {
                    update("DELETE FROM " + t + " WHERE valid_from > ?", served);
                }
                update("UPDATE " + t + " SET valid_to = NULL WHERE valid_to > ?", served);
            }
            update("TRUNCATE h3_cell_load");
            update("UPDATE agg_run SET status = 'failed', finished_at = coalesce(finished_at, clock_timestamp()), "
                + "message = coalesce(message, 'did not finish (killed)') WHERE status = 'running'");
        });
    }

    /** The generation tables agg_cell_g<N> of the current schema (attached or not) whose N passes the test. */
    List<String> generationTables(java.util.function.LongPredicate which) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename ~ '^agg_cell_g[0-9]+$'")) {
            while (rs.next()) {
                String t = rs.getString(1);
                long g = Long.parseLong(t.substring(GENERATION_PREFIX.length()));
                if (g > 0 && which.test(g)) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** The generation tables attached to agg_cell. */
    private List<String> attachedGenerations() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                + "WHERE i.inhparent = 'agg_cell'::regclass")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The bucket kinds a generation is partitioned by (V42), with whether readers look their rows up by cell. */
    enum Leaf {
        DAY("day", true), WEEK("week", false), MONTH("month", true);

        final String bucket;
        /** The vector tiles read day and month rows by cell (HeatmapSql.CELL_TILE); nothing reads weeks so. */
        final boolean byCell;

        Leaf(String bucket, boolean byCell) {
            this.bucket = bucket;
            this.byCell = byCell;
        }

        String of(String generationTable) {
            return generationTable + "_" + bucket;
        }

        /** The leaves of a generation table by {@link TimeBuckets.Kind} ordinal, for writing straight into them. */
        static String[] byKind(String generationTable) {
            String[] out = new String[TimeBuckets.Kind.values().length];
            for (TimeBuckets.Kind k : TimeBuckets.Kind.values()) {
                out[k.ordinal()] = valueOf(k.name()).of(generationTable);
            }
            return out;
        }
    }

    /**
     * The table a full run COPYs its cell rows into: new, empty, unindexed, and partitioned by bucket into
     * one leaf per {@link Leaf} (V42; COPY routes each row to its leaf).
     */
    public String createGeneration(long runId) throws SQLException {
        String t = GENERATION_PREFIX + runId;
        update("DROP TABLE IF EXISTS " + t);
        update("CREATE TABLE " + t + " (LIKE agg_cell INCLUDING DEFAULTS INCLUDING CONSTRAINTS, "
            + "CHECK (generation = " + runId + ")) PARTITION BY LIST (bucket)");
        for (Leaf l : Leaf.values()) {
            update("CREATE TABLE " + l.of(t) + " PARTITION OF " + t + " FOR VALUES IN ('" + l.bucket + "')");
            // Made now, while the leaf is empty: it stays empty through the COPY (valid_to is NULL in a new
            // generation), which only tests the predicate per row, where building it afterwards scans the whole
            // leaf (about 5 s for the three leaves at 10M cases). Adopted by agg_cell_replaced_idx on ATTACH.
            update("CREATE INDEX " + l.of(t) + "_replaced_idx ON " + l.of(t) + " (valid_to) WHERE valid_to IS NOT NULL");
        }
        return t;
    }

    /**
     * The statements that index and analyze a new generation's leaves (V42), largest first: each runs on
     * its own, so they can be spread over several connections. Two index builds on one table do not block
     * each other (both take a SHARE lock); ANALYZE waits for them, so the analyses come last.
     */
    static List<String> leafWork(String t) {
        List<String> out = new ArrayList<>();
        for (Leaf l : Leaf.values()) { // day holds most rows, then week, then month
            if (l.byCell) {
                out.add("CREATE INDEX " + l.of(t) + "_cell_idx ON " + l.of(t) + " (resolution, cell, bucket_start)");
            }
            out.add("CREATE INDEX " + l.of(t) + "_time_idx ON " + l.of(t) + " (bucket_start, resolution, cell)");
        }
        for (Leaf l : Leaf.values()) {
            out.add("ANALYZE " + l.of(t));
        }
        return out;
    }

    /**
     * Indexes a full run's generation once, after its COPY, and attaches it to agg_cell: its rows stay
     * invisible until the switch (valid_from above the served run). The leaves' indexes are built on
     * {@code connections} connections at once, each sorting in {@code indexMemory} (maintenance_work_mem;
     * a sort larger than that spills to disk rather than fails). The CHECK constraint lets ATTACH skip its
     * validation scan; the leaves' valid_to indexes match agg_cell_replaced_idx, so ATTACH adopts them.
     */
    public void attachGeneration(long runId, int connections, String indexMemory) throws SQLException {
        String t = GENERATION_PREFIX + runId;
        runConcurrently(leafWork(t), connections, indexMemory);
        // Made from the leaves' matching indexes (attached, not built again), so ATTACH finds it.
        update("CREATE INDEX " + t + "_replaced_idx ON " + t + " (valid_to) WHERE valid_to IS NOT NULL");
        update("ALTER TABLE agg_cell ATTACH PARTITION " + t + " FOR VALUES IN (" + runId + ")");
    }

    /** Runs independent statements on {@code connections} connections of their own, each taking the next one left. */
    private void runConcurrently(List<String> statements, int connections, String indexMemory) throws SQLException {
        Queue<String> todo = new ConcurrentLinkedQueue<>(statements);
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<Void>> workers = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                workers.add(pool.submit(() -> {
                    try (Connection c = Jdbc.connect(url)) {
                        // A session setting, not the server's: the job may run against a user's server.
                        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('maintenance_work_mem', ?, false)")) {
                            ps.setString(1, indexMemory);
                            ps.execute();
                        }
                        for (String sql = todo.poll(); sql != null; sql = todo.poll()) {
                            Jdbc.update(c, sql);
                        }
                    } catch (SQLException | RuntimeException e) {
                        todo.clear(); // the other connections stop after their current statement
                        throw e;
                    }
                    return null;
                }));
            }
            for (Future<Void> w : workers) {
                try {
                    w.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof SQLException se) {
                        throw se;
                    }
                    throw new IllegalStateException("indexing the new cell generation failed", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while indexing the new cell generation", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The generation an incremental run writes its cell rows into: its base run's, or 0 when the
     * base run's rows predate V40 or were written by hand.
     */
    public long generationOf(long baseRunId) throws SQLException {
        return generationTables(g -> g == baseRunId).isEmpty() ? 0 : baseRunId;
    }

    public Optional<Current> current() throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(
            "SELECT c.run_id, c.base_run_id, c.previous_run_id, c.previous_base_run_id, r.time_zone, r.watermark, "
                + "r.areas_fingerprint FROM agg_current c JOIN agg_run r ON r.run_id = c.run_id")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            Timestamp wm = rs.getTimestamp(6);
            return Optional.of(new Current(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3),
                (Long) rs.getObject(4), rs.getString(5), wm == null ? null : wm.toInstant(), rs.getString(7)));
        }
    }

    /** The newest change the database knows of: inserts and updates (updated_at) and deletes (change log). */
    public Instant watermark() throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(
            "SELECT greatest((SELECT max(updated_at) FROM violation), (SELECT max(changed_at) FROM violation_change))")) {
            rs.next();
            Timestamp t = rs.getTimestamp(1);
            return t == null ? Instant.EPOCH : t.toInstant();
        }
    }

    /** A digest of admin_area: when areas change, memberships and the study area change, so runs go full. */
    public String areasFingerprint() throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(
            "SELECT md5(coalesce(string_agg(id || ':' || level || ':' || coalesce(parent_id::text, '') || ':' "
                + "|| md5(ST_AsBinary(geom)), ',' ORDER BY id), '')) FROM admin_area")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * Local days touched by changes after {@code since}: new and updated cases at their new time
     * (updated_at), updated and deleted cases at their old time (violation_change, written by trigger).
     */
    public SortedSet<LocalDate> changedDays(Instant since, ZoneId zone) throws SQLException {
        SortedSet<LocalDate> days = new TreeSet<>();
        try (PreparedStatement ps = conn.prepareStatement(
            "SELECT DISTINCT (reported_at AT TIME ZONE ?)::date FROM violation WHERE updated_at > ? "
                + "UNION SELECT DISTINCT (reported_at AT TIME ZONE ?)::date FROM violation_change WHERE changed_at > ?")) {
            ps.setString(1, zone.getId());
            ps.setTimestamp(2, Timestamp.from(since));
            ps.setString(3, zone.getId());
            ps.setTimestamp(4, Timestamp.from(since));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    days.add(rs.getObject(1, LocalDate.class));
                }
            }
        }
        return days;
    }

    /**
     * The months the served run has cell counts in (first days). One index probe per month: each step
     * walks the month leaves' (bucket_start, resolution, cell) indexes (V42) from the month before to the
     * first visible row after it. A DISTINCT over the month rows read 100k rows for 13 months at 1M cases
     * (2.6 s under load, against 18 ms this way).
     */
    public SortedSet<LocalDate> servedMonths() throws SQLException {
        SortedSet<LocalDate> months = new TreeSet<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("""
                WITH RECURSIVE m (month) AS (
                    (SELECT bucket_start FROM agg_cell_current WHERE bucket = 'month' ORDER BY bucket_start LIMIT 1)
                    UNION ALL
                    SELECT (SELECT a.bucket_start FROM agg_cell_current a WHERE a.bucket = 'month'
                            AND a.bucket_start > m.month ORDER BY a.bucket_start LIMIT 1)
                    FROM m WHERE m.month IS NOT NULL)
                SELECT month FROM m WHERE month IS NOT NULL""")) {
            while (rs.next()) {
                months.add(rs.getObject(1, LocalDate.class));
            }
        }
        return months;
    }

    /** Admin areas for the point-in-polygon index, and the top-level ones for the study area. */
    public List<AreaIndex.Area> areas(boolean topLevelOnly) throws SQLException {
        List<AreaIndex.Area> out = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(
            "SELECT id, level, ST_AsBinary(geom) FROM admin_area"
                + (topLevelOnly ? " WHERE parent_id IS NULL" : "") + " ORDER BY id")) {
            while (rs.next()) {
                out.add(new AreaIndex.Area(rs.getLong(1), rs.getString(2), rs.getBytes(3)));
            }
        }
        return out;
    }

    /** [min(id), max(id)] of the cases matching {@code where}, or empty when there are none. */
    public Optional<long[]> idRange(String where) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(
            "SELECT min(id), max(id) FROM violation WHERE " + where)) {
            rs.next();
            return rs.getObject(1) == null ? Optional.empty() : Optional.of(new long[] {rs.getLong(1), rs.getLong(2)});
        }
    }

    public long startRun(String mode, ZoneId zone, Instant since, Instant watermark, String fingerprint,
                         BucketScope scope) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
            "INSERT INTO agg_run (mode, status, time_zone, changes_since, watermark, areas_fingerprint, "
                + "recomputed_from, recomputed_to, months_recomputed) VALUES (?, 'running', ?, ?, ?, ?, ?, ?, ?) "
                + "RETURNING run_id")) {
            ps.setString(1, mode);
            ps.setString(2, zone.getId());
            ps.setTimestamp(3, since == null ? null : Timestamp.from(since));
            ps.setTimestamp(4, Timestamp.from(watermark));
            ps.setString(5, fingerprint);
            ps.setObject(6, scope == null ? null : scope.firstDay());
            ps.setObject(7, scope == null ? null : scope.endDay());
            ps.setObject(8, scope == null ? null : scope.months().size());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Those of {@code cells} that h3_cell has no boundary for. */
    public List<Long> cellsWithoutBoundary(List<Long> cells) throws SQLException {
        List<Long> out = new ArrayList<>();
        if (cells.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = conn.prepareStatement(
            "SELECT c FROM unnest(?::bigint[]) AS u (c) WHERE NOT EXISTS (SELECT 1 FROM h3_cell h WHERE h.cell = u.c)")) {
            ps.setArray(1, conn.createArrayOf("bigint", cells.toArray(Long[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    /** Adds the boundaries loaded into h3_cell_load to h3_cell (a dictionary: cells already there stay). */
    public void mergeLoadedCells() throws SQLException {
        inTransaction(() -> {
            update("INSERT INTO h3_cell (cell, resolution, geom) SELECT DISTINCT ON (cell) cell, resolution, geom "
                + "FROM h3_cell_load ORDER BY cell ON CONFLICT (cell) DO NOTHING");
            update("TRUNCATE h3_cell_load");
        });
    }

    /**
     * The switch, in one transaction: marks the served rows that the new run replaces, points
     * agg_current at the new run and records it as succeeded. A full run ({@code scope == null})
     * replaces everything by moving the base run; an incremental run replaces the rows of its scope.
     */
    public void switchTo(long runId, BucketScope scope, RunSummary s) throws SQLException {
        Optional<Current> cur = current();
        inTransaction(() -> {
            long base;
            if (scope == null || cur.isEmpty()) {
                base = runId;
            } else {
                Current c = cur.get();
                base = c.baseRunId();
                String visible = " valid_from BETWEEN " + c.baseRunId() + " AND " + c.runId() + " AND valid_to IS NULL";
                // Only the served generations (V43): right after a full run the previous run's generation is
                // still attached, and its leaves' rows in the scope would be read and filtered for nothing.
                for (Kind kind : Kind.values()) {
                    if (!scope.starts(kind).isEmpty()) {
                        update("UPDATE agg_cell SET valid_to = ? WHERE" + visible + " AND generation IN (0, " + base + ") AND "
                            + scope.bucketRowsSql(kind), runId);
                    }
                }
                update("UPDATE agg_area SET valid_to = ? WHERE" + visible + " AND " + scope.bucketRowsSql(), runId);
                update("UPDATE agg_area_hour SET valid_to = ? WHERE" + visible + " AND "
                    + scope.monthInSql("month_start"), runId);
            }
            if (cur.isEmpty()) {
                update("INSERT INTO agg_current (run_id, base_run_id) VALUES (?, ?)", runId, base);
            } else {
                update("UPDATE agg_current SET previous_run_id = run_id, previous_base_run_id = base_run_id, "
                    + "run_id = ?, base_run_id = ?, switched_at = clock_timestamp()", runId, base);
            }
            try (PreparedStatement ps = conn.prepareStatement(
                "UPDATE agg_run SET status = 'succeeded', finished_at = clock_timestamp(), cases_read = ?, "
                    + "cell_rows = ?, area_rows = ?, profile_rows = ?, study_cells = ? WHERE run_id = ?")) {
                ps.setLong(1, s.casesRead());
                ps.setLong(2, s.cellRows());
                ps.setLong(3, s.areaRows());
                ps.setLong(4, s.profileRows());
                ps.setLong(5, s.studyCells());
                ps.setLong(6, runId);
                ps.executeUpdate();
            }
        });
    }

    /**
     * Deletes rows that neither the served run nor the one served before it can see. Runs after the
     * switch; readers holding the previous run id still find its rows until the next run.
     */
    public void collectGarbage() throws SQLException {
        Optional<Current> cur = current();
        if (cur.isEmpty() || cur.get().previousRunId() == null) {
            return;
        }
        Current c = cur.get();
        for (String t : VERSIONED) {
            update("DELETE FROM " + t + " WHERE valid_to IS NOT NULL AND valid_to <= ?", c.previousRunId());
        }
        // Older generations: only a full run moves the base, so the scan runs once per full run.
        Long prevBase = c.previousBaseRunId();
        if (prevBase != null && update("UPDATE agg_current SET collected_below = ? WHERE collected_below < ?",
            prevBase, prevBase) > 0) {
            // Every row of an older generation has valid_from < prevBase. DETACH ... CONCURRENTLY waits
            // for the readers still in it without blocking new ones, as a plain DROP would.
            List<String> attached = attachedGenerations();
            for (String t : generationTables(g -> g < prevBase)) {
                if (attached.contains(t)) {
                    update("ALTER TABLE agg_cell DETACH PARTITION " + t + " CONCURRENTLY");
                }
                update("DROP TABLE " + t);
            }
            for (String t : VERSIONED) {
                update("DELETE FROM " + t + " WHERE valid_from < ?"
                    + (t.equals("agg_cell") ? " AND generation = 0" : ""), prevBase);
            }
        }
    }

    public void markFailed(long runId, Throwable cause) {
        Jdbc.markRunFailed(conn, "agg_run", runId, cause);
    }

    private long queryLong(String sql, Object... binds) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < binds.length; i++) {
                ps.setObject(i + 1, binds[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private int update(String sql, Object... binds) throws SQLException {
        return Jdbc.update(conn, sql, binds);
    }

    private void inTransaction(Jdbc.SqlWork work) throws SQLException {
        Jdbc.inTransaction(conn, work);
    }

    @Override
    public void close() throws SQLException {
        conn.close();
    }
}
