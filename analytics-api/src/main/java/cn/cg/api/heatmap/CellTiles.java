package cn.cg.api.heatmap;

import cn.cg.api.aggregate.AggregateFilter;
import cn.cg.api.aggregate.CellSums;
import cn.cg.api.aggregate.Period;
import cn.cg.api.hotspot.HotspotSets;
import cn.cg.api.privacy.PublicCell;
import cn.cg.api.privacy.PublicCells;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Service;

/**
 * Vector tiles of H3 cells with their counts, made by {@code ST_AsMVT} in PostGIS over h3_cell and the
 * query's counts from agg_cell_current (read once per query and resolution, {@link TileCellIndexes}). The
 * resolution follows the zoom so that a cell is roughly 20-50 pixels across: zoom 0-10 resolution 7, 11-12
 * resolution 8, 13-14 resolution 9, 15 and above resolution 10. Cells carry the hotspot job's bin and z of
 * their resolution and month when the period is one whole month: of the request's category set when the
 * job computed it (all, vendor), else of all categories.
 */
@Service
class CellTiles {

    /**
     * ST_AsMVTGeom's buffer (64 of the tile's 4096 units) as a share of the tile's width: a cell that reaches
     * that far past the edge is part of the tile, one beyond it is dropped by the query anyway.
     */
    private static final double BUFFER_SHARE = 64.0 / 4096;

    private final JdbcTemplate jdbc;
    private final TileCache cache;
    private final PublicCells publicCells;
    private final HotspotSets hotspotSets;
    private final TileCellIndexes indexes;
    private final CellBoundaries boundaries;
    private final TileHotspots hotspots;
    private final Cache<List<PublicCell>, PublicTileCells> publicTileCells = Caffeine.newBuilder().weakKeys().build();

    CellTiles(JdbcTemplate jdbc, TileCache cache, PublicCells publicCells, HotspotSets hotspotSets, TileCellIndexes indexes,
              CellBoundaries boundaries, TileHotspots hotspots) {
        this.jdbc = jdbc;
        this.indexes = indexes;
        this.boundaries = boundaries;
        this.hotspots = hotspots;
        this.cache = cache;
        this.publicCells = publicCells;
        this.hotspotSets = hotspotSets;
    }

    /** Forgets the public cell lists' tile indexes (after the start-up warm-up). */
    void clear() {
        publicTileCells.invalidateAll();
    }

    /** The month whose Gi* the bins are: the period when it is exactly one calendar month, else none. */
    static LocalDate hotspotMonth(Period p) {
        return p != null && p.from().getDayOfMonth() == 1 && p.toExclusive().equals(p.from().plusMonths(1)) ? p.from() : null;
    }

    static int resolutionFor(int z) {
        if (z <= 10) {
            return 7;
        }
        if (z <= 12) {
            return 8;
        }
        return z <= 14 ? 9 : 10;
    }

    /** @param hotspotRun the served hotspot run: part of the cache key, since the job switches on its own */
    byte[] tile(AggregateFilter f, long dataVersion, long hotspotRun, int z, int x, int y, boolean suppressed) {
        String key = dataVersion + "|h" + hotspotRun + "|" + f.canonical() + "|" + z + "/" + x + "/" + y;
        if (suppressed) {
            return cache.get("cells-public|" + key, () -> renderPublic(f, dataVersion, hotspotRun, z, x, y));
        }
        return cache.get("cells|" + key, () -> render(f, dataVersion, hotspotRun, z, x, y));
    }

    private static Object month(AggregateFilter f) {
        LocalDate m = hotspotMonth(f.period());
        return new SqlParameterValue(Types.DATE, m == null ? null : java.sql.Date.valueOf(m));
    }

    private byte[] renderPublic(AggregateFilter f, long dataVersion, long hotspotRun, int z, int x, int y) {
        // Only the cells whose boundary's bounds meet the tile and its buffer: each is sent to PostgreSQL to be
        // read and clipped, so a wide margin (once 0.06 degrees around the tile, most of the city at zoom 16)
        // cost more than the query itself. A cell's vertices bound it in lon/lat and,
        // projected one by one, in Mercator too, so the test misses no cell that reaches into the tile.
        WebMercator.Box b = WebMercator.tile(z, x, y);
        double pad = b.width() * BUFFER_SHARE;
        double slack = 1e-9; // degrees: rounding of the projection, not geography
        double west = WebMercator.lon(b.minX() - pad) - slack;
        double east = WebMercator.lon(b.maxX() + pad) + slack;
        double south = WebMercator.lat(b.minY() - pad) - slack;
        double north = WebMercator.lat(b.maxY() + pad) + slack;
        PublicTileCells all = publicTileCells.get(publicCells.cells(f, resolutionFor(z), dataVersion), PublicTileCells::new);
        int[] near = all.meeting(west, south, east, north);
        if (near.length == 0) {
            return new byte[0];
        }
        // The query's cells wait for their read here (PublicCells), so the hotspot group may too: a read of
        // about 0.5 s at resolution 10 on the 10M-case city, once per month, category set and resolution.
        String hotspotSet = hotspotSets.forBins(f.categories());
        TileHotspots.Bins bins = hotspots.bins(dataVersion, hotspotRun, resolutionFor(z), hotspotSet, hotspotMonth(f.period()));
        Long[] cells = new Long[near.length];
        Integer[] resolutions = new Integer[near.length];
        Long[] cases = new Long[near.length];
        Boolean[] merged = new Boolean[near.length];
        byte[][] boundaries = new byte[near.length][];
        for (int i = 0; i < near.length; i++) {
            PublicCell c = all.cell(near[i]);
            cells[i] = c.cell();
            resolutions[i] = c.resolution();
            cases[i] = c.cases();
            merged[i] = c.merged();
            boundaries[i] = all.mercatorWkb(near[i]);
        }
        TileHotspots.Attributes hot = bins.of(cells, hotspotSet);
        for (int i = 0; i < near.length; i++) {
            if (merged[i]) { // only cells published as themselves carry a bin: a merged ancestor stands for cells below k
                hot.drop(i);
            }
        }
        byte[] mvt = jdbc.queryForObject(HeatmapSql.PUBLIC_CELL_TILE, byte[].class, z, x, y, cells, resolutions, cases, merged, boundaries,
                hot.bin(), hot.z(), hot.set());
        return mvt == null ? new byte[0] : mvt;
    }

    /**
     * The tile of {@link HeatmapSql#CELL_TILE} from the query's cells in memory: the cells whose box comes near
     * the tile go to PostgreSQL with their counts and, once the resolution's boundaries ({@link CellBoundaries})
     * and the hotspot group ({@link TileHotspots}) are in memory too, with their extents, boundaries and hotspot
     * attributes (CELL_TILE_OF_ARRAYS); until then CELL_TILE_OF_CELLS joins h3_cell and hotspot_cell for them.
     * Until the query's cells are read (the first tiles of a query at a resolution), CELL_TILE itself makes the tile.
     */
    private byte[] render(AggregateFilter f, long dataVersion, long hotspotRun, int z, int x, int y) {
        int resolution = resolutionFor(z);
        String hotspotSet = hotspotSets.forBins(f.categories());
        TileCellIndex index = indexes.ifLoaded(f, resolution, dataVersion);
        byte[] mvt = index == null
                ? jdbc.queryForObject(HeatmapSql.CELL_TILE, byte[].class, binds(f, z, x, y, hotspotSet).toArray())
                : fromIndex(index, f, resolution, hotspotSet, dataVersion, hotspotRun, z, x, y);
        return mvt == null ? new byte[0] : mvt;
    }

    private byte[] fromIndex(TileCellIndex index, AggregateFilter f, int resolution, String hotspotSet, long dataVersion,
                             long hotspotRun, int z, int x, int y) {
        // A superset of the cells whose box meets the tile: the statements apply CELL_TILE's own test, &&, whose
        // boxes are rounded outwards to float (up to 1.5e-5 degrees) after PROJ's projection of the tile.
        WebMercator.Box b = WebMercator.tile(z, x, y);
        double slack = 1e-4;
        TileCellIndex.Picked near = index.meeting(WebMercator.lon(b.minX()) - slack, WebMercator.lat(b.minY()) - slack,
                WebMercator.lon(b.maxX()) + slack, WebMercator.lat(b.maxY()) + slack);
        if (near.isEmpty()) {
            return null;
        }
        CellBoundaries.Shapes shapes = boundaries.ifLoaded(resolution, dataVersion);
        byte[][] wkb = shapes == null ? null : shapes.wkbOf(near.cells());
        TileHotspots.Bins bins = hotspots.ifLoaded(dataVersion, hotspotRun, resolution, hotspotSet, hotspotMonth(f.period()));
        if (wkb != null && bins != null) {
            TileHotspots.Attributes hot = bins.of(near.cells(), hotspotSet);
            return jdbc.queryForObject(HeatmapSql.CELL_TILE_OF_ARRAYS, byte[].class, z, x, y, resolution, near.cells(), near.cases(),
                    near.west(), near.south(), near.east(), near.north(), wkb, hot.bin(), hot.z(), hot.set());
        }
        return jdbc.queryForObject(HeatmapSql.CELL_TILE_OF_CELLS, byte[].class, z, x, y, near.cells(), near.cases(),
                resolution, resolution, hotspotSet, month(f));
    }

    /**
     * The binds of {@link HeatmapSql#CELL_TILE} (the benchmark's direct query and the tests' reference): z, x, y; per bucket range of the period (whole months, days
     * before, days after) resolution, categories, first and end day; the tile cells' resolution, the area
     * twice; the resolution attribute; the hotspot rows' resolution, category set and month.
     */
    static List<Object> binds(AggregateFilter f, int z, int x, int y, String hotspotSet) {
        int resolution = resolutionFor(z);
        List<Object> binds = new ArrayList<>(List.of(z, x, y));
        binds.addAll(CellSums.rangeBinds(f, resolution));
        binds.add(resolution);
        binds.add(new SqlParameterValue(Types.BIGINT, f.areaId()));
        binds.add(new SqlParameterValue(Types.BIGINT, f.areaId()));
        binds.add(resolution);
        binds.add(resolution);
        binds.add(hotspotSet);
        binds.add(month(f));
        return binds;
    }
}
