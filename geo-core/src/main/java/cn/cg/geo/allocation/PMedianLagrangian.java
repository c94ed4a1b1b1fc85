package cn.cg.geo.allocation;

import java.util.Arrays;

/**
 * Lower bound for the p-median by Lagrangian relaxation of the assignment constraints
 * {@code sum_j x_ij = 1} with multipliers {@code lambda_i}, maximised by subgradient optimisation
 * (Held-Wolfe-Crowder step, as in Beasley 1993).
 *
 * <p>For fixed lambda the relaxation splits by site: opening site j is worth
 * {@code rho_j = sum_i min(0, c_ij - lambda_i)}, so the relaxed optimum opens the forced sites plus the
 * remaining count with the most negative rho, and {@code L(lambda) = sum_i lambda_i + sum_open rho_j}
 * is a valid lower bound for every lambda. Its maximum equals the LP-relaxation bound, which is tight or
 * nearly so on OR-Library instances. Each relaxed solution is also a feasible set of sites, so it is
 * evaluated as a cheap upper-bound heuristic (Lagrangian heuristic).
 *
 * <p>Sites can be fixed open (1), closed (-1) or left free (0): the branch-and-bound uses this.
 */
final class PMedianLagrangian {

    private final PMedianSearch search;
    /** Relative bound gain per 100 iterations below which the subgradient counts as converged. */
    static final double STALL = 1e-5;
    private final PMedianNeighbours nb;
    private final int n;
    private final int m;
    private final int k;
    private final boolean integral;

    final double[] lambda;
    /** Best bound found in the last {@link #run}; the reduced costs and chosen sites that gave it. */
    double bestBound;
    final double[] bestRho;
    final boolean[] bestChosen;
    /** Best feasible solution known (may be improved by the Lagrangian heuristic). */
    double upper;
    int[] upperSites;

    private final double[] rho;
    private final int[] freeSites;
    private final int[] picked;
    /**
     * Largest allowed lambda_i: the last cost of point i's candidate list when the list is truncated.
     * Then every site cheaper than lambda_i is in the list, so rho computed from the lists is exact and
     * L(lambda) stays a valid bound; a larger lambda_i could not raise the bound by more than the
     * truncation hides. With complete lists there is no cap.
     */
    private final double[] cap;
    private final double[] g;
    private final boolean[] chosen;
    private final double[] nearest;
    /** The lambda each point's share of rho was computed with, and the points whose lambda moved since. */
    private final double[] rhoLambda;
    private final int[] changed;
    private int changedCount;
    private final int[] coverCount;

    PMedianLagrangian(PMedianSearch search, boolean integral, double upper, int[] upperSites) {
        this.search = search;
        this.nb = search.nb;
        this.n = search.n;
        this.m = search.m;
        this.k = nb.k;
        this.integral = integral;
        this.upper = upper;
        this.upperSites = upperSites.clone();
        this.lambda = new double[n];
        this.rho = new double[m];
        this.bestRho = new double[m];
        this.bestChosen = new boolean[m];
        this.freeSites = new int[m];
        this.picked = new int[m];
        this.g = new double[n];
        this.chosen = new boolean[m];
        this.cap = new double[n];
        this.nearest = new double[n];
        this.rhoLambda = new double[n];
        this.changed = new int[n];
        this.coverCount = new int[n];
        for (int i = 0; i < n; i++) {
            cap[i] = nb.complete ? Double.POSITIVE_INFINITY : nb.last(i);
        }
        // Start from the cost each customer pays in the heuristic solution: a near-optimal dual guess.
        boolean[] in = new boolean[m];
        for (int s : upperSites) {
            in[s] = true;
        }
        for (int i = 0; i < n; i++) {
            lambda[i] = Math.min(cap[i], search.nearestCost(i, in, upperSites));
        }
    }

    /** Relative gap between the best feasible value and a bound (0 when it closes). */
    double gap(double bound) {
        if (closes(bound)) {
            return 0;
        }
        return (upper - rounded(bound)) / Math.max(1e-12, Math.abs(upper));
    }

    /** A bound proves "nothing below upper" when it reaches it (rounded up for integral costs). */
    double rounded(double bound) {
        return integral ? Math.ceil(bound - 1e-7 * Math.max(1, Math.abs(bound))) : bound;
    }

    boolean closes(double bound) {
        return rounded(bound) >= upper - (integral ? 0 : 1e-9 * Math.max(1, Math.abs(upper)));
    }

    /**
     * Subgradient optimisation from the current multipliers.
     *
     * @param fixed per site 1 (open), -1 (closed), 0 (free); required sites must be 1
     * @return best bound found (not rounded), or +infinity when the fixing is infeasible
     */
    double run(int[] fixed, int maxIterations) {
        return run(fixed, maxIterations, 0);
    }

    /**
     * As {@link #run(int[], int)}, but also stops once the bound proves the best known solution within
     * {@code stopGap} (relative): further iterations would only polish a gap already small enough.
     */
    double run(int[] fixed, int maxIterations, double stopGap) {
        int forced = 0;
        int free = 0;
        for (int j = 0; j < m; j++) {
            if (fixed[j] == 1) {
                forced++;
            } else if (fixed[j] == 0) {
                free++;
            }
        }
        int k0 = search.total - forced;
        if (k0 < 0 || k0 > free) {
            bestBound = Double.POSITIVE_INFINITY;
            return bestBound;
        }
        bestBound = Double.NEGATIVE_INFINITY;
        double f = 2.0;
        int sinceBest = 0;
        double checkpoint = Double.NEGATIVE_INFINITY;
        int[] sites = new int[search.total];
        double[] savedLambda = lambda.clone();
        for (int it = 0; it < maxIterations; it++) {
            double sumLambda = 0;
            for (int i = 0; i < n; i++) {
                sumLambda += lambda[i];
            }
            // rho_j = sum_i min(0, c_ij - lambda_i): walk each customer's sites while cheaper than lambda_i.
            // On truncated lists (large instances) only the points whose lambda moved are re-walked:
            // near convergence most points are served exactly once (subgradient 0), so most lambdas stay
            // put. A full recomputation every 50 iterations keeps rounding drift out of the bound.
            if (!nb.complete && it % 50 != 0) {
                for (int c = 0; c < changedCount; c++) {
                    int i = changed[c];
                    int b = i * k;
                    double old = rhoLambda[i];
                    for (int q = b; q < b + k && nb.cost[q] < old; q++) {
                        rho[nb.site[q]] -= nb.cost[q] - old;
                    }
                    double li = lambda[i];
                    for (int q = b; q < b + k && nb.cost[q] < li; q++) {
                        rho[nb.site[q]] += nb.cost[q] - li;
                    }
                    rhoLambda[i] = li;
                }
            } else {
                Arrays.fill(rho, 0);
                for (int i = 0; i < n; i++) {
                    double li = lambda[i];
                    int b = i * k;
                    for (int q = b; q < b + k && nb.cost[q] < li; q++) {
                        rho[nb.site[q]] += nb.cost[q] - li;
                    }
                    rhoLambda[i] = li;
                }
            }
            changedCount = 0;
            int nf = 0;
            for (int j = 0; j < m; j++) {
                if (fixed[j] == 0) {
                    freeSites[nf++] = j;
                }
            }
            SmallestK.select(rho, freeSites, nf, k0, picked);
            Arrays.fill(chosen, false);
            double value = sumLambda;
            int s = 0;
            for (int j = 0; j < m; j++) {
                if (fixed[j] == 1) {
                    chosen[j] = true;
                    value += rho[j];
                    sites[s++] = j;
                }
            }
            for (int q = 0; q < k0; q++) {
                int j = picked[q];
                chosen[j] = true;
                value += rho[j];
                sites[s++] = j;
            }
            if (value > bestBound + 1e-12 * Math.max(1, Math.abs(value))) {
                bestBound = value;
                System.arraycopy(rho, 0, bestRho, 0, m);
                System.arraycopy(chosen, 0, bestChosen, 0, m);
                System.arraycopy(lambda, 0, savedLambda, 0, n);
                sinceBest = 0;
            } else if (++sinceBest >= 20) {
                f /= 2;
                sinceBest = 0;
            }
            // Lagrangian heuristic: the relaxed site set is feasible for the original problem. Both it and
            // the subgradient need, per point, only the chosen sites: walking the inverse lists of the
            // p chosen sites touches far fewer entries than walking every point's list.
            Arrays.fill(nearest, Double.POSITIVE_INFINITY);
            Arrays.fill(coverCount, 0);
            for (int q = 0; q < s; q++) {
                int j = sites[q];
                for (int a = nb.invStart[j]; a < nb.invStart[j + 1]; a++) {
                    int i = nb.invDemand[a];
                    double v = nb.invCost[a];
                    if (v < nearest[i]) {
                        nearest[i] = v;
                    }
                    if (v < lambda[i]) {
                        coverCount[i]++;
                    }
                }
            }
            double cost = 0;
            for (int i = 0; i < n; i++) {
                // No chosen site in the list: exact over the chosen sites.
                cost += nearest[i] < Double.POSITIVE_INFINITY ? nearest[i] : search.nearestCost(i, chosen, sites);
            }
            if (cost < upper) {
                upper = cost;
                upperSites = sites.clone();
            }
            // Stalled: less than 0.001 % bound gain over the last 100 iterations (city instances: each
            // iteration walks hundreds of thousands of list entries for nothing).
            if (it % 100 == 0) {
                if (it > 0 && bestBound < checkpoint + STALL * Math.max(1, Math.abs(bestBound))) {
                    break;
                }
                checkpoint = bestBound;
            }
            if (closes(bestBound) || f < 1e-4 || (stopGap > 0 && gap(bestBound) <= stopGap)) {
                break;
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                // Chosen sites cheaper than lambda_i are all in the list (lambda_i <= its last cost).
                int cover = coverCount[i];
                g[i] = 1 - cover;
                if (g[i] > 0 && lambda[i] >= cap[i]) {
                    // Projected subgradient: lambda_i is at its cap, so this direction is not available.
                    g[i] = 0;
                }
                norm += g[i] * g[i];
            }
            if (norm == 0) {
                // Every customer assigned exactly once: the relaxed solution is optimal for this node.
                break;
            }
            double step = f * (upper - value) / norm;
            if (step <= 0) {
                step = f * 1e-3 * Math.max(1, Math.abs(value)) / norm;
            }
            for (int i = 0; i < n; i++) {
                if (g[i] != 0) {
                    double next = Math.min(cap[i], lambda[i] + step * g[i]);
                    if (next != lambda[i]) {
                        lambda[i] = next;
                        changed[changedCount++] = i;
                    }
                }
            }
        }
        // Continue later (children, next call) from the best multipliers, not the last ones.
        System.arraycopy(savedLambda, 0, lambda, 0, n);
        return bestBound;
    }
}
