package cn.cg.api.aggregate;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Cache;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The served aggregation run ({@code data_version.version}; 0 before the first run), which keys ETags
 * and caches so that a new run invalidates them. Read at most once per {@link #REFRESH}: a switch is
 * seen by every reader within that time.
 */
@Component
public class DataVersion {

    public static final Duration REFRESH = Duration.ofSeconds(2);

    /** @param hotspotRun the served hotspot job run (hotspot_current), 0 when there is none */
    public record Snapshot(long version, LocalDate latestMonth, long hotspotRun) {
    }

    private final Cache<Boolean, Snapshot> current = Caffeine.newBuilder().expireAfterWrite(REFRESH).build();
    private final JdbcTemplate jdbc;

    public DataVersion(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long version() {
        return snapshot().version();
    }

    /**
     * Read without a per-key load lock: with one, while the database is down each waiting request would
     * sit through every earlier request's connection timeout as well as its own (docs/resilience.md).
     * Two requests may read at the same moment; both get the same few small rows.
     */
    private Snapshot snapshot() {
        Snapshot s = current.getIfPresent(Boolean.TRUE);
        if (s == null) {
            s = read(jdbc);
            current.put(Boolean.TRUE, s);
        }
        return s;
    }

    /**
     * The served run of the Spark hotspot job, 0 before its first: it switches on its own after an
     * aggregation run, so answers built from its results key their ETags and caches by it as well.
     */
    public long hotspotRun() {
        return snapshot().hotspotRun();
    }

    /** The first day of the latest month with cell counts, or of the current month when there are none. */
    public LocalDate latestMonth() {
        return snapshot().latestMonth();
    }

    /** The latest month as a period: the default of tiles and legends. */
    public Period latestMonthPeriod() {
        LocalDate m = latestMonth();
        return new Period(m, m.plusMonths(1));
    }

    /**
     * Whether cases changed after the served run read them, or no run exists: what {@code ./cg up} asks
     * before starting Spark, so that a second start with nothing new skips the job.
     */
    public static boolean aggregationDue(JdbcTemplate jdbc) {
        Boolean due = jdbc.queryForObject(AGGREGATION_DUE, Boolean.class);
        return due == null || due;
    }

    private static final String AGGREGATION_DUE = """
            SELECT NOT EXISTS (SELECT 1 FROM data_version)
                OR EXISTS (SELECT 1 FROM violation, data_version d WHERE violation.updated_at > d.watermark)
                OR EXISTS (SELECT 1 FROM violation_change, data_version d WHERE changed_at > d.watermark)""";

    public void refresh() {
        current.invalidateAll();
    }

    private static Snapshot read(JdbcTemplate jdbc) {
        List<Long> v = jdbc.queryForList("SELECT version FROM data_version", Long.class);
        // Not max(): through the view PostgreSQL aggregates every month row (2.1 s on 1M cases, ~14 s on 10M);
        // ordered and limited it walks the month leaves' (bucket_start, resolution, cell) indexes backwards
        // (V42; a Merge Append over the generations) to the first visible row (0.25 ms).
        List<java.sql.Date> m = jdbc.queryForList(
                "SELECT bucket_start FROM agg_cell_current WHERE bucket = 'month' ORDER BY bucket_start DESC LIMIT 1",
                java.sql.Date.class);
        LocalDate month = m.isEmpty() || m.get(0) == null ? LocalDate.now().withDayOfMonth(1) : m.get(0).toLocalDate();
        List<Long> h = jdbc.queryForList("SELECT run_id FROM hotspot_current", Long.class);
        return new Snapshot(v.isEmpty() || v.get(0) == null ? 0 : v.get(0), month, h.isEmpty() ? 0 : h.get(0));
    }
}
