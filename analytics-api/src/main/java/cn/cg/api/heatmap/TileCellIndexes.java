package cn.cg.api.heatmap;

import cn.cg.api.aggregate.AggregateFilter;
import cn.cg.api.aggregate.CellSums;
import cn.cg.api.system.CgProperties;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each query's cells per resolution for the token holders' vector tiles and heatmap, read once per query,
 * resolution and data version ({@link HeatmapSql#QUERY_CELLS}) and kept in memory, bounded by bytes. Why: a
 * cold tile read its cells' aggregate rows per bucket range, which cost PostgreSQL more than the rest of the
 * request at the high zooms; now it sends the few cells it shows (docs/heatmap-and-features.md). The heatmap
 * reads the same cells (at resolutions 9 and 10), so a query shown as both layers is read once.
 *
 * <p>The read takes a second or two on a 10M-case city, so a request never waits for it: {@link #ifLoaded}
 * starts it in the background and answers null until it is done, and the tile is then made by the one
 * statement over the tables, which gives the same tile.
 */
@Component
class TileCellIndexes {

    /**
     * Reads at once: two, so that one query's long read does not hold up another's, and no more, so that they
     * leave the pool's connections and the two cores to the tiles being served meanwhile.
     */
    private static final int READERS = 2;

    private final JdbcTemplate jdbc;
    private final AsyncCache<String, TileCellIndex> cache;

    @Autowired
    TileCellIndexes(JdbcTemplate jdbc, CgProperties properties) {
        this(jdbc, properties, BackgroundReads.threads("tile-cells-read", READERS));
    }

    /** @param reads where the reads run: their own threads, since each holds a connection for seconds */
    TileCellIndexes(JdbcTemplate jdbc, CgProperties properties, Executor reads) {
        this.jdbc = jdbc;
        // A failed read is dropped by the cache (the next tile starts another); a completed one is weighed.
        this.cache = Caffeine.newBuilder().maximumWeight(properties.tiles().pointsCacheMaxSize().toBytes())
                .weigher((String k, TileCellIndex v) -> (int) Math.min(Integer.MAX_VALUE, v.bytes()))
                .executor(reads).buildAsync();
    }

    /** Forgets every query's cells (after the start-up warm-up); a read under way completes unkept. */
    void clear() {
        cache.synchronous().invalidateAll();
    }

    /** The index when it is in memory; otherwise null, after starting its read if none is under way. */
    TileCellIndex ifLoaded(AggregateFilter f, int resolution, long dataVersion) {
        return BackgroundReads.ifDone(read(f, resolution, dataVersion));
    }

    /** The index, waiting for its read (tests, and callers that need it now). */
    TileCellIndex cells(AggregateFilter f, int resolution, long dataVersion) {
        return read(f, resolution, dataVersion).join();
    }

    private CompletableFuture<TileCellIndex> read(AggregateFilter f, int resolution, long dataVersion) {
        return cache.get(dataVersion + "|" + f.canonical() + "|" + resolution, k -> load(f, resolution));
    }

    private TileCellIndex load(AggregateFilter f, int resolution) {
        Rows rows = new Rows();
        jdbc.query(HeatmapSql.QUERY_CELLS, rs -> {
            rows.add(rs.getLong(1), rs.getInt(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6),
                    rs.getDouble(7), rs.getDouble(8));
        }, CellSums.binds(f, resolution).toArray());
        return rows.index();
    }

    /** Growable columns: a city-wide resolution-10 query has a few hundred thousand cells. */
    private static final class Rows {
        private long[] cell = new long[1024];
        private int[] cases = new int[1024];
        private double[][] coords = new double[6][1024]; // west, south, east, north, centre lon, centre lat
        private int n;

        void add(long c, int k, double w, double s, double e, double north, double lon, double lat) {
            if (n == cell.length) {
                cell = Arrays.copyOf(cell, 2 * n);
                cases = Arrays.copyOf(cases, 2 * n);
                for (int i = 0; i < coords.length; i++) {
                    coords[i] = Arrays.copyOf(coords[i], 2 * n);
                }
            }
            cell[n] = c;
            cases[n] = k;
            coords[0][n] = w;
            coords[1][n] = s;
            coords[2][n] = e;
            coords[3][n] = north;
            coords[4][n] = lon;
            coords[5][n] = lat;
            n++;
        }

        TileCellIndex index() {
            return new TileCellIndex(Arrays.copyOf(cell, n), Arrays.copyOf(cases, n),
                    Arrays.copyOf(coords[0], n), Arrays.copyOf(coords[1], n),
                    Arrays.copyOf(coords[2], n), Arrays.copyOf(coords[3], n), Arrays.copyOf(coords[4], n), Arrays.copyOf(coords[5], n));
        }
    }
}
