package cn.cg.api.heatmap;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cg.api.PostgisIT;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The API's database sessions run with the shipped settings of application.properties' connection-init-sql (no
 * JIT, no parallel workers: docs/heatmap-and-features.md), and the tile benchmark's direct statement, on a
 * connection of its own, runs under the same ones, so that its ratio compares the same SQL under the same
 * settings.
 */
class DatabaseSessionIT extends PostgisIT {

    /** Set by the connection itself (source "session"), not inherited from a server that happens to agree. */
    @Test
    void theApisConnectionsRunWithoutJitOrParallelWorkers() {
        String sql = "SELECT setting || ' from ' || source FROM pg_settings WHERE name = ?";
        assertThat(jdbc.queryForObject(sql, String.class, "jit")).isEqualTo("off from session");
        assertThat(jdbc.queryForObject(sql, String.class, "max_parallel_workers_per_gather")).isEqualTo("0 from session");
    }

    @Test
    void theTileBenchmarksDirectConnectionGetsTheSameSettings() throws Exception {
        String url = ((HikariDataSource) jdbc.getDataSource()).getJdbcUrl();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("SET jit = on; SET max_parallel_workers_per_gather = 2"); // whatever the server's defaults
            st.execute(TileBenchmark.apiSessionSettings());
            assertThat(show(st, "jit")).isEqualTo("off");
            assertThat(show(st, "max_parallel_workers_per_gather")).isEqualTo("0");
        }
    }

    private static String show(Statement st, String setting) throws Exception {
        try (ResultSet rs = st.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
