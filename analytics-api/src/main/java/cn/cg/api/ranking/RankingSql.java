package cn.cg.api.ranking;

import java.util.Map;

/** The ranking statement. Values are bound; the sort column and direction come from {@link #SORTS} only. */
final class RankingSql {

    private RankingSql() {
    }

    /** Sort names users give -> output columns. */
    static final Map<String, String> SORTS = Map.ofEntries(
            Map.entry("cases", "cases"),
            Map.entry("casesPerKm2", "cases_per_km2"),
            Map.entry("previousCases", "previous_cases"),
            Map.entry("change", "change"),
            Map.entry("changePct", "change_pct"),
            Map.entry("closureRate", "closure_rate"),
            Map.entry("onTimeClosureRate", "on_time_closure_rate"),
            Map.entry("meanHandlingHours", "mean_handling_hours"),
            Map.entry("code", "code"),
            Map.entry("name", "name"));

    /**
     * Areas of one level with their figures for a period and the period before it. Binds: level, first
     * month, month after the last, categories; level, previous first month, previous month after the
     * last, categories; level, parent twice (NULL = all).
     */
    private static final String RANKING = """
            WITH cur AS (
                SELECT a.area_id, a.category_code, sum(a.cases) AS cases, sum(a.closed) AS closed,
                       sum(a.closed_on_time) AS closed_on_time, sum(a.handling_seconds) AS handling_seconds
                FROM agg_area_current a
                WHERE a.level = ? AND a.bucket = 'month' AND a.bucket_start >= ? AND a.bucket_start < ?
                  AND a.category_code = ANY (?::text[])
                GROUP BY a.area_id, a.category_code),
            tot AS (
                SELECT area_id, sum(cases) AS cases, sum(closed) AS closed, sum(closed_on_time) AS closed_on_time,
                       sum(handling_seconds) AS handling_seconds
                FROM cur GROUP BY area_id),
            prev AS (
                SELECT a.area_id, sum(a.cases) AS cases
                FROM agg_area_current a
                WHERE a.level = ? AND a.bucket = 'month' AND a.bucket_start >= ? AND a.bucket_start < ?
                  AND a.category_code = ANY (?::text[])
                GROUP BY a.area_id),
            top AS (
                SELECT area_id, string_agg(category_code || ':' || cases, ',' ORDER BY cases DESC, category_code) AS top_categories
                FROM (SELECT area_id, category_code, cases,
                             row_number() OVER (PARTITION BY area_id ORDER BY cases DESC, category_code) AS rn
                      FROM cur WHERE cases > 0) x
                WHERE rn <= 3 GROUP BY area_id),
            ranked AS (
                SELECT ar.id, ar.code, ar.name, ar.level, ar.parent_id, ar.area_km2,
                       coalesce(t.cases, 0) AS cases,
                       coalesce(t.cases, 0) / nullif(ar.area_km2, 0) AS cases_per_km2,
                       coalesce(p.cases, 0) AS previous_cases,
                       coalesce(t.cases, 0) - coalesce(p.cases, 0) AS change,
                       100 * (coalesce(t.cases, 0) - p.cases)::float8 / nullif(p.cases, 0) AS change_pct,
                       coalesce(t.closed, 0) AS closed, coalesce(t.closed_on_time, 0) AS closed_on_time,
                       t.closed::float8 / nullif(t.cases, 0) AS closure_rate,
                       t.closed_on_time::float8 / nullif(t.cases, 0) AS on_time_closure_rate,
                       t.handling_seconds::float8 / nullif(t.closed, 0) / 3600 AS mean_handling_hours,
                       tc.top_categories
                FROM admin_area ar
                LEFT JOIN tot t ON t.area_id = ar.id
                LEFT JOIN prev p ON p.area_id = ar.id
                LEFT JOIN top tc ON tc.area_id = ar.id
                WHERE ar.level = ? AND (?::bigint IS NULL OR ar.parent_id = ?::bigint))
            SELECT * FROM ranked""";

    static String ranking(String sortColumn, boolean descending) {
        if (!SORTS.containsValue(sortColumn)) {
            throw new IllegalArgumentException("not a sort column: " + sortColumn);
        }
        return RANKING + " ORDER BY " + sortColumn + (descending ? " DESC" : " ASC") + " NULLS LAST, code";
    }
}
