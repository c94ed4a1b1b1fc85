package cn.cg.geo.allocation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maximal covering location problem (MCLP, Church and ReVelle 1974): open {@code p} new sites, besides
 * the required ones, so that the demand weight within the radius of at least one open site is largest.
 * Demand covered by required (existing) sites counts first and is reported as the "before" value.
 *
 * <p>Method: lazy greedy, swap interchange with covering-count bookkeeping, seeded multi-start
 * ({@link CoverageSearch}); then a Lagrangian upper bound ({@link CoverageLagrangian}, the LP bound,
 * capped by the cheaper submodularity bound) so the answer states its gap, and is marked optimal when
 * the bound meets it (bounds are rounded down for integer weights).
 *
 * <pre>
 *   AllocationResult r = MaximalCovering.solve(problem.withRadius(1000), 10);
 * </pre>
 */
public final class MaximalCovering {

    private final AllocationProblem problem;
    private final int p;
    private int starts = 64;
    private long seed = 1;
    private int boundIterations = 2000;
    private double gapTolerance = 1e-3;
    private double timeLimitSeconds = 60;

    public MaximalCovering(AllocationProblem problem, int p) {
        problem.radius();
        problem.checkP(p);
        this.problem = problem;
        this.p = p;
    }

    public static AllocationResult solve(AllocationProblem problem, int p) {
        return new MaximalCovering(problem, p).solve();
    }

    public MaximalCovering setStarts(int starts) {
        this.starts = SettingChecks.starts(starts);
        return this;
    }

    public MaximalCovering setSeed(long seed) {
        this.seed = seed;
        return this;
    }

    public MaximalCovering setBoundIterations(int iterations) {
        this.boundIterations = SettingChecks.boundIterations(iterations);
        return this;
    }

    /**
     * Skip further starts once the bound proves the answer within this relative
     * gap (default 1e-3 = 0.1 %; 0 = only when proven optimal).
     */
    public MaximalCovering setGapTolerance(double relativeGap) {
        this.gapTolerance = SettingChecks.gapTolerance(relativeGap);
        return this;
    }

    /** Time limit of the multi-start (default 60 s); on expiry the best answer so far is returned with its gap. */
    public MaximalCovering setTimeLimitSeconds(double seconds) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("time limit must be > 0 seconds, was " + seconds);
        }
        this.timeLimitSeconds = seconds;
        return this;
    }

    public AllocationResult solve() {
        long t0 = System.nanoTime();
        long deadline = t0 + (long) (timeLimitSeconds * 1e9);
        CoverageSearch search = new CoverageSearch(problem);
        // First start, then the bound: if it already proves the first answer within the tolerated gap,
        // the remaining starts are skipped (early stop); otherwise they run and may close it further.
        search.load(search.greedy(new int[0], problem.required().length + p));
        search.interchange();
        int[] first = search.sites();
        double firstValue = search.covered();
        CoverageLagrangian lag = new CoverageLagrangian(search, firstValue, first);
        // The bound itself runs until it proves optimality or converges: on small instances it often
        // proves the answer optimal, which is worth more than the milliseconds a tolerance would save.
        double bound = Math.min(search.greedyBound(first, p), lag.run(p, firstValue, boundIterations));
        double ub = search.roundDown(bound);
        boolean[] timedOut = {false};
        int[] best = search.multiStart(p, starts, seed, first, v -> {
            if (ub - Math.max(v, lag.lower) <= gapTolerance * Math.max(1e-12, Math.max(v, lag.lower))) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                timedOut[0] = true;
                return true;
            }
            return false;
        });
        double value = search.covered();
        if (lag.lower > value) {
            search.load(lag.lowerSites);
            search.interchange();
            if (search.covered() > value) {
                best = search.sites();
            } else {
                search.load(best);
            }
        }
        String note = timedOut[0] ? "time limit reached after " + search.startsRun + " of " + starts + " starts" : "";
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, String> params = new LinkedHashMap<>();
        params.put("p", Integer.toString(p));
        params.put("radius", AllocationResult.num(problem.radius()));
        params.put("required", Integer.toString(problem.required().length));
        params.put("demandPoints", Integer.toString(problem.demandCount()));
        params.put("candidates", Integer.toString(problem.siteCount()));
        params.put("starts", Integer.toString(starts));
        params.put("seed", Long.toString(seed));
        params.put("boundIterations", Integer.toString(boundIterations));
        params.put("startsRun", Integer.toString(search.startsRun));
        params.put("gapTolerance", Double.toString(gapTolerance));
        params.put("timeLimitSeconds", Double.toString(timeLimitSeconds));
        return search.explain("mclp", best, ub, note, seconds, params);
    }
}
