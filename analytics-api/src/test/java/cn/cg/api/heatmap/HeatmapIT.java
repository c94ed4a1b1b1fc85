package cn.cg.api.heatmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.cg.api.PostgisIT;
import cn.cg.api.TestTokens;
import cn.cg.api.aggregate.AggregateFixture;
import cn.cg.api.aggregate.DataVersion;
import cn.cg.geo.density.KernelDensity;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class HeatmapIT extends PostgisIT {

    /** As a researcher: this test is about the figures, which the public sees suppressed (docs/security.md). */
    @Override
    protected HttpResponse<String> get(String pathAndQuery) throws Exception {
        return get(pathAndQuery, TestTokens.RESEARCHER);
    }

    static final double LAT = 22.54;
    static final int Z = 15;
    static final LocalDate DAY = LocalDate.of(2025, 3, 12);
    static final String QUERY = "?categories=0501&from=2025-03&to=2025-03&bandwidth=400";

    @Autowired
    DataVersion dataVersion;

    final ObjectMapper json = new ObjectMapper();
    AggregateFixture fixture;
    int tileX;
    int tileY;
    double edgeLon;
    List<Long> cells = new ArrayList<>();

    @BeforeEach
    void cases() {
        fixture = new AggregateFixture(jdbc);
        tileX = WebMercator.tileX(114.05, Z);
        WebMercator.Box b = WebMercator.tile(Z, tileX, 0);
        edgeLon = WebMercator.lon(b.maxX());
        tileY = WebMercator.tileY(LAT, Z);
        double metreLon = 1 / (111_320 * Math.cos(Math.toRadians(LAT)));
        // All cases lie east of the edge, in tile x+1: whatever tile x shows comes from beyond its edge.
        cells.add(fixture.cases(edgeLon + 150 * metreLon, LAT, "0501", DAY, 12));
        cells.add(fixture.cases(edgeLon + 420 * metreLon, LAT + 0.002, "0501", DAY, 5));
        cells.add(fixture.cases(edgeLon + 300 * metreLon, LAT - 0.003, "0501", DAY.plusDays(3), 7));
        fixture.cases(edgeLon + 300 * metreLon, LAT - 0.003, "0101", DAY, 40); // another category, filtered out
        dataVersion.refresh();
    }

    @AfterEach
    void clean() {
        fixture.close();
        dataVersion.refresh();
    }

    @Test
    void adjacentTilesJoinWithoutSeamAndEveryPixelIsTheAbsoluteDensity() throws Exception {
        JsonNode legend = json.readTree(get("/api/v1/heatmap/legend" + QUERY).body());
        ColourScale scale = new ColourScale(legend.get("scaleTop").asDouble());
        KernelDensity kd = density(400);

        BufferedImage left = png("/tiles/heatmap/" + Z + "/" + tileX + "/" + tileY + ".png" + QUERY);
        BufferedImage right = png("/tiles/heatmap/" + Z + "/" + (tileX + 1) + "/" + tileY + ".png" + QUERY);
        WebMercator.Box leftBox = WebMercator.tile(Z, tileX, tileY);
        double px = leftBox.width() / 256;
        int coloured = 0;
        for (int row = 0; row < 256; row++) {
            int a = left.getRGB(255, row);
            int b = right.getRGB(0, row);
            if ((a >>> 24) > 0) {
                coloured++; // all cases lie east of the edge: these pixels are contributions from beyond it
            }
            // No seam: the two edge columns are the one continuous surface sampled either side of the edge.
            double y = leftBox.maxY() - (row + 0.5) * px;
            assertClose(a, scale.argb(kd.densityAt(leftBox.maxX() - px / 2, y) * 1e6), 1);
            assertClose(b, scale.argb(kd.densityAt(leftBox.maxX() + px / 2, y) * 1e6), 1);
        }
        assertThat(coloured).as("left edge pixels with colour").isGreaterThan(20);
        // Every pixel of both tiles is the colour of the density computed here from the cell centres.
        for (int t = 0; t < 2; t++) {
            BufferedImage img = t == 0 ? left : right;
            WebMercator.Box box = WebMercator.tile(Z, tileX + t, tileY);
            for (int row = 0; row < 256; row += 5) {
                for (int col = 0; col < 256; col += 5) {
                    double d = kd.densityAt(box.minX() + (col + 0.5) * px, box.maxY() - (row + 0.5) * px) * 1e6;
                    assertClose(img.getRGB(col, row), scale.argb(d), 1);
                }
            }
        }
        // Same value, same colour at another zoom: the zoom-16 tile under the same point uses the same scale.
        WebMercator.Box z16 = WebMercator.tile(16, 2 * tileX + 2, 2 * tileY);
        BufferedImage fine = png("/tiles/heatmap/16/" + (2 * tileX + 2) + "/" + (2 * tileY) + ".png" + QUERY);
        double px16 = z16.width() / 256;
        for (int row = 0; row < 256; row += 7) {
            for (int col = 0; col < 256; col += 7) {
                double d = kd.densityAt(z16.minX() + (col + 0.5) * px16, z16.maxY() - (row + 0.5) * px16) * 1e6;
                assertClose(fine.getRGB(col, row), scale.argb(d), 1);
            }
        }
    }

    @Test
    void densityIsInCasesPerKm2AndDoublesWithTheCounts() throws Exception {
        JsonNode one = json.readTree(get("/api/v1/heatmap/legend" + QUERY).body());
        assertThat(one.get("unit").asText()).isEqualTo("cases per km2");
        assertThat(one.get("bandwidthMetres").asDouble()).isEqualTo(400);
        double expectedMax = density(400).maxAtPoints() * 1e6;
        assertThat(one.get("maxDensity").asDouble()).isCloseTo(expectedMax, within(1e-9 * expectedMax));
        // The heaviest cell alone would peak at 12 * 3 / (pi * 0.4^2) = 71.6 per km2; neighbours add to it.
        assertThat(expectedMax).isGreaterThan(12 * 3 / (Math.PI * 0.16));
        assertThat(one.get("scaleTop").asDouble()).isEqualTo(ColourScale.niceCeil(expectedMax));
        assertThat(one.get("stops")).hasSize(7);

        // A second run with every count doubled: the density doubles and the version changes the ETag.
        String etag1 = get("/tiles/heatmap/" + Z + "/" + tileX + "/" + tileY + ".png" + QUERY).headers().firstValue("ETag").orElseThrow();
        fixture.newRun();
        double metreLon = 1 / (111_320 * Math.cos(Math.toRadians(LAT)));
        fixture.cases(edgeLon + 150 * metreLon, LAT, "0501", DAY, 24);
        fixture.cases(edgeLon + 420 * metreLon, LAT + 0.002, "0501", DAY, 10);
        fixture.cases(edgeLon + 300 * metreLon, LAT - 0.003, "0501", DAY.plusDays(3), 14);
        dataVersion.refresh();
        JsonNode two = json.readTree(get("/api/v1/heatmap/legend" + QUERY).body());
        assertThat(two.get("maxDensity").asDouble()).isCloseTo(2 * one.get("maxDensity").asDouble(), within(1e-9 * expectedMax));
        assertThat(two.get("dataVersion").asLong()).isEqualTo(fixture.run());
        String etag2 = get("/tiles/heatmap/" + Z + "/" + tileX + "/" + tileY + ".png" + QUERY).headers().firstValue("ETag").orElseThrow();
        assertThat(etag2).isNotEqualTo(etag1).contains("v" + fixture.run());
    }

    @Test
    void silvermanBandwidthIsTheDefault() throws Exception {
        JsonNode legend = json.readTree(get("/api/v1/heatmap/legend?categories=0501&from=2025-03&to=2025-03").body());
        assertThat(legend.get("bandwidthSource").asText()).isEqualTo("silverman");
        double h = legend.get("bandwidthMetres").asDouble();
        assertThat(h).isBetween(100.0, 3000.0);
    }

    @Test
    void geoTiffOpensInGdalWithCrsSizeAndValues() throws Exception {
        double metreLon = 1 / (111_320 * Math.cos(Math.toRadians(LAT)));
        double minLon = edgeLon - 200 * metreLon;
        String bbox = minLon + "," + (LAT - 0.006) + "," + (edgeLon + 800 * metreLon) + "," + (LAT + 0.005);
        HttpResponse<byte[]> r = http.send(request("/api/v1/heatmap/surface.tif" + QUERY + "&cellSize=20&bbox=" + bbox, TestTokens.RESEARCHER)
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        Path tif = Files.createTempFile("density", ".tif");
        try {
            Files.write(tif, r.body());
            JsonNode info = json.readTree(run("gdalinfo", "-json", tif.toString()));
            assertThat(info.get("coordinateSystem").get("wkt").asText()).contains("Pseudo-Mercator").contains("3857");
            assertThat(info.get("bands").get(0).get("type").asText()).isEqualTo("Float32");
            int width = info.get("size").get(0).asInt();
            int height = info.get("size").get(1).asInt();
            WebMercator.Box box = HeatmapRequests.bbox(bbox);
            double cell = 20 / WebMercator.metresPerUnit(WebMercator.lat((box.minY() + box.maxY()) / 2));
            assertThat(width).isEqualTo((int) Math.ceil(box.width() / cell - 1e-9));
            assertThat(height).isEqualTo((int) Math.ceil((box.maxY() - box.minY()) / cell - 1e-9));
            JsonNode gt = info.get("geoTransform");
            assertThat(gt.get(0).asDouble()).isCloseTo(box.minX(), within(1e-6));
            assertThat(gt.get(3).asDouble()).isCloseTo(box.maxY(), within(1e-6));
            assertThat(gt.get(1).asDouble()).isCloseTo(cell, within(1e-9));
            KernelDensity kd = density(400);
            int checked = 0;
            for (int[] p : new int[][] {{18, height / 2}, {width / 2, height / 2}, {width / 3, height / 4}, {5, 5}}) {
                double value = Double.parseDouble(run("gdallocationinfo", "-valonly", tif.toString(), "" + p[0], "" + p[1]).trim());
                double x = gt.get(0).asDouble() + (p[0] + 0.5) * gt.get(1).asDouble();
                double y = gt.get(3).asDouble() + (p[1] + 0.5) * gt.get(5).asDouble();
                double expected = kd.densityAt(x, y) * 1e6;
                assertThat(value).isCloseTo(expected, within(1e-4 * Math.max(1, expected)));
                checked += expected > 1 ? 1 : 0;
            }
            assertThat(checked).isGreaterThanOrEqualTo(2);
        } finally {
            Files.deleteIfExists(tif);
        }
    }

    @Test
    void tilesRevalidateByEtag() throws Exception {
        String path = "/tiles/heatmap/" + Z + "/" + tileX + "/" + tileY + ".png" + QUERY;
        HttpResponse<byte[]> first = http.send(request(path, TestTokens.RESEARCHER).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(first.headers().firstValue("Cache-Control").orElse("")).contains("max-age=300");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = http.send(request(path, TestTokens.RESEARCHER).header("If-None-Match", etag).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        // A tile far away is fully transparent.
        BufferedImage empty = png("/tiles/heatmap/" + Z + "/" + (tileX + 40) + "/" + tileY + ".png" + QUERY);
        assertThat(empty.getRGB(128, 128) >>> 24).isZero();
    }

    @Test
    void badParametersAreProblemsNamingThem() throws Exception {
        assertBad("/tiles/heatmap/23/0/0.png", "z");
        assertBad("/tiles/heatmap/3/8/0.png", "x");
        assertBad("/tiles/heatmap/3/0/-1.png", "y");
        assertBad("/tiles/heatmap/3/0/0.png?categories=9999", "categories");
        assertBad("/tiles/heatmap/3/0/0.png?from=2025-04&to=2025-03", "to");
        assertBad("/tiles/heatmap/3/0/0.png?bandwidth=5", "bandwidth");
        assertBad("/tiles/heatmap/3/0/0.png?bandwidth=abc", "bandwidth");
        assertBad("/tiles/heatmap/3/0/0.png?scaleMax=0", "scaleMax");
        assertBad("/tiles/heatmap/3/0/0.png?source=hotline", "source");
        assertBad("/tiles/heatmap/3/0/0.png?status=closed", "status");
        assertBad("/tiles/heatmap/3/0/0.png?area=99999999", "area");
        assertBad("/api/v1/heatmap/legend?from=2025-13", "from");
        assertBad("/api/v1/heatmap/surface.tif?bbox=114,22,113,23", "bbox");
        assertBad("/api/v1/heatmap/surface.tif?bbox=114,22,115,89", "bbox");
        assertBad("/api/v1/heatmap/surface.tif?bbox=100,10,130,40&cellSize=10", "bbox");
        assertBad("/api/v1/heatmap/surface.tif?bbox=114,22,114.1,22.1&cellSize=0", "cellSize");
        assertBad("/tiles/cells/3/0/9.mvt", "y");
        assertBad("/tiles/cells/3/0/0.mvt?categories=05,xx", "categories");
        HttpResponse<String> notNumber = get("/tiles/heatmap/a/0/0.png");
        assertThat(notNumber.statusCode()).isEqualTo(400);
    }

    private void assertBad(String path, String parameter) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode p = json.readTree(r.body());
        assertThat(p.get("errors").get(0).get("parameter").asText()).as(path).isEqualTo(parameter);
    }

    /** The density of the 0501 fixture cells (resolution 10 centres from h3_cell), in Web Mercator. */
    private KernelDensity density(double bandwidth) {
        List<double[]> rows = jdbc.query("SELECT ST_X(ST_Centroid(h.geom)), ST_Y(ST_Centroid(h.geom)), sum(a.cases) "
                        + "FROM agg_cell_current a JOIN h3_cell h USING (cell) WHERE a.resolution = 10 AND a.bucket = 'month' "
                        + "AND a.category_code = '0501' GROUP BY h.cell, h.geom",
                (rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)});
        int n = rows.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] w = new double[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = WebMercator.x(rows.get(i)[0]);
            y[i] = WebMercator.y(rows.get(i)[1]);
            w[i] = rows.get(i)[2];
            s[i] = Math.cos(Math.toRadians(rows.get(i)[1]));
        }
        return new KernelDensity(x, y, w, s, bandwidth);
    }

    private BufferedImage png(String path) throws Exception {
        HttpResponse<byte[]> r = http.send(request(path, TestTokens.RESEARCHER).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return ImageIO.read(new ByteArrayInputStream(r.body()));
    }

    private static void assertClose(int argb, int expected, int tolerance) {
        for (int shift = 0; shift <= 24; shift += 8) {
            int a = (argb >>> shift) & 255;
            int b = (expected >>> shift) & 255;
            assertThat(Math.abs(a - b)).as("channel at bit %d of %08x vs %08x", shift, argb, expected).isLessThanOrEqualTo(tolerance);
        }
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }
}
