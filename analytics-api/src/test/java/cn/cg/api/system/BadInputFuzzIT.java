package cn.cg.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cg.api.Multipart;
import cn.cg.api.PostgisIT;
import cn.cg.api.TestTokens;
import cn.cg.api.aggregate.AggregateFixture;
import cn.cg.api.aggregate.DataVersion;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Bad input at scale, through the real API over the real PostGIS. A seeded generator ({@link CaseFileFuzzer})
 * uploads malformed case files, and every GET endpoint of the OpenAPI description gets malformed parameters.
 * Whatever comes in: no 5xx; every 4xx a problem+json with a detail; an import is whole or absent (the case
 * table grows by exactly what the answer says was inserted, and only for a 201); a file whose structure was left
 * intact is imported with exactly its broken rows refused, each with its line and reason.
 *
 * <p>Sizes and seed: {@code -Dcg.fuzz.files} (200), {@code -Dcg.fuzz.requests} (1500), {@code -Dcg.fuzz.seed}
 * (20251123). A failure prints the input, so a seed reproduces it.
 */
class BadInputFuzzIT extends PostgisIT {

    private static final int FILES = Integer.getInteger("cg.fuzz.files", 200);
    private static final int REQUESTS = Integer.getInteger("cg.fuzz.requests", 1500);
    private static final long SEED = Long.getLong("cg.fuzz.seed", 20251123L);

    @Autowired
    private ObjectMapper json;

    @Autowired
    private DataVersion dataVersion;

    private AggregateFixture fixture;

    @BeforeEach
    void someDataToQuery() {
        fixture = new AggregateFixture(jdbc);
        long district = area("district", "440303", null, "114.00 22.50, 114.10 22.50, 114.10 22.60, 114.00 22.60, 114.00 22.50");
        area("street", "440303001", district, "114.00 22.50, 114.05 22.50, 114.05 22.60, 114.00 22.60, 114.00 22.50");
        SplittableRandom r = new SplittableRandom(SEED);
        for (int i = 0; i < 60; i++) {
            fixture.cases(114.0 + r.nextDouble() * 0.1, 22.5 + r.nextDouble() * 0.1, i % 3 == 0 ? "0501" : "0504",
                    LocalDate.of(2025, 1 + r.nextInt(3), 1 + r.nextInt(28)), 1 + r.nextInt(12));
        }
        fixture.area(district, "district", "0501", LocalDate.of(2025, 3, 1), 16, 11, 6, 36_000);
        dataVersion.refresh();
    }

    @AfterEach
    void clean() {
        fixture.close();
        dataVersion.refresh();
    }

    private long area(String level, String code, Long parent, String ring) {
        return jdbc.queryForObject("INSERT INTO admin_area (level, code, name, parent_id, geom) "
                + "VALUES (?, ?, ?, ?, ST_Multi(ST_GeomFromText('POLYGON((' || ? || '))', 4326))) RETURNING id",
                Long.class, level, code, "区" + code, parent, ring);
    }

    // ---------------------------------------------------------------- imports

    @Test
    void malformedCaseFilesAreRefusedOrImportedWhole() throws Exception {
        CaseFileFuzzer fuzzer = new CaseFileFuzzer(SEED, jdbc.queryForList("SELECT code FROM category ORDER BY code", String.class));
        int imported = 0;
        int refused = 0;
        int intact = 0;
        long rowsRead = 0;
        long inserted = 0;
        long updated = 0;
        long rejected = 0;
        long duplicates = 0;
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < FILES; i++) {
            CaseFileFuzzer.Upload u = fuzzer.next();
            long casesBefore = count("SELECT count(*) FROM violation");
            long runsBefore = count("SELECT count(*) FROM import_run");
            HttpRequest.Builder b = request("/api/v1/imports" + u.query(), TestTokens.ADMIN);
            if (u.envelope() == null) {
                b.header("Content-Type", Multipart.contentType()).POST(Multipart.file(u.fileName(), u.content()));
            } else {
                b.header("Content-Type", Multipart.brokenContentType(u.envelope())).POST(HttpRequest.BodyPublishers.ofByteArray(
                        Multipart.brokenBody(u.envelope(), u.fileName(), u.content())));
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            statuses.merge(r.statusCode(), 1, Integer::sum);
            String what = u + " -> " + r.statusCode() + " " + abbreviate(r.body());
            assertThat(r.statusCode()).as(what).isLessThan(500);
            long grew = count("SELECT count(*) FROM violation") - casesBefore;
            long runs = count("SELECT count(*) FROM import_run") - runsBefore;
            if (r.statusCode() != 201) {
                assertProblem(r, what);
                assertThat(grew).as("a refused file added cases: " + what).isZero();
                assertThat(runs).as("a refused file left an import run: " + what).isZero();
                assertThat(u.intact()).as("an intact file was refused: " + what).isFalse();
                refused++;
                continue;
            }
            JsonNode report = json.readTree(r.body());
            int read = report.get("rowsRead").asInt();
            int accepted = report.get("accepted").asInt();
            int rej = report.get("rejected").asInt();
            int dup = report.get("duplicates").asInt();
            int ins = report.get("inserted").asInt();
            int upd = report.get("updated").asInt();
            assertThat(accepted + rej + dup).as(what).isEqualTo(read);
            assertThat(ins + upd).as(what).isEqualTo(accepted);
            assertThat(grew).as("cases added vs the answer's inserted: " + what).isEqualTo(ins);
            assertThat(runs).as(what).isOne();
            long id = report.get("importId").asLong();
            assertThat(count("SELECT count(*) FROM violation WHERE import_id = ?", id)).as(what).isEqualTo(accepted);
            assertThat(jdbc.queryForMap("SELECT rows_read, accepted, rejected, duplicates FROM import_run WHERE id = ?", id))
                    .as(what).containsEntry("rows_read", read).containsEntry("accepted", accepted)
                    .containsEntry("rejected", rej).containsEntry("duplicates", dup);
            JsonNode rejections = report.get("rejections");
            assertThat(rejections.size()).as(what).isEqualTo(Math.min(rej, 1000));
            assertThat(report.get("rejectionsTruncated").asBoolean()).as(what).isEqualTo(rej > rejections.size());
            Set<Integer> lines = new HashSet<>();
            for (JsonNode x : rejections) {
                int line = x.get("line").asInt();
                assertThat(line).as("rejection line: " + x + " in " + what).isBetween(1, u.lines());
                assertThat(lines.add(line)).as("two rejections on line " + line + ": " + what).isTrue();
                assertThat(x.get("reason").asString("")).as("rejection reason: " + x + " in " + what).isNotBlank();
            }
            if (u.intact()) {
                // The file's structure was left alone: exactly its broken rows are refused, all the others taken.
                assertThat(read).as(what).isEqualTo(u.rows());
                assertThat(lines).as("lines rejected: " + what).isEqualTo(u.badLines());
                fuzzer.imported(u);
                intact++;
            }
            imported++;
            rowsRead += read;
            inserted += ins;
            updated += upd;
            rejected += rej;
            duplicates += dup;
        }
        System.out.printf("BadInputFuzzIT imports: %d files (seed %d): %d imported (%d intact, checked row by row), %d refused; "
                        + "%d rows read, %d inserted, %d updated, %d rejected with line and reason, %d duplicates; statuses %s%n",
                FILES, SEED, imported, intact, refused, rowsRead, inserted, updated, rejected, duplicates, statuses);
        // The generator must exercise both sides, or the test proves nothing.
        assertThat(imported).isGreaterThan(FILES / 5);
        assertThat(refused).isGreaterThan(FILES / 20);
        assertThat(rejected).isPositive();
    }

    // ---------------------------------------------------------------- query parameters

    private static final String[] BAD = {"", " ", "abc", "-1", "0", "1e309", "NaN", "Infinity", "-0", "99999999999999999999",
            "2147483648", "1.5", "2025-13", "2025-02-30", "2025-03-01/2024-01-01", "2025-03/", "/2025-03", "..", "1,2,3",
            ",,,", "114.0,22.5,114.01", "114.1,22.6,114.0,22.5", "-180,-90,180,90", "1e308,1e308,1e308,1e308",
            "NaN,NaN,NaN,NaN", "0501,,0504", "vendor,all,9999", "all", "x".repeat(10_000), "' OR '1'='1",
            "'; DROP TABLE violation; --", "1) UNION SELECT 1--", "$$", "\\", "\u0000", "a\u0000b", "%", "😀", "摊贩",
            "true", "false", "auto", "asc", "desc", "csv", "json", "tif", "\r\n", "<script>", "${jndi:ldap://x}",
            "12345678901234567890123", "-2147483649", "1e-400", "0x10", "+1", "1 ", " 1", "440303", "440303001"};

    /** Good values, so that a request can also be malformed in only one of its parameters. */
    private static final Map<String, String[]> GOOD = Map.ofEntries(
            Map.entry("bbox", new String[] {"113.9,22.5,114.1,22.6", "114.0,22.5,114.01,22.51"}),
            Map.entry("datetime", new String[] {"2025-03", "2025-03-01/2025-03-31", "2025-03-05"}),
            Map.entry("limit", new String[] {"10", "100"}),
            Map.entry("offset", new String[] {"0", "5"}),
            Map.entry("f", new String[] {"json", "csv"}),
            Map.entry("categories", new String[] {"0501", "vendor", "05", "0501,0504", "all"}),
            Map.entry("from", new String[] {"2025-01", "2025-03-01"}),
            Map.entry("to", new String[] {"2025-03", "2025-03-31"}),
            Map.entry("period", new String[] {"2025-03", "2025-01/2025-03"}),
            Map.entry("area", new String[] {"440303", "440303001"}),
            Map.entry("level", new String[] {"district", "street"}),
            Map.entry("parent", new String[] {"440303"}),
            Map.entry("status", new String[] {"closed", "registered"}),
            Map.entry("sort", new String[] {"closureRate", "cases"}),
            Map.entry("order", new String[] {"asc", "desc"}),
            Map.entry("bandwidth", new String[] {"300", "1000"}),
            Map.entry("scaleMax", new String[] {"500"}),
            Map.entry("cellSize", new String[] {"50", "200"}),
            Map.entry("resolution", new String[] {"9", "8"}),
            Map.entry("k", new String[] {"1", "auto"}),
            Map.entry("kernel", new String[] {"ring", "gaussian"}),
            Map.entry("fdr", new String[] {"true", "false"}),
            Map.entry("step", new String[] {"month", "week"}),
            Map.entry("kind", new String[] {"vendor-zones", "service-stations", "service_station", "vendor_zone", "market"}),
            Map.entry("a", new String[] {"1"}),
            Map.entry("b", new String[] {"2"}),
            Map.entry("z", new String[] {"10", "12"}),
            Map.entry("x", new String[] {"836", "3346"}),
            Map.entry("y", new String[] {"445", "1782"}));

    /** Path segments, sent as they are (they are valid URI syntax). */
    private static final String[] BAD_IDS = {"nope", "cells-r11", "CELLS-R9", "cells-r9%20", "..", "%2e%2e", "a%00b", "%2F",
            "cells-r9;x=1", "%27%20OR%20%271%27%3D%271", "x".repeat(3000), "cases%00", "9999999999999999999999", "%C0%AF",
            "%FF", "~", "cells-r9.json", "-1"};

    /** Raw junk for a path segment or a query string that java.net.URI refuses; sent byte for byte by {@link RawHttp}. */
    private static final String[] RAW_JUNK = {"%", "%zz", "%C0%AF", "%FF%FE", "%00", "%E4%B8", "&&&", "=", "==x", "a=%",
            "%%%", "+", "%u0041", "|", "{}", "\\", "\"", "<>", "^", "`", "[", "]", "\u00e9"};

    @Test
    void malformedParametersOnEveryGetEndpointAreProblems() throws Exception {
        List<ApiSurface.Operation> operations = ApiSurface.getOperations(json.readTree(get("/v3/api-docs").body()));
        List<String> collections = new ArrayList<>();
        for (JsonNode c : json.readTree(get("/api/v1/collections", TestTokens.ADMIN).body()).get("collections")) {
            collections.add(c.get("id").asString());
        }
        assertThat(operations).hasSizeGreaterThan(15);
        assertThat(collections).contains("cells-r9", "areas", "cases");
        SplittableRandom rnd = new SplittableRandom(SEED + 1);
        String[] tokens = {TestTokens.ADMIN, TestTokens.ADMIN, TestTokens.ADMIN, null, TestTokens.RESEARCHER};
        Map<Integer, Integer> statuses = new TreeMap<>();
        Set<String> pathsTried = new HashSet<>();
        for (int i = 0; i < REQUESTS; i++) {
            ApiSurface.Operation op = operations.get(rnd.nextInt(operations.size()));
            pathsTried.add(op.path());
            String path = op.path();
            for (String p : op.pathParams()) {
                String v;
                if (p.equals("id") && path.startsWith("/api/v1/collections")) {
                    v = rnd.nextInt(3) == 0 ? BAD_IDS[rnd.nextInt(BAD_IDS.length)] : collections.get(rnd.nextInt(collections.size()));
                } else if (rnd.nextInt(3) == 0) {
                    v = rnd.nextBoolean() ? BAD_IDS[rnd.nextInt(BAD_IDS.length)] : encode(BAD[rnd.nextInt(BAD.length)]);
                } else {
                    v = p.equals("id") ? String.valueOf(rnd.nextInt(1, 4)) : pick(rnd, GOOD.getOrDefault(p, new String[] {"1"}));
                }
                path = path.replace("{" + p + "}", v);
            }
            StringBuilder q = new StringBuilder();
            for (String p : op.queryParams()) {
                int dice = rnd.nextInt(6);
                if (dice < 2) {
                    continue;
                }
                String v = dice < 4 && GOOD.containsKey(p) ? pick(rnd, GOOD.get(p)) : BAD[rnd.nextInt(BAD.length)];
                q.append(q.isEmpty() ? "?" : "&").append(p).append('=').append(encode(v));
                if (rnd.nextInt(15) == 0) {
                    q.append('&').append(p).append('=').append(encode(BAD[rnd.nextInt(BAD.length)])); // repeated
                }
            }
            if (rnd.nextInt(10) == 0) {
                q.append(q.isEmpty() ? "?" : "&").append(pick(rnd, new String[] {"unknown=1", "&&", "=", "x", "limit=1&limit=2"}));
            }
            String token = tokens[rnd.nextInt(tokens.length)];
            int status;
            String contentType;
            String body;
            String target;
            if (rnd.nextInt(10) == 0) {
                // Junk that java.net.URI refuses, in the query string or in place of a path segment.
                String junk = RAW_JUNK[rnd.nextInt(RAW_JUNK.length)];
                target = rnd.nextBoolean() ? path + (q.isEmpty() ? "?" : q + "&") + "p=" + junk
                        : path.substring(0, path.lastIndexOf('/') + 1) + junk + q;
                RawHttp.Response r = RawHttp.get(url("/").getPort(), target, token);
                status = r.status();
                contentType = r.contentType();
                body = r.body();
            } else {
                target = path + q;
                HttpResponse<String> r;
                try {
                    r = get(target, token);
                } catch (IllegalArgumentException e) {
                    throw new AssertionError("the test built a URL java.net.URI refuses: " + target, e);
                }
                status = r.statusCode();
                contentType = r.headers().firstValue("Content-Type").orElse("");
                body = r.body();
            }
            statuses.merge(status, 1, Integer::sum);
            String what = "GET " + abbreviate(target) + (token == null ? " (public)" : " (" + token + ")") + " -> "
                    + status + " " + contentType + " " + abbreviate(body);
            assertThat(status).as(what).isLessThan(500);
            if (status >= 400) {
                assertProblem(status, contentType, body, what);
            }
        }
        System.out.printf("BadInputFuzzIT queries: %d GET requests over %d operations (seed %d); statuses %s%n",
                REQUESTS, pathsTried.size(), SEED, statuses);
        assertThat(pathsTried).hasSize(operations.size());
        int ok = statuses.entrySet().stream().filter(e -> e.getKey() < 400).mapToInt(Map.Entry::getValue).sum();
        assertThat(ok).as("some requests must get through, or only the parameter checks were tried").isGreaterThan(REQUESTS / 10);
        assertThat(statuses.getOrDefault(400, 0)).isGreaterThan(REQUESTS / 10);
    }

    /**
     * Requests refused before any controller: by the security firewall (was a 401 "token not accepted" for a valid
     * token), by Tomcat's parameter parser (was Spring Boot's plain JSON) and by Tomcat itself (was an HTML page).
     */
    @Test
    void refusalsBeforeAnyControllerAreProblemsToo() throws Exception {
        HttpResponse<String> firewall = get("/api/v1/collections/%2e%2e/items", TestTokens.ADMIN);
        assertThat(firewall.statusCode()).isEqualTo(400);
        assertProblem(firewall, "firewall");
        assertThat(firewall.body()).contains("rejected");
        for (String target : List.of("/tiles/heatmap/10/836/445.png?from=%zz", "/api/v1/rankings?period=%", "/api/v1/collections/a%00b/items")) {
            for (String token : java.util.Arrays.asList(null, TestTokens.ADMIN)) {
                RawHttp.Response r = RawHttp.get(url("/").getPort(), target, token);
                assertThat(r.status()).as(target).isEqualTo(400);
                assertProblem(r.status(), r.contentType(), r.body(), target + " " + token);
            }
        }
        HttpResponse<String> error = get("/error");
        assertThat(error.statusCode()).isEqualTo(404);
        assertProblem(error, "/error");
    }

    // ---------------------------------------------------------------- helpers

    private void assertProblem(HttpResponse<String> r, String what) {
        assertProblem(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), what);
    }

    private void assertProblem(int status, String contentType, String body, String what) {
        ApiSurface.assertProblem(json, status, contentType, body, what);
    }

    private static String encode(String v) {
        return ApiSurface.encode(v);
    }

    private static String pick(SplittableRandom rnd, String[] values) {
        return values[rnd.nextInt(values.length)];
    }

    private static String abbreviate(String s) {
        return ApiSurface.abbreviate(s);
    }
}
