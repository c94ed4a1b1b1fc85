-- agg_cell becomes a table partitioned by generation: the full run that started the rows' line
-- (an incremental run writes into its base run's generation). Why: a full run writes millions of
-- cell rows, and COPYing them into one table with its B-tree index was more than half of the run.
-- Now a full run COPYs into a new, unindexed table agg_cell_g<run>, builds its indexes once, and
-- attaches it before the switch; a generation no reader can see any more is dropped instead of
-- DELETEd row by row. Visibility is unchanged: valid_from / valid_to and agg_current, as in V2, and
-- readers still read agg_cell_current, whose columns are unchanged.
--
-- Generation 0 (agg_cell_g0) holds the rows written before this migration and rows inserted by
-- hand (fixtures): the garbage collector treats it row by row as before.

ALTER TABLE agg_cell RENAME TO agg_cell_v2;
ALTER INDEX agg_cell_bucket_idx RENAME TO agg_cell_v2_bucket_idx;
ALTER INDEX agg_cell_replaced_idx RENAME TO agg_cell_v2_replaced_idx;

CREATE TABLE agg_cell (
    resolution    smallint    NOT NULL CHECK (resolution BETWEEN 7 AND 10),
    cell          bigint      NOT NULL,
    category_code varchar(8)  NOT NULL,
    bucket        varchar(5)  NOT NULL CHECK (bucket IN ('day', 'week', 'month')),
    bucket_start  date        NOT NULL,
    cases         integer     NOT NULL,
    valid_from    bigint      NOT NULL,
    valid_to      bigint,
    generation    bigint      NOT NULL DEFAULT 0
) PARTITION BY LIST (generation);
CREATE INDEX agg_cell_bucket_idx ON agg_cell (bucket, bucket_start, resolution, cell);
CREATE INDEX agg_cell_replaced_idx ON agg_cell (valid_to) WHERE valid_to IS NOT NULL;

CREATE TABLE agg_cell_g0 PARTITION OF agg_cell FOR VALUES IN (0);
INSERT INTO agg_cell (resolution, cell, category_code, bucket, bucket_start, cases, valid_from, valid_to, generation)
SELECT resolution, cell, category_code, bucket, bucket_start, cases, valid_from, valid_to, 0 FROM agg_cell_v2;
-- The view keeps its columns and now reads the new table (CREATE OR REPLACE, so that views built on
-- agg_cell_current elsewhere stay valid).
CREATE OR REPLACE VIEW agg_cell_current AS
SELECT a.resolution, a.cell, a.category_code, a.bucket, a.bucket_start, a.cases, c.run_id
FROM agg_cell a JOIN agg_current c
  ON a.valid_from BETWEEN c.base_run_id AND c.run_id AND (a.valid_to IS NULL OR a.valid_to > c.run_id);
DROP TABLE agg_cell_v2;
