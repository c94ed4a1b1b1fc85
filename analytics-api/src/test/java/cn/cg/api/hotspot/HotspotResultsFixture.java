package cn.cg.api.hotspot;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Results of the Spark hotspot job as it writes them (V20__hotspots.sql): a succeeded hotspot_run over a
 * given aggregation run, the hotspot_current pointer at it, and hotspot_group / hotspot_cell /
 * hotspot_emerging rows. {@link #close()} removes exactly what it added and restores the previous pointer.
 */
public final class HotspotResultsFixture implements AutoCloseable {

    private final JdbcTemplate jdbc;
    private final Map<String, Object> previous;
    private final long run;
    private final Set<String> groups = new HashSet<>();

    public HotspotResultsFixture(JdbcTemplate jdbc, long aggRun) {
        this.jdbc = jdbc;
        List<Map<String, Object>> prev = jdbc.queryForList("SELECT run_id, previous_run_id FROM hotspot_current");
        this.previous = prev.isEmpty() ? null : prev.get(0);
        this.run = jdbc.queryForObject("INSERT INTO hotspot_run (agg_run_id, status, finished_at, k_setting, auto_k_max, "
                + "kernel, fdr) VALUES (?, 'succeeded', clock_timestamp(), 'auto', 6, 'binary', true) RETURNING run_id",
                Long.class, aggRun);
        jdbc.update("INSERT INTO hotspot_current (singleton, run_id) VALUES (true, ?) ON CONFLICT (singleton) DO UPDATE "
                + "SET previous_run_id = hotspot_current.run_id, run_id = EXCLUDED.run_id, switched_at = clock_timestamp()", run);
    }

    public long run() {
        return run;
    }

    /** One Gi* row of a (resolution, category set, month) group; the group's row is added with its first cell. */
    public void cell(int resolution, String set, LocalDate month, long cell, double value, Double z, Double p, int bin) {
        if (groups.add(resolution + "|" + set + "|" + month)) {
            jdbc.update("INSERT INTO hotspot_group (run_id, resolution, category_set, period, period_start, period_end, k, "
                    + "k_reason, kernel, fdr, cells, cases) VALUES (?, ?, ?, 'month', ?, ?, 2, 'configured', 'binary', true, 0, 0)",
                    run, resolution, set, Date.valueOf(month), Date.valueOf(month.plusMonths(1)));
        }
        jdbc.update("INSERT INTO hotspot_cell (run_id, resolution, category_set, period_start, cell, value, z, p, bin) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", run, resolution, set, Date.valueOf(month), cell, value, z, p, bin);
    }

    /** The emerging hot-spot class of a cell over the run's months. */
    public void emerging(int resolution, String set, long cell, int pattern, String label) {
        jdbc.update("INSERT INTO hotspot_emerging (run_id, resolution, category_set, cell, pattern, label, trend_z, trend_p, "
                + "hot_steps, cold_steps) VALUES (?, ?, ?, ?, ?, ?, 0, 1, 0, 0)", run, resolution, set, cell, pattern, label);
    }

    @Override
    public void close() {
        for (String t : List.of("hotspot_cell", "hotspot_emerging", "hotspot_group")) {
            jdbc.update("DELETE FROM " + t + " WHERE run_id = ?", run);
        }
        jdbc.update("DELETE FROM hotspot_current WHERE run_id = ?", run);
        if (previous != null && jdbc.queryForObject("SELECT count(*) FROM hotspot_current", Long.class) == 0
                && jdbc.queryForObject("SELECT count(*) FROM hotspot_run WHERE run_id = ?", Long.class, previous.get("run_id")) == 1) {
            jdbc.update("INSERT INTO hotspot_current (singleton, run_id, previous_run_id) VALUES (true, ?, ?)",
                    previous.get("run_id"), previous.get("previous_run_id"));
        }
        jdbc.update("DELETE FROM hotspot_run WHERE run_id = ?", run);
    }
}
