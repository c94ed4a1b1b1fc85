package cn.cg.api.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cg.api.demo.DemoLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The demo city (20,000 generated cases, its stations, schools, hospitals, roads and candidate sites)
 * as a realism check, with an outside check of the solver's claims: PostGIS counts, on geography, the
 * cases within the radius of the chosen sites, and the exclusion and spacing rules on the sites.
 */
class DemoCitySuggestionIT extends SuggestionFixture {

    @Autowired
    DemoLoader demo;

    @Test
    void vendorZonesAndStationsOnTheDemoCity() throws Exception {
        demo.load(false);
        JsonNode vz = ok(post("/api/v1/suggestions/vendor-zones",
                "{\"p\":10,\"candidateSource\":\"cells\",\"eveningWeight\":1,\"minSpacingM\":300}"));
        assertThat(newSiteNames(vz)).hasSize(10);
        double[][] open = sites(vz, false);
        long claimed = vz.get("totals").get("casesInReachAfter").asLong();
        String vendor = "category_code IN ('0501','0503','0504','0510') AND status <> 'void'";
        long exact = casesWithin(vendor, open, 300);
        // A demand cell's cases sit within one cell width (about 150 m at res 10) of its demand point.
        assertThat(claimed).isBetween(casesWithin(vendor, open, 150), casesWithin(vendor, open, 450));
        assertThat(Math.abs(claimed - exact)).isLessThanOrEqualTo((long) (0.1 * exact));
        assertThat(vz.get("totals").get("cases").asLong()).isEqualTo(count("SELECT count(*) FROM violation WHERE " + vendor));
        // No new zone inside an exclusion buffer (the demo rows carry 100 / 50 / 20 m), none closer than 300 m.
        double[][] fresh = sites(vz, true);
        for (double[] s : fresh) {
            assertThat(count("SELECT count(*) FROM exclusion_zone WHERE ST_DWithin(geom::geography, "
                    + "ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography, buffer_m)", s[0], s[1])).isZero();
        }
        for (double[] s : fresh) {
            for (double[] t : open) {
                if (s[0] != t[0] || s[1] != t[1]) {
                    Double d = jdbc.queryForObject("SELECT ST_Distance(ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography, "
                            + "ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography)", Double.class, s[0], s[1], t[0], t[1]);
                    assertThat(d).isGreaterThan(299.0);
                }
            }
        }
        assertThat(vz.get("totals").get("gapPct").asDouble()).isLessThan(5.0);

        // What the map page's workbench sends (web/app.js planRequest): table candidates, one month.
        JsonNode page = ok(post("/api/v1/suggestions/vendor-zones",
                "{\"p\":4,\"radiusM\":300,\"from\":\"2025-12\",\"to\":\"2025-12\",\"minSpacingM\":200,\"eveningWeight\":2}"));
        assertThat(newSiteNames(page)).hasSize(4);
        assertThat(page.get("parameters").get("candidateSource").asString()).isEqualTo("auto");
        System.out.println("page-like run: " + page.get("totals"));

        JsonNode ss = ok(post("/api/v1/suggestions/service-stations", "{\"p\":5,\"candidateSource\":\"table\"}"));
        assertThat(ss.get("totals").get("existingSites").asInt()).isEqualTo(30);
        assertThat(ss.get("totals").get("coverageAfterPct").asDouble())
                .isGreaterThan(ss.get("totals").get("coverageBeforePct").asDouble());
        long stationClaim = ss.get("totals").get("casesInReachAfter").asLong();
        long stationExact = casesWithin("status <> 'void'", sites(ss, false), 1000);
        assertThat(Math.abs(stationClaim - stationExact)).isLessThanOrEqualTo((long) (0.05 * stationExact));
    }

    private long casesWithin(String where, double[][] sites, double radius) {
        StringBuilder lon = new StringBuilder("{");
        StringBuilder lat = new StringBuilder("{");
        for (double[] s : sites) {
            lon.append(lon.length() > 1 ? "," : "").append(s[0]);
            lat.append(lat.length() > 1 ? "," : "").append(s[1]);
        }
        return count("SELECT count(*) FROM violation v WHERE " + where + " AND EXISTS (SELECT 1 FROM unnest(?::float8[], ?::float8[]) "
                + "AS s(x, y) WHERE ST_DWithin(v.geom::geography, ST_SetSRID(ST_MakePoint(s.x, s.y), 4326)::geography, ?))",
                lon.append('}').toString(), lat.append('}').toString(), radius);
    }

    private static double[][] sites(JsonNode answer, boolean newOnly) {
        List<double[]> out = new ArrayList<>();
        for (JsonNode s : answer.get("sites")) {
            if (!newOnly || s.get("role").asString().equals("new")) {
                out.add(new double[] {s.get("lon").asDouble(), s.get("lat").asDouble()});
            }
        }
        return out.toArray(double[][]::new);
    }
}
