package cn.cg.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cg.api.Multipart;
import cn.cg.api.PostgisIT;
import cn.cg.api.TestTokens;
import cn.cg.api.aggregate.AggregateFixture;
import cn.cg.api.aggregate.DataVersion;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * SQL only with bind parameters, tried from outside: classic injection payloads in every text parameter
 * of every GET endpoint (query parameters, path segments, collection ids), in every string of the suggestion
 * request bodies, and in every field of imported CSV, GeoJSON and Open311 files, their file names and options.
 * No answer is a 5xx; a refusal is a problem; every table's content (md5 over its rows) is unchanged by
 * the reads and the suggestions (except the suggestions' own saved runs); an imported payload is stored as the
 * text it is; and no answer ever carries data of another table: the personal fields planted as canaries,
 * which no endpoint selects, or the server's version string.
 */
class InjectionIT extends PostgisIT {

    static final List<String> PAYLOADS = List.of(
            "' OR '1'='1",
            "' OR 1=1 --",
            "'; DROP TABLE violation; --",
            "1; DELETE FROM violation",
            "1) UNION SELECT reporter_name, reporter_phone FROM violation --",
            "' UNION SELECT version(), NULL, NULL --",
            "1 UNION ALL SELECT token_sha256 FROM pg_user --",
            "'||(SELECT reporter_phone FROM violation LIMIT 1)||'",
            "$$; DROP TABLE violation; $$",
            "$tag$ SELECT 1 $tag$",
            "\\'; DROP TABLE violation; --",
            "\\",
            "a\u0000b'; DROP TABLE violation; --",
            "0501' AND pg_sleep(3) IS NULL --",
            "%' OR '%'='",
            "\"; DROP TABLE \"violation\"; --",
            "x".repeat(100_000));

    /** cg.requests.max-url-length's default. */
    private static final int MAX_URL_LENGTH = 8192;

    private static final String CANARY_NAME = "CANARY-NAME-q7Zx";
    private static final String CANARY_PHONE = "CANARY-PHONE-5550199";

    @Autowired
    private ObjectMapper json;

    @Autowired
    private DataVersion dataVersion;

    private AggregateFixture fixture;
    private String version;
    private int requests;

    @BeforeEach
    void cityWithCanaries() throws Exception {
        jdbc.execute("TRUNCATE suggestion_run RESTART IDENTITY");
        fixture = new AggregateFixture(jdbc);
        long district = jdbc.queryForObject("INSERT INTO admin_area (level, code, name, geom) VALUES ('district', '440303', "
                + "'罗湖区', ST_Multi(ST_GeomFromText('POLYGON((114.00 22.50, 114.10 22.50, 114.10 22.60, 114.00 22.60, "
                + "114.00 22.50))', 4326))) RETURNING id", Long.class);
        for (int i = 0; i < 30; i++) {
            fixture.cases(114.0 + i * 0.003, 22.5 + i * 0.003, i % 2 == 0 ? "0501" : "0504", LocalDate.of(2025, 3, 1 + i % 28), 6);
        }
        fixture.area(district, "district", "0501", LocalDate.of(2025, 3, 1), 16, 11, 6, 36_000);
        // Cases whose personal fields are canaries: no endpoint selects them, so no answer may ever show them.
        StringBuilder csv = new StringBuilder("case_no,category_code,source,status,reported_at,closed_at,deadline_at,lon,lat,"
                + "address,weight,reporter_name,reporter_phone\n");
        for (int i = 0; i < 60; i++) {
            csv.append("CAN-").append(i).append(",0501,patrol,closed,2025-03-").append(String.format("%02d", 1 + i % 28))
                    .append("T19:00:00+08:00,,,").append(114.04 + (i % 6) * 0.002).append(',').append(22.54 + (i / 6) * 0.002)
                    .append(",addr,1,").append(CANARY_NAME).append(',').append(CANARY_PHONE).append('\n');
        }
        assertThat(upload("", "seed.csv", csv.toString().getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(201);
        dataVersion.refresh();
        version = jdbc.queryForObject("SELECT version()", String.class);
    }

    @AfterEach
    void clean() {
        fixture.close();
        jdbc.execute("TRUNCATE suggestion_run RESTART IDENTITY");
        dataVersion.refresh();
    }

    // ---------------------------------------------------------------- reads

    @Test
    void everyTextParameterOfEveryGetEndpoint() throws Exception {
        List<ApiSurface.Operation> operations = ApiSurface.getOperations(json.readTree(get("/v3/api-docs").body()));
        assertThat(operations).hasSizeGreaterThan(15);
        Map<String, String> before = tableDigests(Set.of());
        int parameters = 0;
        for (ApiSurface.Operation op : operations) {
            for (String p : op.pathParams()) {
                parameters++;
                for (String payload : PAYLOADS) {
                    String path = op.path();
                    for (String other : op.pathParams()) {
                        path = path.replace("{" + other + "}", other.equals(p) ? ApiSurface.encode(payload) : sample(op.path(), other));
                    }
                    read(path);
                }
            }
            for (String p : op.queryParams()) {
                parameters++;
                String path = op.path();
                for (String other : op.pathParams()) {
                    path = path.replace("{" + other + "}", sample(op.path(), other));
                }
                for (String payload : PAYLOADS) {
                    read(path + "?" + p + "=" + ApiSurface.encode(payload));
                }
            }
        }
        assertThat(tableDigests(Set.of())).as("table contents after " + requests + " GET requests").isEqualTo(before);
        System.out.printf("InjectionIT reads: %d payloads x %d parameters of %d GET operations = %d requests; tables unchanged: %d%n",
                PAYLOADS.size(), parameters, operations.size(), requests, before.size());
    }

    /** A value that gets a request past its other parameters, so the payload's parameter is the one tried. */
    private static String sample(String path, String param) {
        return switch (param) {
            case "z" -> "10";
            case "x" -> "836";
            case "y" -> "445";
            case "id" -> path.startsWith("/api/v1/collections") ? "cells-r9" : "1";
            default -> "1";
        };
    }

    private void read(String target) throws Exception {
        HttpResponse<String> r;
        try {
            r = get(target, TestTokens.ADMIN);
        } catch (IllegalArgumentException e) {
            throw new AssertionError("the test built a URL java.net.URI refuses: " + ApiSurface.abbreviate(target), e);
        }
        check("GET " + ApiSurface.abbreviate(target), r);
    }

    // ---------------------------------------------------------------- suggestions

    @Test
    void everyStringOfTheSuggestionBodies() throws Exception {
        Map<String, String> before = tableDigests(Set.of("suggestion_run"));
        int created = 0;
        int fields = 0;
        for (String kind : List.of("vendor-zones", "service-stations")) {
            List<String> strings = new ArrayList<>(List.of("name", "categories", "from", "to", "candidateSource"));
            if (kind.equals("service-stations")) {
                strings.add("objective");
            }
            for (String field : strings) {
                fields++;
                for (String payload : PAYLOADS) {
                    ObjectNode body = baseSuggestion();
                    body.put(field, payload);
                    created += suggest(kind, body, payload);
                }
            }
            // Strings inside the GeoJSON and the numbers and lists given as strings.
            for (String where : List.of("candidate name", "candidate capacity", "exclusion name", "exclusion bufferM", "p", "radiusM",
                    "bbox", "geometry type")) {
                fields++;
                for (String payload : PAYLOADS) {
                    ObjectNode body = baseSuggestion();
                    switch (where) {
                        case "candidate name" -> ((ObjectNode) body.get("candidates").get("features").get(0).get("properties")).put("name", payload);
                        case "candidate capacity" -> ((ObjectNode) body.get("candidates").get("features").get(0).get("properties")).put("capacity", payload);
                        case "exclusion name" -> body.set("exclusions", exclusion(payload, "50"));
                        case "exclusion bufferM" -> body.set("exclusions", exclusion("school", payload));
                        case "geometry type" -> ((ObjectNode) body.get("candidates").get("features").get(0).get("geometry")).put("type", payload);
                        case "bbox" -> body.putArray("bbox").add(payload).add(22.5).add(114.1).add(22.6);
                        default -> body.put(where, payload);
                    }
                    created += suggest(kind, body, payload);
                }
            }
        }
        assertThat(tableDigests(Set.of("suggestion_run"))).as("tables other than the saved suggestions").isEqualTo(before);
        assertThat(count("SELECT count(*) FROM suggestion_run")).as("saved suggestions = 201 answers").isEqualTo(created);
        System.out.printf("InjectionIT suggestions: %d payloads x %d body fields = %d POST requests, %d accepted and saved (the payload "
                + "as plain text); other tables unchanged%n", PAYLOADS.size(), fields, PAYLOADS.size() * fields, created);
        assertThat(created).as("a payload in the free-text name must be taken as a name").isGreaterThanOrEqualTo(PAYLOADS.size());
    }

    private ObjectNode baseSuggestion() {
        return (ObjectNode) json.readTree("""
                {"p": 1, "radiusM": 300, "categories": "0501", "candidates": {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [114.045, 22.545]}, "properties": {"name": "A", "capacity": 5}},
                  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [114.048, 22.548]}, "properties": {"name": "B", "capacity": 5}}]}}""");
    }

    private ObjectNode exclusion(String name, String buffer) {
        ObjectNode fc = (ObjectNode) json.readTree("""
                {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point",
                  "coordinates": [114.09, 22.59]}, "properties": {}}]}""");
        ObjectNode props = (ObjectNode) fc.get("features").get(0).get("properties");
        props.put("name", name);
        props.put("bufferM", buffer);
        return fc;
    }

    private int suggest(String kind, ObjectNode body, String payload) throws Exception {
        HttpResponse<String> r = http.send(request("/api/v1/suggestions/" + kind, TestTokens.PLANNER)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
        check("POST " + kind + " " + ApiSurface.abbreviate(json.writeValueAsString(body)), r);
        if (r.statusCode() == 201 && payload.equals(body.path("name").asString(null))) {
            // Saved as the text it is, and read back the same.
            long id = json.readTree(r.body()).get("id").asLong();
            assertThat(json.readTree(get("/api/v1/suggestions/" + id, TestTokens.PLANNER).body()).get("name").asString())
                    .as("name read back").isEqualTo(payload);
        }
        return r.statusCode() == 201 ? 1 : 0;
    }

    // ---------------------------------------------------------------- imports

    @Test
    void everyFieldOfImportedFilesAndTheirOptions() throws Exception {
        Set<String> written = Set.of("violation", "import_run", "violation_change");
        Map<String, String> before = tableDigests(written);
        String[] columns = {"case_no", "category_code", "source", "status", "reported_at", "closed_at", "deadline_at", "lon", "lat",
                "address", "weight", "reporter_name"};
        String[] good = {"", "0501", "patrol", "closed", "2025-03-01T18:22:00+08:00", "", "", "114.05", "22.54", "addr", "1", ""};
        int n = 0;
        int stored = 0;
        for (int c = 0; c < columns.length; c++) {
            for (String payload : PAYLOADS) {
                n++;
                String caseNo = "INJ-" + n;
                String[] row = good.clone();
                row[0] = caseNo;
                row[c] = payload;
                StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
                for (int k = 0; k < row.length; k++) {
                    csv.append(k == 0 ? "" : ",").append('"').append(row[k].replace("\"", "\"\"")).append('"');
                }
                csv.append('\n');
                HttpResponse<String> r = upload("", "inj.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
                check("import csv " + columns[c] + "=" + ApiSurface.abbreviate(payload), r);
                stored += storedAsText(r, columns[c], c == 0 ? payload.trim() : caseNo, payload);
            }
        }
        for (String payload : PAYLOADS) {
            n++;
            String props = "{\"case_no\": \"INJ-G" + n + "\", \"category_code\": \"0501\", \"status\": \"closed\", \"reported_at\": "
                    + "\"2025-03-01T18:22:00+08:00\", \"address\": " + json.writeValueAsString(payload) + ", "
                    + json.writeValueAsString(payload) + ": \"key\"}";
            String geojson = "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", "
                    + "\"coordinates\": [114.05, 22.54]}, \"properties\": " + props + "}, {\"type\": \"Feature\", \"geometry\": {\"type\": "
                    + json.writeValueAsString(payload) + ", \"coordinates\": [114.05, 22.54]}, \"properties\": " + props.replace("INJ-G", "INJ-H") + "}]}";
            HttpResponse<String> r = upload("?format=geojson", "inj.geojson", geojson.getBytes(StandardCharsets.UTF_8));
            check("import geojson " + ApiSurface.abbreviate(payload), r);
            stored += storedAsText(r, "address", "INJ-G" + n, payload);
            String open311 = "[{\"service_request_id\": " + json.writeValueAsString("INJ-O" + n) + ", \"service_code\": "
                    + json.writeValueAsString(payload) + ", \"requested_datetime\": \"2025-03-01T18:22:00+08:00\", \"lat\": 22.54, "
                    + "\"long\": 114.05, \"status\": \"open\", \"description\": " + json.writeValueAsString(payload) + "}, "
                    + "{\"service_request_id\": " + json.writeValueAsString(payload) + ", \"service_code\": \"0501\", \"requested_datetime\": "
                    + "\"2025-03-01T18:22:00+08:00\", \"lat\": 22.54, \"long\": 114.05, \"description\": " + json.writeValueAsString(payload) + "}]";
            check("import open311 " + ApiSurface.abbreviate(payload), upload("?format=open311", "inj.json", open311.getBytes(StandardCharsets.UTF_8)));
            for (String option : List.of("format", "crs", "profile")) {
                if (ApiSurface.encode(payload).length() > MAX_URL_LENGTH) {
                    // Refused before the application (414/431, LimitsIT); Tomcat then closes the connection while
                    // this client may still be sending the upload, and a TCP reset can eat the answer. The GETs
                    // above send the same payload in the URL without a body.
                    continue;
                }
                check("import ?" + option + "=" + ApiSurface.abbreviate(payload), upload("?" + option + "=" + ApiSurface.encode(payload),
                        "inj.csv", ("case_no,category_code,reported_at,lon,lat\nINJ-Q" + n + ",0501,2025-03-01T18:22:00,114.05,22.54\n")
                                .getBytes(StandardCharsets.UTF_8)));
            }
            if (payload.length() < 1000 && payload.indexOf('\u0000') < 0 && payload.indexOf('"') < 0 && payload.indexOf('\\') < 0) {
                HttpResponse<String> r2 = upload("", payload + ".csv", ("case_no,category_code,reported_at,lon,lat\nINJ-F" + n
                        + ",0501,2025-03-01T18:22:00,114.05,22.54\n").getBytes(StandardCharsets.UTF_8));
                check("import file name " + payload, r2);
                assertThat(r2.statusCode()).isEqualTo(201);
                assertThat(jdbc.queryForObject("SELECT file_name FROM import_run WHERE id = ?", String.class,
                        json.readTree(r2.body()).get("importId").asLong())).isEqualTo(payload + ".csv");
            }
        }
        assertThat(tableDigests(written)).as("tables an import does not write").isEqualTo(before);
        assertThat(stored).as("payloads stored as text in a case's field").isGreaterThanOrEqualTo(PAYLOADS.size());
        System.out.printf("InjectionIT imports: %d uploads (payloads in %d CSV columns, GeoJSON properties and keys, Open311 fields, "
                + "file names, format/crs/profile); %d payloads stored verbatim as case text; other tables unchanged%n",
                requests, columns.length, stored);
    }

    /** When the row was taken, the payload is in the column as the text it was (not run, not cut). */
    private int storedAsText(HttpResponse<String> r, String column, String caseNo, String payload) throws Exception {
        if (r.statusCode() != 201 || json.readTree(r.body()).get("accepted").asInt() == 0) {
            return 0;
        }
        if (!Set.of("case_no", "address", "reporter_name").contains(column)) {
            return 0;
        }
        String value = jdbc.queryForObject("SELECT " + column + " FROM violation WHERE case_no = ?", String.class, caseNo);
        assertThat(value).as(column + " of " + caseNo).isEqualTo(payload.trim());
        return 1;
    }

    private HttpResponse<String> upload(String query, String fileName, byte[] content) throws Exception {
        return http.send(request("/api/v1/imports" + query, TestTokens.ADMIN).header("Content-Type", Multipart.contentType())
                .POST(Multipart.file(fileName, content)).build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---------------------------------------------------------------- checks

    /** No 5xx, a refusal is a problem, and nothing of another table or of the server comes back. */
    private void check(String what, HttpResponse<String> r) {
        requests++;
        String said = what + " -> " + r.statusCode() + " " + ApiSurface.abbreviate(r.body());
        assertThat(r.statusCode()).as(said).isLessThan(500);
        if (r.statusCode() >= 400) {
            ApiSurface.assertProblem(json, r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), said);
        }
        assertThat(r.body()).as(said).doesNotContain(CANARY_NAME, CANARY_PHONE, version);
    }

    /**
     * md5 of every table's rows (partitions through their parent), by name; the tables named are left out.
     * Rows are ordered by their text so that the digest depends on content, not on physical order.
     */
    private Map<String, String> tableDigests(Set<String> except) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String t : jdbc.queryForList("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1", String.class)) {
            if (!except.contains(t)) {
                out.put(t, jdbc.queryForObject("SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM public."
                        + "\"" + t.replace("\"", "\"\"") + "\" t", String.class));
            }
        }
        return out;
    }
}
