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
        // thousands of cells, each with its boundary text.
        this.cache = Caffeine.newBuilder().maximumWeight(properties.tiles().pointsCacheMaxSize().toBytes())
                .weigher((String k, List<PublicCell> v) -> (int) Math.min(Integer.MAX_VALUE, 256L + v.stream()
                        .mapToLong(c -> 128L + 2L * c.wkt().length()).sum())).build();
    }

    public int k() {
        return k;
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
            out.add(new PublicCell(c.cell(), c.resolution(), c.count(), c.merged(), centre.getX(), centre.getY(), wkt(boundary),
                    e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()));
        }
        return List.copyOf(out);
    }

    /**
     * The boundary as WKT for ST_GeomFromText. JTS's {@code toText} formats each ordinate through a
     * DecimalFormat and took 85 % of this method's time (0.55 s of CPU for the demo city's 12,597
     * resolution-10 cells, about ten times that at 10M cases: the first heatmap tile or legend of a public
     * query waits for it); {@link Double#toString} is exact (it parses back to the same double) and
     * wrote the same text for every one of those cells, about eight times faster.
     */
    static String wkt(Polygon boundary) {
        Coordinate[] ring = boundary.getExteriorRing().getCoordinates();
        StringBuilder sb = new StringBuilder(40 * ring.length + 12).append("POLYGON ((");
        for (int i = 0; i < ring.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(Double.toString(ring[i].x)).append(' ').append(Double.toString(ring[i].y));
        }
        return sb.append("))").toString();
    }
}
