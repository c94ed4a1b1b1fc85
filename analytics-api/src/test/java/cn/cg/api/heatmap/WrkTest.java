package cn.cg.api.heatmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WrkTest {

    @Test
    void readsTheLineItsScriptWrites() throws IOException {
        Wrk.Summary s = Wrk.parse("Running 5s test @ http://127.0.0.1:1\n  2 threads and 50 connections\ncg-wrk 90000 3 5001234 2800 15100 25400\n");
        assertThat(s.requests()).isEqualTo(90000);
        assertThat(s.errors()).isEqualTo(3);
        assertThat(s.seconds()).isEqualTo(5.001234);
        assertThat(s.p50()).isEqualTo(2.8);
        assertThat(s.p95()).isEqualTo(15.1);
        assertThat(s.p99()).isEqualTo(25.4);
        assertThatThrownBy(() -> Wrk.parse("unable to connect to 127.0.0.1:1 Connection refused\n"))
                .hasMessageContaining("Connection refused");
    }

    @Test
    void scriptCarriesThePathsAndTheTokenAndRefusesWhatWouldBreakIt() {
        String script = Wrk.script(List.of("/tiles/cells/16/1/2.mvt?from=2025-12", "/tiles/heatmap/16/1/2.png"), "abc");
        assertThat(script).contains("\"/tiles/cells/16/1/2.mvt?from=2025-12\",", "\"/tiles/heatmap/16/1/2.png\",",
                "wrk.headers[\"Authorization\"] = \"Bearer abc\"");
        assertThat(Wrk.script(List.of("/a"), null)).doesNotContain("Authorization");
        assertThatThrownBy(() -> Wrk.script(List.of("/a\"); os.exit(1) --"), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Wrk.script(List.of("/a"), "x\ny")).isInstanceOf(IllegalArgumentException.class);
    }

    /** The real wrk, when installed, against a small server: every path asked for, the token sent, a 404 counted as an error. */
    @Test
    void loadsEveryPathAndCountsFailures() throws Exception {
        Wrk wrk = Wrk.find("");
        assumeTrue(wrk != null, "wrk is not installed");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        AtomicInteger unauthorised = new AtomicInteger();
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().toString();
            seen.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            if (!"Bearer t0k".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                unauthorised.incrementAndGet();
            }
            byte[] body = "tile".getBytes();
            exchange.sendResponseHeaders(path.startsWith("/missing") ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            Wrk.Summary ok = wrk.run(base, List.of("/t/1?from=2025-12", "/t/2", "/t/3"), 2, 1, "t0k");
            assertThat(ok.requests()).isGreaterThan(10);
            assertThat(ok.errors()).isZero();
            assertThat(seen).containsKeys("/t/1?from=2025-12", "/t/2", "/t/3");
            assertThat(unauthorised).hasValue(0);
            Wrk.Summary failing = wrk.run(base, List.of("/missing"), 1, 1, "t0k");
            assertThat(failing.errors()).isEqualTo(failing.requests()).isPositive();
        } finally {
            server.stop(0);
        }
    }
}
