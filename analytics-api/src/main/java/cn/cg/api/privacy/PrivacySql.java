package cn.cg.api.privacy;

import cn.cg.api.aggregate.BucketRange;

/** The statements of public (suppressed) answers. Values are always bound. */
final class PrivacySql {

    private PrivacySql() {
    }

    /**
     * Cases per cell of one resolution for a query, before merging. Binds: resolution, categories, the six
     * bucket dates, area twice (NULL = everywhere; else cells whose centre lies in it, as the other readers).
     */
    static final String CELL_COUNTS = """
            SELECT s.cell, s.cases
            FROM (SELECT a.cell, sum(a.cases)::bigint AS cases
                  FROM agg_cell_current a
                  WHERE a.resolution = ? AND a.category_code = ANY (?::text[]) AND """ + BucketRange.SQL + """

                  GROUP BY a.cell) s
            JOIN h3_cell h ON h.cell = s.cell
            WHERE (?::bigint IS NULL OR EXISTS (SELECT 1 FROM admin_area ar WHERE ar.id = ?::bigint
                   AND ST_Intersects(ar.geom, ST_Centroid(h.geom))))""";
}
