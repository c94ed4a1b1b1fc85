package cn.cg.geo.allocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Capacitated maximal covering: like {@link MaximalCovering}, but each open site (required ones too)
 * can serve at most {@code capacity} demand weight, e.g. cases a vendor zone or a patrol team absorbs.
 *
 * <p>Assignment is greedy and documented as such: sites in pick order each take the uncovered demand
 * within the radius nearest first until full, splitting the last demand point if needed. For a given set
 * of sites a max-flow would find the best split, so the reported coverage is a feasible (lower) value
 * for those sites. Sites are chosen by lazy greedy (gain = min(capacity, uncovered weight in reach),
 * which only shrinks as sites are added) and improved by swaps re-evaluated in full (this model is for
 * tens of sites, not thousands). The upper bound is {@code min(uncapacitated Lagrangian bound, capacity
 * x open sites)}: valid because capacity only removes coverage, but it may be loose when capacity binds.
 */
public final class CapacitatedCovering {

    private final AllocationProblem problem;
    private final int p;
    private final double capacity;
    private int maxPasses = 10;

    public CapacitatedCovering(AllocationProblem problem, int p, double capacity) {
        problem.radius();
        problem.checkP(p);
        if (!(capacity > 0) || Double.isInfinite(capacity)) {
            throw new IllegalArgumentException("capacity must be a finite number > 0, was " + capacity);
        }
        this.problem = problem;
        this.p = p;
        this.capacity = capacity;
    }

    public static AllocationResult solve(AllocationProblem problem, int p, double capacity) {
        return new CapacitatedCovering(problem, p, capacity).solve();
    }

    /** Full passes of the swap search (default 10); each pass tries every (open, closed) pair. */
    public CapacitatedCovering setMaxPasses(int passes) {
        if (passes < 0) {
            throw new IllegalArgumentException("max passes must be >= 0, was " + passes);
        }
        this.maxPasses = passes;
        return this;
    }

    public AllocationResult solve() {
        long t0 = System.nanoTime();
        CoverageSearch cs = new CoverageSearch(problem);
        int[] required = problem.required();
        List<Integer> order = new ArrayList<>();
        double[] residual = cs.w.clone();
        for (int r : required) {
            order.add(r);
            fill(cs, r, residual, null, null);
        }
        // Lazy greedy: a site's capped gain only shrinks as residual demand shrinks.
        boolean[] in = new boolean[cs.m];
        for (int r : required) {
            in[r] = true;
        }
        double[] ub = new double[cs.m];
        java.util.PriorityQueue<Integer> queue = new java.util.PriorityQueue<>(
                (a, b) -> ub[a] != ub[b] ? Double.compare(ub[b], ub[a]) : Integer.compare(a, b));
        for (int j = 0; j < cs.m; j++) {
            if (!in[j]) {
                ub[j] = gain(cs, j, residual);
                queue.add(j);
            }
        }
        while (order.size() < required.length + p) {
            int j = queue.poll();
            double g = gain(cs, j, residual);
            Integer next = queue.peek();
            if (next == null || g >= ub[next]) {
                order.add(j);
                in[j] = true;
                fill(cs, j, residual, null, null);
            } else {
                ub[j] = g;
                queue.add(j);
            }
        }
        double value = evaluate(cs, order, null, null, null);
        // Second start: the uncapacitated MCLP answer (what a loose capacity reduces to); keep the better.
        List<Integer> mclp = new ArrayList<>();
        for (int s : cs.multiStart(p, 16, 1)) {
            mclp.add(s);
        }
        double mclpValue = evaluate(cs, mclp, null, null, null);
        if (mclpValue > value) {
            value = mclpValue;
            order = mclp;
            Arrays.fill(in, false);
            for (int s : order) {
                in[s] = true;
            }
        }
        int passes = 0;
        boolean improved = true;
        while (improved && passes < maxPasses) {
            improved = false;
            passes++;
            for (int k = required.length; k < order.size(); k++) {
                for (int j = 0; j < cs.m; j++) {
                    if (in[j]) {
                        continue;
                    }
                    int old = order.get(k);
                    order.remove(k);
                    order.add(j);
                    double v = evaluate(cs, order, null, null, null);
                    if (v > value + 1e-9 * Math.max(1, value)) {
                        value = v;
                        in[old] = false;
                        in[j] = true;
                        improved = true;
                        break;
                    }
                    order.remove(order.size() - 1);
                    order.add(k, old);
                }
            }
        }
        double[] served = new double[cs.m];
        int[] points = new int[cs.m];
        int[] assignment = new int[cs.n];
        Arrays.fill(assignment, -1);
        value = evaluate(cs, order, served, points, assignment);
        CoverageLagrangian lag = new CoverageLagrangian(cs, 0, required);
        int[] sites = order.stream().mapToInt(Integer::intValue).toArray();
        double uncap = Math.min(cs.greedyBound(sites, p), lag.run(p, -1, 1500));
        double bound = cs.roundDown(Math.min(uncap, capacity * (required.length + p)));
        bound = Math.max(bound, value);

        List<SiteChoice> choices = new ArrayList<>();
        double cumulative = 0;
        double before = 0;
        for (int q = 0; q < order.size(); q++) {
            int s = order.get(q);
            cumulative += served[s];
            if (cs.isRequired[s]) {
                before = cumulative;
            }
            choices.add(new SiteChoice(s, cs.isRequired[s], q + 1, served[s], cumulative, served[s], points[s]));
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("p", Integer.toString(p));
        params.put("radius", AllocationResult.num(problem.radius()));
        params.put("capacity", AllocationResult.num(capacity));
        params.put("required", Integer.toString(required.length));
        params.put("assignment", "greedy nearest-first in pick order");
        params.put("passes", Integer.toString(passes));
        boolean optimal = bound <= value + 1e-9 * Math.max(1, value);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new AllocationResult("capacitated-coverage", false,
                optimal ? AllocationResult.Status.OPTIMAL : AllocationResult.Status.FEASIBLE, "", choices, assignment,
                value, bound, before, Arrays.stream(cs.w).sum(), value, seconds, params);
    }

    private double gain(CoverageSearch cs, int j, double[] residual) {
        double g = 0;
        for (int i : cs.covers[j]) {
            g += residual[i];
        }
        return Math.min(g, capacity);
    }

    /** Site j takes residual demand within reach, nearest first, up to capacity. */
    private double fill(CoverageSearch cs, int j, double[] residual, int[] points, int[] assignment) {
        double room = capacity;
        double taken = 0;
        for (int i : cs.covers[j]) {
            if (room <= 0) {
                break;
            }
            double t = Math.min(room, residual[i]);
            if (t > 0) {
                residual[i] -= t;
                room -= t;
                taken += t;
                if (points != null) {
                    points[j]++;
                }
                if (assignment != null && assignment[i] < 0) {
                    // A split demand point is listed under the first site that serves it.
                    assignment[i] = j;
                }
            }
        }
        return taken;
    }

    private double evaluate(CoverageSearch cs, List<Integer> order, double[] served, int[] points, int[] assignment) {
        double[] residual = cs.w.clone();
        double total = 0;
        for (int j : order) {
            double t = fill(cs, j, residual, points, assignment);
            if (served != null) {
                served[j] = t;
            }
            total += t;
        }
        return total;
    }
}
