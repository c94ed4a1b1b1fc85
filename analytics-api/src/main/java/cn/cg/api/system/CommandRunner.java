package cn.cg.api.system;

import cn.cg.api.aggregate.DataVersion;
import cn.cg.api.demo.DemoLoader;
import cn.cg.api.violation.ImportBenchmark;
import cn.cg.api.violation.ImportException;
import cn.cg.api.violation.ImportReport;
import cn.cg.api.violation.ImportRequest;
import cn.cg.api.violation.Rejection;
import cn.cg.api.violation.ViolationImporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Runs the command given to {@code ./cg} (import, demo, bench-import, migrate) and sets the exit code. */
@Component
@Profile("command")
class CommandRunner implements ApplicationRunner, ExitCodeGenerator {

    private final ViolationImporter importer;
    private final DemoLoader demo;
    private final ImportBenchmark importBenchmark;
    private final JdbcTemplate jdbc;
    private final PrintStream out = System.out;
    private int exitCode;

    CommandRunner(ViolationImporter importer, DemoLoader demo, ImportBenchmark importBenchmark, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.importer = importer;
        this.demo = demo;
        this.importBenchmark = importBenchmark;
    }

    @Override
    public void run(ApplicationArguments arguments) throws Exception {
        CommandLine.Parsed cmd = CommandLine.parse(arguments.getSourceArgs());
        try {
            switch (cmd.command()) {
                case "import" -> importFile(cmd);
                case "demo" -> {
                    out.println(demo.load(cmd.flag("if-empty")));
                    out.println("aggregation: " + (DataVersion.aggregationDue(jdbc) ? "due" : "up to date"));
                }
                case "bench-import" -> out.println(importBenchmark.run(cmd.intOption("cases", 1_000_000), cmd.flag("truncate")));
                case "migrate" -> out.println("schema is up to date");
                default -> throw new IllegalArgumentException("unknown command " + cmd.command());
            }
        } catch (ImportException | IllegalArgumentException e) {
            System.err.println("cg " + cmd.command() + ": " + e.getMessage());
            exitCode = 2;
        }
    }

    private void importFile(CommandLine.Parsed cmd) throws IOException {
        if (cmd.positional().size() != 1) {
            throw new IllegalArgumentException(
                    "usage: ./cg import FILE [--format csv|geojson|open311] [--crs wgs84|gcj02|bd09|EPSG:n] [--profile NAME]");
        }
        Path file = Path.of(cmd.positional().get(0));
        ImportRequest request = ImportRequest.of(file.getFileName().toString(), cmd.option("format", null),
                cmd.option("crs", null), cmd.option("profile", null));
        ImportReport r;
        try (InputStream in = Files.newInputStream(file)) {
            r = importer.importCases(in, request);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        for (Rejection rej : r.rejections()) {
            out.printf("line %d%s: %s%n", rej.line(), rej.caseNo() == null ? "" : " (" + rej.caseNo() + ")", rej.reason());
        }
        if (r.rejectionsTruncated()) {
            out.printf("... %d more rejected rows not listed%n", r.rejected() - r.rejections().size());
        }
        out.printf("import %d of %s (%s, %s, profile %s): read %d, accepted %d (new %d, updated %d), rejected %d, duplicates %d in %.1f s%n",
                r.importId(), r.file(), r.format(), r.crs(), r.profile(), r.rowsRead(), r.accepted(), r.inserted(),
                r.updated(), r.rejected(), r.duplicates(), r.millis() / 1000.0);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
