package cn.cg.api.violation;

/** Every statement of the import, in one place. Values are always bound; no text is spliced in. */
final class ImportSql {

    static final String CATEGORY_CODES = "SELECT code FROM category";

    /**
     * For this transaction, the server checks every second whether the importer is still connected, also
     * in the middle of the merge: a killed import is rolled back within about a second instead of when
     * its statement would have ended (PostgreSQL 14+; older servers skip it).
     */
    static final String WATCH_CLIENT = """
            SELECT set_config('client_connection_check_interval', '1s', true)
            WHERE current_setting('server_version_num')::int >= 140000""";

    static final String START_RUN = """
            INSERT INTO import_run (file_name, file_sha256, format, crs, profile, rows_read, accepted, updated,
                                    rejected, duplicates, started_at)
            VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, 0, now()) RETURNING id""";

    static final String CREATE_STAGING = """
            CREATE TEMP TABLE import_staging (
                line integer, case_no text, category_code text, source text, status text,
                reported_at timestamptz, closed_at timestamptz, deadline_at timestamptz,
                lon double precision, lat double precision, grid_code text, address text,
                weight double precision, attrs jsonb, reporter_name text, reporter_phone text
            ) ON COMMIT DROP""";

    static final String COPY_STAGING = """
            COPY import_staging (line, case_no, category_code, source, status, reported_at, closed_at, deadline_at,
                                 lon, lat, grid_code, address, weight, attrs, reporter_name, reporter_phone)
            FROM STDIN (FORMAT csv)""";

    /**
     * New cases are inserted; a known case whose fields changed is updated (its lifecycle moved on);
     * a known case with nothing new is left alone and counted as a duplicate.
     */
    static final String MERGE = """
            WITH merged AS (
                INSERT INTO violation AS v (case_no, category_code, source, status, reported_at, closed_at, deadline_at,
                                            geom, grid_code, address, weight, attrs, reporter_name, reporter_phone, import_id)
                SELECT case_no, category_code, source, status, reported_at, closed_at, deadline_at,
                       ST_SetSRID(ST_MakePoint(lon, lat), 4326), grid_code, address, weight, attrs,
                       reporter_name, reporter_phone, ?
                FROM import_staging
                ON CONFLICT (case_no) DO UPDATE SET
                    category_code = EXCLUDED.category_code, source = EXCLUDED.source, status = EXCLUDED.status,
                    reported_at = EXCLUDED.reported_at, closed_at = EXCLUDED.closed_at,
                    deadline_at = EXCLUDED.deadline_at, geom = EXCLUDED.geom, grid_code = EXCLUDED.grid_code,
                    address = EXCLUDED.address, weight = EXCLUDED.weight, attrs = EXCLUDED.attrs,
                    reporter_name = EXCLUDED.reporter_name, reporter_phone = EXCLUDED.reporter_phone,
                    import_id = EXCLUDED.import_id
                WHERE (v.category_code, v.source, v.status, v.reported_at, v.closed_at, v.deadline_at, v.geom,
                       v.grid_code, v.address, v.weight, v.attrs, v.reporter_name, v.reporter_phone)
                      IS DISTINCT FROM
                      (EXCLUDED.category_code, EXCLUDED.source, EXCLUDED.status, EXCLUDED.reported_at,
                       EXCLUDED.closed_at, EXCLUDED.deadline_at, EXCLUDED.geom, EXCLUDED.grid_code,
                       EXCLUDED.address, EXCLUDED.weight, EXCLUDED.attrs, EXCLUDED.reporter_name,
                       EXCLUDED.reporter_phone)
                RETURNING (xmax = 0) AS inserted
            )
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM merged""";

    static final String FINISH_RUN = """
            UPDATE import_run SET rows_read = ?, accepted = ?, updated = ?, rejected = ?, duplicates = ?,
                                  file_sha256 = ?, finished_at = now()
            WHERE id = ?""";

    private ImportSql() {
    }
}
