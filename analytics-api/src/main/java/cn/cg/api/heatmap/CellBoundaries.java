package cn.cg.api.heatmap;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import cn.cg.api.system.CgProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * h3_cell's stored Web Mercator boundaries ({@code geom_3857}) of one resolution as WKB, read once per
 * resolution and data version ({@link HeatmapSql#CELL_BOUNDARIES}): a token holder's vector tile sends its
 * cells' boundaries with their counts, so PostgreSQL clips and encodes them without looking up h3_cell per
 * cell. Why: at zoom 16 the lookups and their joins were most of the statement, and the served tile took
 * 1.00-1.37 times the direct ST_AsMVT over the tables (docs/heatmap-and-features.md, session 13). The bytes
 * are the stored ones, so the tile is the direct one to the last bit.
 *
 * <p>The whole table is 174,000 cells (about 27 MB: 125 bytes of WKB a hexagon, and its id) on the 10M-case
 * city; a resolution over {@code cg.tiles.boundaries-max-size} (128 MB) is not read. A data version re-reads
 * them, since a run may add cells; until a read is done {@link #ifLoaded} answers null and the tile joins h3_cell
 * as before.
 */
@Component
class CellBoundaries {

    /** Four resolutions of the tiles, for the served data version and the one before it while they switch. */
    private static final int KEPT = 8;

    /**
     * Bytes held per cell: a hexagon's 125 bytes of WKB (a pentagon's are fewer) in an array (16 bytes of
     * header), its reference and its id.
     */
    static final long BYTES_PER_CELL = 125 + 16 + 8 + 8;

    private static final Logger log = LoggerFactory.getLogger(CellBoundaries.class);

    private final JdbcTemplate jdbc;
    private final long maxBytes;
    private final AsyncCache<String, Shapes> cache;

    @Autowired
    CellBoundaries(JdbcTemplate jdbc, CgProperties properties) {
        this(jdbc, properties, BackgroundReads.threads("cell-boundaries-read", 1));
    }

    CellBoundaries(JdbcTemplate jdbc, CgProperties properties, Executor reads) {
        this(jdbc, properties.tiles().boundariesMaxSize().toBytes(), reads);
    }

    /**
     * @param maxBytes the most one resolution's boundaries may hold
     * @param reads where the reads run (tests hold them back)
     */
    CellBoundaries(JdbcTemplate jdbc, long maxBytes, Executor reads) {
        this.jdbc = jdbc;
        this.maxBytes = maxBytes;
        this.cache = Caffeine.newBuilder().maximumSize(KEPT).executor(reads).buildAsync();
    }

    /** One resolution's boundaries, by cell. */
    static final class Shapes {
        private final long[] cells;
        private final byte[][] wkb;

        Shapes(long[] cells, byte[][] wkb) {
            this.cells = cells;
            this.wkb = wkb;
        }

        /**
         * The cells' boundaries in EPSG:3857 as WKB, or null when one has none here. Each cell of a query's
         * index has an h3_cell row at the index's data version (QUERY_CELLS joins h3_cell), read here under the
         * same version; null would mean a read raced a run's switch, and the caller then joins h3_cell instead.
         */
        byte[][] wkbOf(Long[] of) {
            byte[][] out = new byte[of.length][];
            for (int k = 0; k < of.length; k++) {
                int i = Arrays.binarySearch(cells, of[k]);
                if (i < 0) {
                    return null;
                }
                out[k] = wkb[i];
            }
            return out;
        }
    }

    /** The resolution's boundaries when they are in memory; otherwise null, after starting their read. */
    Shapes ifLoaded(int resolution, long dataVersion) {
        return BackgroundReads.ifDone(read(resolution, dataVersion));
    }

    /** The resolution's boundaries, waiting for the read (tests). */
    Shapes shapes(int resolution, long dataVersion) {
        return read(resolution, dataVersion).join();
    }

    private CompletableFuture<Shapes> read(int resolution, long dataVersion) {
        return cache.get(dataVersion + "|" + resolution, k -> load(resolution));
    }

    private Shapes load(int resolution) {
        // A region far larger than a city (a province at resolution 10) would not fit: its tiles then join h3_cell,
        // and the empty Shapes kept for the data version stop the read from being tried on every tile.
        Long count = jdbc.queryForObject(HeatmapSql.CELL_BOUNDARY_COUNT, Long.class, resolution);
        if (count != null && count * BYTES_PER_CELL > maxBytes) {
            log.warn("vector tiles: the {} cell boundaries of resolution {} need about {} MB, over cg.tiles.boundaries-max-size"
                    + " ({} MB); its tiles join h3_cell instead", count, resolution, count * BYTES_PER_CELL >> 20, maxBytes >> 20);
            return new Shapes(new long[0], new byte[0][]);
        }
        int expected = count == null ? 0 : count.intValue();
        return jdbc.query(HeatmapSql.CELL_BOUNDARIES, rs -> {
            long[] cells = new long[expected];
            byte[][] wkb = new byte[expected][];
            int n = 0;
            while (rs.next()) {
                if (n == cells.length) { // a run added cells since the count
                    cells = Arrays.copyOf(cells, 2 * n + 16);
                    wkb = Arrays.copyOf(wkb, 2 * n + 16);
                }
                cells[n] = rs.getLong(1);
                wkb[n++] = rs.getBytes(2);
            }
            return new Shapes(Arrays.copyOf(cells, n), Arrays.copyOf(wkb, n));
        }, resolution);
    }
}
