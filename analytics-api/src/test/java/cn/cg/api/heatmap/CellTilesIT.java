package cn.cg.api.heatmap;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cg.api.PostgisIT;
import cn.cg.api.TestTokens;
import cn.cg.api.aggregate.AggregateFixture;
import cn.cg.api.aggregate.DataVersion;
import cn.cg.geo.grid.H3Cells;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CellTilesIT extends PostgisIT {

    /** As a researcher: this test is about the figures, which the public sees suppressed (docs/security.md). */
    @Override
    protected HttpResponse<String> get(String pathAndQuery) throws Exception {
        return get(pathAndQuery, TestTokens.RESEARCHER);
    }

    static final LocalDate DAY = LocalDate.of(2025, 3, 12);

    @Autowired
    DataVersion dataVersion;

    AggregateFixture fixture;
    long a;
    long b;

    @BeforeEach
    void cases() {
        fixture = new AggregateFixture(jdbc);
        a = fixture.cases(114.0500, 22.5400, "0501", DAY, 3);
        fixture.cases(114.0500, 22.5400, "0504", DAY.plusDays(1), 2);
        b = fixture.cases(114.0530, 22.5415, "0501", DAY, 4);
        fixture.cases(114.0530, 22.5415, "0501", LocalDate.of(2025, 4, 2), 50); // April: outside the period
        dataVersion.refresh();
    }

    @AfterEach
    void clean() {
        fixture.close();
        dataVersion.refresh();
    }

    @Test
    void tileDecodesToCellsWithTheirCounts() throws Exception {
        int z = 15;
        int[] xy = tileOf(114.0515, 22.5407, z);
        byte[] mvt = mvt("/tiles/cells/" + z + "/" + xy[0] + "/" + xy[1] + ".mvt?categories=vendor&from=2025-03&to=2025-03");
        List<MvtDecoder.Layer> layers = MvtDecoder.decode(mvt);
        assertThat(layers).hasSize(1);
        MvtDecoder.Layer layer = layers.get(0);
        assertThat(layer.name()).isEqualTo("cells");
        assertThat(layer.extent()).isEqualTo(4096);
        Map<String, Long> cases = new HashMap<>();
        for (MvtDecoder.Feature f : layer.features()) {
            assertThat(f.type()).isEqualTo(3); // polygon
            assertThat(f.attributes().get("resolution")).isEqualTo(10L);
            cases.put((String) f.attributes().get("h3"), (Long) f.attributes().get("cases"));
            assertThat(Long.toHexString((Long) f.attributes().get("cell"))).isEqualTo(f.attributes().get("h3"));
        }
        assertThat(cases).containsEntry(Long.toHexString(a), 5L).containsEntry(Long.toHexString(b), 4L).hasSize(2);

        // Zoom 13 shows resolution 9: the two cells' parents, counts summed where they share one.
        int[] xy13 = tileOf(114.0515, 22.5407, 13);
        MvtDecoder.Layer coarse = MvtDecoder.decode(mvt("/tiles/cells/13/" + xy13[0] + "/" + xy13[1]
                + ".mvt?categories=0501&from=2025-03&to=2025-03")).get(0);
        long total = coarse.features().stream().mapToLong(f -> (Long) f.attributes().get("cases")).sum();
        assertThat(total).isEqualTo(7);
        assertThat(coarse.features()).allSatisfy(f -> assertThat(f.attributes().get("resolution")).isEqualTo(9L));
        assertThat(coarse.features()).anySatisfy(f ->
                assertThat(f.attributes().get("h3")).isEqualTo(Long.toHexString(H3Cells.parentOf(a, 9))));
    }

    @Test
    void tileEqualsADirectStAsMvtQuery() throws Exception {
        int z = 14;
        int[] xy = tileOf(114.0515, 22.5407, z);
        byte[] served = mvt("/tiles/cells/" + z + "/" + xy[0] + "/" + xy[1] + ".mvt?categories=0501,0504&from=2025-03-01&to=2025-03-31");
        byte[] direct = jdbc.queryForObject("""
                SELECT ST_AsMVT(t, 'cells', 4096, 'geom') FROM (
                  SELECT ST_AsMVTGeom(ST_Transform(h.geom, 3857), ST_TileEnvelope(?, ?, ?), 4096, 64, true) AS geom,
                         lower(to_hex(h.cell)) AS h3, h.cell, 9 AS resolution, s.cases
                  FROM (SELECT cell, sum(cases)::integer AS cases FROM agg_cell_current
                        WHERE resolution = 9 AND bucket = 'month' AND bucket_start = DATE '2025-03-01'
                          AND category_code IN ('0501', '0504') GROUP BY cell) s
                  JOIN h3_cell h ON h.cell = s.cell) t WHERE geom IS NOT NULL""", byte[].class, z, xy[0], xy[1]);
        // Same features, attributes and geometries (row order is PostgreSQL's to choose, so compare as sets).
        List<MvtDecoder.Feature> mine = MvtDecoder.decode(served).get(0).features();
        assertThat(mine).isNotEmpty().containsExactlyInAnyOrderElementsOf(MvtDecoder.decode(direct).get(0).features());
    }

    @Test
    void emptyTileAndRevalidation() throws Exception {
        byte[] empty = mvt("/tiles/cells/15/0/0.mvt?from=2025-03&to=2025-03");
        assertThat(empty).isEmpty();
        int[] xy = tileOf(114.0515, 22.5407, 15);
        String path = "/tiles/cells/15/" + xy[0] + "/" + xy[1] + ".mvt?from=2025-03&to=2025-03";
        HttpResponse<byte[]> r = http.send(request(path, TestTokens.RESEARCHER).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/vnd.mapbox-vector-tile");
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("\"v" + fixture.run() + "-");
        HttpResponse<byte[]> again = http.send(request(path, TestTokens.RESEARCHER).header("If-None-Match", etag).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(again.statusCode()).isEqualTo(304);
    }

    private byte[] mvt(String path) throws Exception {
        HttpResponse<byte[]> r = http.send(request(path, TestTokens.RESEARCHER).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    static int[] tileOf(double lon, double lat, int z) {
        double n = 1 << z;
        int x = (int) Math.floor((lon + 180) / 360 * n);
        int y = (int) Math.floor((WebMercator.HALF - WebMercator.y(lat)) / (2 * WebMercator.HALF / n));
        return new int[] {x, y};
    }
}
