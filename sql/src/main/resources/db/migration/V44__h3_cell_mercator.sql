-- Each cell's boundary in Web Mercator, kept beside the lon/lat one for the vector tiles. ST_Transform cost
-- 8.6 microseconds a cell (20,000 resolution-10 cells: 172 ms, against 2.6 ms to read a stored geometry),
-- more than half of what PostgreSQL spent on a zoom-13 tile of 220 cells (docs/heatmap-and-features.md).
-- A boundary never changes (the table only grows), so it is worked out once, as the row is written: a
-- generated column, so the aggregation job's INSERT (which names its columns) needs no change.
ALTER TABLE h3_cell ADD COLUMN geom_3857 geometry(Polygon, 3857)
    GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED;
