-- Aggregates written by the Spark aggregation job (cn.cg.spark.aggregate.AggregationJob), read by the API.
--
-- Versioning, so that readers see whole runs only and a killed run changes nothing they see:
-- every aggregate row carries valid_from (the run that wrote it) and valid_to (the run that replaced
-- it, NULL while current). agg_current points at the served run. A row is served when
--     agg_current.base_run_id <= valid_from <= agg_current.run_id
--     AND (valid_to IS NULL OR valid_to > agg_current.run_id)
-- A full run writes every row and moves base_run_id to itself; an incremental run writes only the
-- buckets it recomputed and marks the rows they replace with valid_to. Rows of a run that is not yet
-- switched are invisible (valid_from > run_id), so a run writes straight into these tables as its
-- staging area and then switches in one transaction (the valid_to marks and the pointer update).
-- A killed run's rows are removed at the start of the next run. Read through the *_current views.

-- One row per job run.
CREATE TABLE agg_run (
    run_id        bigserial   PRIMARY KEY,
    mode          varchar(12) NOT NULL CHECK (mode IN ('full', 'incremental')),
    status        varchar(10) NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    started_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    finished_at   timestamptz,
    time_zone     text        NOT NULL,                 -- zone of the local day/week/month buckets
    changes_since timestamptz,                          -- incremental: changes after this were considered
    watermark     timestamptz,                          -- max(violation.updated_at, violation_change.changed_at) at start
    areas_fingerprint text,                             -- md5 over admin_area; a change forces a full run
    recomputed_from date,                               -- incremental: first local day recomputed (NULL = all)
    recomputed_to   date,                               -- incremental: day after the last day recomputed
    months_recomputed integer,
    cases_read    bigint,
    cell_rows     bigint,
    area_rows     bigint,
    profile_rows  bigint,
    study_cells   bigint,
    message       text
);

-- The served run: exactly one row once a run has succeeded. previous_* keep the run served before it
-- readable until the next run, for readers that hold on to a run id (ETag / data version).
CREATE TABLE agg_current (
    singleton            boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    run_id               bigint      NOT NULL REFERENCES agg_run (run_id),
    base_run_id          bigint      NOT NULL,
    previous_run_id      bigint,
    previous_base_run_id bigint,
    collected_below      bigint      NOT NULL DEFAULT 0,  -- rows with valid_from below this are deleted
    switched_at          timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- What readers use as the data version (tile ETags, caches).
CREATE VIEW data_version AS
SELECT c.run_id AS version, c.switched_at, r.mode, r.time_zone, r.watermark
FROM agg_current c JOIN agg_run r ON r.run_id = c.run_id;

-- Counts per (resolution, H3 cell, category, time bucket). bucket_start is the first local day of the
-- bucket (ISO weeks start on Monday). Only non-zero counts are stored; zeros come from agg_study_cell.
CREATE TABLE agg_cell (
    resolution    smallint    NOT NULL CHECK (resolution BETWEEN 7 AND 10),
    cell          bigint      NOT NULL,
    category_code varchar(8)  NOT NULL,
    bucket        varchar(5)  NOT NULL CHECK (bucket IN ('day', 'week', 'month')),
    bucket_start  date        NOT NULL,
    cases         integer     NOT NULL,
    valid_from    bigint      NOT NULL,
    valid_to      bigint
);
CREATE INDEX agg_cell_bucket_idx ON agg_cell (bucket, bucket_start, resolution, cell);
CREATE INDEX agg_cell_replaced_idx ON agg_cell (valid_to) WHERE valid_to IS NOT NULL;

-- Counts and closure figures per (admin area, category, week or month), for every area level.
-- closed: status closed with a closing time; closed_on_time: closed no later than deadline_at;
-- handling_seconds: exact sum of (closed_at - reported_at) over closed cases;
-- mean_handling_hours = handling_seconds / closed / 3600 (NULL when nothing closed).
-- Cases are attributed to the period in which they were reported.
CREATE TABLE agg_area (
    area_id        bigint      NOT NULL,
    level          varchar(10) NOT NULL,
    category_code  varchar(8)  NOT NULL,
    bucket         varchar(5)  NOT NULL CHECK (bucket IN ('week', 'month')),
    bucket_start   date        NOT NULL,
    cases          integer     NOT NULL,
    closed         integer     NOT NULL,
    closed_on_time integer     NOT NULL,
    handling_seconds bigint    NOT NULL,
    mean_handling_hours double precision,
    valid_from     bigint      NOT NULL,
    valid_to       bigint
);
CREATE INDEX agg_area_bucket_idx ON agg_area (bucket, bucket_start, level, area_id);
CREATE INDEX agg_area_replaced_idx ON agg_area (valid_to) WHERE valid_to IS NOT NULL;

-- Hour-of-week profiles per (admin area, category, month): hour_of_week 0 = Monday 00:00-00:59 local,
-- 167 = Sunday 23:00-23:59. Only non-zero hours are stored.
CREATE TABLE agg_area_hour (
    area_id       bigint      NOT NULL,
    level         varchar(10) NOT NULL,
    category_code varchar(8)  NOT NULL,
    month_start   date        NOT NULL,
    hour_of_week  smallint    NOT NULL CHECK (hour_of_week BETWEEN 0 AND 167),
    cases         integer     NOT NULL,
    valid_from    bigint      NOT NULL,
    valid_to      bigint
);
CREATE INDEX agg_area_hour_month_idx ON agg_area_hour (month_start, level, area_id);
CREATE INDEX agg_area_hour_replaced_idx ON agg_area_hour (valid_to) WHERE valid_to IS NOT NULL;

-- The study area: every cell (resolutions 7-10) whose boundary intersects a top-level admin area.
-- Hotspot statistics left-join counts onto these cells so that zero-count cells exist.
CREATE TABLE agg_study_cell (
    resolution smallint NOT NULL CHECK (resolution BETWEEN 7 AND 10),
    cell       bigint   NOT NULL,
    valid_from bigint   NOT NULL,
    valid_to   bigint
);
CREATE INDEX agg_study_cell_idx ON agg_study_cell (resolution, cell);

-- Cell boundaries from h3-java (PostgreSQL has no H3 extension here), so PostGIS can clip, join and
-- make vector tiles. A boundary is a pure function of the cell id, so this table only grows: it holds
-- every study-area cell and every cell that ever had a count; it needs no versioning.
CREATE TABLE h3_cell (
    cell       bigint   PRIMARY KEY,
    resolution smallint NOT NULL CHECK (resolution BETWEEN 0 AND 15),
    geom       geometry(Polygon, 4326) NOT NULL
);
CREATE INDEX h3_cell_geom_gix ON h3_cell USING gist (geom);
CREATE INDEX h3_cell_resolution_idx ON h3_cell (resolution);

-- Load area for new cell boundaries (COPY from the executors, then INSERT ... ON CONFLICT DO NOTHING).
CREATE UNLOGGED TABLE h3_cell_load (
    cell       bigint   NOT NULL,
    resolution smallint NOT NULL,
    geom       geometry(Polygon, 4326) NOT NULL
);

-- The served rows. Each view reads agg_current in the same statement, so a reader never mixes runs.
CREATE VIEW agg_cell_current AS
SELECT a.resolution, a.cell, a.category_code, a.bucket, a.bucket_start, a.cases, c.run_id
FROM agg_cell a JOIN agg_current c
  ON a.valid_from BETWEEN c.base_run_id AND c.run_id AND (a.valid_to IS NULL OR a.valid_to > c.run_id);

CREATE VIEW agg_area_current AS
SELECT a.area_id, a.level, a.category_code, a.bucket, a.bucket_start, a.cases, a.closed,
       a.closed_on_time, a.handling_seconds, a.mean_handling_hours, c.run_id
FROM agg_area a JOIN agg_current c
  ON a.valid_from BETWEEN c.base_run_id AND c.run_id AND (a.valid_to IS NULL OR a.valid_to > c.run_id);

CREATE VIEW agg_area_hour_current AS
SELECT a.area_id, a.level, a.category_code, a.month_start, a.hour_of_week, a.cases, c.run_id
FROM agg_area_hour a JOIN agg_current c
  ON a.valid_from BETWEEN c.base_run_id AND c.run_id AND (a.valid_to IS NULL OR a.valid_to > c.run_id);

CREATE VIEW agg_study_cell_current AS
SELECT a.resolution, a.cell, c.run_id
FROM agg_study_cell a JOIN agg_current c
  ON a.valid_from BETWEEN c.base_run_id AND c.run_id AND (a.valid_to IS NULL OR a.valid_to > c.run_id);
