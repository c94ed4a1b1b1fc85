package cn.cg.api.heatmap;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The served hotspot run's bins and z of one resolution, category set and month, as the vector tiles show them
 * ({@link HeatmapSql#TILE_HOTSPOTS}), read once per data version, hotspot run and group: a tile then sends its
 * cells' bins with their boundaries, and PostgreSQL only clips and encodes ({@link HeatmapSql#CELL_TILE_OF_ARRAYS},
 * {@link HeatmapSql#PUBLIC_CELL_TILE}). Why: once the boundaries came from memory, the per-cell hotspot_cell
 * lookups were most of what was left of a token holder's tile statement (0.41 against 0.28 ms a tile over 200
 * zoom-16 tiles with their pages in memory; docs/heatmap-and-features.md, session 13). A group at resolution 10
 * is 148,000 cells, about 3 MB.
 *
 * <p>A token holder's tile never waits for the read (like {@link CellBoundaries}): until it is done, its
 * statement joins hotspot_cell as before. The public's tile, which waits for its query's cells already, waits
 * for this short read too.
 */
@Component
class TileHotspots {

    /** Groups kept: the months and category sets being looked at, over four resolutions. */
    private static final int KEPT = 64;

    /** No bins: a period that is not one month. */
    static final Bins NONE = new Bins(new long[0], new int[0], new double[0]);

    private final JdbcTemplate jdbc;
    private final AsyncCache<String, Bins> cache;

    @Autowired
    TileHotspots(JdbcTemplate jdbc) {
        this(jdbc, BackgroundReads.threads("tile-hotspots-read", 1));
    }

    /** @param reads where the reads run (tests hold them back) */
    TileHotspots(JdbcTemplate jdbc, Executor reads) {
        this.jdbc = jdbc;
        this.cache = Caffeine.newBuilder().maximumSize(KEPT).executor(reads).buildAsync();
    }

    /** One group's cells (ascending) with their bin and z (NaN where the job stored none). */
    static final class Bins {
        private final long[] cells;
        private final int[] bin;
        private final double[] z;

        Bins(long[] cells, int[] bin, double[] z) {
            this.cells = cells;
            this.bin = bin;
            this.z = z;
        }

        /**
         * The cells' hotspot attributes as the tile statements take them: where a cell has no row, none at all
         * (not a bin of 0, which would read as "not significant"); a z only where the job stored one.
         *
         * @param set the group's category set, the value of {@code hotspot_set}
         */
        Attributes of(Long[] of, String set) {
            Attributes a = new Attributes(new Integer[of.length], new Double[of.length], new String[of.length]);
            for (int k = 0; k < of.length; k++) {
                int i = Arrays.binarySearch(cells, of[k]);
                if (i >= 0) {
                    a.bin()[k] = bin[i];
                    a.z()[k] = Double.isNaN(z[i]) ? null : z[i];
                    a.set()[k] = set;
                }
            }
            return a;
        }
    }

    /** Per cell of a tile, its hotspot_bin, hotspot_z and hotspot_set (null: none). */
    record Attributes(Integer[] bin, Double[] z, String[] set) {

        /** Leaves the k-th cell without any (a merged ancestor on the public's tiles). */
        void drop(int k) {
            bin[k] = null;
            z[k] = null;
            set[k] = null;
        }
    }

    /**
     * The group's bins when they are in memory, {@link #NONE} without a month; otherwise null, after starting
     * the read. The read takes the hotspot run that is served when it runs, if it analysed the served
     * aggregation run; the key holds the run the request saw, so a switch in between is read again next time.
     */
    Bins ifLoaded(long dataVersion, long hotspotRun, int resolution, String set, LocalDate month) {
        return BackgroundReads.ifDone(read(dataVersion, hotspotRun, resolution, set, month));
    }

    /**
     * The group's bins, waiting for the read (the public's tiles, tests). A failed read throws its own exception
     * (a database failure is then answered as one), and the next call reads again.
     */
    Bins bins(long dataVersion, long hotspotRun, int resolution, String set, LocalDate month) {
        try {
            return read(dataVersion, hotspotRun, resolution, set, month).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private CompletableFuture<Bins> read(long dataVersion, long hotspotRun, int resolution, String set, LocalDate month) {
        if (month == null) {
            return CompletableFuture.completedFuture(NONE);
        }
        return cache.get(dataVersion + "|h" + hotspotRun + "|" + resolution + "|" + set + "|" + month, k -> load(resolution, set, month));
    }

    private Bins load(int resolution, String set, LocalDate month) {
        return jdbc.query(HeatmapSql.TILE_HOTSPOTS, rs -> {
            long[] cells = new long[1024];
            int[] bins = new int[1024];
            double[] zs = new double[1024];
            int n = 0;
            while (rs.next()) {
                if (n == cells.length) {
                    cells = Arrays.copyOf(cells, 2 * n);
                    bins = Arrays.copyOf(bins, 2 * n);
                    zs = Arrays.copyOf(zs, 2 * n);
                }
                cells[n] = rs.getLong(1);
                bins[n] = rs.getInt(2);
                double z = rs.getDouble(3);
                zs[n++] = rs.wasNull() ? Double.NaN : z;
            }
            return new Bins(Arrays.copyOf(cells, n), Arrays.copyOf(bins, n), Arrays.copyOf(zs, n));
        }, resolution, set, Date.valueOf(month));
    }
}
