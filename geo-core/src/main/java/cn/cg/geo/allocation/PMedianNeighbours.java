package cn.cg.geo.allocation;

import cn.cg.geo.grid.UniformGrid;
import java.util.Arrays;

/**
 * Sparse candidate lists for the p-median (Resende and Werneck's "neighbourhood lists"): per demand
 * point its {@code k} cheapest sites, sorted by (cost, site), with their weighted costs, and per site the
 * demand points whose list holds it. A site outside point i's list costs at least {@link #last(int)}, the
 * list's largest cost; the search and the bound use that as a valid lower estimate and compute the exact
 * cost only when a point's open sites lie beyond its list (see {@link #cost(int, int)}).
 *
 * <p>Why: a dense 20,000 x 2,000 cost matrix is 40 M entries (320 MB), and every interchange pass and
 * subgradient step walked all of it, although a demand point is only ever served by one of its nearest
 * few dozen sites. With {@code k = m} (small instances) the lists are complete and the algorithms do
 * exactly what the dense versions did.
 *
 * <p>Euclidean providers: the lists come from a {@link UniformGrid} over the sites (no all-pairs) and
 * exact costs are recomputed from coordinates. Other providers (dense matrices, network distances) are
 * read once into a dense weighted matrix, as before, since they have no geometry to index.
 */
final class PMedianNeighbours {

    /** Complete lists up to this many sites: the OR-Library sizes keep their exact dense behaviour. */
    static final int FULL_UP_TO = 512;
    /** List length above that: a point's nearest open site is about its (m / p)-th nearest candidate. */
    static final int DEFAULT_K = 128;

    final int n;
    final int m;
    final int k;
    final boolean complete;
    /** Per demand point i: sites {@code site[i*k .. i*k+k)} by increasing cost, costs in {@code cost}. */
    final int[] site;
    final double[] cost;
    /** Per site j: demand points {@code invDemand[invStart[j] .. invStart[j+1])} listing j, their costs. */
    final int[] invStart;
    final int[] invDemand;
    final double[] invCost;

    private final double[] w;
    private final EuclideanDistances euclid;
    /** Dense weighted costs {@code [site][demand]} for non-euclidean providers, else null. */
    private final double[][] dense;
    private final boolean integral;

    PMedianNeighbours(AllocationProblem problem) {
        this(problem, problem.siteCount() <= FULL_UP_TO ? problem.siteCount() : Math.min(problem.siteCount(), DEFAULT_K));
    }

    PMedianNeighbours(AllocationProblem problem, int listLength) {
        n = problem.demandCount();
        m = problem.siteCount();
        k = Math.max(1, Math.min(m, listLength));
        complete = k == m;
        w = problem.weights();
        site = new int[n * k];
        cost = new double[n * k];
        DistanceProvider d = problem.distances();
        if (d instanceof EuclideanDistances e) {
            euclid = e;
            dense = null;
            checkFinite(e);
            UniformGrid grid = new UniformGrid(e.siteX(), e.siteY(), UniformGrid.cellFor(e.siteX(), e.siteY(), 4));
            int[] ids = new int[k];
            double[] dist = new double[k];
            double[] dx = e.demandX();
            double[] dy = e.demandY();
            for (int i = 0; i < n; i++) {
                grid.nearest(dx[i], dy[i], k, ids, dist);
                for (int q = 0; q < k; q++) {
                    site[i * k + q] = ids[q];
                    cost[i * k + q] = w[i] * dist[q];
                }
            }
            integral = integralWeightsAndDistances(e);
        } else {
            euclid = null;
            dense = PMedianSearch.weightedCosts(problem);
            Integer[] idx = new Integer[m];
            boolean allInt = true;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    idx[j] = j;
                    double v = dense[j][i];
                    allInt &= v == Math.rint(v) && v <= 1e12;
                }
                final int ii = i;
                Arrays.sort(idx, (a, b) -> dense[a][ii] != dense[b][ii] ? Double.compare(dense[a][ii], dense[b][ii])
                        : Integer.compare(a, b));
                for (int q = 0; q < k; q++) {
                    site[i * k + q] = idx[q];
                    cost[i * k + q] = dense[idx[q]][i];
                }
            }
            integral = allInt;
        }
        invStart = new int[m + 1];
        for (int s : site) {
            invStart[s + 1]++;
        }
        for (int j = 0; j < m; j++) {
            invStart[j + 1] += invStart[j];
        }
        invDemand = new int[n * k];
        invCost = new double[n * k];
        int[] fill = Arrays.copyOf(invStart, m);
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < k; q++) {
                int at = fill[site[i * k + q]]++;
                invDemand[at] = i;
                invCost[at] = cost[i * k + q];
            }
        }
    }

    /** Exact weighted cost of serving demand point i from site j. */
    double cost(int i, int j) {
        if (dense != null) {
            return dense[j][i];
        }
        return w[i] * euclid.distance(i, j);
    }

    /** The largest cost in point i's list: every site outside the list costs at least this much. */
    double last(int i) {
        return cost[i * k + k - 1];
    }

    /** True when every cost is an integer, so objectives are integers and bounds may be rounded up. */
    boolean integral() {
        return integral;
    }

    /** Sum over demand points of the cost to site j (the 1-median value of j): one full pass. */
    double fullCost(int j) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += cost(i, j);
        }
        return s;
    }

    /**
     * Euclidean costs are integers only if weights are integers and every distance is: whole-metre
     * coordinates give integer squares but rarely integer roots, so this is almost always false, as the
     * dense check found on such data.
     */
    private boolean integralWeightsAndDistances(EuclideanDistances e) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double v = w[i] * e.distance(i, j);
                if (v != Math.rint(v) || v > 1e12) {
                    return false;
                }
            }
        }
        return true;
    }

    private void checkFinite(EuclideanDistances e) {
        for (double[] a : new double[][] {e.demandX(), e.demandY(), e.siteX(), e.siteY()}) {
            for (double v : a) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("coordinates must be finite, was " + v
                            + " (an unreachable pair needs a large finite penalty)");
                }
            }
        }
    }
}
