package cn.cg.api.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every bad parameter is a 400 problem that names it and says what is wrong. */
class SuggestionProblemsIT extends SuggestionFixture {

    private static final String VZ = "/api/v1/suggestions/vendor-zones";
    private static final String SS = "/api/v1/suggestions/service-stations";
    private static final String TWO = points("A", 0, 0, "B", 3000, 0);

    @BeforeEach
    void city() {
        cluster(0, 0, 20, 30, "0501", 19);
        cluster(3000, 0, 20, 30, "0102", 10);
    }

    private void problem(HttpResponse<String> r, String parameter, String... says) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"parameter\":\"" + parameter + "\"");
        assertThat(r.body()).contains(says);
    }

    @Test
    void pLargerThanTheCandidates() throws Exception {
        problem(post(VZ, "{\"p\":3,\"candidates\":" + TWO + "}"), "p", "p = 3 new sites but only 2 candidate sites remain");
        problem(post(VZ, "{\"p\":0,\"candidates\":" + TWO + "}"), "p", "at least 1");
    }

    @Test
    void radiusMustBePositive() throws Exception {
        problem(post(VZ, "{\"radiusM\":0,\"candidates\":" + TWO + "}"), "radiusM", "must be a number > 0");
        problem(post(SS, "{\"radiusM\":-5,\"candidates\":" + TWO + "}"), "radiusM", "must be a number > 0");
    }

    @Test
    void invalidGeoJson() throws Exception {
        problem(post(VZ, "{\"candidates\":{\"type\":\"Point\",\"coordinates\":[1,2]}}"), "candidates", "FeatureCollection");
        problem(post(VZ, "{\"candidates\":{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[22.55,214.05]}}]}}"), "candidates", "longitude first");
        String bowtie = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[114,22],[114.01,22.01],[114.01,22],[114,22.01],[114,22]]]}}]}";
        problem(post(VZ, "{\"p\":1,\"exclusions\":" + bowtie + ",\"candidates\":" + TWO + "}"), "exclusions", "invalid Polygon", "Self-intersection");
        assertThat(post(VZ, "{\"p\":").statusCode()).isEqualTo(400);
    }

    @Test
    void exclusionsCoveringEveryCandidate() throws Exception {
        problem(post(VZ, "{\"p\":1,\"exclusions\":" + square(1500, 0, 2000) + ",\"candidates\":" + TWO + "}"),
                "exclusions", "cover every one of the 2 candidate sites", "market street");
    }

    @Test
    void unknownCategoryObjectiveAndSource() throws Exception {
        problem(post(VZ, "{\"categories\":\"0501,9999\",\"candidates\":" + TWO + "}"), "categories", "unknown category '9999'");
        problem(post(SS, "{\"objective\":\"cheapest\"}"), "objective", "coverage, p-median or target");
        problem(post(SS, "{\"objective\":\"target\",\"targetPct\":150}"), "targetPct", "(0, 100]");
        problem(post(SS, "{\"objective\":\"target\",\"minSpacingM\":200}"), "minSpacingM", "not supported");
        problem(post(VZ, "{\"candidateSource\":\"magic\"}"), "candidateSource", "unknown source");
        problem(post(VZ, "{\"bbox\":[114.1,22.5,114.0,22.6]}"), "bbox", "min < max");
        problem(post(VZ, "{\"from\":\"2024-01\",\"to\":\"2024-02\",\"candidates\":" + TWO + "}"), "from", "there are no cases");
    }

    /** The test context allows 2,500 candidates (cg.suggestions.max-candidates=2500). */
    @Test
    void tooLargeInstance() throws Exception {
        Object[] many = new Object[2501 * 3];
        for (int k = 0; k < 2501; k++) {
            many[3 * k] = "s" + k;
            many[3 * k + 1] = 10.0 * k;
            many[3 * k + 2] = 0.0;
        }
        problem(post(VZ, "{\"candidates\":" + points(many) + "}"), "candidates", "2,501 candidate sites are more than the limit of 2,500");
    }
}
