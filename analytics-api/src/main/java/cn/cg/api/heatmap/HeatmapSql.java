package cn.cg.api.heatmap;

import cn.cg.api.aggregate.BucketRange;
import cn.cg.api.aggregate.CellSums;

/** Every statement of the heatmap and cell tiles, in one place. Values are always bound. */
final class HeatmapSql {

    private HeatmapSql() {
    }

    /**
     * The served hotspot job run, when it analysed the served aggregation run (else NULL, so no cell gets a
     * bin): a tile's bins then come from the same counts as its {@code cases}. An initplan, run once per tile.
     */
    static final String SERVED_HOTSPOT_RUN = """
            (SELECT cur.run_id FROM hotspot_current cur JOIN hotspot_run r ON r.run_id = cur.run_id
             JOIN agg_current a ON a.run_id = r.agg_run_id)""";

    /**
     * One bucket range of one tile cell (h.cell) in agg_cell_current, with the bucket a constant so that
     * the plan keeps only the generations' leaves of that bucket (V42), where (resolution, cell, bucket_start)
     * are all index conditions. Binds: resolution, categories, first day, end day (exclusive).
     */
    private static final String CELL_ROWS = "SELECT a.cases FROM agg_cell_current a WHERE a.resolution = ? AND a.cell = h.cell"
            + " AND a.category_code = ANY (?::text[]) AND a.bucket = '%s' AND a.bucket_start >= ? AND a.bucket_start < ?";

    /**
     * One Mapbox vector tile of H3 cells with their counts. Layer {@code cells}; attributes: {@code h3}
     * (hex index), {@code cell} (the index as a 64-bit integer), {@code resolution}, {@code cases}, and from
     * the hotspot job's Gi* of the tile's resolution, category set and month: {@code hotspot_bin} (-3..+3),
     * {@code hotspot_z}, {@code hotspot_set}. A cell without such a row (no served run of the job, a period
     * that is not one whole month, a cell outside the study area) has no hotspot attributes: ST_AsMVT leaves
     * NULL values out, so a missing bin never reads as 0 "not significant".
     *
     * <p>The counts start from the tile's cells (h3_cell's spatial index, the tile's resolution) and look up
     * each cell's rows in agg_cell's month or day leaves by (resolution, cell, bucket_start) (V41, V42), once
     * per bucket range of {@link BucketRange} (the whole months, the days before and after them; {@link
     * CellTiles#binds}):
     * written as one OR, as the city-wide readers have it, only (resolution, cell) become index conditions
     * and a resolution-7 cell has thousands of day rows a year to filter; written as a join on a VALUES list
     * of ranges, PostgreSQL's generic plan hash-joins the ranges after reading every row of the cell. Reading
     * the whole month of the resolution and joining the tile's cells (before V41) was 5-100 times slower
     * at zooms 13-16 on 1M cases (docs/heatmap-and-features.md, "Vector tiles").
     * Binds: see {@link CellTiles#binds}.
     *
     * <p>The API serves the same tile from the query's counts in memory ({@link #QUERY_CELLS}, {@link
     * #CELL_TILE_OF_CELLS}); this one statement over the tables is what a client of PostGIS alone would run: the
     * benchmark's direct query and the tests' reference for the served tile.
     */
    static final String CELL_TILE = """
            WITH bounds AS (SELECT ST_TileEnvelope(?, ?, ?) AS env),
            counts AS (
                SELECT h.cell, h.geom_3857, s.cases
                FROM h3_cell h CROSS JOIN bounds
                CROSS JOIN LATERAL (SELECT sum(u.cases)::integer AS cases FROM (
            """ + CELL_ROWS.formatted("month") + "\n    UNION ALL " + CELL_ROWS.formatted("day")
            + "\n    UNION ALL " + CELL_ROWS.formatted("day") + """

                    ) u) s
                WHERE h.resolution = ? AND h.geom && ST_Transform(bounds.env, 4326) AND s.cases IS NOT NULL
                  AND """ + CellSums.IN_AREA + """
            ),
            mvt AS (
                SELECT ST_AsMVTGeom(c.geom_3857, bounds.env, 4096, 64, true) AS geom,
                       lower(to_hex(c.cell)) AS h3, c.cell, ?::integer AS resolution, c.cases,
                       hc.bin::integer AS hotspot_bin, nullif(hc.z, 'NaN') AS hotspot_z, hc.category_set AS hotspot_set
                FROM counts c CROSS JOIN bounds
                LEFT JOIN hotspot_cell hc ON hc.run_id = """ + SERVED_HOTSPOT_RUN + """
                     AND hc.resolution = ? AND hc.category_set = ? AND hc.period_start = ?::date AND hc.cell = c.cell)
            SELECT ST_AsMVT(mvt, 'cells', 4096, 'geom') FROM mvt WHERE geom IS NOT NULL""";

    /**
     * The cells of one query at one resolution, with their counts (as {@link #CELL_TILE} sums them), the
     * lon/lat bounds of their boundaries and their centres, read once per query, resolution and data version
     * into a {@link TileCellIndex}: a cold vector tile then reads no aggregate rows, and the heatmap weighs
     * the same cells at their centres ({@link CellPoints}), so a query shown as both reads its cells once.
     * ST_XMin..ST_YMax give the boundary's exact extent (&& rounds it outwards to float, {@link
     * #CELL_TILE_OF_SHAPES}). In cell order, so that a tile's features are too. Binds: {@link CellSums#binds}.
     */
    static final String QUERY_CELLS = "SELECT s.cell, s.cases::integer, ST_XMin(h.geom), ST_YMin(h.geom), ST_XMax(h.geom),"
            + " ST_YMax(h.geom), ST_X(ST_Centroid(h.geom)), ST_Y(ST_Centroid(h.geom))" + CellSums.FROM + "\nORDER BY s.cell";

    /** The districts' extent (lon/lat west, south, east, north; NULLs without districts): where tiles are drawn from. */
    static final String STUDY_AREA = "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)"
            + " FROM (SELECT ST_Extent(geom) AS e FROM admin_area WHERE level = 'district') s";

    /**
     * {@link #CELL_TILE}'s tile from given cells and counts (the tile's cells of a {@link TileCellIndex}, a
     * superset of those whose box meets the tile): the boundaries by h3_cell's key, the same test of the box
     * against the tile, the same geometry, attributes and hotspot rows, so the two tiles hold the same
     * features. Binds: z, x, y, cells (bigint[]), cases (integer[]), the resolution attribute, the hotspot
     * rows' resolution, category set and month (NULL = none).
     *
     * <p>Both CTEs are MATERIALIZED for the plan pgjdbc's prepared statement gets after five tiles (the generic
     * one, which cannot see the arrays' length): inlined, the planner pushed {@code geom IS NOT NULL} (the whole
     * ST_AsMVTGeom) and the box test down into a scan of h3_cell's spatial index, so every resolution's cells
     * in the tile were clipped and joined to the given ones by a filter; at zoom 13 (220 cells) that was 13 ms
     * against 2 ms for the key lookups (docs/heatmap-and-features.md).
     */
    static final String CELL_TILE_OF_CELLS = """
            WITH bounds AS (SELECT ST_TileEnvelope(?, ?, ?) AS env),
            c AS MATERIALIZED (
                SELECT u.cell, u.cases, u.n, h.geom, h.geom_3857
                FROM unnest(?::bigint[], ?::integer[]) WITH ORDINALITY AS u(cell, cases, n)
                JOIN h3_cell h ON h.cell = u.cell),
            mvt AS MATERIALIZED (
                SELECT ST_AsMVTGeom(c.geom_3857, bounds.env, 4096, 64, true) AS geom,
                       lower(to_hex(c.cell)) AS h3, c.cell, ?::integer AS resolution, c.cases,
                       hc.bin::integer AS hotspot_bin, nullif(hc.z, 'NaN') AS hotspot_z, hc.category_set AS hotspot_set
                FROM c CROSS JOIN bounds
                LEFT JOIN hotspot_cell hc ON hc.run_id = """ + SERVED_HOTSPOT_RUN + """
                     AND hc.resolution = ? AND hc.category_set = ? AND hc.period_start = ?::date AND hc.cell = c.cell
                WHERE c.geom && ST_Transform(bounds.env, 4326)
                ORDER BY c.n)
            SELECT ST_AsMVT(mvt, 'cells', 4096, 'geom') FROM mvt WHERE geom IS NOT NULL""";

    /**
     * {@link #CELL_TILE}'s tile from arrays alone, so PostgreSQL reads no row: a superset of the tile's cells
     * from a {@link TileCellIndex} with their counts and exact extents, their stored geom_3857 as WKB ({@link
     * CellBoundaries}) and their hotspot attributes ({@link TileHotspots}, NULL where a cell has no row).
     * CELL_TILE's test of a cell against the tile, {@code h.geom && ST_Transform(env, 4326)}, is made on an
     * envelope of the cell's exact extent: {@code &&} compares the two boxes rounded outwards to float either
     * way, so the same cells pass. (Made in Java instead, the test missed by a float step at tile edges on round
     * longitudes, where PROJ's inverse lands just below the exact value: found by probing PostGIS at 400
     * tiles.) Same geometry and attributes as CELL_TILE. Binds: z, x, y, the resolution attribute, cells
     * (bigint[]), cases (integer[]), west, south, east, north (float8[]), boundaries (bytea[]), hotspot_bin
     * (integer[]), hotspot_z (float8[]), hotspot_set (text[]).
     */
    static final String CELL_TILE_OF_ARRAYS = """
            WITH bounds AS (SELECT e.env, ST_Transform(e.env, 4326) AS lonlat FROM (SELECT ST_TileEnvelope(?, ?, ?) AS env) e),
            mvt AS (
                SELECT ST_AsMVTGeom(ST_GeomFromWKB(u.boundary, 3857), bounds.env, 4096, 64, true) AS geom,
                       lower(to_hex(u.cell)) AS h3, u.cell, ?::integer AS resolution, u.cases,
                       u.bin AS hotspot_bin, u.z AS hotspot_z, u.hotspot_set
                FROM unnest(?::bigint[], ?::integer[], ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::bytea[],
                            ?::integer[], ?::float8[], ?::text[])
                     AS u(cell, cases, west, south, east, north, boundary, bin, z, hotspot_set) CROSS JOIN bounds
                WHERE ST_MakeEnvelope(u.west, u.south, u.east, u.north, 4326) && bounds.lonlat)
            SELECT ST_AsMVT(mvt, 'cells', 4096, 'geom') FROM mvt WHERE geom IS NOT NULL""";

    /**
     * One group of the served hotspot run (when it analysed the served aggregation run, as in the tiles), in
     * cell order, for {@link TileHotspots}. Binds: resolution, category set, month.
     */
    static final String TILE_HOTSPOTS = "SELECT hc.cell, hc.bin, hc.z FROM hotspot_cell hc WHERE hc.run_id = " + SERVED_HOTSPOT_RUN
            + " AND hc.resolution = ? AND hc.category_set = ? AND hc.period_start = ? ORDER BY hc.cell";

    /** How many boundaries a resolution has, before they are read ({@link CellBoundaries}). Binds: resolution. */
    static final String CELL_BOUNDARY_COUNT = "SELECT count(*) FROM h3_cell WHERE resolution = ?";

    /** One resolution's cell boundaries in EPSG:3857 as WKB, in cell order ({@link CellBoundaries}). Binds: resolution. */
    static final String CELL_BOUNDARIES = "SELECT cell, ST_AsBinary(geom_3857) FROM h3_cell WHERE resolution = ? ORDER BY cell";

    /**
     * The public's vector tile: the query's cells after small-count merging (docs/security.md), given as
     * arrays because merged ancestors have no h3_cell row. Same layer and attributes as {@link #CELL_TILE}
     * (resolution is the published cell's own) plus {@code merged}. Only cells published as themselves (k
     * cases or more) carry hotspot attributes ({@link TileHotspots}, NULL for merged ancestors, which stand for
     * small cells), so no bin tells of a cell below k. Binds: z, x, y, the arrays cell, resolution, cases,
     * merged, boundary (WKB in EPSG:3857, {@link PublicTileCells}), hotspot_bin, hotspot_z, hotspot_set.
     */
    static final String PUBLIC_CELL_TILE = """
            WITH bounds AS (SELECT ST_TileEnvelope(?, ?, ?) AS env),
            mvt AS (
                SELECT ST_AsMVTGeom(ST_GeomFromWKB(m.boundary, 3857), bounds.env, 4096, 64, true) AS geom,
                       lower(to_hex(m.cell)) AS h3, m.cell, m.resolution, m.cases::integer AS cases, m.merged,
                       m.bin AS hotspot_bin, m.z AS hotspot_z, m.hotspot_set
                FROM unnest(?::bigint[], ?::integer[], ?::bigint[], ?::boolean[], ?::bytea[], ?::integer[], ?::float8[], ?::text[])
                     AS m(cell, resolution, cases, merged, boundary, bin, z, hotspot_set) CROSS JOIN bounds)
            SELECT ST_AsMVT(mvt, 'cells', 4096, 'geom') FROM mvt WHERE geom IS NOT NULL""";
}
