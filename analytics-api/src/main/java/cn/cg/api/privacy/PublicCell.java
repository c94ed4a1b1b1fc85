package cn.cg.api.privacy;

/**
 * A cell as the public sees it: an analysis cell with at least k cases, or an ancestor standing for the
 * small cells pooled into it ({@code merged}). Centre and boundary (lon/lat) come from h3-java, since
 * ancestors coarser than the study grid have no row in h3_cell; west/south/east/north bound the
 * boundary's vertices, so that a tile picks exactly the cells that can reach into it.
 *
 * @param ring the boundary's closed ring as lon, lat pairs (x0, y0, x1, y1, ...); shared, not to be changed
 */
public record PublicCell(long cell, int resolution, long cases, boolean merged, double lon, double lat, double[] ring,
                         double west, double south, double east, double north) {

    /** The boundary as WKT (CSV output, ST_GeomFromText). */
    public String wkt() {
        return PublicCells.wkt(ring);
    }
}
