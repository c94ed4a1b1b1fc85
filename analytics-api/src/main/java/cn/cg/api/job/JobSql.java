package cn.cg.api.job;

/** The job runs' statements (read-only). Binds: limit. */
final class JobSql {

    private JobSql() {
    }

    static final String IMPORTS = """
            SELECT id, file_name, format, crs, profile, rows_read, accepted, updated, rejected, duplicates,
                   started_at::text AS started_at, finished_at::text AS finished_at
            FROM import_run ORDER BY id DESC LIMIT ?""";

    static final String AGGREGATIONS = """
            SELECT r.run_id, r.mode, r.status, r.started_at::text AS started_at, r.finished_at::text AS finished_at,
                   r.cases_read, r.cell_rows, r.area_rows, r.message, (c.run_id IS NOT NULL) AS served
            FROM agg_run r LEFT JOIN agg_current c ON c.run_id = r.run_id
            ORDER BY r.run_id DESC LIMIT ?""";
}
