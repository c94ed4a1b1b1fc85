package cn.cg.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cg.api.PostgisIT;
import cn.cg.api.TestTokens;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Every size limit tried just under and just over: URL, headers (the filter's and Tomcat's own), JSON
 * body (with and without Content-Length), upload, page size, density-surface size and solver size.
 * Over the limit is a 4xx problem naming the setting; under it the request is served.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cg.imports.max-upload=256KB", "cg.tiles.max-surface-pixels=10000", "cg.suggestions.max-candidates=50"})
class LimitsIT extends PostgisIT {

    private static final int MAX_URL = 8192;
    private static final int MAX_HEADERS = 16 * 1024;
    private static final int MAX_BODY = 4 * 1024 * 1024;
    private static final int MAX_UPLOAD = 256 * 1024;

    @Test
    void urlLength() throws Exception {
        String path = "/actuator/health?pad=";
        assertThat(get(path + "a".repeat(MAX_URL - path.length())).statusCode()).isEqualTo(200);
        HttpResponse<String> over = get(path + "a".repeat(MAX_URL - path.length() + 1));
        assertProblem(over, 414, "uri-too-long", "cg.requests.max-url-length", MAX_URL);
        assertThat(over.body()).contains("8193 characters");
    }

    @Test
    void headerSize() throws Exception {
        // Raw requests, so that every header byte is known: Host, X-Pad, Connection.
        // Each header counts its name, its value and 4 bytes (": " and CRLF): Host: x, X-Pad: ..., Connection: close.
        int pad = MAX_HEADERS - (4 + 4 + 1) - (5 + 4) - (10 + 4 + 5);
        assertThat(raw("GET /actuator/health HTTP/1.1\r\nHost: x\r\nX-Pad: " + "p".repeat(pad) + "\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 200");
        String over = raw("GET /actuator/health HTTP/1.1\r\nHost: x\r\nX-Pad: " + "p".repeat(pad + 1) + "\r\nConnection: close\r\n\r\n");
        assertThat(over).startsWith("HTTP/1.1 431").contains("application/problem+json", "urn:cg:problem:headers-too-large",
                "\"setting\":\"cg.requests.max-header-size\"", "\"limit\":16384", "16385 bytes");
        // Past Tomcat's own buffer (URL + headers limits + 8 KiB): still a problem, from the web server itself.
        String huge = raw("GET /actuator/health HTTP/1.1\r\nHost: x\r\nX-Pad: " + "p".repeat(40_000) + "\r\nConnection: close\r\n\r\n");
        assertThat(huge).startsWith("HTTP/1.1 431").contains("application/problem+json", "urn:cg:problem:headers-too-large",
                "\"limit\":" + (MAX_URL + MAX_HEADERS + 8192)).doesNotContain("<html");
        String garbage = raw("GET /\u0001bad HTTP/1.1\r\n\r\n");
        assertThat(garbage).startsWith("HTTP/1.1 400").contains("application/problem+json", "urn:cg:problem:bad-request");
    }

    @Test
    void jsonBodySize() throws Exception {
        String json = "{\"p\":1}";
        // At the limit it is read and answered by the service (here: no cases to cover, a 400 about the data).
        HttpResponse<String> at = postJson(json + " ".repeat(MAX_BODY - json.length()), false);
        assertThat(at.statusCode()).as(at.body()).isEqualTo(400);
        assertThat(at.body()).doesNotContain("body-too-large").contains("nothing to cover");
        assertProblem(postJson(json + " ".repeat(MAX_BODY - json.length() + 1), false), 413, "body-too-large",
                "cg.requests.max-body", MAX_BODY);
        // Without Content-Length (chunked) the same limit holds, counted as the body arrives.
        HttpResponse<String> chunkedAt = postJson(json + " ".repeat(MAX_BODY - json.length()), true);
        assertThat(chunkedAt.body()).doesNotContain("body-too-large").contains("nothing to cover");
        assertProblem(postJson(json + " ".repeat(MAX_BODY - json.length() + 1), true), 413, "body-too-large",
                "cg.requests.max-body", MAX_BODY);
    }

    @Test
    void uploadSize() throws Exception {
        HttpResponse<String> at = upload(MAX_UPLOAD);
        assertThat(at.statusCode()).as(at.body()).isEqualTo(201);
        long imported = count("SELECT count(*) FROM violation");
        assertThat(imported).isPositive();
        assertProblem(upload(MAX_UPLOAD + 1), 413, "upload-too-large", "cg.imports.max-upload", MAX_UPLOAD);
        assertThat(count("SELECT count(*) FROM violation")).isEqualTo(imported);
    }

    @Test
    void pageSizes() throws Exception {
        // OGC API - Features: a limit above the maximum is served at the maximum, not refused (the standard's
        // rule, which GDAL's OAPIF driver relies on); the answer says how many it returned and links the next page.
        for (int i = 0; i < 3; i++) {
            jdbc.update("INSERT INTO admin_area (level, code, name, geom) VALUES ('district', ?, ?, "
                    + "ST_Multi(ST_MakeEnvelope(114 + ?, 22.5, 114.01 + ?, 22.51, 4326)))", "D" + i, "d" + i, i * 0.02, i * 0.02);
        }
        HttpResponse<String> features = get("/api/v1/collections/areas/items?level=district&limit=10001");
        assertThat(features.statusCode()).isEqualTo(200);
        assertThat(features.body()).contains("\"numberReturned\":3");
        // The job and scenario lists refuse a limit past theirs, naming it.
        assertThat(get("/api/v1/jobs?limit=500", TestTokens.ADMIN).statusCode()).isEqualTo(200);
        HttpResponse<String> jobs = get("/api/v1/jobs?limit=501", TestTokens.ADMIN);
        assertThat(jobs.statusCode()).isEqualTo(400);
        assertThat(jobs.body()).contains("\"parameter\":\"limit\"", "1 to 500");
        assertThat(get("/api/v1/suggestions?limit=1000", TestTokens.PLANNER).statusCode()).isEqualTo(200);
        HttpResponse<String> scenarios = get("/api/v1/suggestions?limit=1001", TestTokens.PLANNER);
        assertThat(scenarios.statusCode()).isEqualTo(400);
        assertThat(scenarios.body()).contains("\"parameter\":\"limit\"", "1..1000");
    }

    @Test
    void densitySurfaceSize() throws Exception {
        // On the equator a Mercator unit is a ground metre: 0.1 degree is 11,132 m each way.
        String bbox = "/api/v1/heatmap/surface.tif?from=2025-03&to=2025-03&bbox=0,-0.05,0.1,0.05&cellSize=";
        HttpResponse<String> at = get(bbox + "111.9", TestTokens.RESEARCHER); // 100 x 100 pixels: the limit
        assertThat(at.statusCode()).as(at.body()).isEqualTo(200);
        HttpResponse<String> over = get(bbox + "110.9", TestTokens.RESEARCHER); // 101 x 101
        assertThat(over.statusCode()).isEqualTo(400);
        assertThat(over.body()).contains("101 x 101 pixels, at most 10000 (cg.tiles.max-surface-pixels)", "\"parameter\":\"bbox\"");
    }

    @Test
    void solverSize() throws Exception {
        for (int k = 0; k < 40; k++) {
            jdbc.update("INSERT INTO violation (case_no, category_code, source, status, reported_at, geom) VALUES (?, '0501', "
                    + "'patrol', 'closed', '2025-03-05 19:30:00+08', ST_SetSRID(ST_MakePoint(?, 22.55), 4326))", "L" + k, 114.05 + k * 0.001);
        }
        HttpResponse<String> at = post("/api/v1/suggestions/vendor-zones", "{\"p\":1,\"from\":\"2025-03\",\"to\":\"2025-03\","
                + "\"candidates\":" + candidates(50) + "}");
        assertThat(at.statusCode()).as(at.body()).isEqualTo(201);
        HttpResponse<String> over = post("/api/v1/suggestions/vendor-zones", "{\"p\":1,\"from\":\"2025-03\",\"to\":\"2025-03\","
                + "\"candidates\":" + candidates(51) + "}");
        assertThat(over.statusCode()).isEqualTo(400);
        assertThat(over.body()).contains("51 candidate sites are more than the limit of 50 (cg.suggestions.max-candidates)");
        jdbc.execute("TRUNCATE suggestion_run RESTART IDENTITY");
    }

    private static String candidates(int n) {
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int k = 0; k < n; k++) {
            sb.append(k > 0 ? "," : "").append(String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{\"name\":\"c%d\"},"
                    + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.6f,22.5505]}}", k, 114.05 + k * 0.0008));
        }
        return sb.append("]}").toString();
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(request(path, TestTokens.PLANNER).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postJson(String body, boolean chunked) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)) // no length: chunked
                : HttpRequest.BodyPublishers.ofByteArray(bytes);
        return http.send(request("/api/v1/suggestions/vendor-zones", TestTokens.PLANNER).header("Content-Type", "application/json")
                .POST(publisher).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart upload of a valid case file whose whole request body is exactly {@code size} bytes. */
    private HttpResponse<String> upload(int size) throws Exception {
        String boundary = "cg-limit-7MA4YWxk";
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cases.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        StringBuilder csv = new StringBuilder("case_no,category_code,source,status,reported_at,closed_at,deadline_at,lon,lat,address,weight\n");
        int k = 0;
        String row = "U%05d,0501,patrol,closed,2025-03-01T18:22:00+08:00,,,114.05,22.54,%s,1\n";
        int room = size - head.length() - tail.length();
        while (csv.length() + String.format(Locale.ROOT, row, k, "").length() * 2 < room) {
            csv.append(String.format(Locale.ROOT, row, k++, ""));
        }
        String last = String.format(Locale.ROOT, row, k, "");
        csv.append(String.format(Locale.ROOT, row, k, "x".repeat(room - csv.length() - last.length())));
        byte[] body = (head + csv + tail).getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).isEqualTo(size);
        return http.send(request("/api/v1/imports", TestTokens.ADMIN).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends bytes as they are and returns the whole answer (status line, headers, body). */
    private String raw(String request) throws Exception {
        try (Socket s = new Socket(url("/").getHost(), url("/").getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static void assertProblem(HttpResponse<String> r, int status, String type, String setting, long limit) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("urn:cg:problem:" + type, "\"setting\":\"" + setting + "\"", "\"limit\":" + limit);
    }
}
