-- Indexes for the cell vector tiles (docs/heatmap-and-features.md, "Vector tiles").
--
-- Hotspot bins in the tiles: a tile looks up the Gi* row of each of its few hundred cells in the served
-- run's (resolution, category set, month) group. With the group index alone PostgreSQL reads the whole
-- group (every study cell of the city at that resolution) per tile; with the cell as the last column it
-- reads one index entry per cell. The new index starts with the old one's columns, which it replaces
-- (the job's deletes by run_id and the group reads use its prefix).
CREATE INDEX hotspot_cell_lookup_idx ON hotspot_cell (run_id, resolution, category_set, period_start, cell);
DROP INDEX hotspot_cell_group_idx;
