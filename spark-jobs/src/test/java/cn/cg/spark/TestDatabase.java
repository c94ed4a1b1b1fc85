package cn.cg.spark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;

/**
 * The PostGIS database of the integration tests. Starts from {@code cg.db.url} (set by Surefire /
 * Failsafe; {@code ./cg test} points it at cg_test) and, where the user may create databases, uses a
 * sibling database {@code <name>_spark} on the same server, so that these tests, which truncate the
 * case and aggregate tables, cannot disturb other modules' tests running against the same server at
 * the same time. Migrated with Flyway from the sql module.
 */
public final class TestDatabase {

    private static String url;

    private TestDatabase() {
    }

    public static synchronized String url() {
        if (url == null) {
            String given = System.getProperty("cg.db.url", "jdbc:postgresql://127.0.0.1:55432/cg_test?user=cg");
            url = sibling(given);
            Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration")
                .ignoreMigrationPatterns("*:missing", "*:future").load().migrate();
        }
        return url;
    }

    private static String sibling(String given) {
        int slash = given.indexOf('/', "jdbc:postgresql://".length());
        int q = given.indexOf('?', slash);
        String db = q < 0 ? given.substring(slash + 1) : given.substring(slash + 1, q);
        String name = db + "_spark";
        String siblingUrl = given.substring(0, slash + 1) + name + (q < 0 ? "" : given.substring(q));
        try (Connection c = DriverManager.getConnection(given); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (!rs.next()) {
                    st.execute("CREATE DATABASE " + name);
                }
            }
            return siblingUrl;
        } catch (SQLException e) {
            // No CREATEDB right (a shared server): use the given database itself.
            return given;
        }
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    /** Empties cases, areas and aggregates (the data these tests own). */
    public static void clear() throws SQLException {
        execute("TRUNCATE agg_cell, agg_area, agg_area_hour, agg_study_cell, agg_current, agg_run, h3_cell, "
            + "h3_cell_load, violation_change, violation, admin_area RESTART IDENTITY CASCADE");
    }

    public static void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    public static long queryLong(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every row of a query as text, in the query's order. */
    public static List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    sb.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }
}
