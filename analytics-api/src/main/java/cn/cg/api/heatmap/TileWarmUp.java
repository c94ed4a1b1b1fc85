package cn.cg.api.heatmap;

import cn.cg.api.aggregate.AggregateFilter;
import cn.cg.api.aggregate.AggregateFilters;
import cn.cg.api.aggregate.DataVersion;
import cn.cg.api.privacy.PublicCells;
import cn.cg.api.system.CgProperties;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs the tile paths on one thread for {@code cg.tiles.warm-up} after the server has started, then forgets
 * every tile and per-query cell list it made: it warms the code, not the queries. The cell boundaries and
 * hotspot groups its tiles read ({@link CellBoundaries}, {@link TileHotspots}) are kept: they are the run's
 * data, the same for every query, as PostgreSQL keeps the table pages it read.
 *
 * <p>Why: a just-started server that 50 clients hit at once served 1.6-2.6k warm tiles/s with p95 65-102 ms
 * for about a minute, against 13-18k tiles/s and p95 under 20 ms once it had served one client first
 * (session 11, docs/heatmap-and-features.md). With fifty busy request threads on two cores the JIT
 * compilers get a fiftieth of the CPU, so the code stays interpreted or at C1 for a long time; one
 * connection lets them compile the hot paths in seconds. With this warm-up that first minute ran at
 * 5.3-8.2k tiles/s with p95 14-25 ms (session 12; 1.2-2.5k and 64-112 ms without it on the same machine;
 * the steady state still comes later, under load). Spring Boot reports the application ready (readiness probe, and so
 * {@code /actuator/health}) only after application runners return, so load balancers, {@code ./cg bench}
 * and anything else that waits for health send their load to compiled code.
 *
 * <p>The public's tiles go through HTTP on loopback (Tomcat, the security filters, the controllers, ETags,
 * the tile cache), new ones for the first 40 % of the time, then the same ones again; a token holder's
 * vector tiles are made in-process, since the warm-up holds no token. Tiles are drawn at random over the
 * districts at zooms 10-16 for the latest month, as a map would ask for them.
 */
@Component
@ConditionalOnWebApplication
class TileWarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TileWarmUp.class);
    private static final int FIRST_ZOOM = 10;
    private static final int LAST_ZOOM = 16;
    /** The share of the warm-up that makes new tiles; the rest asks for them again. */
    private static final double RENDER_SHARE = 0.4;

    /**
     * What one warm-up did: requests sent and those not answered 200, token holders' tiles made in-process and
     * how many of them held cells (so that the warm-up ran the paths that meet data), and how long it took.
     */
    record Summary(int requests, int failures, int inProcessTiles, int inProcessTilesWithCells, Duration took) {
    }

    private final Duration length;
    private final Environment environment;
    private final JdbcTemplate jdbc;
    private final DataVersion version;
    private final AggregateFilters filters;
    private final CellTiles cellTiles;
    private final HeatmapService heatmaps;
    private final TileCache tileCache;
    private final TileCellIndexes indexes;
    private final PublicCells publicCells;

    TileWarmUp(CgProperties properties, Environment environment, JdbcTemplate jdbc, DataVersion version, AggregateFilters filters,
               CellTiles cellTiles, HeatmapService heatmaps, TileCache tileCache, TileCellIndexes indexes, PublicCells publicCells) {
        this.length = properties.tiles().warmUp();
        this.environment = environment;
        this.jdbc = jdbc;
        this.version = version;
        this.filters = filters;
        this.cellTiles = cellTiles;
        this.heatmaps = heatmaps;
        this.tileCache = tileCache;
        this.indexes = indexes;
        this.publicCells = publicCells;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!length.isZero() && !length.isNegative()) {
            warmUp(length);
        }
    }

    /**
     * Warms up for that long, then forgets the tiles and per-query cells (all of them: at start-up there are
     * no others).
     *
     * @return what it did, or null when there is nothing to warm up on (no districts, no web server)
     */
    Summary warmUp(Duration length) {
        Integer port = environment.getProperty("local.server.port", Integer.class);
        List<Double> area = jdbc.query(HeatmapSql.STUDY_AREA, (rs, i) -> rs.getObject(1) == null ? null
                : List.of(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4))).get(0);
        if (port == null || area == null) {
            log.info("tile warm-up skipped: {}", port == null ? "no web server port" : "no districts in the database");
            return null;
        }
        log.info("tile warm-up for {} s before reporting ready (cg.tiles.warm-up; requests are served meanwhile)", length.toSeconds());
        try (Http1 http = new Http1(URI.create("http://127.0.0.1:" + port), null)) {
            Summary s = warmUp(http, length, area.get(0), area.get(1), area.get(2), area.get(3));
            log.info("tile warm-up: {} requests ({} not answered 200) and {} in-process tiles ({} with cells) in {} ms;"
                    + " its tiles and cells are forgotten", s.requests(), s.failures(), s.inProcessTiles(), s.inProcessTilesWithCells(),
                    s.took().toMillis());
            return s;
        } finally {
            tileCache.clear();
            heatmaps.clear();
            cellTiles.clear();
            indexes.clear();
            publicCells.clear();
        }
    }

    private Summary warmUp(Http1 http, Duration length, double west, double south, double east, double north) {
        AggregateFilter researchers = filters.parse(Map.of(), version.latestMonthPeriod());
        Random random = new Random(1);
        long start = System.nanoTime();
        long end = start + length.toNanos();
        int requests = 0;
        int failures = 0;
        int inProcess = 0;
        int withCells = 0;
        requests++;
        if (get(http, "/api/v1/heatmap/legend") != 200) {
            failures++;
        }
        List<String> made = new ArrayList<>();
        long rendersEnd = start + (long) (length.toNanos() * RENDER_SHARE);
        while (System.nanoTime() < rendersEnd) {
            for (int z = FIRST_ZOOM; z <= LAST_ZOOM && System.nanoTime() < rendersEnd; z++) {
                double lon = west + (east - west) * random.nextDouble();
                double lat = south + (north - south) * random.nextDouble();
                int x = WebMercator.tileX(lon, z);
                int y = WebMercator.tileY(lat, z);
                for (String tile : List.of("/tiles/heatmap/" + z + "/" + x + "/" + y + ".png", "/tiles/cells/" + z + "/" + x + "/" + y + ".mvt")) {
                    made.add(tile);
                    requests++;
                    if (get(http, tile) != 200) {
                        failures++;
                    }
                }
                inProcess++;
                if (cellTiles.tile(researchers, version.version(), version.hotspotRun(), z, x, y, false).length > 0) {
                    withCells++;
                }
            }
        }
        // Then the tiles made above again and again: served from the cache, the path a map's panning and a
        // benchmark's warm phase take most. At 300-500 renders a second it had run too few times to be compiled
        // (50 clients right after: 4.3-6.8k tiles/s, p95 22-32 ms); cache hits run at thousands a second.
        // One connection, as above: eight connections here left the JIT compilers less CPU and gave 3.2-4.9k tiles/s
        // under the 50 clients after, against 5.3-8.2k.
        for (int i = 0; System.nanoTime() < end && !made.isEmpty(); i++) {
            requests++;
            if (get(http, made.get(i % made.size())) != 200) {
                failures++;
            }
        }
        return new Summary(requests, failures, inProcess, withCells, Duration.ofNanos(System.nanoTime() - start));
    }

    private static int get(Http1 http, String path) {
        try {
            return http.get(path);
        } catch (IOException e) {
            return -1;
        }
    }
}
