package cn.cg.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cg.api.CgApplication;
import cn.cg.api.ThrowawayPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The API over a PostgreSQL of its own that the test stops and starts for real (pg_ctl stop -m fast /
 * start) while clients keep requesting: every answer is a 200 or a 503 problem with Retry-After, none
 * waits longer than the pool's timeout, and the same API process serves again once the server is back.
 * And a pool whose connections are all held (the database up) answers 503 "overloaded", not "down".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutageIT {

    /** Requests that each need the database (no cache in front of them). */
    private static final List<String> PATHS = List.of(
            "/api/v1/collections/areas/items?level=district",
            "/api/v1/collections/cells-r9/items?limit=5",
            "/api/v1/rankings?level=district&period=2025-06");
    private static final int POOL = 3;
    /** spring.datasource.hikari.connection-timeout of application.properties. */
    private static final Duration POOL_TIMEOUT = Duration.ofMillis(5000);
    private static final Duration OUTAGE = Duration.ofSeconds(12);

    private ThrowawayPostgres pg;
    private ConfigurableApplicationContext app;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int port;

    record Answer(String path, long startNanos, long endNanos, int status, String contentType, String retryAfter,
                  String body) {
        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }
    }

    @BeforeAll
    void startDatabaseAndApi() throws Exception {
        pg = ThrowawayPostgres.start();
        try {
            // The shipped settings (pool timeout 5 s) apply: the test resources' overrides are in config/.
            app = new SpringApplicationBuilder(CgApplication.class).run("--server.port=0",
                    "--spring.datasource.url=" + pg.url(),
                    "--spring.datasource.hikari.maximum-pool-size=" + POOL);
            port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        } catch (RuntimeException e) {
            pg.close();
            throw e;
        }
    }

    @AfterAll
    void stopAll() {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            pg.close();
        }
    }

    @Test
    @Order(1)
    void servesWhileTheDatabaseIsUp() throws Exception {
        for (String p : PATHS) {
            assertThat(get(p).status()).as(p).isEqualTo(200);
        }
    }

    @Test
    @Order(2)
    void anExhaustedPoolIsOverloadedWithItsOwnProblemType() throws Exception {
        DataSource ds = app.getBean(DataSource.class);
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < POOL; i++) {
                held.add(ds.getConnection()); // the database is up; the pool has nothing left to lend
            }
            Answer a = get(PATHS.get(0));
            assertThat(a.status()).isEqualTo(503);
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(a.body()).contains("urn:cg:problem:overloaded").doesNotContain("database-unavailable");
            assertThat(a.retryAfter()).isEqualTo("2");
            // It waited the pool's timeout for a connection, and no longer.
            assertThat(a.seconds()).isBetween(POOL_TIMEOUT.toMillis() / 1000.0 - 0.5, POOL_TIMEOUT.toMillis() / 1000.0 + 3);
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        assertThat(get(PATHS.get(0)).status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void aRestartedDatabaseIs503WhileDownAndServedAgainWithoutRestartingTheApi() throws Exception {
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            int offset = i;
            clients.submit(() -> {
                for (int n = offset; running.get(); n++) {
                    answers.add(get(PATHS.get(n % PATHS.size())));
                }
                return null;
            });
        }
        Thread.sleep(2000);
        long stopAsked = System.nanoTime();
        pg.stop();
        long stopped = System.nanoTime();
        Thread.sleep(OUTAGE.toMillis());
        long startAsked = System.nanoTime();
        pg.restart();
        long started = System.nanoTime();
        // Recovery: the first moment at which every path has answered 200 to a request sent after the start.
        long recovered = 0;
        List<String> pending = new ArrayList<>(PATHS);
        while (!pending.isEmpty() && System.nanoTime() - started < Duration.ofSeconds(60).toNanos()) {
            Answer a = get(pending.get(0));
            if (a.status() == 200) {
                pending.remove(0);
                recovered = a.endNanos();
            }
        }
        assertThat(pending).as("paths not served again within 60 s of the restart").isEmpty();
        Thread.sleep(5000);
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        long finalRecovered = recovered;
        List<Answer> all = new ArrayList<>(answers);
        long ok = all.stream().filter(a -> a.status() == 200).count();
        List<Answer> unavailable = all.stream().filter(a -> a.status() == 503).toList();
        System.out.printf("database outage: %d requests, %d answered 200, %d answered 503; pg_ctl stop took %.1f s, "
                        + "outage %.1f s, pg_ctl start took %.1f s; served again %.2f s after pg_ctl start returned; "
                        + "slowest answer %.2f s%n",
                all.size(), ok, unavailable.size(), (stopped - stopAsked) / 1e9, (started - stopped) / 1e9,
                (started - startAsked) / 1e9, (recovered - started) / 1e9,
                all.stream().mapToDouble(Answer::seconds).max().orElse(0));

        // Never anything but a success or a 503 problem: no 500, no HTML, no hang beyond the pool's timeout.
        assertThat(all).allSatisfy(a -> assertThat(a.status()).as(a.path()).isIn(200, 503));
        assertThat(all).allSatisfy(a -> assertThat(a.seconds()).as(a.path()).isLessThan(POOL_TIMEOUT.toSeconds() + 3));
        assertThat(unavailable).allSatisfy(a -> {
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(a.body()).contains("urn:cg:problem:database-unavailable", "\"status\":503");
            assertThat(a.retryAfter()).isEqualTo("10");
        });
        // Every request sent after the server stopped and answered before it started again was a 503.
        List<Answer> duringOutage = all.stream().filter(a -> a.startNanos() > stopped && a.endNanos() < startAsked).toList();
        assertThat(duringOutage).hasSizeGreaterThanOrEqualTo(4).allSatisfy(a -> assertThat(a.status()).isEqualTo(503));
        // Served before the outage, and fully again after recovery: every request sent after it succeeded.
        assertThat(all.stream().filter(a -> a.endNanos() < stopAsked)).isNotEmpty().allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
        List<Answer> after = all.stream().filter(a -> a.startNanos() > finalRecovered).toList();
        assertThat(after).hasSizeGreaterThanOrEqualTo(8).allSatisfy(a -> assertThat(a.status()).as(a.path()).isEqualTo(200));
        assertThat((recovered - started) / 1e9).as("seconds to recover after the restart").isLessThan(30);
    }

    private Answer get(String path) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(path, t0, System.nanoTime(), r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                r.headers().firstValue("Retry-After").orElse(null), r.body());
    }
}
