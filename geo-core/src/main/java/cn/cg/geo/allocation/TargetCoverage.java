package cn.cg.geo.allocation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Fewest new sites so that at least a target share of demand lies within the radius of an open site
 * (a location-set-covering variant: LSCP asks for 100 %, planners ask for e.g. 80 %). Required sites
 * are open and their coverage counts first.
 *
 * <p>Method: greedy adding until the target is met gives k sites; then MCLP (multi-start interchange)
 * with k-1, k-2, ... sites while it still meets the target. Lower bound: the smallest k whose MCLP
 * Lagrangian upper bound can still reach the target (binary search; a k whose bound falls short proves
 * that every smaller k does too). Objective and bound are site counts. When even every candidate
 * together misses the target the answer is {@code INFEASIBLE} with the best coverage reachable.
 */
public final class TargetCoverage {

    private final AllocationProblem problem;
    private final double target;
    private int starts = 16;
    private long seed = 1;

    /** @param targetShare required covered share of total demand, in (0, 1] (0.8 = 80 %) */
    public TargetCoverage(AllocationProblem problem, double targetShare) {
        problem.radius();
        if (!(targetShare > 0 && targetShare <= 1)) {
            throw new IllegalArgumentException("target share must be in (0, 1] (0.8 = 80 %), was " + targetShare);
        }
        this.problem = problem;
        this.target = targetShare;
    }

    public static AllocationResult solve(AllocationProblem problem, double targetShare) {
        return new TargetCoverage(problem, targetShare).solve();
    }

    public TargetCoverage setSeed(long seed) {
        this.seed = seed;
        return this;
    }

    public TargetCoverage setStarts(int starts) {
        this.starts = SettingChecks.starts(starts);
        return this;
    }

    public AllocationResult solve() {
        long t0 = System.nanoTime();
        CoverageSearch cs = new CoverageSearch(problem);
        int[] required = problem.required();
        double total = problem.totalWeight();
        double need = target * total - 1e-9 * Math.max(1, total);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("targetShare", AllocationResult.num(target));
        params.put("radius", AllocationResult.num(problem.radius()));
        params.put("required", Integer.toString(required.length));
        params.put("starts", Integer.toString(starts));
        params.put("seed", Long.toString(seed));

        int[] all = new int[cs.m];
        for (int j = 0; j < cs.m; j++) {
            all[j] = j;
        }
        double reachable = cs.evaluate(all);
        if (reachable < need) {
            String msg = String.format(Locale.ROOT,
                    "infeasible: even all %d candidate sites cover only %.2f %% of demand, below the target %.2f %%",
                    cs.m, 100 * reachable / total, 100 * target);
            return new AllocationResult("target-coverage", true, AllocationResult.Status.INFEASIBLE, msg,
                    java.util.List.of(), new int[cs.n], Double.NaN, Double.NaN, cs.evaluate(required), total, reachable,
                    seconds(t0), params);
        }
        if (cs.evaluate(required) >= need) {
            cs.load(required);
            return finish(cs, required, 0, 0, "the required sites already meet the target", t0, params);
        }
        // Greedy to the target.
        int free = cs.m - required.length;
        int k = 1;
        int[] best = null;
        for (; k <= free; k++) {
            int[] s = cs.greedy(new int[0], required.length + k);
            if (cs.evaluate(s) >= need) {
                best = s;
                break;
            }
        }
        // Try fewer sites with the stronger MCLP search.
        int kBest = k;
        while (kBest > 1) {
            int[] s = cs.multiStart(kBest - 1, starts, seed);
            if (cs.covered() < need) {
                break;
            }
            best = s;
            kBest--;
        }
        // Lower bound: all k' below `lo` proven unable to reach the target.
        int lo = 1;
        int hi = kBest;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            CoverageLagrangian lag = new CoverageLagrangian(cs, 0, required);
            double ub = Math.min(lag.run(mid, need - 1e-6, 1500), Double.POSITIVE_INFINITY);
            if (cs.roundDown(ub) < need) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        cs.load(best);
        return finish(cs, best, kBest, lo, "", t0, params);
    }

    private AllocationResult finish(CoverageSearch cs, int[] sites, int k, int lower, String note, long t0,
            Map<String, String> params) {
        AllocationResult cover = cs.explain("target-coverage", sites, Double.POSITIVE_INFINITY, note, 0, params);
        boolean optimal = lower >= k;
        return new AllocationResult("target-coverage", true,
                optimal ? AllocationResult.Status.OPTIMAL : AllocationResult.Status.FEASIBLE, note, cover.sites(),
                cover.assignment(), k, optimal ? k : lower, cover.objectiveBefore(), cover.totalDemand(),
                cover.servedDemand(), seconds(t0), params);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
