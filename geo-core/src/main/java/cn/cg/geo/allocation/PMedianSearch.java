package cn.cg.geo.allocation;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Heuristic machinery of the p-median: lazy greedy construction and Whitaker's fast interchange.
 *
 * <p>Works on weighted costs {@code c[site][demand] = weight * distance}, stored site-major because
 * both hot loops (gain of one site, Lagrangian reduced cost of one site) walk all demand points of one
 * site. Keeps for every demand point its nearest and second-nearest open site ({@code phi1/phi2},
 * {@code d1/d2}); with these, the value of every "insert j, remove the best r" move is found in one
 * pass over the demand points (Whitaker 1983), instead of one pass per (j, r) pair as in the original
 * Teitz-Bart.
 */
final class PMedianSearch {

    final int n;
    final int m;
    final double[][] c;
    final boolean[] isRequired;
    final int[] required;
    /** Sites open in every solution: required + p new. */
    final int total;

    private final boolean[] open;
    private final int[] openList;
    private int openCount;
    private final int[] phi1;
    private final int[] phi2;
    private final double[] d1;
    private final double[] d2;
    private final double[] loss;

    PMedianSearch(double[][] c, int[] required, int p) {
        this.c = c;
        this.m = c.length;
        this.n = c[0].length;
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
        this.loss = new double[m];
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

    /** True when every cost is an integer, so any objective is an integer and bounds may be rounded up. */
    static boolean integral(double[][] c) {
        for (double[] row : c) {
            for (double v : row) {
                if (v != Math.rint(v) || v > 1e12) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Total cost of serving every demand point from its nearest site among {@code sites}. */
    double evaluate(int[] sites) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int s : sites) {
                double v = c[s][i];
                if (v < best) {
                    best = v;
                }
            }
            sum += best;
        }
        return sum;
    }

    /**
     * Greedy adding: required sites and {@code seeds} first, then repeatedly the site that lowers the
     * cost most. Gains only shrink as sites are added (the saving function is submodular), so a stale
     * gain is an upper bound: a site is re-evaluated only when it reaches the top of the queue (lazy
     * evaluation, Minoux 1978), which saves most of the O(n m) work per step.
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
            int first = -1;
            double firstCost = Double.POSITIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (double v : c[j]) {
                    s += v;
                }
                if (s < firstCost) {
                    firstCost = s;
                    first = j;
                }
            }
            count = add(first, picks, count, chosen, best);
        }
        double[] ub = new double[m];
        PriorityQueue<Integer> queue = new PriorityQueue<>(m,
                (a, b) -> ub[a] != ub[b] ? Double.compare(ub[b], ub[a]) : Integer.compare(a, b));
        for (int j = 0; j < m; j++) {
            if (!chosen[j]) {
                ub[j] = gain(j, best);
                queue.add(j);
            }
        }
        while (count < total) {
            int j = queue.poll();
            double g = gain(j, best);
            Integer next = queue.peek();
            if (next == null || g >= ub[next]) {
                count = add(j, picks, count, chosen, best);
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
        double[] row = c[site];
        for (int i = 0; i < n; i++) {
            if (row[i] < best[i]) {
                best[i] = row[i];
            }
        }
        return count + 1;
    }

    private double gain(int j, double[] best) {
        double[] row = c[j];
        double g = 0;
        for (int i = 0; i < n; i++) {
            double diff = best[i] - row[i];
            if (diff > 0) {
                g += diff;
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
    }

    private void nearestTwo(int i) {
        int b1 = -1;
        int b2 = -1;
        double v1 = Double.POSITIVE_INFINITY;
        double v2 = Double.POSITIVE_INFINITY;
        for (int k = 0; k < openCount; k++) {
            int s = openList[k];
            double v = c[s][i];
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
        phi1[i] = b1;
        d1[i] = v1;
        phi2[i] = b2;
        d2[i] = v2;
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

    /**
     * Fast interchange: cycle over closed candidates; for each, one pass over demand points gives the
     * saving of inserting it and, per open site r, the extra cost of then removing r (customers of r
     * that do not switch to the new site fall back to min(second nearest, new site)). The best swap is
     * made at once if it improves (first-improvement over insertions); stop after a full cycle without
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
                double[] row = c[j];
                for (int k = 0; k < openCount; k++) {
                    loss[openList[k]] = 0;
                }
                double gain = 0;
                for (int i = 0; i < n; i++) {
                    double v = row[i];
                    if (v < d1[i]) {
                        gain += d1[i] - v;
                    } else {
                        loss[phi1[i]] += Math.min(v, d2[i]) - d1[i];
                    }
                }
                int out = -1;
                double bestLoss = Double.POSITIVE_INFINITY;
                for (int k = 0; k < openCount; k++) {
                    int r = openList[k];
                    if (!isRequired[r] && loss[r] < bestLoss) {
                        bestLoss = loss[r];
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
        for (int k = 0; k < openCount; k++) {
            if (openList[k] == out) {
                openList[k] = in;
                break;
            }
        }
        double[] row = c[in];
        for (int i = 0; i < n; i++) {
            if (phi1[i] == out || phi2[i] == out) {
                nearestTwo(i);
            } else if (row[i] < d1[i]) {
                phi2[i] = phi1[i];
                d2[i] = d1[i];
                phi1[i] = in;
                d1[i] = row[i];
            } else if (row[i] < d2[i]) {
                phi2[i] = in;
                d2[i] = row[i];
            }
        }
    }
}
