package cn.cg.api.heatmap;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cg.api.PostgisIT;
import cn.cg.api.TestTokens;
import cn.cg.api.aggregate.AggregateFilter;
import cn.cg.api.aggregate.AggregateFilters;
import cn.cg.api.aggregate.AggregateFixture;
import cn.cg.api.aggregate.DataVersion;
import cn.cg.api.hotspot.HotspotResultsFixture;
import cn.cg.api.hotspot.HotspotSets;
import cn.cg.api.privacy.PublicCells;
import cn.cg.api.system.CgProperties;
import cn.cg.geo.grid.H3Cells;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

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
        // Periods that are days only, and days before whole months: each bucket range is looked up on its own.
        String path = "/tiles/cells/" + z + "/" + xy[0] + "/" + xy[1] + ".mvt?categories=vendor";
        assertThat(casesByH3(path + "&from=2025-03-12&to=2025-04-02"))
                .containsExactlyInAnyOrderEntriesOf(Map.of(Long.toHexString(a), 5L, Long.toHexString(b), 54L));
        assertThat(casesByH3(path + "&from=2025-03-13&to=2025-04-30"))
                .containsExactlyInAnyOrderEntriesOf(Map.of(Long.toHexString(a), 2L, Long.toHexString(b), 50L));

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

    @Autowired
    AggregateFilters filters;

    @Autowired
    HotspotSets hotspotSets;

    /**
     * The served tile (from the query's cells in memory) against {@link HeatmapSql#CELL_TILE}, the one statement
     * over the tables, on every tile over a lattice of cases whose cells straddle tile edges at zooms 15-16:
     * periods of whole months and of days across a month's end, a category, the vendor group, an area, and
     * hotspot bins. Same features, attributes and geometries in every tile.
     */
    @Test
    void servedTilesEqualTheOneStatementOverTheTables() throws Exception {
        // 0.0009 degrees apart, under a resolution-10 cell's width (about 0.0013): a zoom-16 tile is 0.0055 wide.
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 10; j++) {
                fixture.cases(114.0460 + 0.0009 * i, 22.5360 + 0.0009 * j, (i + j) % 3 == 0 ? "0301" : "0501",
                        DAY.plusDays((7L * i + 3L * j) % 25), 1 + (i * j) % 4);
            }
        }
        // An area over the lattice's western half: cells whose centre lies inside.
        long area = jdbc.queryForObject("INSERT INTO admin_area (level, code, name, geom) VALUES ('district', '449901', 'west half', "
                + "ST_Multi(ST_MakeEnvelope(114.0400, 22.5300, 114.0505, 22.5500, 4326))) RETURNING id", Long.class);
        try (HotspotResultsFixture hot = new HotspotResultsFixture(jdbc, fixture.run())) {
            long fine = H3Cells.finestCell(22.5405, 114.0505);
            hot.cell(10, "all", MARCH, fine, 3, 2.5, 0.01, 2);
            hot.cell(10, "vendor", MARCH, fine, 2, -2.0, 0.04, -1);
            hot.cell(9, "all", MARCH, H3Cells.parentOf(fine, 9), 9, 3.1, 0.002, 3);
            dataVersion.refresh();
            Map<String, Integer> featuresPerQuery = new HashMap<>();
            Map<Long, Integer> tilesPerCell = new HashMap<>();
            for (String params : List.of("from=2025-03&to=2025-03", "categories=0501&from=2025-03-20&to=2025-04-02",
                    "categories=vendor&from=2025-03&to=2025-03", "from=2025-03&to=2025-03&area=449901")) {
                Map<String, String> map = new HashMap<>();
                for (String kv : params.split("&")) {
                    map.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
                }
                AggregateFilter f = filters.parse(map, null);
                for (int resolution = 7; resolution <= 10; resolution++) {
                    // Read now: the tiles are then made from the cells and boundaries in memory (CELL_TILE_OF_SHAPES),
                    // not by CELL_TILE or CELL_TILE_OF_CELLS while they are read.
                    assertThat(indexes.cells(f, resolution, dataVersion.version())).isNotNull();
                    assertThat(boundaries.shapes(resolution, dataVersion.version())).isNotNull();
                    assertThat(tileHotspots.bins(dataVersion.version(), dataVersion.hotspotRun(), resolution,
                            hotspotSets.forBins(f.categories()), CellTiles.hotspotMonth(f.period()))).isNotNull();
                }
                for (int z : new int[] {10, 12, 13, 15, 16}) {
                    int[] sw = tileOf(114.0450, 22.5350, z);
                    int[] ne = tileOf(114.0560, 22.5460, z);
                    for (int x = sw[0]; x <= ne[0]; x++) {
                        for (int y = ne[1]; y <= sw[1]; y++) {
                            List<MvtDecoder.Feature> served = layerFeatures(mvt("/tiles/cells/" + z + "/" + x + "/" + y + ".mvt?" + params));
                            byte[] direct = jdbc.queryForObject(HeatmapSql.CELL_TILE, byte[].class,
                                    CellTiles.binds(f, z, x, y, hotspotSets.forBins(f.categories())).toArray());
                            assertThat(served).as(params + " at " + z + "/" + x + "/" + y)
                                    .containsExactlyInAnyOrderElementsOf(layerFeatures(direct));
                            featuresPerQuery.merge(params, served.size(), Integer::sum);
                            if (z == 16 && params.equals("from=2025-03&to=2025-03")) {
                                served.forEach(ft -> tilesPerCell.merge((Long) ft.attributes().get("cell"), 1, Integer::sum));
                            }
                        }
                    }
                }
            }
            assertThat(featuresPerQuery.values().stream().mapToInt(Integer::intValue).sum()).as("features compared").isGreaterThan(200);
            // The filters are applied, not just applied alike: the area and the later days keep some cells, not all.
            int month = featuresPerQuery.get("from=2025-03&to=2025-03");
            assertThat(featuresPerQuery.get("from=2025-03&to=2025-03&area=449901")).isPositive().isLessThan(month);
            assertThat(featuresPerQuery.get("categories=0501&from=2025-03-20&to=2025-04-02")).isPositive().isLessThan(month);
            assertThat(tilesPerCell.values()).as("cells in more than one zoom-16 tile").anySatisfy(n -> assertThat(n).isGreaterThan(1));
        } finally {
            jdbc.update("DELETE FROM admin_area WHERE id = ?", area);
        }
        dataVersion.refresh();
    }

    @Autowired
    TileCellIndexes indexes;

    @Autowired
    CellBoundaries boundaries;

    @Autowired
    TileHotspots tileHotspots;

    @Autowired
    CgProperties properties;

    @Autowired
    PublicCells publicCells;

    /**
     * The first tiles of a query at a resolution do not wait for its cells to be read: they are made by
     * CELL_TILE meanwhile, and from the cells in memory once the read is done; the same features either way.
     */
    @Test
    void aQuerysFirstTilesAreMadeWhileItsCellsAreRead() {
        List<Runnable> held = new ArrayList<>();
        TileCellIndexes reading = new TileCellIndexes(jdbc, properties, held::add);
        List<Runnable> heldShapes = new ArrayList<>();
        CellBoundaries shapes = new CellBoundaries(jdbc, properties, heldShapes::add);
        TileHotspots bins = new TileHotspots(jdbc, heldShapes::add);
        StatementsRun run = new StatementsRun(jdbc);
        CellTiles tiles = new CellTiles(run, new TileCache(properties), publicCells, hotspotSets, reading, shapes, bins);
        AggregateFilter f = filters.parse(Map.of("from", "2025-03", "to", "2025-03"), null);
        long v = dataVersion.version();
        int[] ta = tileOf(114.0500, 22.5400, 16);
        int[] tb = tileOf(114.0500, 22.5400, 15); // another tile of the same resolution (10)

        byte[] first = tiles.tile(f, v, dataVersion.hotspotRun(), 16, ta[0], ta[1], false);
        assertThat(reading.ifLoaded(f, 10, v)).as("the read is under way, not done").isNull();
        assertThat(layerFeatures(first)).isNotEmpty().containsExactlyInAnyOrderElementsOf(layerFeatures(direct(f, 16, ta)));
        assertThat(run.last()).as("made over the tables").isEqualTo(HeatmapSql.CELL_TILE);

        while (!held.isEmpty()) { // the read, and what the cache queued after it
            held.remove(0).run();
        }
        TileCellIndex index = reading.ifLoaded(f, 10, v);
        assertThat(index).as("read once the executor ran it").isNotNull();
        byte[] second = tiles.tile(f, v, dataVersion.hotspotRun(), 15, tb[0], tb[1], false);
        assertThat(layerFeatures(second)).isNotEmpty().containsExactlyInAnyOrderElementsOf(layerFeatures(direct(f, 15, tb)));
        assertThat(run.last()).as("made from the query's cells, joining h3_cell").isEqualTo(HeatmapSql.CELL_TILE_OF_CELLS);
        assertThat(reading.ifLoaded(f, 10, v)).as("read once").isSameAs(index);

        // The reads of the boundaries and the hotspot group were started by the second tile and are held: that
        // tile joined h3_cell and hotspot_cell. Once they are done, the tiles send boundaries and bins themselves,
        // still the same tile (a fresh tile cache, same tiles).
        assertThat(heldShapes).as("boundaries' and bins' reads started").isNotEmpty();
        assertThat(shapes.ifLoaded(10, v)).isNull();
        while (!heldShapes.isEmpty()) {
            heldShapes.remove(0).run();
        }
        assertThat(shapes.ifLoaded(10, v)).isNotNull();
        assertThat(bins.ifLoaded(v, dataVersion.hotspotRun(), 10, hotspotSets.forBins(f.categories()), MARCH)).isNotNull();
        CellTiles withShapes = new CellTiles(run, new TileCache(properties), publicCells, hotspotSets, reading, shapes, bins);
        assertThat(layerFeatures(withShapes.tile(f, v, dataVersion.hotspotRun(), 16, ta[0], ta[1], false)))
                .isNotEmpty().containsExactlyInAnyOrderElementsOf(layerFeatures(first));
        assertThat(run.last()).as("made from arrays alone").isEqualTo(HeatmapSql.CELL_TILE_OF_ARRAYS);
        assertThat(layerFeatures(withShapes.tile(f, v, dataVersion.hotspotRun(), 15, tb[0], tb[1], false)))
                .containsExactlyInAnyOrderElementsOf(layerFeatures(second));
        assertThat(run.last()).isEqualTo(HeatmapSql.CELL_TILE_OF_ARRAYS);
    }

    /** The test's JdbcTemplate (same pool), noting the statements that made tiles, so a test can tell which path ran. */
    static final class StatementsRun extends JdbcTemplate {
        private final List<String> statements = new ArrayList<>();

        StatementsRun(JdbcTemplate of) {
            super(of.getDataSource());
        }

        @Override
        public <T> T queryForObject(String sql, Class<T> requiredType, Object... args) {
            statements.add(sql);
            return super.queryForObject(sql, requiredType, args);
        }

        String last() {
            return statements.isEmpty() ? null : statements.get(statements.size() - 1);
        }
    }

    /**
     * A resolution whose boundaries would exceed cg.tiles.boundaries-max-size is not read: its tiles join h3_cell
     * (the same tile), and the empty read is kept, so it is not tried again on every tile.
     */
    @Test
    void aResolutionOverTheBoundariesBoundJoinsH3Cell() {
        AggregateFilter f = filters.parse(Map.of("from", "2025-03", "to", "2025-03"), null);
        long v = dataVersion.version();
        assertThat(indexes.cells(f, 10, v)).isNotNull();
        long oneCellTooFew = (jdbc.queryForObject(HeatmapSql.CELL_BOUNDARY_COUNT, Long.class, 10) - 1) * CellBoundaries.BYTES_PER_CELL;
        CellBoundaries small = new CellBoundaries(jdbc, oneCellTooFew, Runnable::run);
        CellBoundaries.Shapes none = small.shapes(10, v);
        assertThat(none.wkbOf(new Long[] {a})).as("no boundary held").isNull();
        assertThat(small.ifLoaded(10, v)).as("kept, not read again").isSameAs(none);
        CellBoundaries enough = new CellBoundaries(jdbc, oneCellTooFew + CellBoundaries.BYTES_PER_CELL, Runnable::run);
        assertThat(enough.shapes(10, v).wkbOf(new Long[] {a})).as("read when they fit").isNotNull();

        TileHotspots bins = new TileHotspots(jdbc, Runnable::run);
        bins.bins(v, dataVersion.hotspotRun(), 10, hotspotSets.forBins(f.categories()), MARCH);
        StatementsRun run = new StatementsRun(jdbc);
        CellTiles tiles = new CellTiles(run, new TileCache(properties), publicCells, hotspotSets, indexes, small, bins);
        int[] xy = tileOf(114.0500, 22.5400, 16);
        assertThat(layerFeatures(tiles.tile(f, v, dataVersion.hotspotRun(), 16, xy[0], xy[1], false)))
                .isNotEmpty().containsExactlyInAnyOrderElementsOf(layerFeatures(direct(f, 16, xy)));
        assertThat(run.last()).as("joined h3_cell").isEqualTo(HeatmapSql.CELL_TILE_OF_CELLS);
    }

    private byte[] direct(AggregateFilter f, int z, int[] xy) {
        return jdbc.queryForObject(HeatmapSql.CELL_TILE, byte[].class,
                CellTiles.binds(f, z, xy[0], xy[1], hotspotSets.forBins(f.categories())).toArray());
    }

    private static List<MvtDecoder.Feature> layerFeatures(byte[] tile) {
        List<MvtDecoder.Layer> layers = tile == null || tile.length == 0 ? List.of() : MvtDecoder.decode(tile);
        return layers.isEmpty() ? List.of() : layers.get(0).features();
    }

    static final LocalDate MARCH = LocalDate.of(2025, 3, 1);
    static final LocalDate APRIL = LocalDate.of(2025, 4, 1);

    @Test
    void cellsCarryTheHotspotJobsBinAndZOfTheirGroup() throws Exception {
        int[] xy = tileOf(114.0515, 22.5407, 15);
        String tile = "/tiles/cells/15/" + xy[0] + "/" + xy[1] + ".mvt";
        String before = etag(tile + "?categories=0501&from=2025-03&to=2025-03");
        try (HotspotResultsFixture hot = new HotspotResultsFixture(jdbc, fixture.run())) {
            hot.cell(10, "all", MARCH, a, 5, 2.1, 0.03, 2);
            hot.cell(10, "all", MARCH, b, 4, -1.7, 0.09, -1);
            hot.cell(10, "vendor", MARCH, a, 5, 3.3, 0.001, 3);
            hot.cell(9, "all", MARCH, H3Cells.parentOf(a, 9), 7, 1.7, 0.09, 1);
            hot.cell(10, "all", APRIL, b, 50, 4.4, 0.00001, 3);
            hot.cell(10, "all", APRIL, a, 0, -0.2, 0.8, 0);
            dataVersion.refresh();
            assertThat(etag(tile + "?categories=0501&from=2025-03&to=2025-03")).as("a new hotspot run, a new ETag").isNotEqualTo(before);

            // The vendor group, which the job computes: a has its row, b none (no attributes, not a 0 bin).
            Map<String, MvtDecoder.Feature> vendor = features(tile + "?categories=vendor&from=2025-03&to=2025-03");
            assertThat(vendor).containsKeys(hex(a), hex(b));
            assertHotspot(vendor.get(hex(a)), 3, 3.3, "vendor");
            assertThat(vendor.get(hex(b)).attributes()).doesNotContainKeys("hotspot_bin", "hotspot_z", "hotspot_set");
            assertBinsAreTheRows(vendor, hot.run(), 10, "vendor", MARCH);
            // 0501 alone is no set of the job: the bins of all categories.
            Map<String, MvtDecoder.Feature> one = features(tile + "?categories=0501&from=2025-03&to=2025-03");
            assertHotspot(one.get(hex(a)), 2, 2.1, "all");
            assertHotspot(one.get(hex(b)), -1, -1.7, "all");
            assertBinsAreTheRows(one, hot.run(), 10, "all", MARCH);
            // Zoom 13: resolution 9's rows.
            int[] xy13 = tileOf(114.0515, 22.5407, 13);
            Map<String, MvtDecoder.Feature> coarse = features("/tiles/cells/13/" + xy13[0] + "/" + xy13[1]
                    + ".mvt?from=2025-03&to=2025-03");
            assertHotspot(coarse.get(hex(H3Cells.parentOf(a, 9))), 1, 1.7, "all");
            assertBinsAreTheRows(coarse, hot.run(), 9, "all", MARCH);
            // April's group for an April tile.
            Map<String, MvtDecoder.Feature> april = features(tile + "?from=2025-04&to=2025-04");
            assertThat(april).containsOnlyKeys(hex(b));
            assertHotspot(april.get(hex(b)), 3, 4.4, "all");
            // A period that is not one whole month has no Gi* group: no bins at all.
            Map<String, MvtDecoder.Feature> part = features(tile + "?categories=0501&from=2025-03-01&to=2025-03-20");
            assertThat(part).isNotEmpty();
            assertThat(part.values()).allSatisfy(f -> assertThat(f.attributes()).doesNotContainKey("hotspot_bin"));

            // A hotspot run over another aggregation run: its bins would not match the counts, so none are shown.
            try (HotspotResultsFixture stale = new HotspotResultsFixture(jdbc, fixture.run() + 1_000_000)) {
                stale.cell(10, "all", MARCH, a, 5, 2.1, 0.03, 2);
                dataVersion.refresh();
                assertThat(features(tile + "?categories=0501&from=2025-03&to=2025-03").values())
                        .allSatisfy(f -> assertThat(f.attributes()).doesNotContainKey("hotspot_bin"));
            }
        }
        dataVersion.refresh();
    }

    /** Every feature's hotspot attributes are exactly its hotspot_cell row's, and absent when it has none. */
    private void assertBinsAreTheRows(Map<String, MvtDecoder.Feature> features, long run, int resolution, String set,
                                      LocalDate month) {
        int withBin = 0;
        for (MvtDecoder.Feature f : features.values()) {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT bin, z FROM hotspot_cell WHERE run_id = ? AND resolution = ? "
                    + "AND category_set = ? AND period_start = ? AND cell = ?", run, resolution, set, java.sql.Date.valueOf(month),
                    f.attributes().get("cell"));
            if (rows.isEmpty()) {
                assertThat(f.attributes()).doesNotContainKeys("hotspot_bin", "hotspot_z", "hotspot_set");
            } else {
                assertHotspot(f, ((Number) rows.get(0).get("bin")).intValue(), ((Number) rows.get(0).get("z")).doubleValue(), set);
                withBin++;
            }
        }
        assertThat(withBin).as("features with a bin").isPositive();
    }

    static void assertHotspot(MvtDecoder.Feature f, int bin, double z, String set) {
        assertThat(f).as("feature").isNotNull();
        assertThat(((Number) f.attributes().get("hotspot_bin")).intValue()).as(f.attributes().toString()).isEqualTo(bin);
        assertThat(((Number) f.attributes().get("hotspot_z")).doubleValue()).isEqualTo(z);
        assertThat(f.attributes().get("hotspot_set")).isEqualTo(set);
    }

    private Map<String, MvtDecoder.Feature> features(String path) throws Exception {
        Map<String, MvtDecoder.Feature> out = new HashMap<>();
        for (MvtDecoder.Layer l : MvtDecoder.decode(mvt(path))) {
            for (MvtDecoder.Feature f : l.features()) {
                out.put((String) f.attributes().get("h3"), f);
            }
        }
        return out;
    }

    private Map<String, Long> casesByH3(String path) throws Exception {
        Map<String, Long> out = new HashMap<>();
        features(path).forEach((h3, f) -> out.put(h3, ((Number) f.attributes().get("cases")).longValue()));
        return out;
    }

    private String etag(String path) throws Exception {
        return http.send(request(path, TestTokens.RESEARCHER).GET().build(), HttpResponse.BodyHandlers.ofByteArray())
                .headers().firstValue("ETag").orElseThrow();
    }

    static String hex(long cell) {
        return Long.toHexString(cell);
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
        return new int[] {WebMercator.tileX(lon, z), WebMercator.tileY(lat, z)};
    }
}
