package cn.cg.api.feature;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cg.api.PostgisIT;
import cn.cg.api.TestTokens;
import cn.cg.api.aggregate.AggregateFixture;
import cn.cg.api.aggregate.DataVersion;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

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

    final ObjectMapper json = new ObjectMapper();
    AggregateFixture fixture;
    List<Long> cells = new ArrayList<>();

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
        dataVersion.refresh();
    }

    @AfterEach
    void clean() {
        fixture.close();
        dataVersion.refresh();
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
        assertThat(ids).containsExactly("areas", "candidate-sites", "cells-r10", "cells-r7", "cells-r8", "cells-r9", "stations");
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
    }

    private void assertBad(String path, String parameter) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(400);
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
