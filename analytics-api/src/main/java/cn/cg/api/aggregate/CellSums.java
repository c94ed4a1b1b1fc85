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

    /** Binds: resolution, categories (text[]), the bucket range's six dates, area id twice. */
    public static final String FROM = """

            FROM (SELECT a.cell, sum(a.cases) AS cases
                  FROM agg_cell_current a
                  WHERE a.resolution = ? AND a.category_code = ANY (?::text[]) AND """ + BucketRange.SQL + """

                  GROUP BY a.cell) s
            JOIN h3_cell h ON h.cell = s.cell
            WHERE """ + IN_AREA;

    /** The values of {@link #FROM} for a query at a resolution. */
    public static List<Object> binds(AggregateFilter f, int resolution) {
        List<Object> binds = new ArrayList<>();
        binds.add(resolution);
        binds.add(f.categoryArray());
        binds.addAll(f.buckets().binds());
        binds.add(new SqlParameterValue(Types.BIGINT, f.areaId()));
        binds.add(new SqlParameterValue(Types.BIGINT, f.areaId()));
        return binds;
    }
}
