-- Cases arrive roughly in time order, so the time columns correlate with the heap order: BRIN indexes
-- answer the time-window reads of the jobs at a fraction of a B-tree's cost on every import (the
-- B-trees made a bulk import about twice as slow). Raw cases are read by time window and by place;
-- category filters are served from the aggregates, so the (category, time) B-tree goes.
DROP INDEX violation_reported_idx;
DROP INDEX violation_updated_idx;
DROP INDEX violation_category_reported_idx;
CREATE INDEX violation_reported_brin ON violation USING brin (reported_at) WITH (pages_per_range = 32);
CREATE INDEX violation_updated_brin ON violation USING brin (updated_at) WITH (pages_per_range = 32);
