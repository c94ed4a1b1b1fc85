package cn.cg.api.violation;

import cn.cg.geo.demo.DemoCaseGenerator;
import cn.cg.geo.demo.DemoCity;
import cn.cg.geo.demo.ProjectCsv;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.stereotype.Component;

/**
 * {@code ./cg bench import}: the importer against the floor it cannot beat, a bare COPY of the same
 * file into an unindexed table, measured in the same run on the same database.
 */
@Component
public class ImportBenchmark {

    private static final String BARE_TABLE = """
            CREATE TABLE bench_bare_copy (case_no text, category_code text, source text, status text,
                reported_at timestamptz, closed_at timestamptz, deadline_at timestamptz, lon double precision,
                lat double precision, address text, weight double precision)""";

    private final DataSource dataSource;
    private final ViolationImporter importer;

    ImportBenchmark(DataSource dataSource, ViolationImporter importer) {
        this.dataSource = dataSource;
        this.importer = importer;
    }

    public String run(int cases, boolean truncate) throws IOException, SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (truncate) {
                s.execute("TRUNCATE violation, violation_change, import_run RESTART IDENTITY CASCADE");
            }
            try (var rs = s.executeQuery("SELECT count(*) FROM violation")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new IllegalArgumentException("the benchmark needs an empty violation table (./cg bench import uses its own database)");
                }
            }
        }
        Path file = Files.createTempFile("cg-bench-import-", ".csv");
        try {
            long t0 = System.nanoTime();
            try (OutputStream out = Files.newOutputStream(file)) {
                ProjectCsv.write(new DemoCaseGenerator(DemoCity.shenzhen(DemoCity.DEFAULT_SEED), DemoCity.DEFAULT_SEED, cases), out);
            }
            double generate = seconds(t0);
            double bare = bareCopy(file);
            long t1 = System.nanoTime();
            ImportReport first;
            try (InputStream in = Files.newInputStream(file)) {
                first = importer.importCases(in, ImportRequest.of(file.getFileName().toString(), "csv", "wgs84", "cg"));
            }
            double imported = seconds(t1);
            long t2 = System.nanoTime();
            ImportReport again;
            try (InputStream in = Files.newInputStream(file)) {
                again = importer.importCases(in, ImportRequest.of(file.getFileName().toString(), "csv", "wgs84", "cg"));
            }
            double reimported = seconds(t2);
            return String.format(
                    "import benchmark: %,d generated cases (%.0f MB), %d cores, Java %s%n"
                            + "  generate        %7.1f s  %,10.0f rows/s%n"
                            + "  bare COPY       %7.1f s  %,10.0f rows/s  (unindexed table, same file)%n"
                            + "  cg import       %7.1f s  %,10.0f rows/s  accepted %,d rejected %,d  ratio to bare COPY %.2f%n"
                            + "  re-import       %7.1f s  %,10.0f rows/s  accepted %,d duplicates %,d  ratio to bare COPY %.2f%n",
                    cases, Files.size(file) / 1e6, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    generate, cases / generate, bare, cases / bare, imported, cases / imported, first.accepted(), first.rejected(),
                    imported / bare, reimported, cases / reimported, again.accepted(), again.duplicates(), reimported / bare);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private double bareCopy(Path file) throws IOException, SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_bare_copy");
            s.execute(BARE_TABLE);
            long t0 = System.nanoTime();
            try (InputStream in = Files.newInputStream(file)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_bare_copy FROM STDIN (FORMAT csv, HEADER true)", in);
            }
            double took = seconds(t0);
            s.execute("DROP TABLE bench_bare_copy");
            return took;
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
