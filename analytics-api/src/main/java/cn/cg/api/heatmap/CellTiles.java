package cn.cg.api.heatmap;

import cn.cg.api.aggregate.AggregateFilter;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
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

    private final JdbcTemplate jdbc;
    private final TileCache cache;

    CellTiles(JdbcTemplate jdbc, TileCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
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

    byte[] tile(AggregateFilter f, long dataVersion, int z, int x, int y) {
        return cache.get("cells|" + dataVersion + "|" + f.canonical() + "|" + z + "/" + x + "/" + y, () -> render(f, z, x, y));
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
