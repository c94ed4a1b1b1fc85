package cn.cg.api.feature;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cg.api.PostgisIT;
import cn.cg.api.TestTokens;
import cn.cg.api.aggregate.AggregateFixture;
import cn.cg.api.aggregate.DataVersion;
import cn.cg.api.hotspot.HotspotResultsFixture;
import cn.cg.api.suggestion.SuggestionAnswer;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class FeaturesIT extends PostgisIT {

    /** As a planner (candidate sites need it): this test is about the figures, which the public sees suppressed. */
    @Override
    protected HttpResponse<String> get(String pathAndQuery) throws Exception {
        return get(pathAndQuery, TestTokens.PLANNER);
    }

    @Autowired
    DataVersion dataVersion;

    @Autowired
    Environment env;

    /** The application's mapper: suggestion runs are stored in the form SuggestionStore writes them. */
    @Autowired
    JsonMapper appJson;

    final ObjectMapper json = new ObjectMapper();
    AggregateFixture fixture;
    HotspotResultsFixture hotspots;
    List<Long> cells = new ArrayList<>();
    long vendorRun;
    long stationRun;

    @BeforeEach
    void data() {
        fixture = new AggregateFixture(jdbc);
        // 25 cells on a 5 x 5 lattice 500 m apart, i cases each.
        for (int i = 0; i < 25; i++) {
            double lon = 114.00 + (i % 5) * 0.005;
            double lat = 22.50 + (i / 5) * 0.0045;
            cells.add(fixture.cases(lon, lat, i % 2 == 0 ? "0501" : "0101", LocalDate.of(2025, 3, 1 + i), i + 1));
        }
        jdbc.update("INSERT INTO station (kind, name, geom, capacity, opened_at) VALUES "
                + "('service_station', '福田驿站 1', ST_SetSRID(ST_MakePoint(114.01, 22.51), 4326), 4, DATE '2024-05-01'), "
                + "('service_station', 'Station \"2\", east', ST_SetSRID(ST_MakePoint(114.02, 22.51), 4326), NULL, DATE '2025-03-10'), "
                + "('vendor_zone', '夜市疏导点', ST_SetSRID(ST_MakePoint(114.03, 22.52), 4326), 30, NULL)");
        jdbc.update("INSERT INTO admin_area (level, code, name, geom) VALUES ('district', '440304', '福田区', "
                + "ST_Multi(ST_MakeEnvelope(114.0, 22.5, 114.1, 22.6, 4326)))");
        long district = jdbc.queryForObject("SELECT id FROM admin_area WHERE code = '440304'", Long.class);
        fixture.area(district, "district", "0501", LocalDate.of(2025, 3, 1), 13, 10, 7, 36_000);
        fixture.area(district, "district", "0101", LocalDate.of(2025, 3, 1), 12, 2, 2, 7_200);
        fixture.area(district, "district", "0501", LocalDate.of(2025, 4, 1), 99, 0, 0, 0);
        // The hotspot job's results over this run: March for every cell (cases as the counts, z and bin made up
        // per cell so that each row is recognisable), April for the first three (no cases), vendor for two.
        hotspots = new HotspotResultsFixture(jdbc, fixture.run());
        for (int i = 0; i < 25; i++) {
            hotspots.cell(10, "all", MARCH, cells.get(i), i + 1, zOf(i), 0.5 / (i + 1), binOf(i));
        }
        for (int i = 0; i < 3; i++) {
            hotspots.cell(10, "all", APRIL, cells.get(i), 0, -0.5, 0.6, 0);
        }
        hotspots.cell(10, "vendor", MARCH, cells.get(0), 1, null, null, 0);
        hotspots.cell(10, "vendor", MARCH, cells.get(2), 3, 1.0, 0.3, 0);
        hotspots.emerging(10, "all", cells.get(24), 2, "consecutive hot spot");
        jdbc.execute("TRUNCATE suggestion_run RESTART IDENTITY");
        vendorRun = saveRun("vendor-zones", "夜市 A", 3);
        stationRun = saveRun("service-stations", "stations, east", 2);
        dataVersion.refresh();
    }

    static final LocalDate MARCH = LocalDate.of(2025, 3, 1);
    static final LocalDate APRIL = LocalDate.of(2025, 4, 1);

    static double zOf(int i) {
        return (i - 12) * 0.25;
    }

    static int binOf(int i) {
        return Math.max(-3, Math.min(3, (i - 12) / 4));
    }

    /** A saved run with one existing site and n-1 new ones, stored as SuggestionStore stores an answer. */
    long saveRun(String kind, String name, int sites) {
        List<SuggestionAnswer.Site> list = new ArrayList<>();
        for (int r = 1; r <= sites; r++) {
            list.add(new SuggestionAnswer.Site(r, r == 1 ? "existing" : "new", "c" + r, name + " site " + r, "candidate",
                    114.0 + 0.01 * r, 22.5 + 0.001 * r, 10L * r, 5L * r, 1.5 * r, 2.5 * r, r, r, r == 2 ? null : 40.0,
                    100.0 * r, "reason " + r + ", \"quoted\""));
        }
        SuggestionAnswer.Totals totals = new SuggestionAnswer.Totals(1, 10, 10, sites, 0, 1, sites - 1, null, 50, null, 0,
                0, null, null, 1.0, 1.0, 0.0, 0.1, 0.2, 1);
        Long id = jdbc.queryForObject("INSERT INTO suggestion_run (kind, name, status, model, new_sites, data_version, "
                + "parameters, answer) VALUES (?, ?, 'OPTIMAL', 'mclp', ?, 'cases 0', '{}'::jsonb, '{}'::json) RETURNING id",
                Long.class, kind, name, sites - 1);
        SuggestionAnswer a = new SuggestionAnswer(id, kind, name, null, "cases 0", "OPTIMAL", null, "mclp", Map.of(),
                totals, list, Map.of());
        jdbc.update("UPDATE suggestion_run SET answer = ?::json WHERE id = ?", appJson.writeValueAsString(a), id);
        return id;
    }

    @AfterEach
    void clean() {
        hotspots.close();
        fixture.close();
        jdbc.execute("TRUNCATE suggestion_run RESTART IDENTITY");
        dataVersion.refresh();
    }

    @Test
    void hotspotsAreTheStoredResultsPagedAndFiltered() throws Exception {
        JsonNode first = items("hotspots", "?resolution=10&datetime=2025-03&limit=10");
        assertThat(first.get("numberMatched").asLong()).isEqualTo(25);
        assertThat(link(first, "next")).contains("offset=10");
        Map<String, JsonNode> byH3 = new HashMap<>();
        for (int off = 0; off < 25; off += 10) {
            for (JsonNode f : items("hotspots", "?resolution=10&datetime=2025-03&limit=10&offset=" + off).get("features")) {
                byH3.put(f.get("properties").get("h3").asText(), f);
            }
        }
        assertThat(byH3).hasSize(25);
        for (int i = 0; i < 25; i++) {
            JsonNode f = byH3.get(Long.toHexString(cells.get(i)));
            JsonNode p = f.get("properties");
            assertThat(f.get("id").asText()).isEqualTo(Long.toHexString(cells.get(i)) + "-2025-03");
            assertThat(p.get("cases").asLong()).as("cell %d", i).isEqualTo(i + 1);
            assertThat(p.get("z").asDouble()).isEqualTo(zOf(i));
            assertThat(p.get("p").asDouble()).isEqualTo(0.5 / (i + 1));
            assertThat(p.get("bin").asInt()).isEqualTo(binOf(i));
            assertThat(p.get("month").asText()).isEqualTo("2025-03");
            assertThat(p.get("category_set").asText()).isEqualTo("all");
            assertThat(p.get("resolution").asInt()).isEqualTo(10);
            assertThat(p.get("emerging").isNull()).isEqualTo(i != 24);
            double lon = f.get("geometry").get("coordinates").get(0).get(0).get(0).asDouble();
            assertThat(lon).isBetween(113.99, 114.03);
        }
        assertThat(byH3.get(Long.toHexString(cells.get(24))).get("properties").get("emerging").asText())
                .isEqualTo("consecutive hot spot");
        // Every month without datetime, one month, the vendor set (a cell without statistics has null z and p).
        assertThat(items("hotspots", "?resolution=10").get("numberMatched").asLong()).isEqualTo(28);
        assertThat(items("hotspots", "?resolution=10&datetime=2025-04-10").get("numberMatched").asLong()).isEqualTo(3);
        assertThat(items("hotspots", "?resolution=10&datetime=2025-02-20/2025-03-02").get("numberMatched").asLong()).isEqualTo(25);
        JsonNode vendor = items("hotspots", "?resolution=10&categories=vendor");
        assertThat(vendor.get("numberMatched").asLong()).isEqualTo(2);
        assertThat(vendor.get("features").get(0).get("properties").get("z").isNull()
                || vendor.get("features").get(1).get("properties").get("z").isNull()).isTrue();
        assertThat(items("hotspots", "?resolution=9").get("numberMatched").asLong()).isZero();
        // The first lattice row, columns 0-2, in both months.
        assertThat(items("hotspots", "?resolution=10&bbox=113.999,22.4995,114.0101,22.5005").get("numberMatched").asLong())
                .isEqualTo(6);
        String csv = get("/api/v1/collections/hotspots/items?resolution=10&datetime=2025-04&f=csv").body();
        String[] lines = csv.split("\n");
        assertThat(lines[0]).isEqualTo("id,h3,resolution,category_set,month,cases,z,p,bin,emerging,emerging_code,wkt");
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).matches("[0-9a-f]+-2025-04,[0-9a-f]+,10,all,2025-04,0,-0.5,0.6,0,,,\"POLYGON\\(\\(114.*\\)\\)\"");
    }

    @Test
    void thePublicDoesNotSeeHotspotCellsWithFewerThanKCases() throws Exception {
        HttpResponse<String> r = super.get("/api/v1/collections/hotspots/items?resolution=10&limit=100", null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = json.readTree(r.body());
        // March: cells 0-3 hold 1-4 cases and are left out; April's zero rows are shown (zero points at nobody).
        assertThat(doc.get("numberMatched").asLong()).isEqualTo(21 + 3);
        for (JsonNode f : doc.get("features")) {
            long cases = f.get("properties").get("cases").asLong();
            assertThat(cases == 0 || cases >= 5).as(f.toString()).isTrue();
        }
        for (int i = 0; i < 4; i++) {
            assertThat(r.body()).doesNotContain(Long.toHexString(cells.get(i)) + "-2025-03");
        }
        assertThat(json.readTree(super.get("/api/v1/collections/hotspots/items?resolution=10&categories=vendor", null).body())
                .get("numberMatched").asLong()).isZero();
    }

    @Test
    void suggestionsAreTheSavedRunsSites() throws Exception {
        JsonNode all = items("suggestions", "?limit=2");
        assertThat(all.get("numberMatched").asLong()).isEqualTo(5);
        assertThat(all.get("numberReturned").asLong()).isEqualTo(2);
        assertThat(link(all, "next")).contains("offset=2");
        JsonNode vendor = items("suggestions", "?kind=vendor-zones");
        assertThat(vendor.get("numberMatched").asLong()).isEqualTo(3);
        for (JsonNode f : vendor.get("features")) {
            JsonNode p = f.get("properties");
            int rank = p.get("rank").asInt();
            assertThat(f.get("id").asText()).isEqualTo(vendorRun + "-" + rank);
            assertThat(p.get("run_id").asLong()).isEqualTo(vendorRun);
            assertThat(p.get("kind").asText()).isEqualTo("vendor-zones");
            assertThat(p.get("run_name").asText()).isEqualTo("夜市 A");
            assertThat(p.get("role").asText()).isEqualTo(rank == 1 ? "existing" : "new");
            assertThat(p.get("name").asText()).isEqualTo("夜市 A site " + rank);
            assertThat(p.get("cases_in_reach").asLong()).isEqualTo(10L * rank);
            assertThat(p.get("coverage_pct").asDouble()).isEqualTo(1.5 * rank);
            assertThat(p.get("evening_share_pct").isNull()).isEqualTo(rank == 2);
            assertThat(p.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            assertThat(f.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(114.0 + 0.01 * rank);
            assertThat(f.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(22.5 + 0.001 * rank);
        }
        assertThat(items("suggestions", "?run=" + stationRun).get("numberMatched").asLong()).isEqualTo(2);
        assertThat(items("suggestions", "?role=new").get("numberMatched").asLong()).isEqualTo(3);
        String today = jdbc.queryForObject("SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date::text", String.class);
        assertThat(items("suggestions", "?datetime=" + today).get("numberMatched").asLong()).isEqualTo(5);
        assertThat(items("suggestions", "?datetime=2020-01-01").get("numberMatched").asLong()).isZero();
        assertThat(items("suggestions", "?bbox=114.015,22.49,114.025,22.51").get("numberMatched").asLong()).isEqualTo(2);
        String csv = get("/api/v1/collections/suggestions/items?run=" + stationRun + "&f=csv").body();
        String[] lines = csv.split("\n");
        assertThat(lines[0]).isEqualTo("id,run_id,kind,run_name,created_at,status,model,rank,role,site_key,name,source,"
                + "cases_in_reach,new_cases_in_reach,coverage_pct,cumulative_coverage_pct,evening_share_pct,reason,wkt");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith(stationRun + "-1," + stationRun + ",service-stations,\"stations, east\",")
                .endsWith(",1,existing,c1,\"stations, east site 1\",candidate,10,5,1.5,2.5,40.0,\"reason 1, \"\"quoted\"\"\",POINT(114.01 22.501)");
        // A new run shows at once: the ETag follows the saved runs, not only the aggregation run.
        HttpResponse<String> before = get("/api/v1/collections/suggestions/items");
        saveRun("vendor-zones", "later", 2);
        HttpResponse<String> after = http.send(request("/api/v1/collections/suggestions/items", TestTokens.PLANNER)
                .header("If-None-Match", before.headers().firstValue("ETag").orElseThrow()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(json.readTree(after.body()).get("numberMatched").asLong()).isEqualTo(7);
    }

    @Test
    void gdalReadsTheCollectionsThroughOapif() throws Exception {
        String api = "OAPIF:http://127.0.0.1:" + env.getProperty("local.server.port") + "/api/v1";
        // GDAL sends the token with every request it makes (docs/security.md).
        String auth = "Authorization: Bearer " + TestTokens.PLANNER;
        String cellsInfo = run("ogrinfo", "--config", "GDAL_HTTP_HEADERS", auth, "-ro", "-so", api, "cells-r10");
        assertThat(cellsInfo).contains("Feature Count: 25");
        assertThat(cellsInfo).contains("cases").contains("h3");
        assertThat(run("ogrinfo", "--config", "GDAL_HTTP_HEADERS", auth, "-ro", "-so", api, "stations")).contains("Feature Count: 3");
        // Reading every feature follows the next links: 25 features with a page size of 10.
        String all = run("ogrinfo", "--config", "GDAL_HTTP_HEADERS", auth, "-ro", "-al", "-q", "-oo", "PAGE_SIZE=10", api, "cells-r10");
        assertThat(all.split("OGRFeature\\(cells-r10\\)", -1)).hasSize(26);
        assertThat(all).contains("POLYGON ((114.");
    }

    @Test
    void pagingLinksAndCounts() throws Exception {
        JsonNode first = items("cells-r10", "?limit=10");
        assertThat(first.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(first.get("numberMatched").asLong()).isEqualTo(25);
        assertThat(first.get("numberReturned").asLong()).isEqualTo(10);
        assertThat(link(first, "next")).contains("offset=10").contains("limit=10");
        assertThat(link(first, "prev")).isNull();
        JsonNode last = items("cells-r10", "?limit=10&offset=20");
        assertThat(last.get("numberReturned").asLong()).isEqualTo(5);
        assertThat(link(last, "next")).isNull();
        assertThat(link(last, "prev")).contains("offset=10");
        // Lon/lat order, the H3 index as id, counts from the served run.
        JsonNode f = first.get("features").get(0);
        double lon = f.get("geometry").get("coordinates").get(0).get(0).get(0).asDouble();
        assertThat(lon).isBetween(113.9, 114.1);
        long total = 0;
        for (int off = 0; off < 25; off += 10) {
            for (JsonNode x : items("cells-r10", "?limit=10&offset=" + off).get("features")) {
                total += x.get("properties").get("cases").asLong();
                assertThat(x.get("id").asText()).isEqualTo(x.get("properties").get("h3").asText());
            }
        }
        assertThat(total).isEqualTo(25 * 26 / 2);
    }

    @Test
    void filtersByDatetimeCategoryAndBbox() throws Exception {
        assertThat(items("cells-r10", "?datetime=2025-03-01/2025-03-05").get("numberMatched").asLong()).isEqualTo(5);
        assertThat(items("cells-r10", "?datetime=2025-03-01T00:00:00Z/2025-03-31T23:59:59Z").get("numberMatched").asLong()).isEqualTo(25);
        assertThat(items("cells-r10", "?datetime=2025-04").get("numberMatched").asLong()).isZero();
        assertThat(items("cells-r10", "?categories=0501").get("numberMatched").asLong()).isEqualTo(13);
        // The first lattice row only (lat 22.50), columns 0-2.
        JsonNode box = items("cells-r10", "?bbox=113.999,22.4995,114.0101,22.5005");
        assertThat(box.get("numberMatched").asLong()).isEqualTo(3);
        // Resolution 7 holds the same cases rolled up.
        long r7 = 0;
        for (JsonNode x : items("cells-r7", "?limit=1000").get("features")) {
            r7 += x.get("properties").get("cases").asLong();
        }
        assertThat(r7).isEqualTo(325);
        assertThat(items("stations", "?datetime=2025-03").get("numberMatched").asLong()).isEqualTo(1);
    }

    @Test
    void areasCarryTheirFigures() throws Exception {
        JsonNode march = items("areas", "?datetime=2025-03&level=district").get("features").get(0).get("properties");
        assertThat(march.get("cases").asLong()).isEqualTo(25);
        assertThat(march.get("closed").asLong()).isEqualTo(12);
        assertThat(march.get("closure_rate").asDouble()).isEqualTo(12 / 25.0);
        assertThat(march.get("on_time_closure_rate").asDouble()).isEqualTo(9 / 25.0);
        assertThat(march.get("mean_handling_hours").asDouble()).isEqualTo(43_200 / 12.0 / 3600);
        double km2 = jdbc.queryForObject("SELECT area_km2 FROM admin_area", Double.class);
        assertThat(march.get("cases_per_km2").asDouble()).isEqualTo(25 / km2);
        assertThat(items("areas", "?level=district").get("features").get(0).get("properties").get("cases").asLong()).isEqualTo(124);
        assertThat(items("areas", "?categories=01&datetime=2025-03").get("features").get(0).get("properties").get("cases").asLong()).isEqualTo(12);
    }

    @Test
    void csvHasAHeaderAndOneRowPerFeature() throws Exception {
        HttpResponse<String> r = get("/api/v1/collections/stations/items?f=csv");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String[] lines = r.body().split("\n");
        assertThat(lines[0]).isEqualTo("id,kind,name,capacity,opened_at,wkt");
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).isEqualTo("1,service_station,福田驿站 1,4,2024-05-01,POINT(114.01 22.51)");
        assertThat(lines[2]).isEqualTo("2,service_station,\"Station \"\"2\"\", east\",,2025-03-10,POINT(114.02 22.51)");
        String cellsCsv = get("/api/v1/collections/cells-r9/items?f=csv&limit=1000").body();
        assertThat(cellsCsv.split("\n")[0]).isEqualTo("id,h3,resolution,cases,period_start,period_end,wkt");
    }

    @Test
    void landingConformanceAndCollections() throws Exception {
        JsonNode landing = json.readTree(get("/api/v1").body());
        assertThat(landing.get("links").toString()).contains("\"rel\":\"conformance\"").contains("\"rel\":\"data\"")
                .contains("\"rel\":\"service-desc\"");
        assertThat(get("/api/v1/conformance").body()).contains("ogcapi-features-1/1.0/conf/geojson");
        JsonNode list = json.readTree(get("/api/v1/collections").body());
        List<String> ids = new ArrayList<>();
        list.get("collections").forEach(c -> ids.add(c.get("id").asText()));
        assertThat(ids).containsExactly("areas", "candidate-sites", "cells-r10", "cells-r7", "cells-r8", "cells-r9", "hotspots",
                "stations", "suggestions");
        assertThat(json.readTree(get("/api/v1/collections/stations").body()).get("crs").get(0).asText()).endsWith("CRS84");
        HttpResponse<String> missing = get("/api/v1/collections/nope/items");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void openApiDocumentsTheEndpointsWithExamples() throws Exception {
        JsonNode doc = json.readTree(get("/v3/api-docs").body());
        JsonNode paths = doc.get("paths");
        for (String p : List.of("/tiles/heatmap/{z}/{x}/{y}.png", "/tiles/cells/{z}/{x}/{y}.mvt", "/api/v1/heatmap/legend",
                "/api/v1/heatmap/surface.tif", "/api/v1/collections/{id}/items", "/api/v1/rankings", "/api/v1/conformance")) {
            assertThat(paths.has(p)).as(p).isTrue();
            assertThat(paths.get(p).get("get").get("summary").asText()).as(p).isNotBlank();
        }
        assertThat(paths.get("/tiles/heatmap/{z}/{x}/{y}.png").toString()).contains("\"example\":\"0501,0504\"");
        assertThat(paths.get("/api/v1/rankings").toString()).contains("closureRate");
    }

    @Test
    void badParametersAreProblemsNamingThem() throws Exception {
        assertBad("/api/v1/collections/cells-r10/items?foo=1", "foo");
        assertBad("/api/v1/collections/cells-r10/items?bbox=1,2,3", "bbox");
        assertBad("/api/v1/collections/cells-r10/items?bbox=114,23,113,22", "bbox");
        assertBad("/api/v1/collections/cells-r10/items?bbox=114,22,190,23", "bbox");
        assertBad("/api/v1/collections/cells-r10/items?limit=0", "limit");
        assertBad("/api/v1/collections/cells-r10/items?offset=-1", "offset");
        assertBad("/api/v1/collections/cells-r10/items?datetime=../2025-03-01", "datetime");
        assertBad("/api/v1/collections/cells-r10/items?datetime=2025-03-05/2025-03-01", "datetime");
        assertBad("/api/v1/collections/cells-r10/items?categories=0000", "categories");
        assertBad("/api/v1/collections/cells-r10/items?source=hotline", "source");
        assertBad("/api/v1/collections/cells-r10/items?f=xml", "f");
        assertBad("/api/v1/collections/candidate-sites/items?datetime=2025-03", "datetime");
        assertBad("/api/v1/collections/areas/items?datetime=2025-03-02/2025-03-20", "datetime");
        assertBad("/api/v1/collections/areas/items?level=city", "level");
        assertBad("/api/v1/collections/stations/items?kind=kiosk", "kind");
        assertBad("/api/v1/collections/hotspots/items?resolution=6", "resolution");
        assertBad("/api/v1/collections/hotspots/items?resolution=nine", "resolution");
        assertBad("/api/v1/collections/hotspots/items?categories=05", "categories");
        assertBad("/api/v1/collections/hotspots/items?categories=nope", "categories");
        assertBad("/api/v1/collections/hotspots/items?datetime=2025-03/..", "datetime");
        assertBad("/api/v1/collections/hotspots/items?area=1", "area");
        assertBad("/api/v1/collections/hotspots/items?limit=x", "limit");
        assertBad("/api/v1/collections/suggestions/items?kind=kiosks", "kind");
        assertBad("/api/v1/collections/suggestions/items?run=0", "run");
        assertBad("/api/v1/collections/suggestions/items?run=abc", "run");
        assertBad("/api/v1/collections/suggestions/items?role=old", "role");
        assertBad("/api/v1/collections/suggestions/items?bbox=1,2", "bbox");
    }

    private void assertBad(String path, String parameter) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/problem+json");
        assertThat(json.readTree(r.body()).get("errors").get(0).get("parameter").asText()).as(path).isEqualTo(parameter);
    }

    private JsonNode items(String collection, String query) throws Exception {
        HttpResponse<String> r = get("/api/v1/collections/" + collection + "/items" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
        return json.readTree(r.body());
    }

    private static String link(JsonNode doc, String rel) {
        for (JsonNode l : doc.get("links")) {
            if (l.get("rel").asText().equals(rel)) {
                return l.get("href").asText();
            }
        }
        return null;
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }
}
