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

    /** First and last month with cases (the default period). */
    static final String MONTH_SPAN = "SELECT min(bucket_start), max(bucket_start) FROM agg_cell_current "
        + "WHERE bucket = 'month'";

    static final String AREA_BY_ID = "SELECT id, level, code, name FROM admin_area WHERE id = ?";

    static final String AREA_BY_CODE = "SELECT id, level, code, name FROM admin_area WHERE code = ? ORDER BY id LIMIT 1";
}
