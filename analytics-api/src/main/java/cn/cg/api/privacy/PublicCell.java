package cn.cg.api.privacy;

/**
 * A cell as the public sees it: an analysis cell with at least k cases, or an ancestor standing for the
 * small cells pooled into it ({@code merged}). Centre and boundary (lon/lat) come from h3-java, since
 * ancestors coarser than the study grid have no row in h3_cell; west/south/east/north bound the
 * boundary's vertices, so that a tile picks exactly the cells that can reach into it.
 *
 * @param wkb the boundary as lon/lat WKB ({@link RingWkb}), made once with the list: the public cells collection
 *            sends every cell's to PostgreSQL on each request; shared, not to be changed
 */
public record PublicCell(long cell, int resolution, long cases, boolean merged, double lon, double lat, byte[] wkb,
                         double west, double south, double east, double north) {

    /** The boundary's closed ring as lon, lat pairs (x0, y0, x1, y1, ...). */
    public double[] ring() {
        return RingWkb.ring(wkb);
    }

    /** The boundary as WKT (the cells collection's CSV). */
    public String wkt() {
        return PublicCells.wkt(ring());
    }
}
