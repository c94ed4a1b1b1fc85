-- Saved suggestion runs (scenarios): what was asked, on which data, and the whole answer, so a run can be
-- listed, reopened, compared with another and exported long after the data has changed.
CREATE TABLE suggestion_run (
    id           bigserial   PRIMARY KEY,
    kind         varchar(20) NOT NULL CHECK (kind IN ('vendor-zones', 'service-stations')),
    name         text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    status       varchar(10) NOT NULL CHECK (status IN ('OPTIMAL', 'FEASIBLE', 'INFEASIBLE')),
    model        varchar(24) NOT NULL,
    new_sites    integer     NOT NULL,
    coverage_pct double precision,          -- demand within reach after the new sites, percent
    objective    double precision,
    bound        double precision,
    gap_pct      double precision,
    data_version text        NOT NULL,      -- cases, last change and planners' layers the run saw
    parameters   jsonb       NOT NULL,      -- every parameter, defaults included
    answer       json        NOT NULL       -- json, not jsonb: returned byte for byte in the order written
);
CREATE INDEX suggestion_run_kind_idx ON suggestion_run (kind, id DESC);
