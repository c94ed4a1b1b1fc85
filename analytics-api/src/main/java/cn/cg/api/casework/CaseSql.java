package cn.cg.api.casework;

/**
 * The case drill-down's statement. It names its columns one by one: complainant details
 * (reporter_name, reporter_phone) and free text (address, attrs) are never selected, so no later change
 * to the response code can leak them.
 */
final class CaseSql {

    private CaseSql() {
    }

    /**
     * Case points with their district. Binds: first local day and day after the last (NULL = all), the
     * city's time zone twice, category codes (NULL = all) twice, status twice (NULL = all).
     */
    static final String CASES = """
            SELECT v.id, v.geom, v.category_code, v.reported_at::text AS reported_at, v.status, v.source,
                   d.code AS district_code, d.name AS district
            FROM violation v
            LEFT JOIN LATERAL (SELECT a.code, a.name FROM admin_area a
                               WHERE a.level = 'district' AND ST_Intersects(a.geom, v.geom) ORDER BY a.id LIMIT 1) d ON true
            WHERE (?::date IS NULL OR v.reported_at >= (?::date)::timestamp AT TIME ZONE ?)
              AND (?::date IS NULL OR v.reported_at < (?::date)::timestamp AT TIME ZONE ?)
              AND (?::text[] IS NULL OR v.category_code = ANY (?::text[]))
              AND (?::text IS NULL OR v.status = ?)""";
}
