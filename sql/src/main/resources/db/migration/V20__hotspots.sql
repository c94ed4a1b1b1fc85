-- Hot-spot results written by the Spark hotspot job (cn.cg.spark.hotspot.HotspotJob), computed from
-- one aggregation run (agg_cell_current + agg_study_cell_current). Versions V20..V29 belong to hotspots.
--
-- Versioning as in V2: every row carries the run_id of the job run that wrote it; hotspot_current
-- points at the served run. A run writes its rows while invisible (its run_id is not current), then
-- switches hotspot_current in one transaction. Readers go through the *_current views, which read the
-- pointer in the same statement, so they see one whole run or the previous one, never a mix. A killed
-- run's rows are removed at the start of the next run; rows of runs older than the previous one are
-- deleted after each switch.

CREATE TABLE hotspot_run (
    run_id       bigserial   PRIMARY KEY,
    agg_run_id   bigint      NOT NULL,               -- the aggregation run analysed (agg_run.run_id)
    status       varchar(10) NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    started_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    finished_at  timestamptz,
    k_setting    varchar(8)  NOT NULL,               -- 'auto' or the ring size asked for
    auto_k_max   integer     NOT NULL,               -- largest k tried by the auto scale
    kernel       varchar(12) NOT NULL,
    fdr          boolean     NOT NULL,
    groups       integer,                            -- (resolution, category set, period) groups analysed
    cell_rows    bigint,
    emerging_rows bigint,
    seconds      double precision,
    message      text
);

CREATE TABLE hotspot_current (
    singleton       boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    run_id          bigint      NOT NULL REFERENCES hotspot_run (run_id),
    previous_run_id bigint,
    switched_at     timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- One row per analysed group: the parameters actually used. Gi* groups have period 'month' and the
-- month in period_start; emerging groups have period 'emerging' and the first and last step.
-- period_end is exclusive.
CREATE TABLE hotspot_group (
    run_id       bigint      NOT NULL,
    resolution   smallint    NOT NULL CHECK (resolution BETWEEN 7 AND 10),
    category_set varchar(16) NOT NULL,               -- 'all' or 'vendor'
    period       varchar(10) NOT NULL CHECK (period IN ('month', 'emerging')),
    period_start date        NOT NULL,
    period_end   date        NOT NULL,
    k            integer     NOT NULL,
    k_reason     text        NOT NULL,               -- why this k (auto scale sentence, or 'configured')
    kernel       varchar(12) NOT NULL,
    fdr          boolean     NOT NULL,
    cells        integer     NOT NULL,
    cases        bigint      NOT NULL,
    steps        integer,                            -- emerging: number of time steps
    PRIMARY KEY (run_id, resolution, category_set, period, period_start)
);

-- Gi* per (group, cell) over the study area (zeros included). z and p are NULL for a cell without
-- neighbours (or all-equal values); bin is -3..+3 (FDR-corrected when the run says fdr).
CREATE TABLE hotspot_cell (
    run_id       bigint      NOT NULL,
    resolution   smallint    NOT NULL,
    category_set varchar(16) NOT NULL,
    period_start date        NOT NULL,               -- the month
    cell         bigint      NOT NULL,
    value        double precision NOT NULL,          -- cases in the cell and month
    z            double precision,
    p            double precision,
    bin          smallint    NOT NULL CHECK (bin BETWEEN -3 AND 3)
);
CREATE INDEX hotspot_cell_group_idx ON hotspot_cell (run_id, resolution, category_set, period_start);

-- Emerging hot-spot class per (resolution, category set, cell) over the run's monthly steps.
CREATE TABLE hotspot_emerging (
    run_id       bigint      NOT NULL,
    resolution   smallint    NOT NULL,
    category_set varchar(16) NOT NULL,
    cell         bigint      NOT NULL,
    pattern      smallint    NOT NULL CHECK (pattern BETWEEN -8 AND 8),
    label        text        NOT NULL,               -- e.g. 'new hot spot', 'no pattern'
    trend_z      double precision,                   -- Mann-Kendall Z of the cell's z series
    trend_p      double precision,
    hot_steps    integer     NOT NULL,               -- steps significantly hot
    cold_steps   integer     NOT NULL
);
CREATE INDEX hotspot_emerging_group_idx ON hotspot_emerging (run_id, resolution, category_set);

CREATE VIEW hotspot_group_current AS
SELECT g.*, r.agg_run_id
FROM hotspot_group g JOIN hotspot_current c ON g.run_id = c.run_id JOIN hotspot_run r ON r.run_id = g.run_id;

CREATE VIEW hotspot_cell_current AS
SELECT h.* FROM hotspot_cell h JOIN hotspot_current c ON h.run_id = c.run_id;

CREATE VIEW hotspot_emerging_current AS
SELECT e.* FROM hotspot_emerging e JOIN hotspot_current c ON e.run_id = c.run_id;
