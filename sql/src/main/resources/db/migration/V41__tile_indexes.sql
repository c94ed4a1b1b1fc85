-- Indexes for the cell vector tiles (docs/heatmap-and-features.md, "Vector tiles").
--
-- Hotspot bins in the tiles: a tile looks up the Gi* row of each of its few hundred cells in the served
-- run's (resolution, category set, month) group. With the group index alone PostgreSQL reads the whole
-- group (every study cell of the city at that resolution) per tile; with the cell as the last column it
-- reads one index entry per cell. The new index starts with the old one's columns, which it replaces
-- (the job's deletes by run_id and the group reads use its prefix).
CREATE INDEX hotspot_cell_lookup_idx ON hotspot_cell (run_id, resolution, category_set, period_start, cell);
DROP INDEX hotspot_cell_group_idx;

-- Cell rows by cell: a vector tile reads the rows of its few hundred cells, by (resolution, cell) and one
-- bucket range at a time (HeatmapSql.CELL_TILE). agg_cell_bucket_idx (bucket, bucket_start, resolution,
-- cell) serves the readers of a whole month, but a tile through it reads every cell of the month at its
-- resolution: on 1M cases 0.3-0.5 s per tile at zooms 13-16 against 2-25 ms with this index. Made on the
-- partitioned table, so every generation gets it; AggregateStore builds it on a new generation before
-- attaching it (V40).
CREATE INDEX agg_cell_cell_idx ON agg_cell (resolution, cell, bucket, bucket_start);
