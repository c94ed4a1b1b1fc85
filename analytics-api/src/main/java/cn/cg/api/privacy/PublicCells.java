package cn.cg.api.privacy;

import cn.cg.api.aggregate.AggregateFilter;
import cn.cg.api.aggregate.CellSums;
import cn.cg.api.system.CgProperties;
import cn.cg.geo.grid.H3Cells;
import cn.cg.geo.privacy.SmallCountMerge;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The public's cells of a query: its cell counts at one resolution merged by {@link SmallCountMerge}
 * over the whole query (not per tile, so a pool that spans tiles is the same pool in each), once per
 * query and data version. Heatmaps, vector tiles and the cell collections of public requests read these.
 */
@Service
public class PublicCells {

    private final JdbcTemplate jdbc;
    private final int k;
    private final int coarsest;
    private final Cache<String, List<PublicCell>> cache;

    PublicCells(JdbcTemplate jdbc, CgProperties properties) {
        this.jdbc = jdbc;
        this.k = properties.security().k();
        this.coarsest = properties.security().coarsestMerge();
        // Bounded by bytes like the heatmap's own points cache: a city-wide resolution-10 query holds tens of
        // thousands of cells, each with its boundary's vertices.
        this.cache = Caffeine.newBuilder().maximumWeight(properties.tiles().pointsCacheMaxSize().toBytes())
                .weigher((String k, List<PublicCell> v) -> (int) Math.min(Integer.MAX_VALUE, 256L + v.stream()
                        .mapToLong(c -> 144L + c.wkb().length).sum())).build();
    }

    public int k() {
        return k;
    }

    /** Forgets every query's cells (after the start-up warm-up, cn.cg.api.heatmap.TileWarmUp). */
    public void clear() {
        cache.invalidateAll();
    }

    public List<PublicCell> cells(AggregateFilter f, int resolution, long dataVersion) {
        return cache.get(dataVersion + "|" + f.canonical() + "|" + resolution, key -> load(f, resolution));
    }

    private List<PublicCell> load(AggregateFilter f, int resolution) {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.query(PrivacySql.CELL_COUNTS, rs -> {
            counts.put(rs.getLong(1), rs.getLong(2));
        }, CellSums.binds(f, resolution).toArray());
        H3Cells h3 = H3Cells.get();
        List<PublicCell> out = new ArrayList<>();
        for (SmallCountMerge.Cell c : SmallCountMerge.merge(counts, k, Math.min(coarsest, resolution)).cells()) {
            Polygon boundary = h3.boundary(c.cell());
            Point centre = boundary.getCentroid();
            Envelope e = boundary.getEnvelopeInternal();
            out.add(new PublicCell(c.cell(), c.resolution(), c.count(), c.merged(), centre.getX(), centre.getY(), RingWkb.polygon(ring(boundary)),
                    e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()));
        }
        return List.copyOf(out);
    }

    /** The exterior ring's vertices as lon, lat pairs. */
    static double[] ring(Polygon boundary) {
        Coordinate[] ring = boundary.getExteriorRing().getCoordinates();
        double[] xy = new double[2 * ring.length];
        for (int i = 0; i < ring.length; i++) {
            xy[2 * i] = ring[i].x;
            xy[2 * i + 1] = ring[i].y;
        }
        return xy;
    }

    /**
     * A ring of lon, lat pairs as polygon WKT. JTS's {@code toText} formats each ordinate through a
     * DecimalFormat and took 85 % of the time when every public cell's text was made up front (0.55 s of
     * CPU for the demo city's 12,597 resolution-10 cells); {@link Double#toString} is exact (it parses back
     * to the same double) and wrote the same text for every one of those cells, about eight times faster.
     */
    static String wkt(double[] ring) {
        StringBuilder sb = new StringBuilder(20 * ring.length + 12).append("POLYGON ((");
        for (int i = 0; i < ring.length; i += 2) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(Double.toString(ring[i])).append(' ').append(Double.toString(ring[i + 1]));
        }
        return sb.append("))").toString();
    }
}
