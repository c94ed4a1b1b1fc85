package cn.cg.geo.allocation;

import java.util.Arrays;

/**
 * Upper bound for maximal covering by Lagrangian relaxation of the coverage constraints
 * {@code y_i <= sum_{j covers i} x_j} with multipliers {@code 0 <= u_i <= w_i}, minimised by
 * subgradient optimisation. For fixed u the relaxation splits: demand point i contributes
 * {@code w_i - u_i} on its own, site j is worth {@code s_j = sum_{i it covers} u_i}, so the relaxed
 * optimum takes the p best free sites and
 * {@code L(u) = covered-by-required + sum_i (w_i - u_i) + top-p s_j} bounds every feasible coverage.
 * Its minimum equals the LP-relaxation bound. Demand covered by the required sites is fixed as
 * covered and leaves the relaxation. Each relaxed site set is feasible and is evaluated as a heuristic.
 */
final class CoverageLagrangian {

    private final CoverageSearch search;
    /** Relative bound improvement per 100 iterations below which the subgradient counts as converged. */
    static final double STALL = 1e-4;

    /** Best feasible coverage seen (heuristic value, improved by the relaxed sets) and its sites. */
    double lower;
    int[] lowerSites;

    CoverageLagrangian(CoverageSearch search, double lower, int[] lowerSites) {
        this.search = search;
        this.lower = lower;
        this.lowerSites = lowerSites.clone();
    }

    /**
     * @param p new sites
     * @param stopAt stop as soon as the (rounded) bound is {@code <= stopAt}: the heuristic value proves
     *     optimality, or a coverage target is proven out of reach
     * @return the best (smallest) upper bound found
     */
    double run(int p, double stopAt, int maxIterations) {
        return run(p, stopAt, maxIterations, 0);
    }

    /**
     * As {@link #run(int, double, int)}, and also stops once the bound is within {@code stopGap}
     * (relative) of the best feasible coverage seen: the answer is then proven good enough, and more
     * iterations would only tighten the last fraction of a percent.
     */
    double run(int p, double stopAt, int maxIterations, double stopGap) {
        int n = search.n;
        int m = search.m;
        double[] w = search.w;
        boolean[] fixedCovered = new boolean[n];
        double base = 0;
        for (int r : search.required) {
            for (int i : search.covers[r]) {
                if (!fixedCovered[i]) {
                    fixedCovered[i] = true;
                    base += w[i];
                }
            }
        }
        boolean[] active = new boolean[n];
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            active[i] = !fixedCovered[i] && w[i] > 0 && search.coveredBy[i].length > 0;
            u[i] = active[i] ? w[i] / 2 : 0;
        }
        int free = 0;
        int[] freeSites = new int[m];
        for (int j = 0; j < m; j++) {
            if (!search.isRequired[j]) {
                freeSites[free++] = j;
            }
        }
        int[] order = new int[m];
        double[] s = new double[m];
        double[] negS = new double[m];
        double[] g = new double[n];
        int[] cover = new int[n];
        int[] sites = new int[search.required.length + p];
        System.arraycopy(search.required, 0, sites, 0, search.required.length);
        double best = Double.POSITIVE_INFINITY;
        double f = 2.0;
        int since = 0;
        double checkpoint = Double.POSITIVE_INFINITY;
        for (int it = 0; it < maxIterations; it++) {
            double value = base;
            for (int i = 0; i < n; i++) {
                if (active[i]) {
                    value += w[i] - u[i];
                }
            }
            Arrays.fill(s, 0);
            for (int j = 0; j < m; j++) {
                if (!search.isRequired[j]) {
                    for (int i : search.covers[j]) {
                        s[j] += u[i];
                    }
                }
            }
            // The p largest s_j (ties: lower index) by bounded selection, not a full sort each iteration.
            for (int j = 0; j < m; j++) {
                negS[j] = -s[j];
            }
            SmallestK.select(negS, freeSites, free, p, order);
            Arrays.fill(cover, 0);
            for (int q = 0; q < p; q++) {
                int j = order[q];
                value += s[j];
                sites[search.required.length + q] = j;
                for (int i : search.covers[j]) {
                    cover[i]++;
                }
            }
            double feasible = search.evaluate(sites);
            if (feasible > lower) {
                lower = feasible;
                lowerSites = sites.clone();
            }
            if (value < best - 1e-12 * Math.max(1, value)) {
                best = value;
                since = 0;
            } else if (++since >= 20) {
                f /= 2;
                since = 0;
            }
            // Stalled: the bound moved less than 0.01 % over the last 100 iterations. The step halving
            // alone would run hundreds more iterations for the last few units of coverage.
            if (it % 100 == 0) {
                if (best > checkpoint - STALL * Math.max(1, best) && it > 0) {
                    break;
                }
                checkpoint = best;
            }
            double roundedBest = search.roundDown(best);
            if (roundedBest <= stopAt + 1e-9 * Math.max(1, Math.abs(stopAt)) || f < 1e-4
                    || (stopGap > 0 && roundedBest - lower <= stopGap * Math.max(1e-12, lower))) {
                break;
            }
            // Subgradient of L at u: -1 where the relaxed y_i = 1 (w_i > u_i), plus the chosen sites covering i.
            double norm = 0;
            for (int i = 0; i < n; i++) {
                if (active[i]) {
                    g[i] = (w[i] > u[i] ? -1 : 0) + cover[i];
                    // Projected: a step that would push u outside [0, w] does not count.
                    if ((u[i] <= 0 && g[i] > 0) || (u[i] >= w[i] && g[i] < 0)) {
                        g[i] = 0;
                    }
                    norm += g[i] * g[i];
                }
            }
            if (norm == 0) {
                break;
            }
            double step = f * Math.max(value - lower, 1e-3 * Math.max(1, value)) / norm;
            for (int i = 0; i < n; i++) {
                if (active[i]) {
                    u[i] = Math.min(w[i], Math.max(0, u[i] - step * g[i]));
                }
            }
        }
        return best;
    }
}
