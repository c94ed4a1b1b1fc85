package cn.cg.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The API's GET operations as its OpenAPI description lists them, and the check every refusal must pass. */
final class ApiSurface {

    /** A GET operation with its path and query parameters. */
    record Operation(String path, List<String> pathParams, List<String> queryParams) {
    }

    /** The collections' own filters are not in the OpenAPI description (they differ per collection). */
    static final List<String> ITEM_FILTERS = List.of("categories", "area", "level", "parent", "kind", "status");

    private ApiSurface() {
    }

    /** Every GET of /v3/api-docs, items with the collections' own filters added. */
    static List<Operation> getOperations(JsonNode docs) {
        List<Operation> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : docs.get("paths").properties()) {
            JsonNode get = e.getValue().get("get");
            if (get == null) {
                continue;
            }
            List<String> path = new ArrayList<>();
            List<String> query = new ArrayList<>();
            for (JsonNode p : get.path("parameters")) {
                String in = p.get("in").asString();
                if (in.equals("path")) {
                    path.add(p.get("name").asString());
                } else if (in.equals("query")) {
                    query.add(p.get("name").asString());
                }
            }
            if (e.getKey().endsWith("/items")) {
                query.addAll(ITEM_FILTERS);
            }
            out.add(new Operation(e.getKey(), path, query));
        }
        return out;
    }

    /** A 4xx/5xx must be RFC 9457 problem+json whose status matches and whose detail says something. */
    static void assertProblem(ObjectMapper json, int status, String contentType, String body, String what) {
        assertThat(contentType).as(what).startsWith("application/problem+json");
        JsonNode p = json.readTree(body);
        assertThat(p.path("status").asInt()).as(what).isEqualTo(status);
        assertThat(p.path("detail").asString("")).as("a problem without a detail: " + what).isNotBlank();
    }

    static String encode(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "...(" + s.length() + " chars)" : s;
    }
}
