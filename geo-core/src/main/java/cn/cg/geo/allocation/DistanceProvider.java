package cn.cg.geo.allocation;

/**
 * Distance from demand point {@code i} to candidate site {@code j}, in any consistent unit (metres for
 * coverage models, since the radius is compared with it).
 *
 * <p>This is the seam for network distance: the solvers never look at coordinates, only at this
 * matrix. A walking-network provider (shortest paths on the pedestrian graph, computed once per
 * candidate with Dijkstra and cached) plugs in here without touching any solver. Solvers read every
 * entry once and keep their own dense copy (weighted costs or neighbour lists), so a provider may be
 * slow per call but must be deterministic, finite and non-negative.
 */
public interface DistanceProvider {

    int demandCount();

    int siteCount();

    double distance(int demand, int site);

    /** Wraps a dense {@code [demand][site]} matrix without copying it. */
    static DistanceProvider of(double[][] matrix) {
        return new DenseDistances(matrix);
    }

    /**
     * Straight-line distance between points already projected to a metric plane (e.g. metres in a
     * local equirectangular or UTM projection). Lon/lat must be projected by the caller first.
     */
    static DistanceProvider euclidean(double[] demandX, double[] demandY, double[] siteX, double[] siteY) {
        return new EuclideanDistances(demandX, demandY, siteX, siteY);
    }
}
