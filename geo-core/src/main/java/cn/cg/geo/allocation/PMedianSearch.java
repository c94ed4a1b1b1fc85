package cn.cg.geo.allocation;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Heuristic machinery of the p-median: lazy greedy construction and Whitaker's fast interchange, on
 * sparse candidate lists ({@link PMedianNeighbours}).
 *
 * <p>Keeps for every demand point its nearest and second-nearest open site ({@code phi1/phi2},
 * {@code d1/d2}); with these, the value of every "insert j, remove the best r" move is found in one
 * pass (Whitaker 1983). The pass does not need every demand point: removing r costs its customers
 * {@code base[r] = sum (d2 - d1)} and inserting j only changes that for points with {@code c_ij < d2},
 * which (when {@code d2} lies within the point's list) are among the points listing j. So evaluating j
 * walks j's inverse list, plus the few "far" points whose second-nearest open site lies beyond their
 * list, for which the exact cost is computed (Resende and Werneck's restriction to affected pairs).
 */
final class PMedianSearch {

    final int n;
    final int m;
    final PMedianNeighbours nb;
    final boolean[] isRequired;
    final int[] required;
    /** Sites open in every solution: required + p new. */
    final int total;

    private final int k;
    private final boolean[] open;
    private final int[] openList;
    private int openCount;
    private final int[] phi1;
    private final int[] phi2;
    private final double[] d1;
    private final double[] d2;
    /** Per open site: what its customers pay extra if it closes and nothing opens (sum d2 - d1), far points excluded. */
    private final double[] base;
    private final double[] delta;
    /** Points whose second-nearest open site lies beyond their list: evaluated with exact costs. */
    private final boolean[] isFar;
    private final int[] far;
    private int farCount;
    private final int[] mark;
    private int stamp;
    private int oneMedian = -1;

    PMedianSearch(PMedianNeighbours nb, int[] required, int p) {
        this.nb = nb;
        this.m = nb.m;
        this.n = nb.n;
        this.k = nb.k;
        this.required = required.clone();
        this.isRequired = new boolean[m];
        for (int r : required) {
            isRequired[r] = true;
        }
        this.total = required.length + p;
        this.open = new boolean[m];
        this.openList = new int[total];
        this.phi1 = new int[n];
        this.phi2 = new int[n];
        this.d1 = new double[n];
        this.d2 = new double[n];
        this.base = new double[m];
        this.delta = new double[m];
        this.isFar = new boolean[n];
        this.far = new int[n];
        this.mark = new int[n];
    }

    /** Weighted cost matrix {@code [site][demand]}; rejects distances a solver cannot use. */
    static double[][] weightedCosts(AllocationProblem problem) {
        int n = problem.demandCount();
        int m = problem.siteCount();
        DistanceProvider d = problem.distances();
        double[][] c = new double[m][n];
        for (int i = 0; i < n; i++) {
            double w = problem.weight(i);
            for (int j = 0; j < m; j++) {
                double dist = d.distance(i, j);
                if (!(dist >= 0) || Double.isInfinite(dist)) {
                    throw new IllegalArgumentException("distance from demand " + i + " to site " + j
                            + " must be finite and >= 0, was " + dist + " (an unreachable pair needs a large finite penalty)");
                }
                c[j][i] = w * dist;
            }
        }
        return c;
    }

    /** Cost of point i's nearest site among {@code sites} ({@code in} marks them): list first, exact beyond it. */
    double nearestCost(int i, boolean[] in, int[] sites) {
        int b = i * k;
        for (int q = 0; q < k; q++) {
            if (in[nb.site[b + q]]) {
                return nb.cost[b + q];
            }
        }
        double best = Double.POSITIVE_INFINITY;
        for (int s : sites) {
            best = Math.min(best, nb.cost(i, s));
        }
        return best;
    }

    /** Total cost of serving every demand point from its nearest site among {@code sites}. */
    double evaluate(int[] sites) {
        boolean[] in = new boolean[m];
        for (int s : sites) {
            in[s] = true;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += nearestCost(i, in, sites);
        }
        return sum;
    }

    /** The best single site (least total cost); one full pass over all pairs, computed once. */
    private int oneMedian() {
        if (oneMedian < 0) {
            double bestCost = Double.POSITIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                double s = nb.fullCost(j);
                if (s < bestCost) {
                    bestCost = s;
                    oneMedian = j;
                }
            }
        }
        return oneMedian;
    }

    /**
     * Greedy adding: required sites and {@code seeds} first, then repeatedly the site that lowers the
     * cost most. Gains only shrink as sites are added (the saving function is submodular), so a stale
     * gain is an upper bound: a site is re-evaluated only when it reaches the top of the queue (lazy
     * evaluation, Minoux 1978). Initial gains are upper bounds from the lists alone (a point whose current
     * cost lies beyond its list may gain at most {@code best - last}), exact gains are computed on pop.
     */
    int[] greedy(int[] seeds) {
        double[] best = new double[n];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        boolean[] chosen = new boolean[m];
        int[] picks = new int[total];
        int count = 0;
        for (int r : required) {
            count = add(r, picks, count, chosen, best);
        }
        for (int s : seeds) {
            if (!chosen[s] && count < total) {
                count = add(s, picks, count, chosen, best);
            }
        }
        if (count == 0) {
            // Nothing open yet: every gain is infinite, so pick the 1-median directly.
            count = add(oneMedian(), picks, count, chosen, best);
        }
        int[] farList = new int[n];
        int farN = 0;
        double farSlack = 0;
        for (int i = 0; i < n; i++) {
            double l = nb.last(i);
            if (best[i] > l) {
                farList[farN++] = i;
                farSlack += best[i] - l;
            }
        }
        double[] ub = new double[m];
        PriorityQueue<Integer> queue = new PriorityQueue<>(m,
                (a, b) -> ub[a] != ub[b] ? Double.compare(ub[b], ub[a]) : Integer.compare(a, b));
        for (int j = 0; j < m; j++) {
            if (!chosen[j]) {
                double g = farSlack;
                for (int a = nb.invStart[j]; a < nb.invStart[j + 1]; a++) {
                    int i = nb.invDemand[a];
                    double diff = best[i] - nb.invCost[a];
                    if (diff > 0) {
                        g += diff;
                    }
                    double l = nb.last(i);
                    if (best[i] > l) {
                        g -= best[i] - l;
                    }
                }
                ub[j] = g;
                queue.add(j);
            }
        }
        while (count < total) {
            int j = queue.poll();
            double g = gain(j, best, farList, farN);
            Integer next = queue.peek();
            if (next == null || g >= ub[next]) {
                count = add(j, picks, count, chosen, best);
                int f = 0;
                for (int q = 0; q < farN; q++) {
                    if (best[farList[q]] > nb.last(farList[q])) {
                        farList[f++] = farList[q];
                    }
                }
                farN = f;
            } else {
                ub[j] = g;
                queue.add(j);
            }
        }
        return picks;
    }

    private int add(int site, int[] picks, int count, boolean[] chosen, double[] best) {
        chosen[site] = true;
        picks[count] = site;
        for (int i = 0; i < n; i++) {
            double v = nb.cost(i, site);
            if (v < best[i]) {
                best[i] = v;
            }
        }
        return count + 1;
    }

    /** Exact saving of adding j: points listing j, plus points whose current cost lies beyond their list. */
    private double gain(int j, double[] best, int[] farList, int farN) {
        stamp++;
        double g = 0;
        for (int a = nb.invStart[j]; a < nb.invStart[j + 1]; a++) {
            int i = nb.invDemand[a];
            mark[i] = stamp;
            double diff = best[i] - nb.invCost[a];
            if (diff > 0) {
                g += diff;
            }
        }
        for (int q = 0; q < farN; q++) {
            int i = farList[q];
            if (mark[i] != stamp) {
                double diff = best[i] - nb.cost(i, j);
                if (diff > 0) {
                    g += diff;
                }
            }
        }
        return g;
    }

    /** Makes {@code sites} (exactly {@code total} distinct, required included) the current solution. */
    void load(int[] sites) {
        Arrays.fill(open, false);
        openCount = 0;
        for (int s : sites) {
            open[s] = true;
            openList[openCount++] = s;
        }
        for (int i = 0; i < n; i++) {
            nearestTwo(i);
        }
        rebuild();
    }

    /** Nearest two open sites of point i: the first two open ones in its list, else an exact scan. */
    private void nearestTwo(int i) {
        int b1 = -1;
        int b2 = -1;
        double v1 = Double.POSITIVE_INFINITY;
        double v2 = Double.POSITIVE_INFINITY;
        int b = i * k;
        for (int q = 0; q < k; q++) {
            int s = nb.site[b + q];
            if (open[s]) {
                if (b1 < 0) {
                    b1 = s;
                    v1 = nb.cost[b + q];
                } else {
                    b2 = s;
                    v2 = nb.cost[b + q];
                    break;
                }
            }
        }
        if (b2 < 0 && !nb.complete) {
            // An open site lies beyond the list: recompute exactly over the open sites (p of them).
            b1 = -1;
            v1 = Double.POSITIVE_INFINITY;
            v2 = Double.POSITIVE_INFINITY;
            for (int q = 0; q < openCount; q++) {
                int s = openList[q];
                double v = nb.cost(i, s);
                if (v < v1) {
                    b2 = b1;
                    v2 = v1;
                    b1 = s;
                    v1 = v;
                } else if (v < v2) {
                    b2 = s;
                    v2 = v;
                }
            }
        }
        phi1[i] = b1;
        d1[i] = v1;
        phi2[i] = b2;
        d2[i] = v2;
    }

    /** Recomputes the far points and the removal costs {@code base} from phi/d. */
    private void rebuild() {
        for (int q = 0; q < openCount; q++) {
            base[openList[q]] = 0;
        }
        farCount = 0;
        for (int i = 0; i < n; i++) {
            isFar[i] = d2[i] > nb.last(i);
            if (isFar[i]) {
                far[farCount++] = i;
            } else {
                base[phi1[i]] += d2[i] - d1[i];
            }
        }
    }

    double cost() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += d1[i];
        }
        return s;
    }

    int[] sites() {
        return Arrays.copyOf(openList, openCount);
    }

    /** Points served beyond their list by the second-nearest open site in the current solution. */
    int farCount() {
        return farCount;
    }

    /**
     * Fast interchange: cycle over closed candidates; for each, one pass over the affected demand points
     * gives the saving of inserting it and, per open site r, the extra cost of then removing r (customers
     * of r that do not switch to the new site fall back to min(second nearest, new site)). The best swap
     * is made at once if it improves (first-improvement over insertions); stop after a full cycle without
     * improvement, i.e. at a swap-local optimum. Required sites are never removed.
     */
    int interchange() {
        int swaps = 0;
        int sinceImprovement = 0;
        int j = 0;
        double eps = 1e-9 * Math.max(1, cost());
        while (sinceImprovement < m) {
            boolean improved = false;
            if (!open[j]) {
                for (int q = 0; q < openCount; q++) {
                    delta[openList[q]] = 0;
                }
                double gain = 0;
                // delta[r]: how much less than base[r] removing r costs once j is open.
                for (int a = nb.invStart[j]; a < nb.invStart[j + 1]; a++) {
                    int i = nb.invDemand[a];
                    double v = nb.invCost[a];
                    if (v < d2[i] && !isFar[i]) {
                        if (v < d1[i]) {
                            gain += d1[i] - v;
                            delta[phi1[i]] += d2[i] - d1[i];
                        } else {
                            delta[phi1[i]] += d2[i] - v;
                        }
                    }
                }
                for (int q = 0; q < farCount; q++) {
                    // Far points are not in base: their removal cost goes straight into delta (negated).
                    int i = far[q];
                    double v = nb.cost(i, j);
                    if (v < d1[i]) {
                        gain += d1[i] - v;
                    } else {
                        delta[phi1[i]] -= Math.min(v, d2[i]) - d1[i];
                    }
                }
                int out = -1;
                double bestLoss = Double.POSITIVE_INFINITY;
                for (int q = 0; q < openCount; q++) {
                    int r = openList[q];
                    double loss = base[r] - delta[r];
                    if (!isRequired[r] && loss < bestLoss) {
                        bestLoss = loss;
                        out = r;
                    }
                }
                if (out >= 0 && gain - bestLoss > eps) {
                    swap(j, out);
                    swaps++;
                    improved = true;
                }
            }
            sinceImprovement = improved ? 0 : sinceImprovement + 1;
            j = j + 1 == m ? 0 : j + 1;
        }
        return swaps;
    }

    private void swap(int in, int out) {
        open[in] = true;
        open[out] = false;
        for (int q = 0; q < openCount; q++) {
            if (openList[q] == out) {
                openList[q] = in;
                break;
            }
        }
        stamp++;
        for (int i = 0; i < n; i++) {
            if (phi1[i] == out || phi2[i] == out) {
                nearestTwo(i);
                mark[i] = stamp;
            }
        }
        // Only points listing `in`, or whose second-nearest lay beyond their list, can get `in` among their two.
        for (int a = nb.invStart[in]; a < nb.invStart[in + 1]; a++) {
            int i = nb.invDemand[a];
            if (mark[i] != stamp) {
                mark[i] = stamp;
                insert(i, in, nb.invCost[a]);
            }
        }
        for (int q = 0; q < farCount; q++) {
            int i = far[q];
            if (mark[i] != stamp) {
                insert(i, in, nb.cost(i, in));
            }
        }
        rebuild();
    }

    private void insert(int i, int s, double v) {
        if (v < d1[i]) {
            phi2[i] = phi1[i];
            d2[i] = d1[i];
            phi1[i] = s;
            d1[i] = v;
        } else if (v < d2[i]) {
            phi2[i] = s;
            d2[i] = v;
        }
    }
}
