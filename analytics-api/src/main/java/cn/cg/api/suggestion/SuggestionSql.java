package cn.cg.api.suggestion;

/** Every statement of the suggestion feature; values are always bound, never spliced. */
final class SuggestionSql {

    /**
     * Cases for demand, one row each: the position, the weight and the local hour of day. Grouping in SQL
     * does not pay: cases rarely share a position at the precision that keeps H3 assignment exact, and a
     * hash aggregate over ~1M groups costs more than streaming the rows (measured: 2.7 s vs 0.2 s server
     * time for 300,000 cases). The hour is epoch arithmetic with the zone's fixed offset (China has no
     * DST since 1991), cheaper than AT TIME ZONE per row. Void cases (作废) are not demand.
     * Binds: offset seconds, category codes, from, to (timestamptz), bbox minLon, minLat, maxLon, maxLat.
     */
    static final String DEMAND = """
            SELECT ST_X(geom) AS lon, ST_Y(geom) AS lat, weight,
                   (((extract(epoch FROM reported_at)::bigint + ?) % 86400 + 86400) % 86400 / 3600)::int AS hour
            FROM violation
            WHERE category_code = ANY (?) AND status <> 'void'
              AND reported_at >= ? AND reported_at < ?
              AND geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)""";

    /**
     * What the answer depends on, as one short string: case count, last case change, last logged
     * update/delete, and a digest of the planners' layers.
     */
    static final String DATA_VERSION = """
            SELECT 'cases ' || (SELECT count(*) FROM violation)
                || ', changed ' || coalesce(to_char((SELECT max(updated_at) FROM violation) AT TIME ZONE 'UTC',
                                                    'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), '-')
                || ', log ' || coalesce((SELECT max(id) FROM violation_change), 0)
                || ', layers ' || left(md5(
                       coalesce((SELECT string_agg(id || kind || ST_AsText(geom) || coalesce(capacity, 0), ',' ORDER BY id) FROM station), '')
                    || coalesce((SELECT string_agg(id || kind || ST_AsText(geom) || coalesce(capacity, 0), ',' ORDER BY id) FROM candidate_site), '')
                    || coalesce((SELECT string_agg(id || kind || buffer_m || md5(ST_AsBinary(geom)), ',' ORDER BY id) FROM exclusion_zone), '')), 10)""";

    /** Existing facilities of one kind (binds: kind, bbox). */
    static final String EXISTING = """
            SELECT id, name, ST_X(geom), ST_Y(geom), capacity FROM station
            WHERE kind = ? AND geom && ST_MakeEnvelope(?, ?, ?, ?, 4326) ORDER BY id""";

    /** Planner candidates for one kind or for any (binds: kind, bbox). */
    static final String CANDIDATES = """
            SELECT id, name, ST_X(geom), ST_Y(geom), capacity FROM candidate_site
            WHERE kind IN (?, 'any') AND geom && ST_MakeEnvelope(?, ?, ?, ?, 4326) ORDER BY id""";

    /**
     * The candidates (arrays of lon and lat, 1-based position) that lie within the buffer of an exclusion
     * zone, with the first such zone. The buffer of a stored zone is the larger of its own buffer_m and
     * the request's buffer for its kind, so a request can widen a stored rule but not weaken it; request
     * zones carry their own buffer. Distances are geodesic (geography); the bounding-box test in degrees
     * first (buffer / metres per degree of longitude at the zone's poleward edge, +1 %) only saves work.
     * Binds: lon[], lat[], use stored zones, school, hospital, arterial_road, custom buffers, request WKT[], names[], buffers[].
     */
    static final String EXCLUDED = """
            WITH pt AS (
                SELECT i, ST_SetSRID(ST_MakePoint(x, y), 4326) AS g
                FROM unnest(?::float8[], ?::float8[]) WITH ORDINALITY AS u(x, y, i)),
            buf AS (SELECT ?::boolean AS stored, ?::float8 AS school, ?::float8 AS hospital, ?::float8 AS road, ?::float8 AS custom),
            zone AS MATERIALIZED (
                SELECT z.kind, z.name, z.geom,
                       greatest(z.buffer_m, CASE z.kind WHEN 'school' THEN b.school WHEN 'hospital' THEN b.hospital
                                                       WHEN 'arterial_road' THEN b.road ELSE b.custom END) AS buffer_m
                FROM exclusion_zone z CROSS JOIN buf b WHERE b.stored
                UNION ALL
                SELECT 'custom', r.name, ST_GeomFromText(r.wkt, 4326), r.buffer_m
                FROM unnest(?::text[], ?::text[], ?::float8[]) AS r(wkt, name, buffer_m)),
            zone_box AS MATERIALIZED (
                SELECT kind, name, geom, buffer_m, geom::geography AS geog,
                       ST_Expand(geom, 1.01 * buffer_m / (111320 * cos(radians(least(89.0,
                           greatest(abs(ST_YMin(geom)), abs(ST_YMax(geom))) + 0.1))))) AS box
                FROM zone)
            SELECT pt.i, hit.kind, hit.name
            FROM pt CROSS JOIN LATERAL (
                SELECT z.kind, z.name FROM zone_box z
                WHERE z.box && pt.g AND ST_DWithin(z.geog, pt.g::geography, z.buffer_m)
                ORDER BY z.kind, z.name LIMIT 1) hit
            ORDER BY pt.i""";

    static final String INSERT_RUN = """
            INSERT INTO suggestion_run (kind, name, status, model, new_sites, coverage_pct, objective, bound, gap_pct,
                                        data_version, parameters, answer)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::json)
            RETURNING id, created_at""";

    /** Saves the answer again once it knows its own id and time (the stored JSON is what GET returns). */
    static final String UPDATE_ANSWER = "UPDATE suggestion_run SET answer = ?::json WHERE id = ?";

    static final String LIST_RUNS = """
            SELECT id, kind, name, created_at, status, model, new_sites, coverage_pct, objective, bound, gap_pct, data_version
            FROM suggestion_run WHERE (?::text IS NULL OR kind = ?) ORDER BY id DESC LIMIT ?""";

    static final String GET_ANSWER = "SELECT answer::text FROM suggestion_run WHERE id = ?";

    /**
     * Every site of the saved runs, one row each, as the OGC collection {@code suggestions}: the run's kind,
     * name, time, status and model, and the site's rank, role and figures as the answer stored them.
     * Binds: kind twice, run id twice, role twice (NULLs = any), then for the run's local creation day: first
     * day (NULL = any time), time zone, first day, time zone, day after the last.
     */
    static final String COLLECTION = """
            SELECT r.id || '-' || (s.site->>'rank') AS id,
                   ST_SetSRID(ST_MakePoint((s.site->>'lon')::float8, (s.site->>'lat')::float8), 4326) AS geom,
                   r.id AS run_id, r.kind, r.name AS run_name,
                   to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
                   r.status, r.model, (s.site->>'rank')::integer AS rank, s.site->>'role' AS role,
                   s.site->>'key' AS site_key, s.site->>'name' AS name, s.site->>'source' AS source,
                   (s.site->>'casesInReach')::bigint AS cases_in_reach,
                   (s.site->>'newCasesInReach')::bigint AS new_cases_in_reach,
                   (s.site->>'coveragePct')::float8 AS coverage_pct,
                   (s.site->>'cumulativeCoveragePct')::float8 AS cumulative_coverage_pct,
                   (s.site->>'eveningSharePct')::float8 AS evening_share_pct, s.site->>'reason' AS reason
            FROM suggestion_run r CROSS JOIN LATERAL json_array_elements(r.answer->'sites') AS s(site)
            WHERE (?::text IS NULL OR r.kind = ?) AND (?::bigint IS NULL OR r.id = ?)
              AND (?::text IS NULL OR s.site->>'role' = ?)
              AND (?::date IS NULL OR ((r.created_at AT TIME ZONE ?)::date >= ? AND (r.created_at AT TIME ZONE ?)::date < ?))""";

    /** The newest saved run: what the collection's ETag depends on (runs are added, never changed afterwards). */
    static final String LAST_RUN = "SELECT coalesce(max(id), 0) || '/' || count(*) FROM suggestion_run";

    private SuggestionSql() {
    }
}
