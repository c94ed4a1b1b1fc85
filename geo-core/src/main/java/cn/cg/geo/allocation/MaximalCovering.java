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
        if (starts < 1) {
            throw new IllegalArgumentException("starts must be >= 1, was " + starts);
        }
        this.starts = starts;
        return this;
    }

    public MaximalCovering setSeed(long seed) {
        this.seed = seed;
        return this;
    }

    public MaximalCovering setBoundIterations(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("bound iterations must be >= 1, was " + iterations);
        }
        this.boundIterations = iterations;
        return this;
    }

    public AllocationResult solve() {
        long t0 = System.nanoTime();
        CoverageSearch search = new CoverageSearch(problem);
        int[] best = search.multiStart(p, starts, seed);
        double value = search.covered();
        CoverageLagrangian lag = new CoverageLagrangian(search, value, best);
        double bound = Math.min(search.greedyBound(best, p), lag.run(p, value, boundIterations));
        if (lag.lower > value) {
            search.load(lag.lowerSites);
            search.interchange();
            best = search.sites();
        }
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
        return search.explain("mclp", best, search.roundDown(bound), "", seconds, params);
    }
}
