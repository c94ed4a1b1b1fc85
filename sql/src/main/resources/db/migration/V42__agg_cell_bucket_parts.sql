-- Each agg_cell generation (V40) becomes itself partitioned by bucket: agg_cell_g<N> is LIST-partitioned
-- into agg_cell_g<N>_day, _week and _month, and the readers' indexes move from agg_cell to these leaves,
-- without the bucket column:
--   <leaf>_time_idx (bucket_start, resolution, cell)   every leaf: the city-wide readers of one bucket kind
--                                                       (a month, a range of days or weeks, the latest month)
--   <leaf>_cell_idx (resolution, cell, bucket_start)   day and month leaves: the vector tiles' look-up of
--                                                       one cell's rows (HeatmapSql.CELL_TILE); nothing reads
--                                                       weeks by cell
--   (valid_to) WHERE valid_to IS NOT NULL              every leaf, through agg_cell_replaced_idx as before
-- Why: building agg_cell_bucket_idx (bucket, bucket_start, resolution, cell) and agg_cell_cell_idx
-- (resolution, cell, bucket, bucket_start) on a full run's new generation was half of the job at 10M cases
-- (100 s of 210 s), and most of that was comparing the three-valued text column bucket (measured on 6.3M
-- rows: 20-26 s with it, 7.6 s without). Every reader filters exactly one bucket (a constant, or a bind
-- that run-time pruning resolves), so partition pruning takes the place of the leading column. The indexes
-- differ per leaf, so they cannot be partitioned indexes on agg_cell any more; the job builds them on
-- each leaf of a new generation before it attaches it (AggregateStore.attachGeneration).
--
-- Generation 0 (rows inserted by hand, fixtures, rows from before V40) is rebuilt in the new shape and
-- its rows are moved. Generations of earlier full runs stay plain tables with the indexes they have (they
-- are detached from agg_cell's indexes here, which keeps them as their own); the garbage collector drops
-- them once a newer full run has been served twice, as before.

DO $$
DECLARE
    g text;
    plain text[] := ARRAY[]::text[];
BEGIN
    FOR g IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
             WHERE i.inhparent = 'agg_cell'::regclass AND c.relname <> 'agg_cell_g0' LOOP
        EXECUTE format('ALTER TABLE agg_cell DETACH PARTITION %I', g);
        plain := plain || g;
    END LOOP;
    -- Only agg_cell_g0 is attached now: dropping the partitioned indexes drops its copies of them; the
    -- detached generations keep theirs.
    DROP INDEX agg_cell_bucket_idx;
    DROP INDEX agg_cell_cell_idx;

    ALTER TABLE agg_cell DETACH PARTITION agg_cell_g0;
    ALTER TABLE agg_cell_g0 RENAME TO agg_cell_g0_v41;
    CREATE TABLE agg_cell_g0 PARTITION OF agg_cell FOR VALUES IN (0) PARTITION BY LIST (bucket);
    CREATE TABLE agg_cell_g0_day PARTITION OF agg_cell_g0 FOR VALUES IN ('day');
    CREATE TABLE agg_cell_g0_week PARTITION OF agg_cell_g0 FOR VALUES IN ('week');
    CREATE TABLE agg_cell_g0_month PARTITION OF agg_cell_g0 FOR VALUES IN ('month');
    CREATE INDEX agg_cell_g0_day_time_idx ON agg_cell_g0_day (bucket_start, resolution, cell);
    CREATE INDEX agg_cell_g0_day_cell_idx ON agg_cell_g0_day (resolution, cell, bucket_start);
    CREATE INDEX agg_cell_g0_week_time_idx ON agg_cell_g0_week (bucket_start, resolution, cell);
    CREATE INDEX agg_cell_g0_month_time_idx ON agg_cell_g0_month (bucket_start, resolution, cell);
    CREATE INDEX agg_cell_g0_month_cell_idx ON agg_cell_g0_month (resolution, cell, bucket_start);
    INSERT INTO agg_cell_g0 (resolution, cell, category_code, bucket, bucket_start, cases, valid_from, valid_to, generation)
    SELECT resolution, cell, category_code, bucket, bucket_start, cases, valid_from, valid_to, generation
    FROM agg_cell_g0_v41;
    DROP TABLE agg_cell_g0_v41;

    -- Back in, with their CHECK (generation = N) sparing the validation scan; their valid_to index is
    -- adopted by agg_cell_replaced_idx.
    FOREACH g IN ARRAY plain LOOP
        EXECUTE format('ALTER TABLE agg_cell ATTACH PARTITION %I FOR VALUES IN (%s)', g,
                       substring(g FROM '^agg_cell_g([0-9]+)$'));
    END LOOP;
END $$;

ANALYZE agg_cell_g0;
