package cn.cg.api.violation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cg.api.PostgisIT;
import cn.cg.api.TestTokens;
import cn.cg.geo.demo.DemoCaseGenerator;
import cn.cg.geo.demo.DemoCity;
import cn.cg.geo.demo.ProjectCsv;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An import cut off for real commits nothing: the importer's JVM killed with SIGKILL during its COPY
 * and during its merge into {@code violation}, and an HTTP upload whose client hangs up half way
 * through the body. Before and after, the case table and the import log are compared whole.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportInterruptionIT extends PostgisIT {

    /** Large enough that its COPY and its merge each take seconds on a loaded 2-core machine. */
    private static final int CASES = 300_000;
    private static final int PRELOADED = 1_000;

    @Autowired
    ViolationImporter importer;

    private Path file;

    @BeforeAll
    void generateFile() throws Exception {
        file = Files.createTempFile("cg-interrupted-import-", ".csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            ProjectCsv.write(new DemoCaseGenerator(DemoCity.shenzhen(DemoCity.DEFAULT_SEED), DemoCity.DEFAULT_SEED, CASES), out);
        }
    }

    @AfterAll
    void deleteFile() throws Exception {
        Files.deleteIfExists(file);
    }

    @Test
    void importerKilledDuringCopyCommitsNothingAndTheSameFileImportsWholeAfterwards() throws Exception {
        preload();
        Map<String, Object> before = state();
        // Killed once its COPY has streamed 50,000 rows into the staging table.
        Kill kill = killImporter("SELECT a.pid, p.tuples_processed FROM pg_stat_progress_copy p JOIN pg_stat_activity a "
                + "USING (pid) WHERE a.query LIKE '%COPY import_staging%' AND p.tuples_processed >= 50000", 0);
        System.out.printf("import killed during COPY: %,d rows staged, %.1f s after launch; its transaction ended %.2f s after the kill%n",
                kill.progress(), kill.launchToKill(), kill.rollback());
        assertThat(kill.progress()).isGreaterThanOrEqualTo(50_000);
        assertThat(state()).isEqualTo(before);

        // Nothing of it lingers (no lock, no staging): the whole file imports now, every row once.
        ImportReport r;
        try (InputStream in = Files.newInputStream(file)) {
            r = importer.importCases(in, ImportRequest.of(file.getFileName().toString(), "csv", "wgs84", "cg"));
        }
        assertThat(r.rowsRead()).isEqualTo(CASES);
        assertThat(r.accepted() + r.rejected() + r.duplicates()).isEqualTo(CASES);
        assertThat(r.duplicates()).isEqualTo(PRELOADED);
        assertThat(count("SELECT count(*) FROM violation")).isEqualTo(PRELOADED + r.accepted());
    }

    @Test
    void importerKilledDuringItsMergeIntoViolationCommitsNothing() throws Exception {
        preload();
        Map<String, Object> before = state();
        // Killed a second into the INSERT ... ON CONFLICT that moves staged rows into violation.
        Kill kill = killImporter("SELECT pid, 0 FROM pg_stat_activity WHERE query LIKE '%WITH merged AS%' AND state = 'active' "
                + "AND datname = current_database() AND pid <> pg_backend_pid()", 1000);
        System.out.printf("import killed during its merge, %.1f s after launch; its transaction ended %.2f s after the kill%n",
                kill.launchToKill(), kill.rollback());
        assertThat(state()).isEqualTo(before);
        // The server polls for the dead client during the statement (client_connection_check_interval = 1 s).
        assertThat(kill.rollback()).isLessThan(5);
    }

    @Test
    void uploadCutOffHalfWayThroughItsBodyCommitsNothingAndTheApiKeepsServing() throws Exception {
        preload();
        Map<String, Object> before = state();
        String boundary = "cg-cut-7MA4YWxk";
        byte[] body = multipart(boundary, Files.readString(file).substring(0, 4_000_000));
        String head = "POST /api/v1/imports HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + TestTokens.bearer(TestTokens.ADMIN)
                + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        try (Socket s = new Socket(url("/").getHost(), url("/").getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            Thread.sleep(500);
        } // closed with half the declared body unsent
        Thread.sleep(1000);
        assertThat(state()).isEqualTo(before);

        // The same server answers, and takes a whole upload.
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        byte[] small = multipart(boundary, ViolationImporterIT.HEADER
                + "CUT-1,0501,patrol,closed,2025-03-01T18:22:00+08:00,,,114.05,22.54,,1\n");
        var r = http.send(request("/api/v1/imports", TestTokens.ADMIN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(small)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(count("SELECT count(*) FROM violation")).isEqualTo(PRELOADED + 1);
    }

    /** The first rows of the file, imported whole: the state the interrupted import must leave as it was. */
    private void preload() throws Exception {
        List<String> lines = Files.readAllLines(file).subList(0, PRELOADED + 1);
        ImportReport r = importer.importCases(new ByteArrayInputStream((String.join("\n", lines) + "\n")
                .getBytes(StandardCharsets.UTF_8)), ImportRequest.of("first.csv", "csv", "wgs84", "cg"));
        assertThat(r.accepted()).isEqualTo(PRELOADED);
    }

    /** Cases (with a digest of every field) and the import log, whole. */
    private Map<String, Object> state() {
        return jdbc.queryForMap("""
                SELECT (SELECT count(*) FROM violation) AS cases,
                       (SELECT md5(string_agg(concat_ws('|', id, case_no, category_code, status, reported_at, closed_at,
                               ST_AsText(geom), import_id), ',' ORDER BY id)) FROM violation) AS cases_md5,
                       (SELECT string_agg(concat_ws('|', id, file_name, rows_read, accepted, finished_at IS NOT NULL), ','
                               ORDER BY id) FROM import_run) AS runs,
                       (SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                        WHERE c.relname IN ('violation', 'import_run') AND l.pid <> pg_backend_pid()) AS locks""");
    }

    record Kill(long progress, double launchToKill, double rollback) {
    }

    /**
     * Runs {@code ./cg import FILE}'s code (the application with the import command) in a JVM of its own,
     * waits until {@code probe} (returning the import's backend pid and a progress figure) finds a row, then
     * {@code delayMillis} more, and kills the JVM with SIGKILL. Returns once the import's backend is gone.
     */
    private Kill killImporter(String probe, long delayMillis) throws Exception {
        Path log = Files.createTempFile("cg-killed-import-", ".log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-cp", System.getProperty("java.class.path"),
                "-Dcg.db.url=" + System.getProperty("cg.db.url"),
                "cn.cg.api.CgApplication", "import", file.toString()));
        long launched = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = launched + TimeUnit.SECONDS.toNanos(180);
            List<Map<String, Object>> found = List.of();
            while (found.isEmpty()) {
                assertThat(p.isAlive()).as("the importer ended before it could be killed; its log: %s", log).isTrue();
                assertThat(System.nanoTime()).as("the importer did not reach the point to kill it; log: %s", log).isLessThan(deadline);
                Thread.sleep(20);
                found = jdbc.queryForList(probe);
            }
            Thread.sleep(delayMillis);
            assertThat(p.isAlive()).as("the importer finished before the kill; log: %s", log).isTrue();
            int pid = ((Number) found.get(0).get("pid")).intValue();
            long progress = ((Number) found.get(0).values().toArray()[1]).longValue();
            p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no rollback from the client
            long killed = System.nanoTime();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(137);
            // The server notices the dead client and rolls its transaction back.
            while (count("SELECT count(*) FROM pg_stat_activity WHERE pid = ?", pid) > 0) {
                assertThat(System.nanoTime() - killed).as("backend of the killed import still there").isLessThan(TimeUnit.SECONDS.toNanos(60));
                Thread.sleep(20);
            }
            Files.deleteIfExists(log);
            return new Kill(progress, (killed - launched) / 1e9, (System.nanoTime() - killed) / 1e9);
        } finally {
            p.destroyForcibly();
        }
    }

    private static byte[] multipart(String boundary, String content) {
        return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cases.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
