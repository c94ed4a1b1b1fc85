-- agg_cell_current reads only the generations that can hold served rows: generation 0 (fixtures, rows from
-- before V40) and the served run's base generation (a full run writes its own generation, an incremental
-- run writes into its base run's: AggregateStore.generationOf). The visibility test alone gives the same
-- rows, but after a full run the previous run's generation stays attached until the next run (for readers
-- of previous_run_id), and every reader then read both: whole-month readers twice the rows, and the
-- ORDER BY bucket_start LIMIT 1 walks (DataVersion's latest month, the job's served months) through a whole
-- month of invisible rows per step (18.7 s for the served months at 10M cases, against milliseconds once
-- the old generation was gone). The base run comes from a scalar subquery, not the join: its value is
-- known when execution starts, so PostgreSQL prunes the other generations then (run-time pruning works on
-- such parameters, not on a join column).
CREATE OR REPLACE VIEW agg_cell_current AS
SELECT a.resolution, a.cell, a.category_code, a.bucket, a.bucket_start, a.cases, c.run_id
FROM agg_cell a JOIN agg_current c
  ON a.valid_from BETWEEN c.base_run_id AND c.run_id AND (a.valid_to IS NULL OR a.valid_to > c.run_id)
WHERE a.generation IN (0, (SELECT base_run_id FROM agg_current));
