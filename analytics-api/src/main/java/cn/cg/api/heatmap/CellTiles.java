package cn.cg.api.heatmap;

import cn.cg.api.aggregate.AggregateFilter;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import cn.cg.api.privacy.PublicCell;
import cn.cg.api.privacy.PublicCells;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Service;

/**
 * Vector tiles of H3 cells with their counts, made by {@code ST_AsMVT} in PostGIS over h3_cell and
 * agg_cell_current. The resolution follows the zoom so that a cell is roughly 20-50 pixels across:
 * zoom 0-10 resolution 7, 11-12 resolution 8, 13-14 resolution 9, 15 and above resolution 10.
 */
@Service
class CellTiles {

    /** Degrees around a tile within which a published cell's centre may lie and still reach into it. */
    private static final double MARGIN_DEGREES = 0.06;

    private final JdbcTemplate jdbc;
    private final TileCache cache;
    private final PublicCells publicCells;

    CellTiles(JdbcTemplate jdbc, TileCache cache, PublicCells publicCells) {
        this.jdbc = jdbc;
        this.cache = cache;
        this.publicCells = publicCells;
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

    byte[] tile(AggregateFilter f, long dataVersion, int z, int x, int y, boolean suppressed) {
        if (suppressed) {
            return cache.get("cells-public|" + dataVersion + "|" + f.canonical() + "|" + z + "/" + x + "/" + y,
                    () -> renderPublic(f, dataVersion, z, x, y));
        }
        return cache.get("cells|" + dataVersion + "|" + f.canonical() + "|" + z + "/" + x + "/" + y, () -> render(f, z, x, y));
    }

    private byte[] renderPublic(AggregateFilter f, long dataVersion, int z, int x, int y) {
        WebMercator.Box b = WebMercator.tile(z, x, y);
        double west = WebMercator.lon(b.minX()) - MARGIN_DEGREES;
        double east = WebMercator.lon(b.maxX()) + MARGIN_DEGREES;
        double south = WebMercator.lat(b.minY()) - MARGIN_DEGREES;
        double north = WebMercator.lat(b.maxY()) + MARGIN_DEGREES;
        List<PublicCell> near = publicCells.cells(f, resolutionFor(z), dataVersion).stream()
                .filter(c -> c.lon() >= west && c.lon() <= east && c.lat() >= south && c.lat() <= north).toList();
        if (near.isEmpty()) {
            return new byte[0];
        }
        Long[] cells = near.stream().map(PublicCell::cell).toArray(Long[]::new);
        Integer[] resolutions = near.stream().map(PublicCell::resolution).toArray(Integer[]::new);
        Long[] cases = near.stream().map(PublicCell::cases).toArray(Long[]::new);
        Boolean[] merged = near.stream().map(PublicCell::merged).toArray(Boolean[]::new);
        String[] wkt = near.stream().map(PublicCell::wkt).toArray(String[]::new);
        byte[] mvt = jdbc.queryForObject(HeatmapSql.PUBLIC_CELL_TILE, byte[].class, z, x, y, cells, resolutions, cases, merged, wkt);
        return mvt == null ? new byte[0] : mvt;
    }

    private byte[] render(AggregateFilter f, int z, int x, int y) {
        int resolution = resolutionFor(z);
        List<Object> binds = new ArrayList<>(List.of(z, x, y, resolution, f.categoryArray()));
        binds.addAll(f.buckets().binds());
        binds.add(new SqlParameterValue(Types.BIGINT, f.areaId()));
        binds.add(new SqlParameterValue(Types.BIGINT, f.areaId()));
        binds.add(resolution);
        byte[] mvt = jdbc.queryForObject(HeatmapSql.CELL_TILE, byte[].class, binds.toArray());
        return mvt == null ? new byte[0] : mvt;
    }
}
