package cn.cg.geo.allocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * p-median: open {@code p} new sites (besides the required ones) so that the total weighted distance
 * from every demand point to its nearest open site is least.
 *
 * <p>Method: lazy greedy adding, then Whitaker's fast interchange to a swap-local optimum; further
 * starts (seeded, so the answer is deterministic) alternate between perturbing the best solution
 * (a few random swaps, then interchange again: an iterated local search) and greedy from random seed
 * sites. A Lagrangian lower bound (subgradient) states the gap; with integer costs it often proves
 * optimality outright, in which case the remaining starts are skipped. In exact mode a Lagrangian
 * branch-and-bound closes any remaining gap (meant for a few hundred sites; limited by time and nodes).
 *
 * <pre>
 *   AllocationResult r = PMedian.solve(problem, 5);
 *   AllocationResult e = new PMedian(problem, 5).setExact(true).solve();
 * </pre>
 */
public final class PMedian {

    private final AllocationProblem problem;
    private final int p;
    private int starts = 64;
    private long seed = 1;
    private boolean exact;
    private int boundIterations = 3000;
    private double timeLimitSeconds = 60;
    private long maxNodes = 200_000;
    private double gapTolerance = 1e-4;

    public PMedian(AllocationProblem problem, int p) {
        problem.checkP(p);
        this.problem = problem;
        this.p = p;
    }

    /** Heuristic p-median with default settings (64 starts, seed 1, no branch-and-bound). */
    public static AllocationResult solve(AllocationProblem problem, int p) {
        return new PMedian(problem, p).solve();
    }

    /** Number of local-search starts (>= 1); the first is always plain greedy + interchange. */
    public PMedian setStarts(int starts) {
        this.starts = SettingChecks.starts(starts);
        return this;
    }

    /** Seed of the random starts: the same seed gives the same answer. */
    public PMedian setSeed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Close the gap by branch-and-bound (small instances); the answer is then proven optimal unless a limit stops it. */
    public PMedian setExact(boolean exact) {
        this.exact = exact;
        return this;
    }

    /** Subgradient iterations for the root bound (default 3000; it stops earlier once the bound closes). */
    public PMedian setBoundIterations(int iterations) {
        this.boundIterations = SettingChecks.boundIterations(iterations);
        return this;
    }

    /**
     * Stop adding starts and bound iterations once the bound proves the answer within this relative gap
     * (default 1e-4 = 0.01 %; 0 = only when proven optimal). Exact mode still closes the gap fully.
     */
    public PMedian setGapTolerance(double relativeGap) {
        this.gapTolerance = SettingChecks.gapTolerance(relativeGap);
        return this;
    }

    private boolean enough(PMedianLagrangian lag, double bound) {
        return lag.closes(bound) || lag.gap(bound) <= gapTolerance;
    }

    /**
     * Time limit (default 60 s) of the heuristic starts and of the exact search; on expiry the answer
     * keeps its valid bound and gap and says so in {@code message()}.
     */
    public PMedian setTimeLimitSeconds(double seconds) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("time limit must be > 0 seconds, was " + seconds);
        }
        this.timeLimitSeconds = seconds;
        return this;
    }

    public AllocationResult solve() {
        long t0 = System.nanoTime();
        long deadline = t0 + (long) (timeLimitSeconds * 1e9);
        PMedianNeighbours nb = new PMedianNeighbours(problem);
        int[] required = problem.required();
        PMedianSearch search = new PMedianSearch(nb, required, p);
        boolean integral = nb.integral();
        SplittableRandom random = new SplittableRandom(seed);

        search.load(search.greedy(new int[0]));
        search.interchange();
        int[] best = search.sites();
        double bestCost = search.cost();

        int[] rootFixed = new int[search.m];
        for (int r : required) {
            rootFixed[r] = 1;
        }
        PMedianLagrangian lag = new PMedianLagrangian(search, integral, bestCost, best);
        double bound = lag.run(rootFixed, Math.min(boundIterations, 600), gapTolerance);
        if (!enough(lag, bound)) {
            // The relaxed solution at the best multipliers is a good, different starting point.
            search.load(chosenSites(lag.bestChosen));
            search.interchange();
            if (search.cost() < bestCost) {
                bestCost = search.cost();
                best = search.sites();
            }
        }
        int startsRun = 1;
        // Further starts only while the bound leaves more than the tolerated gap (early stop), and within
        // the time limit (the only rule that depends on the machine: it is there so a request cannot run
        // for minutes; the answer says when it was hit).
        boolean timedOut = false;
        for (int s = 1; s < starts && !enough(lag, bound); s++) {
            if (System.nanoTime() > deadline) {
                timedOut = true;
                break;
            }
            int[] sites = s % 2 == 1 ? perturb(best, search, random) : search.greedy(randomSeeds(search, random));
            search.load(sites);
            search.interchange();
            startsRun++;
            if (search.cost() < bestCost) {
                bestCost = search.cost();
                best = search.sites();
            }
            if (bestCost < lag.upper) {
                lag.upper = bestCost;
                lag.upperSites = best.clone();
            }
        }
        if (lag.upper < bestCost) {
            // The Lagrangian heuristic found a better set: polish it.
            search.load(lag.upperSites);
            search.interchange();
            bestCost = search.cost();
            best = search.sites();
        }
        if (bestCost < lag.upper) {
            lag.upper = bestCost;
            lag.upperSites = best.clone();
        }
        if (!enough(lag, bound) && boundIterations > 600 && System.nanoTime() <= deadline) {
            bound = Math.max(bound, lag.run(rootFixed, boundIterations - 600, gapTolerance));
        }
        String note = "";
        long nodes = 0;
        boolean proven = lag.closes(bound);
        double lower = lag.rounded(bound);
        if (exact && !proven) {
            PMedianBranchAndBound bb = new PMedianBranchAndBound(search, lag);
            PMedianBranchAndBound.Outcome out = bb.solve(rootFixed, bound, maxNodes,
                    t0 + (long) (timeLimitSeconds * 1e9));
            nodes = out.nodes();
            proven = out.proven();
            lower = Math.max(lower, out.lowerBound());
            if (!proven) {
                note = "branch-and-bound stopped by its limit after " + nodes + " nodes";
            }
        } else if (timedOut) {
            note = "time limit reached after " + startsRun + " of " + starts + " starts";
        }
        if (lag.upper < bestCost) {
            bestCost = lag.upper;
            best = lag.upperSites.clone();
        }
        if (proven) {
            lower = bestCost;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;

        Map<String, String> params = new LinkedHashMap<>();
        params.put("p", Integer.toString(p));
        params.put("required", Integer.toString(required.length));
        params.put("demandPoints", Integer.toString(problem.demandCount()));
        params.put("candidates", Integer.toString(problem.siteCount()));
        params.put("starts", Integer.toString(starts));
        params.put("startsRun", Integer.toString(startsRun));
        params.put("seed", Long.toString(seed));
        params.put("exact", Boolean.toString(exact));
        params.put("boundIterations", Integer.toString(boundIterations));
        params.put("gapTolerance", Double.toString(gapTolerance));
        params.put("candidateListLength", Integer.toString(nb.k));
        params.put("timeLimitSeconds", Double.toString(timeLimitSeconds));
        if (exact) {
            params.put("nodes", Long.toString(nodes));
        }
        return explainSolution(search, problem, best, bestCost, lower, proven, note, seconds, params);
    }

    private static int[] chosenSites(boolean[] chosen) {
        int count = 0;
        for (boolean b : chosen) {
            count += b ? 1 : 0;
        }
        int[] sites = new int[count];
        int k = 0;
        for (int j = 0; j < chosen.length; j++) {
            if (chosen[j]) {
                sites[k++] = j;
            }
        }
        return sites;
    }

    private int[] perturb(int[] best, PMedianSearch search, SplittableRandom random) {
        int[] sites = best.clone();
        boolean[] open = new boolean[search.m];
        for (int s : sites) {
            open[s] = true;
        }
        int closed = search.m - sites.length;
        if (closed == 0) {
            return sites;
        }
        int moves = 1 + random.nextInt(Math.max(1, Math.min(p, 2 + p / 10)));
        for (int q = 0; q < moves; q++) {
            int pos = random.nextInt(sites.length);
            if (search.isRequired[sites[pos]]) {
                continue;
            }
            int in;
            do {
                in = random.nextInt(search.m);
            } while (open[in]);
            open[sites[pos]] = false;
            open[in] = true;
            sites[pos] = in;
        }
        return sites;
    }

    private int[] randomSeeds(PMedianSearch search, SplittableRandom random) {
        int count = 1 + random.nextInt(Math.max(1, p / 4));
        int[] seeds = new int[count];
        for (int q = 0; q < count; q++) {
            seeds[q] = random.nextInt(search.m);
        }
        return seeds;
    }

    /** Orders the final sites greedily (required first) and credits each demand point to its nearest site. */
    private static AllocationResult explainSolution(PMedianSearch search, AllocationProblem problem, int[] sites,
            double cost, double lower, boolean proven, String note, double seconds, Map<String, String> params) {
        int n = search.n;
        // Cost rows of the open sites only (exact): required + p rows, not the full matrix.
        Map<Integer, double[]> rows = new java.util.HashMap<>();
        for (int s : sites) {
            double[] row = new double[n];
            for (int i = 0; i < n; i++) {
                row[i] = search.nb.cost(i, s);
            }
            rows.put(s, row);
        }
        for (int r : problem.required()) {
            rows.computeIfAbsent(r, s -> {
                double[] row = new double[n];
                for (int i = 0; i < n; i++) {
                    row[i] = search.nb.cost(i, s);
                }
                return row;
            });
        }
        List<Integer> order = new ArrayList<>();
        for (int r : problem.required()) {
            order.add(r);
        }
        List<Integer> rest = new ArrayList<>();
        for (int s : sites) {
            if (!search.isRequired[s]) {
                rest.add(s);
            }
        }
        double[] best = new double[n];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        List<double[]> gains = new ArrayList<>();
        double before = Double.NaN;
        double current = Double.POSITIVE_INFINITY;
        for (int r : order) {
            current = relax(best, rows.get(r));
            gains.add(new double[] {0, current});
        }
        if (!order.isEmpty()) {
            before = current;
            // Gains of required sites: what each adds after the ones before it.
            double prev = Double.POSITIVE_INFINITY;
            for (double[] g : gains) {
                g[0] = Double.isInfinite(prev) ? 0 : prev - g[1];
                prev = g[1];
            }
        }
        while (!rest.isEmpty()) {
            int pick = -1;
            double pickCost = Double.POSITIVE_INFINITY;
            for (int s : rest) {
                double v = 0;
                double[] row = rows.get(s);
                for (int i = 0; i < n; i++) {
                    v += Math.min(best[i], row[i]);
                }
                if (v < pickCost) {
                    pickCost = v;
                    pick = s;
                }
            }
            rest.remove(Integer.valueOf(pick));
            double gain = Double.isInfinite(current) ? 0 : current - pickCost;
            current = relax(best, rows.get(pick));
            order.add(pick);
            gains.add(new double[] {gain, current});
        }
        int[] assignment = new int[n];
        double[] served = new double[problem.siteCount()];
        int[] points = new int[problem.siteCount()];
        for (int i = 0; i < n; i++) {
            // Nearest by distance (same as by weighted cost when the weight is positive), ties to the earlier pick.
            int a = -1;
            double dv = Double.POSITIVE_INFINITY;
            for (int s : order) {
                double d = problem.distances().distance(i, s);
                if (d < dv) {
                    dv = d;
                    a = s;
                }
            }
            assignment[i] = a;
            served[a] += problem.weight(i);
            points[a]++;
        }
        List<SiteChoice> choices = new ArrayList<>();
        for (int q = 0; q < order.size(); q++) {
            int s = order.get(q);
            choices.add(new SiteChoice(s, search.isRequired[s], q + 1, gains.get(q)[0], gains.get(q)[1], served[s], points[s]));
        }
        double total = problem.totalWeight();
        return new AllocationResult("p-median", true,
                proven ? AllocationResult.Status.OPTIMAL : AllocationResult.Status.FEASIBLE, note, choices,
                assignment, cost, Math.min(lower, cost), before, total, total, seconds, params);
    }

    private static double relax(double[] best, double[] row) {
        double s = 0;
        for (int i = 0; i < best.length; i++) {
            if (row[i] < best[i]) {
                best[i] = row[i];
            }
            s += best[i];
        }
        return s;
    }
}
