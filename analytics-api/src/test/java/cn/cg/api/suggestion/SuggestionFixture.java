package cn.cg.api.suggestion;

import cn.cg.api.PostgisIT;
import cn.cg.api.TestTokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Handcrafted cities for the suggestion tests: clusters of cases placed in metres east/north of a
 * reference point in Shenzhen, so the right answer is known by construction. One application context
 * (same properties) serves every suggestion test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cg.suggestions.max-candidates=2500", "cg.demo.cases=20000"})
abstract class SuggestionFixture extends PostgisIT {

    /** As a planner: suggestions need that role (docs/security.md). */
    @Override
    protected HttpResponse<String> get(String pathAndQuery) throws Exception {
        return get(pathAndQuery, TestTokens.PLANNER);
    }

    static final double LON0 = 114.05;
    static final double LAT0 = 22.55;
    /** Metres per degree at LAT0 on the WGS-84 ellipsoid (to well under 0.1 % over a few km). */
    static final double M_LON = 102_800.0;
    static final double M_LAT = 110_750.0;

    static final JsonMapper JSON = JsonMapper.builder().build();
    private int caseSeq;

    @BeforeEach
    @AfterEach
    void cleanRuns() {
        jdbc.execute("TRUNCATE suggestion_run RESTART IDENTITY");
    }

    /** The database is shared: leave no cases or layers behind (PostgisIT empties them before each test). */
    @AfterEach
    void cleanCity() {
        jdbc.execute("TRUNCATE violation, violation_change, import_run, admin_area, station, candidate_site, exclusion_zone RESTART IDENTITY CASCADE");
    }

    static double lon(double eastM) {
        return LON0 + eastM / M_LON;
    }

    static double lat(double northM) {
        return LAT0 + northM / M_LAT;
    }

    /** n cases of a category in a ring of radius spreadM around (east, north), reported at a local hour. */
    void cluster(double east, double north, int n, double spreadM, String category, int hour) {
        for (int k = 0; k < n; k++) {
            double a = 2 * Math.PI * k / Math.max(1, n);
            double r = spreadM * ((k % 3) + 1) / 3.0;
            jdbc.update("""
                    INSERT INTO violation (case_no, category_code, source, status, reported_at, geom)
                    VALUES (?, ?, 'patrol', 'closed', ?::timestamptz, ST_SetSRID(ST_MakePoint(?, ?), 4326))""",
                    "T" + (++caseSeq), category, String.format(Locale.ROOT, "2025-03-%02d %02d:30:00+08", 1 + k % 28, hour),
                    lon(east + r * Math.cos(a)), lat(north + r * Math.sin(a)));
        }
    }

    void school(double east, double north, String name) {
        jdbc.update("INSERT INTO exclusion_zone (kind, name, buffer_m, geom) VALUES ('school', ?, 0, ST_SetSRID(ST_MakePoint(?, ?), 4326))",
                name, lon(east), lat(north));
    }

    void station(String kind, double east, double north, String name) {
        jdbc.update("INSERT INTO station (kind, name, geom) VALUES (?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326))",
                kind, name, lon(east), lat(north));
    }

    /** A GeoJSON FeatureCollection of candidate points given as name, east, north triples. */
    static String points(Object... nameEastNorth) {
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int k = 0; k < nameEastNorth.length; k += 3) {
            if (k > 0) {
                sb.append(',');
            }
            sb.append(String.format(Locale.ROOT,
                    "{\"type\":\"Feature\",\"properties\":{\"name\":\"%s\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]}}",
                    nameEastNorth[k], lon(((Number) nameEastNorth[k + 1]).doubleValue()), lat(((Number) nameEastNorth[k + 2]).doubleValue())));
        }
        return sb.append("]}").toString();
    }

    /** A square polygon feature collection centred at (east, north). */
    static String square(double east, double north, double half) {
        return String.format(Locale.ROOT, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{\"name\":\"market street\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f]]]}}]}",
                lon(east - half), lat(north - half), lon(east + half), lat(north - half), lon(east + half), lat(north + half),
                lon(east - half), lat(north + half), lon(east - half), lat(north - half));
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(request(path, TestTokens.PLANNER).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode ok(HttpResponse<String> r) {
        if (r.statusCode() != 201 && r.statusCode() != 200) {
            throw new AssertionError("HTTP " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    static java.util.List<String> newSiteNames(JsonNode answer) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (JsonNode s : answer.get("sites")) {
            if (s.get("role").asString().equals("new")) {
                names.add(s.get("name").asString());
            }
        }
        return names;
    }
}
