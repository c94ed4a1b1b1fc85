package cn.cg.api.heatmap;

import cn.cg.api.aggregate.AggregateFilter;
import cn.cg.api.aggregate.CellSums;
import cn.cg.api.system.CgProperties;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Arrays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each query's cells per resolution for the token holders' vector tiles, read once per query, resolution
 * and data version ({@link HeatmapSql#TILE_CELLS}) and kept in memory, bounded by bytes like the heatmap's
 * cell centres. Why: a cold tile read its cells' aggregate rows per bucket range, which cost PostgreSQL more
 * than the rest of the request at the high zooms; now it sends the few cells it shows (docs/heatmap-and-features.md).
 */
@Component
class TileCellIndexes {

    private final JdbcTemplate jdbc;
    private final Cache<String, TileCellIndex> cache;

    TileCellIndexes(JdbcTemplate jdbc, CgProperties properties) {
        this.jdbc = jdbc;
        this.cache = Caffeine.newBuilder().maximumWeight(properties.tiles().pointsCacheMaxSize().toBytes())
                .weigher((String k, TileCellIndex v) -> (int) Math.min(Integer.MAX_VALUE, v.bytes())).build();
    }

    TileCellIndex cells(AggregateFilter f, int resolution, long dataVersion) {
        return cache.get(dataVersion + "|" + f.canonical() + "|" + resolution, k -> load(f, resolution));
    }

    private TileCellIndex load(AggregateFilter f, int resolution) {
        Rows rows = new Rows();
        jdbc.query(HeatmapSql.TILE_CELLS, rs -> {
            rows.add(rs.getLong(1), rs.getInt(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6));
        }, CellSums.binds(f, resolution).toArray());
        return rows.index();
    }

    /** Growable columns: a city-wide resolution-10 query has a few hundred thousand cells. */
    private static final class Rows {
        private long[] cell = new long[1024];
        private int[] cases = new int[1024];
        private double[][] bounds = new double[4][1024];
        private int n;

        void add(long c, int k, double w, double s, double e, double north) {
            if (n == cell.length) {
                cell = Arrays.copyOf(cell, 2 * n);
                cases = Arrays.copyOf(cases, 2 * n);
                for (int i = 0; i < 4; i++) {
                    bounds[i] = Arrays.copyOf(bounds[i], 2 * n);
                }
            }
            cell[n] = c;
            cases[n] = k;
            bounds[0][n] = w;
            bounds[1][n] = s;
            bounds[2][n] = e;
            bounds[3][n] = north;
            n++;
        }

        TileCellIndex index() {
            return new TileCellIndex(Arrays.copyOf(cell, n), Arrays.copyOf(cases, n),
                    Arrays.copyOf(bounds[0], n), Arrays.copyOf(bounds[1], n),
                    Arrays.copyOf(bounds[2], n), Arrays.copyOf(bounds[3], n));
        }
    }
}
