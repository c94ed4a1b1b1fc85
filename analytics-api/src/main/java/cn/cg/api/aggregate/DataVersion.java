package cn.cg.api.aggregate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The served aggregation run ({@code data_version.version}; 0 before the first run), which keys ETags
 * and caches so that a new run invalidates them. Read at most once per {@link #REFRESH}, and off the
 * request path: once the snapshot is older than that, the next reader starts one read in the background
 * and it and the others answer from the snapshot until the read is done, so a switch is seen within
 * {@link #REFRESH} plus one read. Only a snapshot older than {@link #STALE_LIMIT} (the background read
 * failed or hangs, e.g. the database is down) is read by the request itself, which then fails as it
 * did before.
 */
@Component
public class DataVersion {

    public static final Duration REFRESH = Duration.ofSeconds(2);

    /** The oldest snapshot a request may be answered from while the background read is under way. */
    public static final Duration STALE_LIMIT = REFRESH.multipliedBy(2);

    /** @param hotspotRun the served hotspot job run (hotspot_current), 0 when there is none */
    public record Snapshot(long version, LocalDate latestMonth, long hotspotRun) {
    }

    private record Read(Snapshot snapshot, long atNanos) {
    }

    private volatile Read current;
    /** Counts {@link #refresh()} calls. */
    private volatile long epochs;
    private final AtomicBoolean reading = new AtomicBoolean();
    private final JdbcTemplate jdbc;

    public DataVersion(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long version() {
        return snapshot().version();
    }

    /**
     * Without a lock on the request path: with one, while the database is down each waiting request would
     * sit through every earlier request's connection timeout as well as its own (docs/resilience.md). Before
     * the first read, after {@link #refresh()} and past {@link #STALE_LIMIT} requests read themselves (two
     * may read at the same moment; both get the same few small rows); in between, one background read at a
     * time keeps the snapshot fresh, so the requests of a busy server never wait for these queries.
     */
    private Snapshot snapshot() {
        Read r = current;
        long now = System.nanoTime();
        if (r == null || now - r.atNanos() >= STALE_LIMIT.toNanos()) {
            long epoch = epochs;
            Snapshot s = read(jdbc);
            offer(new Read(s, now), epoch);
            return s;
        }
        if (now - r.atNanos() >= REFRESH.toNanos() && reading.compareAndSet(false, true)) {
            try {
                CompletableFuture.runAsync(this::readInBackground, BACKGROUND);
            } catch (RuntimeException e) { // rejected: the request reads it next time, past the limit
                reading.set(false);
            }
        }
        return r.snapshot();
    }

    private void readInBackground() {
        try {
            long epoch = epochs;
            long started = System.nanoTime();
            offer(new Read(read(jdbc), started), epoch);
        } catch (RuntimeException e) {
            // The database is unreachable or busy: requests past STALE_LIMIT read, and fail, themselves.
        } finally {
            reading.set(false);
        }
    }

    /**
     * Keeps the newer of two reads (by when they started), and none begun before the last {@link #refresh()}:
     * a slow background read must not put back what a switch and a refresh have just replaced.
     */
    private synchronized void offer(Read r, long epoch) {
        Read c = current;
        if (epoch == epochs && (c == null || r.atNanos() >= c.atNanos())) {
            current = r;
        }
    }

    /** One daemon thread for the background reads: a snapshot is a few small rows every REFRESH at most. */
    private static final Executor BACKGROUND = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "data-version");
        t.setDaemon(true);
        return t;
    });

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

    /** The next reader reads the database itself (tests, after switching a run). */
    public synchronized void refresh() {
        epochs++;
        current = null;
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
