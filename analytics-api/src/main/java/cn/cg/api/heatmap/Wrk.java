package cn.cg.api.heatmap;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;

/**
 * The warm phase's load generator when wrk (Debian's {@code wrk}) is installed: {@code clients} keep-alive
 * connections on at most two event-loop threads, each asking for the given paths in turn for a time: the
 * load generator the tile goals are stated for (issue #5), with its own latency histogram. (Measured against the benchmark's own
 * 50 blocking client threads on the same server and tiles, it gave about 10 % more tiles/s and a higher
 * p95, since its latency includes its event loop's queue: docs/heatmap-and-features.md, session 11.)
 * Any status other than 2xx/3xx, socket error or timeout is an error.
 */
final class Wrk {

    /** @param p50 milliseconds, as p95 and p99 */
    record Summary(long requests, long errors, double seconds, double p50, double p95, double p99) {
    }

    private final String executable;

    private Wrk(String executable) {
        this.executable = executable;
    }

    /** wrk from the PATH (or {@code --wrk PATH}), or null when there is none or it is turned off ({@code --wrk none}). */
    static Wrk find(String option) {
        if (option.equals("none")) {
            return null;
        }
        if (!option.isEmpty()) {
            return new Wrk(option);
        }
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "wrk");
            if (Files.isExecutable(candidate)) {
                return new Wrk(candidate.toString());
            }
        }
        return null;
    }

    /**
     * The paths (with their queries) over and over from {@code clients} connections for {@code seconds}.
     *
     * @param token a bearer token, or null for none (the public)
     */
    Summary run(URI base, List<String> paths, int clients, double seconds, String token) throws IOException, InterruptedException {
        Path script = Files.createTempFile("cg-tiles-", ".lua", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(script, script(paths, token), StandardCharsets.UTF_8);
            List<String> cmd = List.of(executable, "-t", Integer.toString(Math.min(2, clients)), "-c",
                    Integer.toString(clients), "-d", Math.max(1, Math.round(seconds)) + "s", "--timeout", "10s", "-s", script.toString(),
                    base.getScheme() + "://" + base.getHost() + ":" + (base.getPort() < 0 ? 80 : base.getPort()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            // Its output has ended, so wrk has too (it stops after -d, a request after --timeout).
            if (p.waitFor() != 0) {
                throw new IOException("wrk failed: " + out);
            }
            return parse(out);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** The line the script's done() writes: requests, errors, duration (us), p50, p95, p99 (us). */
    static Summary parse(String out) throws IOException {
        for (String line : out.split("\n")) {
            if (line.startsWith("cg-wrk ")) {
                String[] f = line.trim().split(" ");
                return new Summary(Long.parseLong(f[1]), Long.parseLong(f[2]), Double.parseDouble(f[3]) / 1e6,
                        Double.parseDouble(f[4]) / 1e3, Double.parseDouble(f[5]) / 1e3, Double.parseDouble(f[6]) / 1e3);
            }
        }
        throw new IOException("wrk gave no result line: " + out);
    }

    /**
     * Each thread starts at its own place in the list (setup() runs in the main state, before the threads)
     * and asks for the next path on every request; done() sums every kind of error.
     */
    static String script(List<String> paths, String token) {
        StringBuilder s = new StringBuilder("local paths = {\n");
        for (String path : paths) {
            s.append("  \"").append(lua(path)).append("\",\n");
        }
        s.append("}\n");
        if (token != null) {
            s.append("wrk.headers[\"Authorization\"] = \"Bearer ").append(lua(token)).append("\"\n");
        }
        s.append("""
                local threads = 0
                function setup(thread)
                  thread:set("first", threads * 7)
                  threads = threads + 1
                end
                local i = nil
                function request()
                  if i == nil then i = first or 0 end
                  i = i + 1
                  return wrk.format("GET", paths[(i % #paths) + 1])
                end
                function done(summary, latency, requests)
                  local e = summary.errors
                  io.write(string.format("cg-wrk %d %d %d %d %d %d\\n", summary.requests,
                    e.connect + e.read + e.write + e.status + e.timeout, summary.duration,
                    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
                end
                """);
        return s.toString();
    }

    private static String lua(String text) {
        if (!text.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\')) {
            throw new IllegalArgumentException("not a plain ASCII path or token: " + text);
        }
        return text;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "wrk (%s)", executable);
    }
}
