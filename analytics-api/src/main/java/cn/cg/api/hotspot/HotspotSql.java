package cn.cg.api.hotspot;

/**
 * Every SQL statement of the hotspot feature, bind parameters only. Reads the served aggregation run
 * through the V2 views; the caller runs them in one repeatable-read transaction so they see one run.
 */
final class HotspotSql {

    private HotspotSql() {
    }

    /** The served aggregation run (the data version), or no row before the first run. */
    static final String DATA_VERSION = "SELECT run_id FROM agg_current";

    /** The study cells of a resolution. */
    static final String STUDY_CELLS = "SELECT cell FROM agg_study_cell_current WHERE resolution = ?";

    /** The study cells of a resolution whose boundary meets an admin area. */
    static final String STUDY_CELLS_IN_AREA = "SELECT s.cell FROM agg_study_cell_current s "
        + "JOIN h3_cell h ON h.cell = s.cell JOIN admin_area a ON ST_Intersects(h.geom, a.geom) "
        + "WHERE s.resolution = ? AND a.id = ?";

    /** Cases per cell over [from, to) for a comma-separated list of category codes. */
    static final String COUNTS = "SELECT cell, sum(cases) FROM agg_cell_current "
        + "WHERE resolution = ? AND bucket = ? AND bucket_start >= ? AND bucket_start < ? "
        + "AND category_code = ANY (string_to_array(?, ',')) GROUP BY cell";

    /** Cases per cell and bucket over [from, to). */
    static final String COUNTS_BY_BUCKET = "SELECT cell, bucket_start, sum(cases) FROM agg_cell_current "
        + "WHERE resolution = ? AND bucket = ? AND bucket_start >= ? AND bucket_start < ? "
        + "AND category_code = ANY (string_to_array(?, ',')) GROUP BY cell, bucket_start";

    /**
     * First and last month with cases (the default period). Two ORDER BY ... LIMIT 1 instead of min/max: through the view's
     * join PostgreSQL does not turn min/max into index probes and aggregated every month row (1.0 s at
     * 1M cases against 0.4 ms this way).
     */
    static final String MONTH_SPAN = """
        SELECT (SELECT bucket_start FROM agg_cell_current WHERE bucket = 'month' ORDER BY bucket_start LIMIT 1),
               (SELECT bucket_start FROM agg_cell_current WHERE bucket = 'month' ORDER BY bucket_start DESC LIMIT 1)""";

    static final String AREA_BY_ID = "SELECT id, level, code, name FROM admin_area WHERE id = ?";

    static final String AREA_BY_CODE = "SELECT id, level, code, name FROM admin_area WHERE code = ? ORDER BY id LIMIT 1";

    /**
     * The hotspot job's stored Gi* results (V20) of one resolution and category set, one row per cell and
     * month, with the cell's emerging hot-spot class over the months: the OGC collection {@code hotspots}.
     * Rows with 1 to k-1 cases are left out when suppressing (docs/security.md); NaN statistics read as NULL.
     * Binds: resolution, category set, the period's first day, the day after its last, the first day again
     * (NULLs = every month; a month counts when it overlaps the period), suppress, k.
     */
    static final String COLLECTION = """
            SELECT lower(to_hex(c.cell)) || '-' || to_char(c.period_start, 'YYYY-MM') AS id, h.geom,
                   lower(to_hex(c.cell)) AS h3, c.resolution::integer AS resolution, c.category_set,
                   to_char(c.period_start, 'YYYY-MM') AS month, round(c.value)::bigint AS cases,
                   nullif(c.z, 'NaN') AS z, nullif(c.p, 'NaN') AS p, c.bin::integer AS bin,
                   e.label AS emerging, e.pattern::integer AS emerging_code
            FROM hotspot_cell_current c
            JOIN h3_cell h ON h.cell = c.cell
            LEFT JOIN hotspot_emerging_current e
                   ON e.resolution = c.resolution AND e.category_set = c.category_set AND e.cell = c.cell
            WHERE c.resolution = ? AND c.category_set = ?
              AND (?::date IS NULL OR (c.period_start < ?::date AND (c.period_start + interval '1 month')::date > ?::date))
              AND NOT (?::boolean AND c.value >= 1 AND c.value < ?)""";
}
