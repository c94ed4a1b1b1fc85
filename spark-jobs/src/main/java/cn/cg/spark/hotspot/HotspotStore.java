package cn.cg.spark.hotspot;

import cn.cg.spark.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hotspot job's side of the database (driver only): the run lock, the run log, the served
 * aggregation run, and the switch. All SQL of the job's bookkeeping lives here.
 */
public final class HotspotStore implements AutoCloseable {

    static final List<String> RESULT_TABLES = List.of("hotspot_cell", "hotspot_emerging", "hotspot_group");

    private static final long LOCK_KEY = 0x63675f686f74L; // "cg_hot"

    /** The served aggregation run. */
    public record AggRun(long runId) {
    }

    private final Connection conn;

    private HotspotStore(Connection conn) {
        this.conn = conn;
    }

    public static HotspotStore open(String jdbcUrl) throws SQLException {
        return new HotspotStore(Jdbc.connect(jdbcUrl));
    }

    /** Takes the run lock or fails at once: two hotspot runs must never write at the same time. */
    public void lock() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, LOCK_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new IllegalStateException("another hotspot run holds the lock; try again when it ends");
                }
            }
        }
    }

    /** The served aggregation run, if any. */
    public Optional<AggRun> aggregationRun() throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT run_id FROM agg_current")) {
            return rs.next() ? Optional.of(new AggRun(rs.getLong(1))) : Optional.empty();
        }
    }

    /** Codes of the vendor-related categories (the 'vendor' set). */
    public Set<String> vendorCodes() throws SQLException {
        Set<String> out = new TreeSet<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT code FROM category WHERE vendor_related")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Removes the rows of runs that never switched (killed or failed); readers never saw them. */
    public void removeUnswitchedRuns() throws SQLException {
        long served = servedRun().orElse(0L);
        inTransaction(() -> {
            for (String t : RESULT_TABLES) {
                update("DELETE FROM " + t + " WHERE run_id > ?", served);
            }
            update("UPDATE hotspot_run SET status = 'failed', finished_at = coalesce(finished_at, clock_timestamp()), "
                + "message = coalesce(message, 'did not finish (killed)') WHERE status = 'running'");
        });
    }

    public Optional<Long> servedRun() throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT run_id FROM hotspot_current")) {
            return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
        }
    }

    public long startRun(long aggRunId, HotspotConfig cfg) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
            "INSERT INTO hotspot_run (agg_run_id, status, k_setting, auto_k_max, kernel, fdr) "
                + "VALUES (?, 'running', ?, ?, ?, ?) RETURNING run_id")) {
            ps.setLong(1, aggRunId);
            ps.setString(2, cfg.kSetting());
            ps.setInt(3, cfg.autoKMax());
            ps.setString(4, cfg.kernel().name().toLowerCase(java.util.Locale.ROOT));
            ps.setBoolean(5, cfg.fdr());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * The switch, in one transaction: points hotspot_current at the run, keeping the one served
     * before it as previous, and records the run as succeeded.
     */
    public void switchTo(long runId, HotspotRunSummary s) throws SQLException {
        Optional<Long> served = servedRun();
        inTransaction(() -> {
            if (served.isEmpty()) {
                update("INSERT INTO hotspot_current (run_id) VALUES (?)", runId);
            } else {
                update("UPDATE hotspot_current SET previous_run_id = run_id, run_id = ?, switched_at = clock_timestamp()",
                    runId);
            }
            update("UPDATE hotspot_run SET status = 'succeeded', finished_at = clock_timestamp(), groups = ?, "
                + "cell_rows = ?, emerging_rows = ?, seconds = ? WHERE run_id = ?",
                s.groups(), s.cellRows(), s.emergingRows(), s.seconds(), runId);
        });
    }

    /** Deletes the rows of runs older than the one served before the current (nobody reads them). */
    public void collectGarbage() throws SQLException {
        Long keep;
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(
            "SELECT coalesce(previous_run_id, run_id) FROM hotspot_current")) {
            if (!rs.next()) {
                return;
            }
            keep = rs.getLong(1);
        }
        for (String t : RESULT_TABLES) {
            update("DELETE FROM " + t + " WHERE run_id < ?", keep);
        }
    }

    public void markFailed(long runId, Throwable cause) {
        Jdbc.markRunFailed(conn, "hotspot_run", runId, cause);
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
