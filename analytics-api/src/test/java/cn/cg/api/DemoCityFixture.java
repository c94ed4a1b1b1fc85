package cn.cg.api;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The end-to-end path a user's data takes: the demo city through the importer, then the real Spark
 * aggregation job (the shaded job jar that {@code mvn verify} built in spark-jobs before this module),
 * run as its own process, as {@code ./cg aggregate} does.
 */
public final class DemoCityFixture {

    private static final Path SPARK_TARGET = Path.of("../spark-jobs/target");

    private DemoCityFixture() {
    }

    public static void aggregate(String dbUrl) throws IOException, InterruptedException {
        runJob("aggregation", "cn.cg.spark.aggregate.AggregationJob", "--db-url", dbUrl, "--master", "local[2]", "--full");
    }

    /** The Spark hotspot job over the served aggregation run, as {@code ./cg aggregate} runs it after the aggregation. */
    public static void hotspots(String dbUrl) throws IOException, InterruptedException {
        runJob("hotspot", "cn.cg.spark.hotspot.HotspotJob", "--db-url", dbUrl, "--master", "local[2]");
    }

    private static void runJob(String name, String main, String... args) throws IOException, InterruptedException {
        Path jar;
        try (var files = Files.list(SPARK_TARGET)) {
            jar = files.filter(p -> p.getFileName().toString().endsWith("-job.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("build spark-jobs first (its -job.jar is missing)"));
        }
        String classpath = jar.toAbsolutePath() + File.pathSeparator
                + Files.readString(SPARK_TARGET.resolve("local-classpath.txt")).trim();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String pkg : List.of("java.lang", "java.lang.invoke", "java.util", "java.nio", "sun.nio.ch", "sun.util.calendar",
                "java.util.concurrent", "java.net", "java.io")) {
            cmd.add("--add-opens=java.base/" + pkg + "=ALL-UNNAMED");
        }
        cmd.addAll(List.of("-Xmx2g", "-cp", classpath, main));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile("cg-" + name + "-", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("the " + name + " job did not finish in 5 minutes; log " + log);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("the " + name + " job failed (exit " + p.exitValue() + "):\n"
                    + String.join("\n", Files.readAllLines(log).stream().filter(l -> !l.startsWith("\tat ")).toList()
                    .subList(0, Math.min(80, Files.readAllLines(log).size()))));
        }
    }
}
