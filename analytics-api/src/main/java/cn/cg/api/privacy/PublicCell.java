package cn.cg.api.privacy;

/**
 * A cell as the public sees it: an analysis cell with at least k cases, or an ancestor standing for the
 * small cells pooled into it ({@code merged}). Centre and boundary (WKT, lon/lat) come from h3-java,
 * since ancestors coarser than the study grid have no row in h3_cell; west/south/east/north bound the
 * boundary's vertices, so that a tile picks exactly the cells that can reach into it.
 */
public record PublicCell(long cell, int resolution, long cases, boolean merged, double lon, double lat, String wkt,
                         double west, double south, double east, double north) {
}
