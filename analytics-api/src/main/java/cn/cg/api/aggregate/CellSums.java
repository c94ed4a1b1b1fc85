package cn.cg.api.aggregate;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * The city-wide reading of a query's cells at one resolution, shared by every reader that holds or lists a
 * whole query's cells (the heatmap's centres, the public's merged cells, the vector tiles' cell index, the
 * cells collection): each cell's summed cases over the period's buckets ({@code s.cell}, {@code s.cases}
 * bigint) joined to its {@code h3_cell} row ({@code h}), kept when the query has no area or the cell's centre
 * lies in it. A statement is {@code SELECT <columns of s and h>} followed by {@link #FROM}; {@link #binds}
 * are its values, in order.
 */
public final class CellSums {

    private CellSums() {
    }

    /** The area condition on a cell {@code h}: its centre lies in the area. Binds: area id twice (NULL = everywhere). */
    public static final String IN_AREA = "(?::bigint IS NULL OR EXISTS (SELECT 1 FROM admin_area ar WHERE ar.id = ?::bigint"
            + " AND ST_Intersects(ar.geom, ST_Centroid(h.geom))))";

    /**
     * One bucket range's rows (whole months, or the days before or after them) at the query's resolution and
     * categories, with the bucket a constant so that each arm reads only the leaves of its bucket (V42).
     * Binds: resolution, categories (text[]), first day, end day (exclusive).
     */
    private static final String RANGE_ROWS = "SELECT a.cell, a.cases FROM agg_cell_current a WHERE a.resolution = ?"
            + " AND a.category_code = ANY (?::text[]) AND a.bucket = '%s' AND a.bucket_start >= ? AND a.bucket_start < ?";

    /**
     * Binds: {@link #binds}. The three bucket ranges are arms of a UNION ALL, not one OR: under the OR the
     * day leaves were read for the month's dates (every day row of the month, filtered out again) even when
     * the period had no odd days, and a month of the 10M-case city at resolution 10 took 1.9-2.3 s against
     * 0.6-1.5 s (docs/heatmap-and-features.md).
     */
    public static final String FROM = "\nFROM (SELECT u.cell, sum(u.cases) AS cases FROM (\n    " + RANGE_ROWS.formatted("month")
            + "\n    UNION ALL " + RANGE_ROWS.formatted("day") + "\n    UNION ALL " + RANGE_ROWS.formatted("day")
            + ") u\n    GROUP BY u.cell) s\nJOIN h3_cell h ON h.cell = s.cell\nWHERE " + IN_AREA;

    /** The values of {@link #FROM} for a query at a resolution. */
    public static List<Object> binds(AggregateFilter f, int resolution) {
        List<Object> binds = rangeBinds(f, resolution);
        binds.add(new SqlParameterValue(Types.BIGINT, f.areaId()));
        binds.add(new SqlParameterValue(Types.BIGINT, f.areaId()));
        return binds;
    }

    /**
     * The values of three bucket-range arms (whole months, days before, days after), each: resolution,
     * categories, first day, end day. Also those of the vector tiles' per-cell lookups, written the same way.
     */
    public static List<Object> rangeBinds(AggregateFilter f, int resolution) {
        List<Object> binds = new ArrayList<>();
        List<Object> ranges = f.buckets().binds();
        for (int i = 0; i < 3; i++) {
            binds.add(resolution);
            binds.add(f.categoryArray());
            binds.add(ranges.get(2 * i));
            binds.add(ranges.get(2 * i + 1));
        }
        return binds;
    }
}
