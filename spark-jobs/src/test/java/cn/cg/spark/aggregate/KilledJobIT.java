package cn.cg.spark.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cg.spark.SparkTestSession;
import cn.cg.spark.TestDatabase;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.TestInstance;

/**
 * The aggregation job killed with SIGKILL in the middle of its COPY into the aggregate tables, as a JVM
 * of its own (local Spark, executors in the same process): the served run, data_version and every
 * served table stay exactly as they were, and the next run cleans up after it and equals a clean run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KilledJobIT {

    private static final String SERVED_RUN = "SELECT concat_ws('|', c.run_id, c.base_run_id, d.version, d.watermark) "
        + "FROM agg_current c, data_version d";

    @AfterAll
    void cleanUp() throws Exception {
        TestDatabase.clear();
    }

    /**
     * Killed during the COPY into its new cell generation (a table of its own, not yet attached), and
     * during the COPY into agg_area, a served table, where the partitions that committed already left
     * rows marked with its run id.
     */
    @ParameterizedTest
    @ValueSource(strings = {"COPY agg_cell_g", "COPY agg_area ("})
    void killedMidCopyLeavesTheServedRunWholeAndTheNextRunEqualsACleanRun(String copy) throws Exception {
        TestDatabase.clear();
        SfIncidents.loadAreas();
        SfIncidents.load();
        AggregationConfig cfg = AggregationConfig.of(TestDatabase.url()).withZone(SfIncidents.ZONE).withPartitions(4)
            .withOverlap(Duration.ZERO);
        long served = AggregationJob.run(SparkTestSession.get(), cfg).runId();
        // Changes the killed run would have switched in.
        TestDatabase.execute("UPDATE violation SET category_code = '0510' WHERE id % 7 = 3");
        Map<String, List<String>> before = AggregationJobIT.snapshot();
        List<String> servedBefore = TestDatabase.rows(SERVED_RUN);

        Path log = Files.createTempFile("cg-killed-aggregation-", ".log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx1g"));
        // Spark's --add-opens, as Failsafe gave them to this JVM.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("--add-opens"))
            .forEach(cmd::add);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), AggregationJob.class.getName(),
            "--db-url", TestDatabase.url(), "--full", "--master", "local[2]", "--partitions", "4",
            "--zone", SfIncidents.ZONE.getId(), "--overlap", "PT0S"));
        long launched = System.nanoTime();
        Process job = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        List<String> copying;
        List<String> pids;
        try {
            // Kill once a COPY into an aggregate table has rows in it (pg_stat_progress_copy, PostgreSQL 14+).
            do {
                assertThat(job.isAlive()).as("the job ended before it could be killed; log %s", log).isTrue();
                assertThat(System.nanoTime() - launched).as("no COPY seen; log %s", log).isLessThan(TimeUnit.SECONDS.toNanos(180));
                Thread.sleep(10);
                copying = TestDatabase.rows("SELECT p.relid::regclass || ':' || p.tuples_processed FROM pg_stat_progress_copy p "
                    + "JOIN pg_stat_activity a USING (pid) WHERE a.query LIKE '" + copy + "%' AND p.tuples_processed > 0");
            } while (copying.isEmpty());
            pids = TestDatabase.rows("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                + "AND pid <> pg_backend_pid() AND backend_type = 'client backend'");
            job.destroyForcibly(); // SIGKILL
            assertThat(job.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            job.destroyForcibly();
        }
        long killed = System.nanoTime();
        assertThat(job.exitValue()).isEqualTo(137);
        // Its connections die with it; the server ends their transactions.
        String gone = "SELECT count(*) FROM pg_stat_activity WHERE pid IN (" + String.join(",", pids) + ")";
        while (TestDatabase.queryLong(gone) > 0) {
            assertThat(System.nanoTime() - killed).isLessThan(TimeUnit.SECONDS.toNanos(60));
            Thread.sleep(20);
        }
        long killedRun = TestDatabase.queryLong("SELECT max(run_id) FROM agg_run");
        long leftBehind = 0;
        for (String t : AggregateStore.VERSIONED) {
            leftBehind += TestDatabase.queryLong("SELECT count(*) FROM " + t + " WHERE valid_from = " + killedRun);
        }
        System.out.printf("aggregation job killed %.1f s after launch while copying %s; its connections were gone %.2f s "
            + "later; %,d of its rows committed in served tables (unseen)%n", (killed - launched) / 1e9, copying,
            (System.nanoTime() - killed) / 1e9, leftBehind);

        // The served run, data_version and every served table are as they were.
        assertThat(killedRun).isGreaterThan(served);
        assertThat(TestDatabase.rows("SELECT status FROM agg_run WHERE run_id = " + killedRun)).containsExactly("running");
        assertThat(TestDatabase.rows(SERVED_RUN)).isEqualTo(servedBefore);
        AggregationJobIT.assertSameTables(AggregationJobIT.snapshot(), before);

        // The next run marks it failed, removes what it left, and gives what a clean full run gives.
        RunSummary next = AggregationJob.run(SparkTestSession.get(), cfg);
        assertThat(TestDatabase.rows("SELECT status || ':' || message FROM agg_run WHERE run_id = " + killedRun))
            .containsExactly("failed:did not finish (killed)");
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM pg_tables WHERE tablename = 'agg_cell_g" + killedRun + "'")).isZero();
        for (String t : AggregateStore.VERSIONED) {
            assertThat(TestDatabase.queryLong("SELECT count(*) FROM " + t + " WHERE valid_from = " + killedRun)).as(t).isZero();
        }
        assertThat(TestDatabase.queryLong("SELECT version FROM data_version")).isEqualTo(next.runId());
        Map<String, List<String>> afterNext = AggregationJobIT.snapshot();
        assertThat(afterNext.get("agg_cell")).isNotEqualTo(before.get("agg_cell")); // the changes are in
        AggregationJob.run(SparkTestSession.get(), cfg.withFull(true));
        AggregationJobIT.assertSameTables(afterNext, AggregationJobIT.snapshot());
        Files.deleteIfExists(log);
    }
}
