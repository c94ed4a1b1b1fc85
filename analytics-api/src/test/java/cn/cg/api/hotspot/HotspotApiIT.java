package cn.cg.api.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cg.api.PostgisIT;
import cn.cg.api.TestTokens;
import cn.cg.geo.grid.H3Cells;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hotspot API on the same aggregates as the Spark job's HotspotJobIT (the fixture in
 * spark-jobs/src/test/resources/hotspot-fixture, loaded into a schema of its own): its Gi* and emerging
 * numbers equal the job's recorded output for the same input and settings; the comparison agrees with
 * the two periods' own Gi*; the area filter and the cell cap work; bad parameters are 400 problems.
 */
class HotspotApiIT extends PostgisIT {

    /** As a researcher: this test is about the figures, which the public sees suppressed (docs/security.md). */
    @Override
    protected HttpResponse<String> get(String pathAndQuery) throws Exception {
        return get(pathAndQuery, TestTokens.RESEARCHER);
    }

    static final String SCHEMA = "cg_hotspot_api_it";
    static final Path FIXTURE = repositoryRoot().resolve("spark-jobs/src/test/resources/hotspot-fixture");
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static boolean loaded;

    @DynamicPropertySource
    static void privateSchema(DynamicPropertyRegistry registry) throws Exception {
        String base = System.getProperty("cg.db.url", "jdbc:postgresql://127.0.0.1:55432/cg_test?user=cg");
        try (Connection c = DriverManager.getConnection(base); Statement st = c.createStatement()) {
            // PostGIS in public (see HotspotFixture), before Flyway runs V1 inside the private schema.
            st.execute("CREATE EXTENSION IF NOT EXISTS postgis SCHEMA public");
            st.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
        registry.add("spring.datasource.url",
            () -> base + (base.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA + ",public");
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        // Small enough that resolution 9 over six months (about 900 cells x 6) is refused.
        registry.add("cg.hotspots.max-cell-steps", () -> 3000);
    }

    @BeforeEach
    void loadFixture() {
        if (loaded) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) c -> {
            try (Statement st = c.createStatement()) {
                st.execute("TRUNCATE agg_current, agg_run, agg_cell, agg_study_cell CASCADE");
                st.execute("INSERT INTO agg_run (run_id, mode, status, time_zone) VALUES (1, 'full', 'succeeded', "
                    + "'Asia/Shanghai')");
                st.execute("CREATE TEMP TABLE fixture_cell (resolution smallint, cell bigint, category_code varchar(8), "
                    + "bucket varchar(5), bucket_start date, cases integer)");
                st.execute("CREATE TEMP TABLE fixture_study (resolution smallint, cell bigint)");
            }
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            try (Reader r = Files.newBufferedReader(FIXTURE.resolve("agg-cell.csv"), StandardCharsets.UTF_8)) {
                copy.copyIn("COPY fixture_cell FROM STDIN (FORMAT csv, HEADER true)", r);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            try (Reader r = Files.newBufferedReader(FIXTURE.resolve("study-cell.csv"), StandardCharsets.UTF_8)) {
                copy.copyIn("COPY fixture_study FROM STDIN (FORMAT csv, HEADER true)", r);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO agg_cell (resolution, cell, category_code, bucket, bucket_start, cases, valid_from) "
                    + "SELECT *, 1 FROM fixture_cell");
                st.execute("INSERT INTO agg_study_cell (resolution, cell, valid_from) SELECT *, 1 FROM fixture_study");
                st.execute("INSERT INTO agg_current (run_id, base_run_id) VALUES (1, 1)");
                st.execute("DROP TABLE fixture_cell, fixture_study");
            }
            return null;
        });
        List<Long> cells = jdbc.queryForList("SELECT cell FROM agg_study_cell", Long.class);
        jdbc.batchUpdate("INSERT INTO h3_cell (cell, resolution, geom) VALUES (?, ?, ST_GeomFromText(?, 4326)) "
            + "ON CONFLICT (cell) DO NOTHING", cells, 500, (ps, cell) -> {
                ps.setLong(1, cell);
                ps.setInt(2, H3Cells.get().resolution(cell));
                ps.setString(3, H3Cells.get().boundary(cell).toText());
            });
        loaded = true;
    }

    @Test
    void giStarEqualsTheSparkJobOnTheSameAggregates() throws Exception {
        // resolution,category_set,month,k,h3,value,z,p,bin as the job wrote them (k auto, binary, FDR)
        Map<String, List<String[]>> groups = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(FIXTURE.resolve("job-output.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            groups.computeIfAbsent(f[0] + "," + f[1] + "," + f[2], g -> new ArrayList<>()).add(f);
        }
        assertThat(groups).hasSize(14);
        int compared = 0;
        for (Map.Entry<String, List<String[]>> g : groups.entrySet()) {
            String[] key = g.getKey().split(",");
            String month = key[2].substring(0, 7);
            JsonNode fc = ok("/api/v1/hotspots?resolution=" + key[0] + "&categories=" + key[1] + "&from=" + month
                + "&to=" + month + "&k=auto&fdr=true");
            JsonNode params = fc.get("parameters");
            assertThat(params.get("k").asInt()).as(g.getKey()).isEqualTo(Integer.parseInt(g.getValue().get(0)[3]));
            assertThat(params.get("kAuto").asBoolean()).isTrue();
            assertThat(params.get("kReason").asString()).startsWith("k=");
            assertThat(params.get("bucket").asString()).isEqualTo("month");
            Map<String, JsonNode> byH3 = new HashMap<>();
            fc.get("features").forEach(f -> byH3.put(f.get("properties").get("h3").asString(), f.get("properties")));
            assertThat(byH3).hasSize(g.getValue().size());
            for (String[] job : g.getValue()) {
                JsonNode api = byH3.get(job[4]);
                assertThat(api).as(job[4]).isNotNull();
                assertThat(api.get("value").asDouble()).isEqualTo(Double.parseDouble(job[5]));
                assertNumber(api.get("z"), job[6]);
                assertNumber(api.get("p"), job[7]);
                assertThat(api.get("bin").asInt()).isEqualTo(Integer.parseInt(job[8]));
                compared++;
            }
        }
        System.out.printf("HotspotApiIT: %d cells equal the Spark job's output%n", compared);
    }

    @Test
    void emergingEqualsTheSparkJobOnTheSameAggregates() throws Exception {
        // resolution,category_set,k,h3,pattern,trend_z over the months January-June
        Map<String, Map<String, String[]>> groups = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(FIXTURE.resolve("job-emerging.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (f[0].equals("8")) {
                groups.computeIfAbsent(f[0] + "," + f[1], g -> new HashMap<>()).put(f[3], f);
            }
        }
        assertThat(groups).hasSize(2);
        int classified = 0;
        for (Map.Entry<String, Map<String, String[]>> g : groups.entrySet()) {
            String[] key = g.getKey().split(",");
            JsonNode fc = ok("/api/v1/hotspots/emerging?resolution=" + key[0] + "&categories=" + key[1]
                + "&from=2025-01&to=2025-06&step=month");
            assertThat(fc.get("parameters").get("steps")).hasSize(6);
            assertThat(fc.get("features")).hasSize(g.getValue().size());
            for (JsonNode f : fc.get("features")) {
                JsonNode p = f.get("properties");
                String[] job = g.getValue().get(p.get("h3").asString());
                assertThat(fc.get("parameters").get("k").asInt()).isEqualTo(Integer.parseInt(job[2]));
                assertThat(p.get("code").asInt()).isEqualTo(Integer.parseInt(job[4]));
                assertNumber(p.get("trend_z"), job[5]);
                assertThat(p.get("label").asString()).isNotBlank();
                classified += p.get("code").asInt() != 0 ? 1 : 0;
            }
        }
        assertThat(classified).isPositive();
        // Weekly steps: the Mondays starting in the period.
        JsonNode weekly = ok("/api/v1/hotspots/emerging?resolution=7&categories=all&from=2025-03-01&to=2025-03-31"
            + "&step=week&k=1");
        assertThat(weekly.get("parameters").get("steps").toString())
            .isEqualTo("[\"2025-03-03\",\"2025-03-10\",\"2025-03-17\",\"2025-03-24\",\"2025-03-31\"]");
        assertThat(weekly.get("features").get(0).get("properties").get("z")).hasSize(5);
    }

    @Test
    void compareAgreesWithEachPeriodsOwnGiStar() throws Exception {
        JsonNode cmp = ok("/api/v1/hotspots/compare?resolution=8&categories=all&period=2025-03&k=2");
        JsonNode march = ok("/api/v1/hotspots?resolution=8&categories=all&from=2025-03&to=2025-03&k=2");
        JsonNode feb = ok("/api/v1/hotspots?resolution=8&categories=all&from=2025-02&to=2025-02&k=2");
        assertThat(cmp.get("parameters").get("previousFrom").asString()).isEqualTo("2025-02-01");
        assertThat(cmp.get("parameters").get("previousTo").asString()).isEqualTo("2025-02-28");
        Map<String, JsonNode> now = byH3(march);
        Map<String, JsonNode> before = byH3(feb);
        int transitions = 0;
        for (JsonNode f : cmp.get("features")) {
            JsonNode p = f.get("properties");
            String h3 = p.get("h3").asString();
            assertThat(p.get("current").asDouble()).isEqualTo(now.get(h3).get("value").asDouble());
            assertThat(p.get("previous").asDouble()).isEqualTo(before.get(h3).get("value").asDouble());
            assertThat(p.get("current_bin").asInt()).isEqualTo(now.get(h3).get("bin").asInt());
            assertThat(p.get("previous_bin").asInt()).isEqualTo(before.get(h3).get("bin").asInt());
            boolean wasHot = p.get("previous_bin").asInt() > 0;
            boolean isHot = p.get("current_bin").asInt() > 0;
            String expected = wasHot ? (isHot ? "persisting" : "gone") : (isHot ? "new" : "none");
            assertThat(p.get("transition").asString()).isEqualTo(expected);
            transitions += expected.equals("none") ? 0 : 1;
            assertThat(p.get("significant").asBoolean()).isEqualTo(p.get("p").asDouble() <= 0.05);
        }
        assertThat(transitions).isPositive();
        assertThat(cmp.get("parameters").get("summary").toString()).contains("hot_");
    }

    @Test
    void anAreaRestrictsTheStudyArea() throws Exception {
        // A square around the centre of one resolution-7 study cell: only cells meeting it are analysed.
        long cell = jdbc.queryForObject("SELECT min(cell) FROM agg_study_cell WHERE resolution = 7", Long.class);
        var centre = H3Cells.get().boundary(cell).getCentroid();
        jdbc.update("INSERT INTO admin_area (level, code, name, geom) VALUES ('district', '440304', '福田区', "
            + "ST_Multi(ST_Expand(ST_SetSRID(ST_MakePoint(?, ?), 4326), 0.005)))", centre.getX(), centre.getY());
        long expected = jdbc.queryForObject("SELECT count(*) FROM agg_study_cell s JOIN h3_cell h USING (cell) "
            + "JOIN admin_area a ON ST_Intersects(h.geom, a.geom) WHERE s.resolution = 9", Long.class);
        JsonNode fc = ok("/api/v1/hotspots?resolution=9&from=2025-03&to=2025-03&k=1&area=440304");
        assertThat(fc.get("features")).hasSize((int) expected);
        assertThat(expected).isBetween(5L, 100L);
        assertThat(fc.get("parameters").get("area").get("name").asString()).isEqualTo("福田区");
    }

    @Test
    void badParametersAre400ProblemsNamingTheParameter() throws Exception {
        String[][] cases = {
            {"/api/v1/hotspots?resolution=6", "resolution"},
            {"/api/v1/hotspots?resolution=nine", "resolution"},
            {"/api/v1/hotspots?k=0", "k"},
            {"/api/v1/hotspots?k=big", "k"},
            {"/api/v1/hotspots?k=99", "k"},
            {"/api/v1/hotspots?kernel=epanechnikov", "kernel"},
            {"/api/v1/hotspots?fdr=maybe", "fdr"},
            {"/api/v1/hotspots?categories=9999", "categories"},
            {"/api/v1/hotspots?from=2025-13&to=2025-14", "from"},
            {"/api/v1/hotspots?from=2025-03&to=2025-01", "to"},
            {"/api/v1/hotspots?area=no-such-area", "area"},
            {"/api/v1/hotspots/emerging?step=day", "step"},
            {"/api/v1/hotspots/emerging?from=2025-03&to=2025-03&step=month", "from"},
            {"/api/v1/hotspots/emerging?resolution=9&from=2025-01&to=2025-06", "from"},
            {"/api/v1/hotspots/compare?period=March", "period"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = get(c[0]);
            assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(c[0]).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(r.body());
            assertThat(problem.get("type").asString()).isEqualTo("urn:cg:problem:bad-parameter");
            assertThat(problem.get("errors").get(0).get("parameter").asString()).as(c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void defaultsAreTheLatestMonthAutoScaleAndFdr() throws Exception {
        JsonNode fc = ok("/api/v1/hotspots?resolution=8");
        JsonNode p = fc.get("parameters");
        assertThat(p.get("from").asString()).isEqualTo("2025-06-01");
        assertThat(p.get("to").asString()).isEqualTo("2025-06-30");
        assertThat(p.get("kAuto").asBoolean()).isTrue();
        assertThat(p.get("fdr").asBoolean()).isTrue();
        assertThat(p.get("dataVersion").asLong()).isEqualTo(1);
        JsonNode first = fc.get("features").get(0);
        assertThat(first.get("geometry").get("type").asString()).isEqualTo("Polygon");
        assertThat(first.get("geometry").get("coordinates").get(0)).hasSize(7); // hexagon, closed
        double lon = first.get("geometry").get("coordinates").get(0).get(0).get(0).asDouble();
        assertThat(lon).isBetween(113.7, 114.7); // lon first
    }

    // ------------------------------------------------------------------------------------------

    private JsonNode ok(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static Map<String, JsonNode> byH3(JsonNode fc) {
        Map<String, JsonNode> m = new HashMap<>();
        fc.get("features").forEach(f -> m.put(f.get("properties").get("h3").asString(), f.get("properties")));
        return m;
    }

    /** The same double as the job wrote ("null" where it wrote no value). */
    private static void assertNumber(JsonNode api, String job) {
        if (job.equals("null")) {
            assertThat(api == null || api.isNull()).isTrue();
        } else {
            assertThat(api.asDouble()).isEqualTo(Double.parseDouble(job));
        }
    }

    static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("testdata"))) {
                return p;
            }
        }
        throw new IllegalStateException("no testdata/ directory above " + Path.of("").toAbsolutePath());
    }
}
