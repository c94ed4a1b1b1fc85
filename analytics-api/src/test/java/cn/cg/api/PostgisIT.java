package cn.cg.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of integration tests: the whole application on a random port over the real PostGIS of
 * {@code ./cg test}; every test starts from empty case and area tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PostgisIT {

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    private Environment env;

    protected final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void emptyTables() {
        jdbc.execute("TRUNCATE violation, violation_change, import_run, admin_area, station, candidate_site, exclusion_zone RESTART IDENTITY CASCADE");
    }

    protected URI url(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + env.getProperty("local.server.port") + pathAndQuery);
    }

    /** A GET without a token: the public role. */
    protected HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(url(pathAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with a bearer token ({@link TestTokens}); null = none. */
    protected HttpResponse<String> get(String pathAndQuery, String token) throws Exception {
        return http.send(request(pathAndQuery, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request builder for the path with the bearer token's Authorization header (none when null). */
    protected HttpRequest.Builder request(String pathAndQuery, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(url(pathAndQuery));
        return token == null ? b : b.header("Authorization", TestTokens.bearer(token));
    }

    protected long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
