package cn.cg.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cg.api.DemoCityFixture;
import cn.cg.api.PostgisIT;
import cn.cg.api.TestTokens;
import cn.cg.api.aggregate.DataVersion;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.ObjectMapper;

/**
 * "Complainant details never leave the database through the API" (design section 10): cases with marked
 * reporter names and phones go in through the import endpoint, the real Spark job aggregates them, and
 * every endpoint, asked by the admin (who may see most), answers without a trace of either marker.
 */
class PersonalFieldsIT extends PostgisIT {

    static final String NAME = "MARKER-NAME-Zq81";
    static final String PHONE = "13912345678";

    @Autowired
    Environment env;

    @Autowired
    DataVersion dataVersion;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void noEndpointEverShowsAReporterField() throws Exception {
        jdbc.update("INSERT INTO admin_area (level, code, name, geom) VALUES ('district', '440304', '福田区', "
                + "ST_Multi(ST_MakeEnvelope(114.00, 22.50, 114.10, 22.58, 4326)))");
        StringBuilder csv = new StringBuilder("case_no,category_code,source,status,reported_at,closed_at,deadline_at,lon,lat,"
                + "address,weight,reporter_name,reporter_phone\n");
        for (int i = 0; i < 40; i++) {
            csv.append("PF").append(i).append(",0501,hotline,closed,2025-03-").append(String.format("%02d", 1 + i % 28))
                    .append("T19:00:00+08:00,2025-03-").append(String.format("%02d", 1 + i % 28)).append("T21:00:00+08:00,,")
                    .append(114.04 + (i % 7) * 0.001).append(',').append(22.54 + (i % 5) * 0.001)
                    .append(",福田区 ").append(i).append("号,1.0,").append(NAME).append(',').append(PHONE).append('\n');
        }
        // A rejected row carrying the markers too: the rejection must not echo them.
        csv.append("PFX,9999,hotline,closed,not-a-time,,,999,999,x,1.0,").append(NAME).append(',').append(PHONE).append('\n');
        List<String> bodies = new ArrayList<>();
        bodies.add(upload(csv.toString()));
        assertThat(count("SELECT count(*) FROM violation WHERE reporter_name = ? AND reporter_phone = ?", NAME, PHONE)).isEqualTo(40);
        DemoCityFixture.aggregate(env.getProperty("spring.datasource.url"));
        DemoCityFixture.hotspots(env.getProperty("spring.datasource.url"));
        dataVersion.refresh();

        String suggestion = post("/api/v1/suggestions/vendor-zones", "{\"p\":1,\"categories\":\"0501\"}");
        bodies.add(suggestion);
        long id = json.readTree(suggestion).get("id").asLong();
        String q = "categories=0501&from=2025-03&to=2025-03";
        int x = (int) Math.floor((114.043 + 180) / 360 * (1 << 15));
        double latRad = Math.toRadians(22.542);
        int y = (int) Math.floor((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2 * (1 << 15));
        String tile = "15/" + x + "/" + y;
        List<String> paths = new ArrayList<>(List.of("/", "/api/v1/config", "/api/v1", "/api/v1/collections", "/v3/api-docs",
                "/api/v1/rankings?period=2025-03", "/api/v1/rankings?period=2025-03&f=csv",
                "/api/v1/hotspots?resolution=9&" + q, "/api/v1/hotspots/emerging?resolution=9&step=week&" + q,
                "/api/v1/hotspots/compare?resolution=9&categories=0501&period=2025-03",
                "/api/v1/heatmap/legend?" + q, "/tiles/heatmap/" + tile + ".png?" + q, "/tiles/cells/" + tile + ".mvt?" + q,
                "/api/v1/heatmap/surface.tif?bbox=114.03,22.53,114.05,22.55&" + q, "/api/v1/jobs",
                "/api/v1/suggestions", "/api/v1/suggestions/" + id, "/api/v1/suggestions/" + id + ".csv",
                "/api/v1/suggestions/" + id + ".geojson", "/api/v1/suggestions/compare?a=" + id + "&b=" + id));
        for (String c : List.of("cells-r7", "cells-r8", "cells-r9", "cells-r10", "areas", "hotspots", "stations", "candidate-sites",
                "suggestions", "cases")) {
            paths.add("/api/v1/collections/" + c);
            paths.add("/api/v1/collections/" + c + "/items?limit=1000");
            paths.add("/api/v1/collections/" + c + "/items?limit=1000&f=csv");
        }
        for (String path : paths) {
            HttpResponse<byte[]> r = http.send(request(path, TestTokens.ADMIN).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            bodies.add(path + "\n" + new String(r.body(), StandardCharsets.UTF_8) + new String(r.body(), StandardCharsets.UTF_16LE));
        }
        String cases = bodies.stream().filter(b -> b.startsWith("/api/v1/collections/cases/items?limit=1000\n")).findFirst().orElseThrow();
        assertThat(json.readTree(cases.substring(cases.indexOf('\n') + 1, cases.lastIndexOf('}') + 1)).get("numberMatched").asLong())
                .as("the drill-down holds the cases").isEqualTo(40);
        assertThat(numberMatched(bodies, "suggestions")).as("the saved run's site").isPositive();
        assertThat(numberMatched(bodies, "hotspots")).as("the hotspot job's cells").isPositive();
        for (String body : bodies) {
            assertThat(body).as(body.substring(0, Math.min(120, body.length()))).doesNotContain(NAME).doesNotContain(PHONE)
                    .doesNotContainIgnoringCase("reporter");
        }
    }

    private long numberMatched(List<String> bodies, String collection) {
        String b = bodies.stream().filter(x -> x.startsWith("/api/v1/collections/" + collection + "/items?limit=1000\n"))
                .findFirst().orElseThrow();
        return json.readTree(b.substring(b.indexOf('\n') + 1, b.lastIndexOf('}') + 1)).get("numberMatched").asLong();
    }

    private String upload(String content) throws Exception {
        String boundary = "cg-boundary-pf";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"marked.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = http.send(request("/api/v1/imports?profile=cg", TestTokens.ADMIN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
        return r.body();
    }

    private String post(String path, String body) throws Exception {
        HttpResponse<String> r = http.send(request(path, TestTokens.ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
        return r.body();
    }
}
