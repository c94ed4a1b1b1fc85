package cn.cg.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cg.api.PostgisIT;
import cn.cg.api.TestTokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The access matrix of docs/security.md, one case per role and endpoint: a role at or above the
 * endpoint's gets past security (any answer but 401/403: with empty tables some answer 400 or 404),
 * a lower one gets 403 problem+json naming the role needed.
 */
class AccessMatrixIT extends PostgisIT {

    @Autowired
    private ObjectMapper json;

    record Endpoint(String method, String path, Role needs) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/", Role.PUBLIC),
            new Endpoint("GET", "/app.js", Role.PUBLIC),
            new Endpoint("GET", "/api/v1/config", Role.PUBLIC),
            new Endpoint("GET", "/actuator/health", Role.PUBLIC),
            new Endpoint("GET", "/v3/api-docs", Role.PUBLIC),
            new Endpoint("GET", "/api/v1", Role.PUBLIC),
            new Endpoint("GET", "/api/v1/collections", Role.PUBLIC),
            new Endpoint("GET", "/tiles/heatmap/10/836/445.png", Role.PUBLIC),
            new Endpoint("GET", "/api/v1/heatmap/legend", Role.PUBLIC),
            new Endpoint("GET", "/tiles/cells/10/836/445.mvt", Role.PUBLIC),
            new Endpoint("GET", "/api/v1/collections/cells-r9/items", Role.PUBLIC),
            new Endpoint("GET", "/api/v1/collections/areas/items", Role.PUBLIC),
            new Endpoint("GET", "/api/v1/rankings", Role.PUBLIC),
            new Endpoint("GET", "/api/v1/hotspots", Role.PUBLIC),
            new Endpoint("GET", "/api/v1/hotspots/emerging", Role.PUBLIC),
            new Endpoint("GET", "/api/v1/hotspots/compare", Role.PUBLIC),
            new Endpoint("GET", "/api/v1/collections/hotspots/items", Role.PUBLIC),
            new Endpoint("GET", "/api/v1/collections/hotspots", Role.PUBLIC),
            new Endpoint("GET", "/api/v1/collections/cells-r9/items?f=csv", Role.RESEARCHER),
            new Endpoint("GET", "/api/v1/collections/areas/items?f=csv", Role.RESEARCHER),
            new Endpoint("GET", "/api/v1/collections/areas/items?f=json&f=csv", Role.RESEARCHER),
            new Endpoint("GET", "/api/v1/rankings?f=csv", Role.RESEARCHER),
            new Endpoint("GET", "/api/v1/heatmap/surface.tif?bbox=114.0,22.5,114.01,22.51", Role.RESEARCHER),
            new Endpoint("GET", "/api/v1/collections/hotspots/items?f=csv", Role.RESEARCHER),
            new Endpoint("GET", "/api/v1/collections/stations/items", Role.RESEARCHER),
            new Endpoint("GET", "/api/v1/suggestions", Role.PLANNER),
            new Endpoint("GET", "/api/v1/suggestions/1", Role.PLANNER),
            new Endpoint("GET", "/api/v1/suggestions/1.csv", Role.PLANNER),
            new Endpoint("GET", "/api/v1/suggestions/1.geojson", Role.PLANNER),
            new Endpoint("POST", "/api/v1/suggestions/vendor-zones", Role.PLANNER),
            new Endpoint("POST", "/api/v1/suggestions/service-stations", Role.PLANNER),
            new Endpoint("GET", "/api/v1/collections/candidate-sites/items", Role.PLANNER),
            new Endpoint("GET", "/api/v1/collections/suggestions/items", Role.PLANNER),
            new Endpoint("GET", "/api/v1/collections/suggestions/items?f=csv", Role.PLANNER),
            new Endpoint("GET", "/api/v1/collections/cases/items", Role.LEADER),
            new Endpoint("GET", "/api/v1/collections/cases/items?f=csv", Role.LEADER),
            new Endpoint("POST", "/api/v1/imports", Role.ADMIN),
            new Endpoint("GET", "/api/v1/jobs", Role.ADMIN));

    static final List<String> TOKENS = java.util.Arrays.asList(null, TestTokens.RESEARCHER, TestTokens.PLANNER,
            TestTokens.LEADER, TestTokens.ADMIN);

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            for (Role r : Role.values()) {
                out.add(Arguments.of(r, e));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("matrix")
    void roleMeetsEndpoint(Role role, Endpoint e) throws Exception {
        HttpResponse<String> r = send(e, TOKENS.get(role.ordinal()));
        if (role.covers(e.needs())) {
            assertThat(r.statusCode()).as(role + " " + e + ": " + r.body()).isNotIn(401, 403);
        } else {
            assertThat(r.statusCode()).as(role + " " + e).isEqualTo(403);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            JsonNode p = json.readTree(r.body());
            assertThat(p.get("type").asText()).isEqualTo("urn:cg:problem:forbidden");
            assertThat(p.get("requiredRole").asText()).isEqualTo(e.needs().label());
            assertThat(p.get("role").asText()).isEqualTo(role.label());
            assertThat(p.get("detail").asText()).contains(e.needs().label());
        }
    }

    /** The collection list shows each role exactly the collections it may read (so GDAL meets no 403). */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(Role.class)
    void collectionListFollowsTheMatrix(Role role) throws Exception {
        List<String> expected = new ArrayList<>(List.of("areas", "cells-r10", "cells-r7", "cells-r8", "cells-r9", "hotspots"));
        if (role.covers(Role.RESEARCHER)) {
            expected.add("stations");
        }
        if (role.covers(Role.PLANNER)) {
            expected.addAll(List.of("candidate-sites", "suggestions"));
        }
        if (role.covers(Role.LEADER)) {
            expected.add("cases");
        }
        HttpResponse<String> r = get("/api/v1/collections", TOKENS.get(role.ordinal()));
        List<String> ids = new ArrayList<>();
        json.readTree(r.body()).get("collections").forEach(c -> ids.add(c.get("id").asText()));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void anUnknownTokenIs401WithBearerChallenge() throws Exception {
        for (String header : List.of("Bearer not-a-token", "Bearer cg-test-admin2", "bearer cg-test-nobody", "Basic YWRtaW46YWRtaW4=", "Bearer ")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(url("/api/v1/config")).header("Authorization", header)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(header).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).as(header).startsWith("Bearer");
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(json.readTree(r.body()).get("type").asText()).isEqualTo("urn:cg:problem:unauthorized");
        }
    }

    @Test
    void noSessionCookieAndAnUnknownPathIsStillA404() throws Exception {
        HttpResponse<String> r = get("/api/v1/config", TestTokens.ADMIN);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(get("/api/v1/no-such-thing").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/collections/nope/items", TestTokens.ADMIN).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> send(Endpoint e, String token) throws Exception {
        HttpRequest.Builder b = request(e.path(), token);
        if (e.method().equals("POST")) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            b.GET();
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
