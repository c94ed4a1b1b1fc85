package cn.cg.spark.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cg.spark.TestDatabase;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The shaded job jar on a real Spark standalone cluster (a master and two workers on localhost, started
 * from the Spark jars by src/test/cluster/run-standalone.sh), against the San Francisco fixture.
 * Takes about two minutes on two cores, most of it JVM start-up of master, workers and executors.
 */
class StandaloneClusterIT {

    @AfterAll
    static void cleanUp() throws Exception {
        TestDatabase.clear();
    }

    @Test
    void jobRunsOnAStandaloneClusterAndItsCountsAddUp() throws Exception {
        TestDatabase.clear();
        SfIncidents.loadAreas();
        SfIncidents.load();
        Path script = Path.of("src/test/cluster/run-standalone.sh").toAbsolutePath();
        Path log = Files.createTempFile("cg-standalone", ".log");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "--db-url", TestDatabase.url(),
            "--zone", SfIncidents.ZONE.getId(), "--partitions", "4")
            .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("CG_SPARK_MASTER_PORT", String.valueOf(port));
        Process p = pb.start();
        boolean done = p.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        String out = Files.readString(log);
        assertThat(done).as("finished in 5 minutes; output:%n%s", out).isTrue();
        assertThat(p.exitValue()).as("exit status; output:%n%s", out).isZero();
        assertThat(out).contains("(full): " + AggregationJobIT.cases() + " cases");
        Files.deleteIfExists(log);

        assertThat(TestDatabase.rows("SELECT mode, status FROM agg_run")).containsExactly("full|succeeded");
        long n = AggregationJobIT.cases();
        List<String> sums = TestDatabase.rows("SELECT resolution, bucket, sum(cases) FROM agg_cell_current GROUP BY 1, 2");
        assertThat(sums).hasSize(12).allSatisfy(row -> assertThat(row).endsWith("|" + n));
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM agg_study_cell_current")).isPositive();
        assertThat(new File(script.toString()).canExecute()).isTrue();
    }
}
