package cn.cg.api.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Service stations: existing stations required; coverage, p-median and target objectives. */
class ServiceStationApiIT extends SuggestionFixture {

    private static final String SS = "/api/v1/suggestions/service-stations";

    private void threeClusters() {
        cluster(0, 0, 100, 50, "0505", 9);
        cluster(5000, 0, 80, 50, "0102", 9);
        cluster(0, 5000, 20, 50, "0201", 9);
    }

    /** The station at A already covers it, so the one new station goes to B, not to A's better site. */
    @Test
    void existingStationShiftsTheNewOne() throws Exception {
        threeClusters();
        station("service_station", 300, 0, "驿站一号");
        JsonNode a = ok(post(SS, "{\"p\":1,\"candidates\":" + points("A", 0, 0, "B", 5000, 0, "C", 0, 5000) + "}"));
        assertThat(newSiteNames(a)).containsExactly("B");
        JsonNode t = a.get("totals");
        assertThat(t.get("existingSites").asInt()).isOne();
        assertThat(t.get("coverageBeforePct").asDouble()).isEqualTo(50.0);
        assertThat(t.get("coverageAfterPct").asDouble()).isEqualTo(90.0);
        assertThat(a.get("parameters").get("radiusM").asDouble()).isEqualTo(1000);
        assertThat(a.get("status").asString()).isEqualTo("OPTIMAL");
        // Without the existing station, A is the better first pick.
        JsonNode b = ok(post(SS, "{\"p\":1,\"includeExisting\":false,\"candidates\":" + points("A", 0, 0, "B", 5000, 0, "C", 0, 5000) + "}"));
        assertThat(newSiteNames(b)).containsExactly("A");
    }

    /** p-median with one new site: the site nearest to most demand (A), and the mean distance falls. */
    @Test
    void pMedianLowersTheMeanDistance() throws Exception {
        threeClusters();
        station("service_station", 5000, 0, "驿站B");
        JsonNode a = ok(post(SS, "{\"objective\":\"p-median\",\"p\":1,\"candidates\":"
                + points("A", 0, 0, "C", 0, 5000, "mid", 2500, 2500) + "}"));
        assertThat(a.get("model").asString()).isEqualTo("p-median");
        assertThat(newSiteNames(a)).containsExactly("A");
        JsonNode t = a.get("totals");
        assertThat(t.get("meanDistanceAfterM").asDouble()).isLessThan(t.get("meanDistanceBeforeM").asDouble());
        assertThat(a.get("sites").get(1).get("reason").asString()).contains("lowers the mean distance");
    }

    /** Fewest new stations for a target: 90 % needs two (A, B); 100 % is out of reach (C has no candidate). */
    @Test
    void targetCoverageAndItsInfeasibleCase() throws Exception {
        threeClusters();
        String candidates = points("A", 0, 0, "B", 5000, 0, "far", 9000, 9000);
        JsonNode a = ok(post(SS, "{\"objective\":\"target\",\"targetPct\":90,\"candidates\":" + candidates + "}"));
        assertThat(newSiteNames(a)).containsExactlyInAnyOrder("A", "B");
        assertThat(a.get("totals").get("objective").asDouble()).isEqualTo(2);
        assertThat(a.get("status").asString()).isEqualTo("OPTIMAL");

        var r = post(SS, "{\"objective\":\"target\",\"targetPct\":100,\"candidates\":" + candidates + "}");
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode inf = JSON.readTree(r.body());
        assertThat(inf.get("status").asString()).isEqualTo("INFEASIBLE");
        assertThat(inf.get("message").asString()).contains("infeasible", "90.00 %", "100.00 %");
        assertThat(inf.get("totals").get("objective").isNull()).isTrue();
    }
}
