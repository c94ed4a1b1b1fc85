package cn.cg.api.feature;

import cn.cg.api.aggregate.CellSums;

/** Every statement of the features API, in one place. Values are always bound; identifiers are constants. */
final class FeatureSql {

    private FeatureSql() {
    }

    /** Wraps a collection's source: binds are the source's, then the bbox (four, or none), limit, offset. */
    static String items(String source, boolean bbox) {
        return "SELECT f.*, ST_AsGeoJSON(f.geom, 7) AS geojson, ST_AsText(f.geom) AS wkt FROM (" + source + ") f"
                + (bbox ? BBOX : "") + " ORDER BY f.id LIMIT ? OFFSET ?";
    }

    static String count(String source, boolean bbox) {
        return "SELECT count(*) FROM (" + source + ") f" + (bbox ? BBOX : "");
    }

    private static final String BBOX = " WHERE f.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)"
            + " AND ST_Intersects(f.geom, ST_MakeEnvelope(?, ?, ?, ?, 4326))";

    /**
     * Cells of one resolution with their counts. Binds: resolution, the period's first and last day as text
     * (NULL = all months), then {@link CellSums#binds}.
     */
    static final String CELLS = """
            SELECT lower(to_hex(h.cell)) AS id, h.geom, lower(to_hex(h.cell)) AS h3, ?::integer AS resolution,
                   s.cases::integer AS cases, ?::text AS period_start, ?::text AS period_end""" + CellSums.FROM;

    /**
     * The public's cells (docs/security.md): the query's cells after small-count merging, given as arrays
     * (merged ancestors have no h3_cell row). Binds: resolution of the collection, period first and last day,
     * then the arrays cell, resolution, cases, merged, boundary (lon/lat WKB, {@link cn.cg.api.privacy.RingWkb}).
     */
    static final String PUBLIC_CELLS = """
            SELECT lower(to_hex(m.cell)) AS id, ST_GeomFromWKB(m.boundary, 4326) AS geom, lower(to_hex(m.cell)) AS h3,
                   m.resolution, m.cases::integer AS cases, ?::text AS period_start, ?::text AS period_end, m.merged
            FROM unnest(?::bigint[], ?::integer[], ?::bigint[], ?::boolean[], ?::bytea[]) AS m(cell, resolution, cases, merged, boundary)""";

    /**
     * The public's form of {@link #AREAS}: figures from 1 to k-1 withheld (NULL), with what they can be
     * worked back from: closed and its rate and mean hours when the closed or the still-open count is small,
     * on-time likewise, everything when the cases are. Binds: k five times, then the source's.
     */
    static String publicAreas(String source) {
        return """
                SELECT f.id, f.geom, f.level, f.code, f.name, f.parent_id, f.area_km2,
                       CASE WHEN f.small THEN NULL ELSE f.cases END AS cases,
                       CASE WHEN f.small THEN NULL ELSE f.cases_per_km2 END AS cases_per_km2,
                       CASE WHEN f.small OR f.closed_small THEN NULL ELSE f.closed END AS closed,
                       CASE WHEN f.small OR f.on_time_small THEN NULL ELSE f.closed_on_time END AS closed_on_time,
                       CASE WHEN f.small OR f.closed_small THEN NULL ELSE f.closure_rate END AS closure_rate,
                       CASE WHEN f.small OR f.on_time_small THEN NULL ELSE f.on_time_closure_rate END AS on_time_closure_rate,
                       CASE WHEN f.small OR f.closed_small THEN NULL ELSE f.mean_handling_hours END AS mean_handling_hours,
                       (f.small OR f.closed_small OR f.on_time_small) AS suppressed
                FROM (SELECT s.*, (s.cases BETWEEN 1 AND ?::integer - 1) AS small,
                             (s.closed BETWEEN 1 AND ?::integer - 1 OR s.cases - s.closed BETWEEN 1 AND ?::integer - 1) AS closed_small,
                             (s.closed_on_time BETWEEN 1 AND ?::integer - 1
                              OR s.cases - s.closed_on_time BETWEEN 1 AND ?::integer - 1) AS on_time_small
                      FROM (""" + source + ") s) f";
    }

    /**
     * Admin areas with their figures over whole months. Binds: first month, month after the last,
     * categories, level twice (NULL = all levels), parent twice (NULL = any).
     */
    static final String AREAS = """
            SELECT ar.id, ar.geom, ar.level, ar.code, ar.name, ar.parent_id, ar.area_km2,
                   coalesce(s.cases, 0) AS cases, coalesce(s.cases, 0) / nullif(ar.area_km2, 0) AS cases_per_km2,
                   coalesce(s.closed, 0) AS closed, coalesce(s.closed_on_time, 0) AS closed_on_time,
                   s.closed::float8 / nullif(s.cases, 0) AS closure_rate,
                   s.closed_on_time::float8 / nullif(s.cases, 0) AS on_time_closure_rate,
                   s.handling_seconds::float8 / nullif(s.closed, 0) / 3600 AS mean_handling_hours
            FROM admin_area ar LEFT JOIN (
                SELECT a.area_id, sum(a.cases) AS cases, sum(a.closed) AS closed, sum(a.closed_on_time) AS closed_on_time,
                       sum(a.handling_seconds) AS handling_seconds
                FROM agg_area_current a
                WHERE a.bucket = 'month' AND a.bucket_start >= ? AND a.bucket_start < ? AND a.category_code = ANY (?::text[])
                GROUP BY a.area_id) s ON s.area_id = ar.id
            WHERE (?::text IS NULL OR ar.level = ?) AND (?::bigint IS NULL OR ar.parent_id = ?::bigint)""";

    /** Existing stations; binds: kind twice (NULL = all), first day, day after the last (opened_at; NULLs = no filter). */
    static final String STATIONS = """
            SELECT s.id, s.geom, s.kind, s.name, s.capacity, s.opened_at::text AS opened_at
            FROM station s
            WHERE (?::text IS NULL OR s.kind = ?) AND (?::date IS NULL OR (s.opened_at >= ? AND s.opened_at < ?))""";

    /** Candidate sites; binds: kind twice (NULL = all). */
    static final String CANDIDATE_SITES = """
            SELECT c.id, c.geom, c.kind, c.name, c.capacity, c.source, c.notes
            FROM candidate_site c
            WHERE (?::text IS NULL OR c.kind = ?)""";
}
