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
 * settings. PostgreSQL's defaults are the opposite (jit on, two workers), so neither passes by default.
 */
class DatabaseSessionIT extends PostgisIT {

    @Test
    void theApisConnectionsRunWithoutJitOrParallelWorkers() {
        assertThat(jdbc.queryForObject("SHOW jit", String.class)).isEqualTo("off");
        assertThat(jdbc.queryForObject("SHOW max_parallel_workers_per_gather", String.class)).isEqualTo("0");
    }

    @Test
    void theTileBenchmarksDirectConnectionGetsTheSameSettings() throws Exception {
        String url = ((HikariDataSource) jdbc.getDataSource()).getJdbcUrl();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
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
