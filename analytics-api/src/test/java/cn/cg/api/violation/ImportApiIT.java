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

    /** Values PostgreSQL cannot store were a 500 (the whole file failed in COPY); now they are the row's rejection. */
    @Test
    void unstorableValuesAreRowRejectionsNotServerErrors() throws Exception {
        HttpResponse<String> r = upload("", "cases.csv", ViolationImporterIT.HEADER
                + "N1,0501,patrol,closed,2025-03-01T18:22:00+08:00,,,114.05,22.54,a\u0000b,1\n"
                + "N2,0501,patrol,closed,2025-03-01T18:22:00+08:00,,+99999-01-01T00:00:00Z,114.05,22.54,x,1\n"
                + "N3,0501,patrol,closed,2025-03-01T18:22:00+08:00,0000-01-01T00:00:00,,114.05,22.54,x,1\n"
                + "N4,0501,patrol,closed,2025-03-01T18:22:00+08:00,,2025-03-08T00:00:00+08:00,114.05,22.54,ok,1\n");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).contains("\"accepted\":1", "\"rejected\":3", "\"line\":2", "NUL character",
                "\"line\":3", "deadline_at", "outside 1990 to 2199", "\"line\":4", "closed_at");
        assertThat(count("SELECT count(*) FROM violation")).isOne();
    }

    /** A row refused for any reason does not claim its case number: a later valid row with it is taken. */
    @Test
    void aRefusedRowDoesNotClaimItsCaseNumber() throws Exception {
        String header = "case_no,category_code,source,status,reported_at,closed_at,deadline_at,lon,lat,grid_code,address,weight\n";
        HttpResponse<String> r = upload("", "cases.csv", header
                + "D1,0501,patrol,closed,2025-03-01T18:22:00+08:00,,,114.05,22.54,12ab,x,1\n"
                + "D1,0501,patrol,closed,2025-03-01T18:22:00+08:00,,,114.05,22.54,440303001,x,1\n");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).contains("\"accepted\":1", "\"rejected\":1", "\"line\":2", "grid code").doesNotContain("duplicate case number");
    }

    @Test
    void anUnreadableMultipartBodyIsA400NotA500() throws Exception {
        String part = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\ncase_no\n";
        for (String[] upload : new String[][] {{"multipart/form-data; boundary=b", part}, // cut off
                {"multipart/form-data", part + "\r\n--b--\r\n"}, // no boundary
                {"multipart/form-data; boundary=b", part.replace("a.csv", "a\u0000b.csv") + "\r\n--b--\r\n"}}) {
            HttpResponse<String> r = http.send(request("/api/v1/imports", TestTokens.ADMIN).header("Content-Type", upload[0])
                    .POST(HttpRequest.BodyPublishers.ofString(upload[1])).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(r.body()).contains("urn:cg:problem:invalid-import", "multipart");
        }
        assertThat(count("SELECT count(*) FROM import_run")).isZero();
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
