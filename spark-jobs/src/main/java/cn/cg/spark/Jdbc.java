package cn.cg.spark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Connections to PostgreSQL from the driver and the executors. Goes to the PostgreSQL driver
 * directly: under spark-submit the job jar (which carries the driver) sits in a child class loader
 * that {@link java.sql.DriverManager} does not search.
 */
public final class Jdbc {

    private static final org.postgresql.Driver DRIVER = new org.postgresql.Driver();

    private Jdbc() {
    }

    public static Connection connect(String url) throws SQLException {
        Connection c = DRIVER.connect(url, new Properties());
        if (c == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: " + url);
        }
        return c;
    }

    /** Runs a statement with its values bound; returns the rows it changed. */
    public static int update(Connection c, String sql, Object... binds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < binds.length; i++) {
                ps.setObject(i + 1, binds[i]);
            }
            return ps.executeUpdate();
        }
    }

    /** Work that talks to the database. */
    public interface SqlWork {
        void run() throws SQLException;
    }

    /** Runs work in one transaction: all of it commits, or none of it (the connection is left in autocommit). */
    public static void inTransaction(Connection c, SqlWork work) throws SQLException {
        c.setAutoCommit(false);
        try {
            work.run();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /**
     * Marks a running job run as failed with its cause. {@code runTable} is one of the jobs' own run
     * tables (a constant, never user input). A failure to record the failure is attached to the cause
     * rather than hiding it.
     */
    public static void markRunFailed(Connection c, String runTable, long runId, Throwable cause) {
        try {
            update(c, "UPDATE " + runTable + " SET status = 'failed', finished_at = clock_timestamp(), message = ? "
                + "WHERE run_id = ? AND status = 'running'", String.valueOf(cause), runId);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
