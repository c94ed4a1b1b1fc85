package cn.cg.api.aggregate;

import cn.cg.geo.grid.H3Cells;
import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Aggregate rows as the aggregation job writes them (V2 schema): a succeeded {@code agg_run}, the
 * {@code agg_current} pointer at it, {@code agg_cell} rows at resolutions 7-10 for day, week and month
 * buckets (parents by H3, as the job does), {@code agg_area} month rows and the {@code h3_cell}
 * boundaries. {@link #close()} removes exactly what it added and restores the previous pointer.
 */
public final class AggregateFixture implements AutoCloseable {

    private final JdbcTemplate jdbc;
    private final List<Long> runs = new ArrayList<>();
    private final List<Long> newCells = new ArrayList<>();
    private final Map<String, Object> previousCurrent;
    private long run;

    public AggregateFixture(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        List<Map<String, Object>> prev = jdbc.queryForList("SELECT run_id, base_run_id FROM agg_current");
        this.previousCurrent = prev.isEmpty() ? null : prev.get(0);
        newRun();
    }

    /** Starts a new full run and serves it (the previous fixture run's rows become invisible). */
    public long newRun() {
        run = jdbc.queryForObject("INSERT INTO agg_run (mode, status, time_zone, finished_at) "
                + "VALUES ('full', 'succeeded', 'Asia/Shanghai', clock_timestamp()) RETURNING run_id", Long.class);
        runs.add(run);
        jdbc.update("INSERT INTO agg_current (singleton, run_id, base_run_id) VALUES (true, ?, ?) "
                + "ON CONFLICT (singleton) DO UPDATE SET run_id = EXCLUDED.run_id, base_run_id = EXCLUDED.base_run_id, "
                + "previous_run_id = agg_current.run_id, switched_at = clock_timestamp()", run, run);
        return run;
    }

    public long run() {
        return run;
    }

    /** {@code cases} cases of one category on one day at a point: its res-10 cell and parents, all buckets. */
    public long cases(double lon, double lat, String category, LocalDate day, int cases) {
        long fine = H3Cells.finestCell(lat, lon);
        for (int res = 7; res <= 10; res++) {
            long cell = H3Cells.parentOf(fine, res);
            boundary(cell);
            add(res, cell, category, "day", day, cases);
            add(res, cell, category, "week", day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), cases);
            add(res, cell, category, "month", day.withDayOfMonth(1), cases);
        }
        return fine;
    }

    private void add(int res, long cell, String category, String bucket, LocalDate start, int cases) {
        int n = jdbc.update("UPDATE agg_cell SET cases = cases + ? WHERE valid_from = ? AND resolution = ? AND cell = ? "
                + "AND category_code = ? AND bucket = ? AND bucket_start = ?", cases, run, res, cell, category, bucket, Date.valueOf(start));
        if (n == 0) {
            jdbc.update("INSERT INTO agg_cell (resolution, cell, category_code, bucket, bucket_start, cases, valid_from) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", res, cell, category, bucket, Date.valueOf(start), cases, run);
        }
    }

    /** The cell's boundary in h3_cell, from h3-java as the job writes it. */
    public void boundary(long cell) {
        String wkt = H3Cells.get().boundary(cell).toText();
        List<Long> added = jdbc.queryForList("INSERT INTO h3_cell (cell, resolution, geom) VALUES (?, ?, ST_GeomFromText(?, 4326)) "
                + "ON CONFLICT (cell) DO NOTHING RETURNING cell", Long.class, cell, H3Cells.get().resolution(cell), wkt);
        newCells.addAll(added);
    }

    /** One month row of an area's figures for a category. */
    public void area(long areaId, String level, String category, LocalDate month, int cases, int closed, int closedOnTime,
                     long handlingSeconds) {
        jdbc.update("INSERT INTO agg_area (area_id, level, category_code, bucket, bucket_start, cases, closed, closed_on_time, "
                        + "handling_seconds, mean_handling_hours, valid_from) VALUES (?, ?, ?, 'month', ?, ?, ?, ?, ?, ?, ?)",
                areaId, level, category, Date.valueOf(month.withDayOfMonth(1)), cases, closed, closedOnTime, handlingSeconds,
                closed == 0 ? null : handlingSeconds / (double) closed / 3600, run);
    }

    @Override
    public void close() {
        for (long r : runs) {
            jdbc.update("DELETE FROM agg_cell WHERE valid_from = ?", r);
            jdbc.update("DELETE FROM agg_area WHERE valid_from = ?", r);
        }
        jdbc.update("DELETE FROM agg_current WHERE run_id = ANY (?)", (Object) runs.toArray(Long[]::new));
        if (previousCurrent != null && jdbc.queryForObject("SELECT count(*) FROM agg_current", Long.class) == 0
                && jdbc.queryForObject("SELECT count(*) FROM agg_run WHERE run_id = ?", Long.class, previousCurrent.get("run_id")) == 1) {
            jdbc.update("INSERT INTO agg_current (singleton, run_id, base_run_id) VALUES (true, ?, ?)",
                    previousCurrent.get("run_id"), previousCurrent.get("base_run_id"));
        }
        jdbc.update("DELETE FROM agg_run WHERE run_id = ANY (?)", (Object) runs.toArray(Long[]::new));
        jdbc.update("DELETE FROM h3_cell WHERE cell = ANY (?)", (Object) newCells.toArray(Long[]::new));
    }
}
