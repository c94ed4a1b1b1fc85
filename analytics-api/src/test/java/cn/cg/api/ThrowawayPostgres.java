package cn.cg.api;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL + PostGIS cluster of one test's own (src/test/sh/throwaway-postgres.sh), which the test
 * may stop and start for real. Close deletes it, whatever happened.
 */
public final class ThrowawayPostgres implements AutoCloseable {

    private static final Path SCRIPT = Path.of("src/test/sh/throwaway-postgres.sh").toAbsolutePath();

    private final Path dir;
    private final int port;

    private ThrowawayPostgres(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** initdb into a new temporary folder and start on a free port, with an empty database {@code cg}. */
    public static ThrowawayPostgres start() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("cg-throwaway-pg-");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ThrowawayPostgres pg = new ThrowawayPostgres(dir, port);
        try {
            pg.run("init", dir.toString(), Integer.toString(port));
        } catch (IOException | RuntimeException e) {
            pg.close();
            throw e;
        }
        return pg;
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/cg?user=cg";
    }

    /** {@code pg_ctl stop -m fast}: open connections are cut, new ones refused. */
    public void stop() throws IOException, InterruptedException {
        run("stop", dir.toString());
    }

    public void restart() throws IOException, InterruptedException {
        run("start", dir.toString());
    }

    @Override
    public void close() {
        try {
            run("destroy", dir.toString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("could not remove the throwaway cluster in " + dir, e);
        }
    }

    private void run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out
                    + (Files.exists(dir.resolve("server.log")) ? Files.readString(dir.resolve("server.log")) : ""));
        }
    }
}
