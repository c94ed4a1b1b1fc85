package cn.cg.api.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Vendor zones on handcrafted cities whose best answer is known by construction. */
class VendorZoneApiIT extends SuggestionFixture {

    private static final String VZ = "/api/v1/suggestions/vendor-zones";

    /** A (100 cases) and B (80) 3 km apart, C (10) elsewhere: two zones must go to A and B, A first. */
    @Test
    void twoDenseClustersGetTheTwoZones() throws Exception {
        cluster(0, 0, 100, 40, "0501", 19);
        cluster(3000, 0, 80, 40, "0504", 12);
        cluster(0, 3000, 10, 40, "0510", 20);
        JsonNode a = ok(post(VZ, "{\"p\":2,\"candidates\":" + points("A", 0, 0, "B", 3000, 0, "C", 0, 3000, "mid", 1500, 0) + "}"));
        assertThat(newSiteNames(a)).containsExactly("A", "B");
        assertThat(a.get("status").asString()).isEqualTo("OPTIMAL");
        JsonNode t = a.get("totals");
        assertThat(t.get("cases").asLong()).isEqualTo(190);
        assertThat(t.get("casesInReachAfter").asLong()).isEqualTo(180);
        assertThat(t.get("coverageAfterPct").asDouble()).isEqualTo(94.74);
        assertThat(t.get("gapPct").asDouble()).isZero();
        JsonNode first = a.get("sites").get(0);
        assertThat(first.get("casesInReach").asLong()).isEqualTo(100);
        assertThat(first.get("eveningSharePct").asDouble()).isEqualTo(100.0);
        assertThat(first.get("nearestTopDecileCellM").asDouble()).isZero();
        assertThat(first.get("reason").asString()).contains("100 cases within 300 m", "+52.6 % coverage");
        assertThat(a.get("parameters").get("categories").asString()).isEqualTo("0501,0503,0504,0510");
        assertThat(a.get("parameters").get("radiusM").asDouble()).isEqualTo(300);
        // Saved: the same answer comes back by id, and the list names it.
        long id = a.get("id").asLong();
        assertThat(JSON.readTree(get("/api/v1/suggestions/" + id).body())).isEqualTo(a);
        assertThat(get("/api/v1/suggestions").body()).contains("\"id\":" + id, "\"kind\":\"vendor-zones\"");
    }

    /** A school 60 m from the best site A rules A out; A2, 200 m the other way, still reaches A's cases. */
    @Test
    void schoolGateNearTheBestClusterExcludesIt() throws Exception {
        cluster(0, 0, 100, 30, "0501", 19);
        cluster(3000, 0, 50, 30, "0501", 19);
        school(-60, 0, "实验小学");
        String candidates = points("A", 0, 0, "A2", 200, 0, "B", 3000, 0);
        JsonNode a = ok(post(VZ, "{\"p\":1,\"candidates\":" + candidates + "}"));
        assertThat(newSiteNames(a)).containsExactly("A2");
        assertThat(a.get("excluded").get("school").asInt()).isOne();
        assertThat(a.get("totals").get("casesInReachAfter").asLong()).isEqualTo(100);

        // A wider school buffer (400 m; A2 is 260 m from the gate) leaves B.
        JsonNode wide = ok(post(VZ, "{\"p\":1,\"buffers\":{\"schoolM\":400},\"candidates\":" + candidates + "}"));
        assertThat(newSiteNames(wide)).containsExactly("B");

        // A custom polygon from the request over A2 does the same.
        JsonNode custom = ok(post(VZ, "{\"p\":1,\"exclusions\":" + square(200, 0, 20) + ",\"candidates\":" + candidates + "}"));
        assertThat(newSiteNames(custom)).containsExactly("B");
        assertThat(custom.get("excluded").get("custom").asInt()).isOne();
    }

    /** Two big clusters 200 m apart and a small one far away: spacing 300 m forbids taking both big ones. */
    @Test
    void minimumSpacingKeepsZonesApart() throws Exception {
        cluster(0, 0, 100, 20, "0501", 19);
        cluster(200, 0, 90, 20, "0501", 19);
        cluster(2000, 0, 30, 20, "0501", 19);
        String candidates = points("A", 0, 0, "B", 200, 0, "C", 2000, 0);
        JsonNode free = ok(post(VZ, "{\"p\":2,\"radiusM\":100,\"minSpacingM\":0,\"candidates\":" + candidates + "}"));
        assertThat(newSiteNames(free)).containsExactly("A", "B");
        JsonNode spaced = ok(post(VZ, "{\"p\":2,\"radiusM\":100,\"minSpacingM\":300,\"candidates\":" + candidates + "}"));
        assertThat(newSiteNames(spaced)).containsExactly("A", "C");
        assertThat(spaced.get("totals").get("rounds").asInt()).isEqualTo(2);
        // The bound is the spacing-free optimum (190), so the gap says how much spacing costs at most.
        assertThat(spaced.get("totals").get("bound").asDouble()).isEqualTo(190);
        assertThat(spaced.get("totals").get("objective").asDouble()).isEqualTo(130);
    }

    /** Evening weight 2 makes 40 evening cases (80) outweigh 60 daytime ones. */
    @Test
    void eveningWeightShiftsTheZone() throws Exception {
        cluster(0, 0, 60, 30, "0501", 10);
        cluster(2000, 0, 40, 30, "0501", 20);
        String candidates = points("day", 0, 0, "evening", 2000, 0);
        assertThat(newSiteNames(ok(post(VZ, "{\"p\":1,\"candidates\":" + candidates + "}")))).containsExactly("day");
        JsonNode w = ok(post(VZ, "{\"p\":1,\"eveningWeight\":2,\"candidates\":" + candidates + "}"));
        assertThat(newSiteNames(w)).containsExactly("evening");
        assertThat(w.get("totals").get("demand").asDouble()).isEqualTo(140);
    }

    /** Capacity 50 per zone: two zones serve at most 100 of 240 cases, and say so. */
    @Test
    void capacityLimitsWhatAZoneServes() throws Exception {
        cluster(0, 0, 100, 30, "0501", 19);
        cluster(2000, 0, 80, 30, "0501", 19);
        cluster(4000, 0, 60, 30, "0501", 19);
        JsonNode a = ok(post(VZ, "{\"p\":2,\"capacity\":50,\"candidates\":" + points("A", 0, 0, "B", 2000, 0, "C", 4000, 0) + "}"));
        assertThat(a.get("model").asString()).isEqualTo("capacitated-coverage");
        assertThat(a.get("totals").get("servedPct").asDouble()).isEqualTo(41.67);
        assertThat(a.get("sites").get(0).get("demandServed").asDouble()).isEqualTo(50);
        assertThat(a.get("sites").get(0).get("reason").asString()).contains("serves demand 50 of its capacity 50");
    }

    /** Without uploads or table rows, candidates are generated cells, best demand first, outside exclusions. */
    @Test
    void generatedCellsOutsideExclusions() throws Exception {
        cluster(0, 0, 100, 40, "0501", 19);
        cluster(3000, 0, 60, 40, "0501", 19);
        school(0, 0, "中心小学");
        JsonNode a = ok(post(VZ, "{\"p\":1}"));
        assertThat(a.get("parameters").get("candidateSource").asString()).isEqualTo("auto");
        JsonNode site = a.get("sites").get(0);
        assertThat(site.get("source").asString()).isEqualTo("cell");
        assertThat(count("SELECT count(*) FROM exclusion_zone WHERE ST_DWithin(geom::geography, "
                + "ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography, 100)", site.get("lon").asDouble(), site.get("lat").asDouble())).isZero();
        // The school's 100 m keep every cell of A (cases within 40 m of it) out: the zone goes to B.
        assertThat(site.get("casesInReach").asLong()).isEqualTo(60);
    }

    /** Existing vendor zones stay open and count first; a new zone goes where they do not reach. */
    @Test
    void existingZonesCountFirst() throws Exception {
        cluster(0, 0, 100, 30, "0501", 19);
        cluster(3000, 0, 50, 30, "0501", 19);
        station("vendor_zone", 0, 0, "老街夜市");
        JsonNode a = ok(post(VZ, "{\"p\":1,\"candidates\":" + points("A", 100, 0, "B", 3000, 0) + "}"));
        assertThat(a.get("sites").get(0).get("role").asString()).isEqualTo("existing");
        assertThat(newSiteNames(a)).containsExactly("B");
        assertThat(a.get("totals").get("coverageBeforePct").asDouble()).isEqualTo(66.67);
        assertThat(a.get("totals").get("coverageAfterPct").asDouble()).isEqualTo(100.0);
    }

    @Test
    void compareAndExport() throws Exception {
        cluster(0, 0, 100, 30, "0501", 19);
        cluster(3000, 0, 80, 30, "0501", 19);
        cluster(0, 3000, 60, 30, "0501", 19);
        String candidates = points("A", 0, 0, "B", 3000, 0, "C", 0, 3000);
        long a = ok(post(VZ, "{\"name\":\"one\",\"p\":1,\"candidates\":" + candidates + "}")).get("id").asLong();
        long b = ok(post(VZ, "{\"name\":\"two\",\"p\":2,\"candidates\":" + candidates + "}")).get("id").asLong();
        JsonNode c = JSON.readTree(get("/api/v1/suggestions/compare?a=" + a + "&b=" + b).body());
        assertThat(c.get("inBoth").get(0).get("name").asString()).isEqualTo("A");
        assertThat(c.get("onlyInA")).isEmpty();
        assertThat(c.get("onlyInB").get(0).get("name").asString()).isEqualTo("B");
        assertThat(c.get("parametersThatDiffer").has("p")).isTrue();
        assertThat(c.get("coverageDifferencePct").asDouble()).isEqualTo(33.33);
        assertThat(c.get("sameData").asBoolean()).isTrue();

        HttpResponse<String> g = get("/api/v1/suggestions/" + b + ".geojson");
        assertThat(g.headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
        JsonNode fc = JSON.readTree(g.body());
        assertThat(fc.get("features")).hasSize(2);
        assertThat(fc.get("features").get(0).get("geometry").get("coordinates").get(0).asDouble()).isCloseTo(lon(0), org.assertj.core.data.Offset.offset(1e-6));
        HttpResponse<String> csv = get("/api/v1/suggestions/" + b + ".csv");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String[] lines = csv.body().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("rank,role,key,name,source,lon,lat,cases_in_reach");
        assertThat(lines[1]).startsWith("1,new,request:1,A,request,114.05,22.55,100,100,");
        assertThat(get("/api/v1/suggestions/999999").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/suggestions/999999.csv").statusCode()).isEqualTo(404);
    }
}
