package cn.cg.api.heatmap;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cg.api.PostgisIT;
import cn.cg.api.TestTokens;
import cn.cg.api.aggregate.AggregateFixture;
import cn.cg.api.aggregate.DataVersion;
import cn.cg.api.hotspot.HotspotResultsFixture;
import cn.cg.geo.grid.H3Cells;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Polygon;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Small-count suppression end to end (docs/security.md, k = 5): a cluster in Futian with one large cell
 * and small neighbours, and one isolated case 30 km away. The leader sees the isolated case on the
 * rendered heatmap tile and as a cell of 1; the public sees nothing there, and no public tile, feature,
 * hot spot, area or ranking carries a count from 1 to 4.
 */
class SmallCountSuppressionIT extends PostgisIT {

    static final int K = 5;
    static final LocalDate DAY = LocalDate.of(2025, 3, 12);
    static final String QUERY = "?categories=0501&from=2025-03&to=2025-03&bandwidth=300";
    static final double LONE_LON = 114.30;
    static final double LONE_LAT = 22.70;
    static final double LON = 114.05;
    static final double LAT = 22.54;

    @Autowired
    DataVersion dataVersion;

    final ObjectMapper json = new ObjectMapper();
    AggregateFixture fixture;

    @BeforeEach
    void cases() {
        fixture = new AggregateFixture(jdbc);
        fixture.cases(LON, LAT, "0501", DAY, 12);
        fixture.cases(LON + 0.0012, LAT + 0.0008, "0501", DAY, 2);
        fixture.cases(LON - 0.0011, LAT - 0.0006, "0501", DAY, 2);
        fixture.cases(LON + 0.0004, LAT - 0.0013, "0501", DAY, 1);
        fixture.cases(LONE_LON, LONE_LAT, "0501", DAY, 1);
        // Study cells around both places, for the hot spots (the job writes them for the whole city).
        for (double[] c : new double[][] {{LON, LAT}, {LONE_LON, LONE_LAT}}) {
            Polygon box = (Polygon) new org.locationtech.jts.geom.GeometryFactory().toGeometry(
                    new org.locationtech.jts.geom.Envelope(c[0] - 0.01, c[0] + 0.01, c[1] - 0.01, c[1] + 0.01));
            for (long cell : H3Cells.get().cover(box, 9)) {
                fixture.boundary(cell);
                jdbc.update("INSERT INTO agg_study_cell (resolution, cell, valid_from) VALUES (9, ?, ?)", cell, fixture.run());
            }
        }
        long small = jdbc.queryForObject("INSERT INTO admin_area (level, code, name, geom) VALUES ('district', '440399', 'Small', "
                + "ST_Multi(ST_MakeEnvelope(114.25, 22.65, 114.35, 22.75, 4326))) RETURNING id", Long.class);
        long large = jdbc.queryForObject("INSERT INTO admin_area (level, code, name, geom) VALUES ('district', '440304', 'Large', "
                + "ST_Multi(ST_MakeEnvelope(114.0, 22.5, 114.1, 22.6, 4326))) RETURNING id", Long.class);
        fixture.area(small, "district", "0501", DAY, 3, 1, 1, 3600);
        fixture.area(large, "district", "0501", DAY, 20, 15, 10, 15 * 7200);
        dataVersion.refresh();
    }

    @AfterEach
    void clean() {
        jdbc.update("DELETE FROM agg_study_cell WHERE valid_from = ?", fixture.run());
        fixture.close();
        dataVersion.refresh();
    }

    @Test
    void theIsolatedCaseIsOnTheLeadersHeatmapAndNotOnThePublicOne() throws Exception {
        for (int z : new int[] {11, 15}) {
            int x = WebMercator.tileX(LONE_LON, z);
            int y = WebMercator.tileY(LONE_LAT, z);
            String tile = "/tiles/heatmap/" + z + "/" + x + "/" + y + ".png" + QUERY;
            BufferedImage leader = png(tile, TestTokens.LEADER);
            BufferedImage anyone = png(tile, null);
            assertThat(coloured(leader)).as("leader's pixels with colour at z" + z).isGreaterThan(10);
            WebMercator.Box b = WebMercator.tile(z, x, y);
            int px = (int) ((WebMercator.x(LONE_LON) - b.minX()) / b.width() * 256);
            int py = (int) ((b.maxY() - WebMercator.y(LONE_LAT)) / b.width() * 256);
            assertThat(leader.getRGB(px, py) >>> 24).as("leader's pixel at the case").isPositive();
            assertThat(coloured(anyone)).as("public pixels with colour at z" + z).isZero();
        }
        // The cluster is on both (its small cells pooled into their parent for the public).
        String cluster = "/tiles/heatmap/15/" + WebMercator.tileX(LON, 15) + "/" + WebMercator.tileY(LAT, 15) + ".png" + QUERY;
        assertThat(coloured(png(cluster, null))).isGreaterThan(50);
        JsonNode publicLegend = json.readTree(get("/api/v1/heatmap/legend" + QUERY).body());
        JsonNode leaderLegend = json.readTree(get("/api/v1/heatmap/legend" + QUERY, TestTokens.LEADER).body());
        assertThat(leaderLegend.get("cells").asLong()).isEqualTo(5);
        assertThat(publicLegend.get("cells").asLong()).as("the large cell and one pool").isEqualTo(2);
    }

    @Test
    void publicVectorTilesAndCellFeaturesHoldNoCountBelowK() throws Exception {
        for (int z : new int[] {10, 12, 14, 15}) {
            for (double[] c : new double[][] {{LON, LAT}, {LONE_LON, LONE_LAT}}) {
                String tile = "/tiles/cells/" + z + "/" + WebMercator.tileX(c[0], z) + "/" + WebMercator.tileY(c[1], z) + ".mvt" + QUERY.replace("&bandwidth=300", "");
                List<Long> publicCounts = mvtCases(tile, null);
                assertThat(publicCounts).as(tile).allMatch(n -> n >= K);
                if (c[0] == LON) {
                    // (a tile may cut the cluster: conservation is checked on the collections below)
                    assertThat(publicCounts).as("cluster at z" + z).isNotEmpty();
                } else {
                    assertThat(publicCounts).as("lone case at z" + z).isEmpty();
                    assertThat(mvtCases(tile, TestTokens.RESEARCHER)).as("researcher sees it").containsExactly(1L);
                }
            }
        }
        for (int r = 7; r <= 10; r++) {
            String items = "/api/v1/collections/cells-r" + r + "/items?categories=0501&datetime=2025-03&limit=1000";
            JsonNode anyone = json.readTree(get(items).body());
            List<Long> counts = new ArrayList<>();
            anyone.get("features").forEach(f -> counts.add(f.get("properties").get("cases").asLong()));
            assertThat(counts).as(items).isNotEmpty().allMatch(n -> n >= K);
            // Pools still below k at the coarsest resolution are left out: never more than the 17, never the lone case.
            assertThat(counts.stream().mapToLong(Long::longValue).sum()).as("public total at r" + r).isBetween(12L, 17L);
            if (r == 10) {
                assertThat(counts).as("the large cell and the pool of its small neighbours").containsExactlyInAnyOrder(12L, 5L);
            }
            JsonNode full = json.readTree(get(items, TestTokens.RESEARCHER).body());
            List<Long> fullCounts = new ArrayList<>();
            full.get("features").forEach(f -> fullCounts.add(f.get("properties").get("cases").asLong()));
            assertThat(fullCounts).contains(1L);
        }
    }

    @Test
    void publicHotspotsAreasAndRankingsWithholdSmallFigures() throws Exception {
        JsonNode hot = json.readTree(get("/api/v1/hotspots?resolution=9&categories=0501&from=2025-03&to=2025-03&k=1").body());
        assertThat(hot.get("features").size()).isPositive();
        int withheld = 0;
        for (JsonNode f : hot.get("features")) {
            JsonNode v = f.get("properties").get("value");
            if (v.isNull()) {
                withheld++;
            } else {
                assertThat(v.asDouble()).satisfiesAnyOf(n -> assertThat(n).isZero(), n -> assertThat(n).isGreaterThanOrEqualTo(K));
            }
        }
        assertThat(withheld).as("cells of 1-4 cases withheld").isPositive();
        JsonNode fullHot = json.readTree(get("/api/v1/hotspots?resolution=9&categories=0501&from=2025-03&to=2025-03&k=1",
                TestTokens.RESEARCHER).body());
        List<Double> values = new ArrayList<>();
        fullHot.get("features").forEach(f -> values.add(f.get("properties").get("value").asDouble()));
        assertThat(values).contains(1.0);

        JsonNode areas = json.readTree(get("/api/v1/collections/areas/items?datetime=2025-03&level=district").body());
        for (JsonNode f : areas.get("features")) {
            JsonNode p = f.get("properties");
            if (p.get("code").asText().equals("440399")) {
                assertThat(p.get("cases").isNull()).isTrue();
                assertThat(p.get("closed").isNull()).isTrue();
                assertThat(p.get("closure_rate").isNull()).isTrue();
                assertThat(p.get("mean_handling_hours").isNull()).isTrue();
                assertThat(p.get("suppressed").asBoolean()).isTrue();
            } else {
                assertThat(p.get("cases").asLong()).isEqualTo(20);
                assertThat(p.get("closed").asLong()).isEqualTo(15);
                assertThat(p.get("closure_rate").asDouble()).isEqualTo(0.75);
                assertThat(p.get("suppressed").asBoolean()).isFalse();
            }
        }
        JsonNode fullAreas = json.readTree(get("/api/v1/collections/areas/items?datetime=2025-03&level=district&bbox=114.25,22.65,114.35,22.75",
                TestTokens.RESEARCHER).body());
        assertThat(fullAreas.get("features").get(0).get("properties").get("cases").asLong()).isEqualTo(3);

        JsonNode ranking = json.readTree(get("/api/v1/rankings?level=district&period=2025-03&categories=0501").body());
        for (JsonNode a : ranking.get("areas")) {
            boolean small = a.get("code").asText().equals("440399");
            assertThat(a.get("cases").isNull()).isEqualTo(small);
            assertThat(a.get("closed").isNull()).isEqualTo(small);
            assertThat(a.get("suppressed").asBoolean()).isEqualTo(small);
            a.get("topCategories").forEach(t -> assertThat(t.get("cases").asLong()).isGreaterThanOrEqualTo(K));
        }
        JsonNode fullRanking = json.readTree(get("/api/v1/rankings?level=district&period=2025-03&categories=0501&sort=code&order=asc",
                TestTokens.RESEARCHER).body());
        assertThat(fullRanking.get("areas").get(1).get("cases").asLong()).isEqualTo(3);
    }

    @Test
    void publicTilesCarryHotspotBinsOnlyForCellsOfKOrMore() throws Exception {
        // The job's bins for every cell with cases at every resolution (so a merged ancestor would find one too).
        try (HotspotResultsFixture hot = new HotspotResultsFixture(jdbc, fixture.run())) {
            Map<Long, Integer> bins = new HashMap<>();
            for (Map<String, Object> c : jdbc.queryForList("SELECT DISTINCT resolution, cell FROM agg_cell_current "
                    + "WHERE bucket = 'month' AND bucket_start = DATE '2025-03-01'")) {
                long cell = ((Number) c.get("cell")).longValue();
                int bin = (int) Math.floorMod(cell, 7L) - 3;
                bins.put(cell, bin);
                hot.cell(((Number) c.get("resolution")).intValue(), "all", LocalDate.of(2025, 3, 1), cell, 1, bin * 1.5, 0.01, bin);
            }
            dataVersion.refresh();
            String q = QUERY.replace("&bandwidth=300", "");
            String tile = "/tiles/cells/15/" + WebMercator.tileX(LON, 15) + "/" + WebMercator.tileY(LAT, 15) + ".mvt" + q;
            List<MvtDecoder.Feature> anyone = mvtFeatures(tile, null);
            int binned = 0;
            int merged = 0;
            for (MvtDecoder.Feature f : anyone) {
                Map<String, Object> a = f.attributes();
                if (Boolean.TRUE.equals(a.get("merged"))) {
                    merged++;
                    assertThat(a).as("a pool of small cells").doesNotContainKeys("hotspot_bin", "hotspot_z", "hotspot_set");
                } else {
                    assertThat(((Number) a.get("cases")).longValue()).isGreaterThanOrEqualTo(K);
                    assertThat(((Number) a.get("hotspot_bin")).intValue()).isEqualTo(bins.get((Long) a.get("cell")));
                    binned++;
                }
            }
            assertThat(binned).as("the cell of 12").isEqualTo(1);
            assertThat(merged).as("the pool of its small neighbours").isEqualTo(1);
            // The researcher sees every cell with its bin, the small ones included.
            List<MvtDecoder.Feature> full = mvtFeatures(tile, TestTokens.RESEARCHER);
            assertThat(full).hasSize(4);
            assertThat(full).allSatisfy(f -> assertThat(((Number) f.attributes().get("hotspot_bin")).intValue())
                    .isEqualTo(bins.get((Long) f.attributes().get("cell"))));
            // The lone case: a bin for the researcher, no feature at all for the public.
            String lone = "/tiles/cells/15/" + WebMercator.tileX(LONE_LON, 15) + "/" + WebMercator.tileY(LONE_LAT, 15) + ".mvt" + q;
            assertThat(mvtFeatures(lone, null)).isEmpty();
            assertThat(mvtFeatures(lone, TestTokens.RESEARCHER)).singleElement()
                    .satisfies(f -> assertThat(f.attributes()).containsKey("hotspot_bin"));
        }
        dataVersion.refresh();
    }

    private List<MvtDecoder.Feature> mvtFeatures(String tile, String token) throws Exception {
        HttpResponse<byte[]> r = http.send(request(tile, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(tile).isEqualTo(200);
        List<MvtDecoder.Feature> out = new ArrayList<>();
        MvtDecoder.decode(r.body()).forEach(l -> out.addAll(l.features()));
        return out;
    }

    private List<Long> mvtCases(String tile, String token) throws Exception {
        HttpResponse<byte[]> r = http.send(request(tile, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(tile).isEqualTo(200);
        List<Long> out = new ArrayList<>();
        for (MvtDecoder.Layer l : MvtDecoder.decode(r.body())) {
            for (MvtDecoder.Feature f : l.features()) {
                out.add(((Number) f.attributes().get("cases")).longValue());
            }
        }
        return out;
    }

    private BufferedImage png(String path, String token) throws Exception {
        HttpResponse<byte[]> r = http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return ImageIO.read(new ByteArrayInputStream(r.body()));
    }

    private static int coloured(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += (img.getRGB(x, y) >>> 24) > 0 ? 1 : 0;
            }
        }
        return n;
    }
}
