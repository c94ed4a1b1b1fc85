package cn.cg.api.violation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cg.api.PostgisIT;
import cn.cg.api.TestTokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImportApiIT extends PostgisIT {

    private HttpResponse<String> upload(String query, String fileName, String content) throws Exception {
        String boundary = "cg-boundary-7MA4YWxk";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return http.send(request("/api/v1/imports" + query, TestTokens.ADMIN)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void uploadAnswersWithCounts() throws Exception {
        HttpResponse<String> r = upload("", "cases.csv", ViolationImporterIT.HEADER
                + "H1,0501,patrol,closed,2025-03-01T18:22:00+08:00,,,114.05,22.54,,1\n"
                + "H2,0501,patrol,closed,2025-03-01T18:22:00+08:00,,,0,0,,1\n");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).contains("\"rowsRead\":2", "\"accepted\":1", "\"rejected\":1", "\"line\":3");
        assertThat(count("SELECT count(*) FROM violation")).isOne();
    }

    @Test
    void unknownOptionsAreProblemDetails() throws Exception {
        HttpResponse<String> r = upload("?crs=mars", "cases.csv", ViolationImporterIT.HEADER);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.body()).contains("urn:cg:problem:invalid-import", "unknown coordinate system 'mars'");

        HttpResponse<String> p = upload("?profile=nope", "cases.csv", ViolationImporterIT.HEADER);
        assertThat(p.statusCode()).isEqualTo(400);
        assertThat(p.body()).contains("unknown profile 'nope'");
    }

    @Test
    void brokenJsonIsA400WithTheLine() throws Exception {
        HttpResponse<String> r = upload("?format=geojson", "cases.geojson", "{\"type\": \"FeatureCollection\",\n \"features\": [ {,");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"line\":2");
    }

    @Test
    void missingFilePartIsA400() throws Exception {
        HttpResponse<String> r = http.send(request("/api/v1/imports", TestTokens.ADMIN)
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofString("--x--\r\n")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void unknownPathIsAProblemAndHealthIsUp() throws Exception {
        HttpResponse<String> r = get("/api/v1/nothing-here");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        HttpResponse<String> h = get("/actuator/health");
        assertThat(h.statusCode()).isEqualTo(200);
        assertThat(h.body()).contains("\"status\":\"UP\"");
    }
}
