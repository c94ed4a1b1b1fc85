package cn.cg.api.suggestion;

import cn.cg.geo.allocation.AllocationProblem;
import cn.cg.geo.allocation.AllocationResult;
import cn.cg.geo.allocation.CapacitatedCovering;
import cn.cg.geo.allocation.DistanceProvider;
import cn.cg.geo.allocation.MaximalCovering;
import cn.cg.geo.allocation.PMedian;
import cn.cg.geo.allocation.SiteChoice;
import cn.cg.geo.allocation.TargetCoverage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one of geo-core's solvers on projected demand and candidates, adding what the solvers do not
 * know: a minimum spacing between open sites. Plain Java (the benchmark uses it without Spring).
 *
 * <p>Spacing, by repair rounds: solve without spacing; if two new sites are closer than the spacing,
 * keep (fix) the new sites that do not conflict, in pick order, drop the candidates too close to a fixed
 * site, and solve again for the remaining sites with the fixed ones open. Each round fixes at least one
 * site, so there are at most p rounds (usually one or two: overlapping sites rarely pay in coverage).
 * Candidates too close to existing sites are dropped before the first round. The first round's bound
 * (spacing relaxed) is a valid bound of the spaced problem too, so the gap stays honest; it is looser
 * when spacing binds.
 */
public final class SiteSolver {

    /** The solver's answer in the caller's candidate indices. */
    public record Solution(String model, AllocationResult.Status status, String message, List<SiteChoice> sites,
                           double objective, double bound, double gap, boolean minimize, double seconds,
                           int rounds, Map<String, String> parameters) {

        public boolean feasible() {
            return status != AllocationResult.Status.INFEASIBLE;
        }
    }

    public enum Model { COVERAGE, CAPACITATED, P_MEDIAN, TARGET }

    private final double[] dx;
    private final double[] dy;
    private final double[] w;
    private final double[] sx;
    private final double[] sy;
    private final int[] required;
    private int starts = 64;
    private int boundIterations = 2000;

    /** Multi-starts and bound iterations of MCLP and p-median (geo-core defaults: 64 and 2000-3000). */
    public SiteSolver effort(int starts, int boundIterations) {
        this.starts = starts;
        this.boundIterations = boundIterations;
        return this;
    }

    /** Demand and candidate coordinates in metres (see {@link LocalProjection}); required: always-open candidates. */
    public SiteSolver(double[] dx, double[] dy, double[] w, double[] sx, double[] sy, int[] required) {
        this.dx = dx;
        this.dy = dy;
        this.w = w;
        this.sx = sx;
        this.sy = sy;
        this.required = required.clone();
    }

    /**
     * @param p new sites (ignored by TARGET)
     * @param radius coverage radius in metres (COVERAGE, CAPACITATED, TARGET)
     * @param capacity per site (CAPACITATED)
     * @param targetShare 0..1 (TARGET)
     * @param minSpacing metres between open sites, 0 for none (not with TARGET)
     */
    public Solution solve(Model model, int p, double radius, double capacity, double targetShare, double minSpacing) {
        long t0 = System.nanoTime();
        int m = sx.length;
        boolean[] isRequired = new boolean[m];
        for (int r : required) {
            isRequired[r] = true;
        }
        boolean[] allowed = new boolean[m];
        for (int j = 0; j < m; j++) {
            allowed[j] = !isRequired[j] && (minSpacing <= 0 || !tooClose(j, required, required.length, minSpacing));
        }
        if (model == Model.TARGET) {
            Sub sub = sub(allowed, new int[0]);
            AllocationResult r = new TargetCoverage(sub.problem(radius), targetShare).setStarts(Math.min(starts, 16)).solve();
            return map(r, sub, r.bound(), r.status(), r.message(), 1, t0);
        }
        List<Integer> fixed = new ArrayList<>();
        double bound = Double.NaN;
        int rounds = 0;
        String note = "";
        while (true) {
            rounds++;
            int free = 0;
            for (int j = 0; j < m; j++) {
                free += allowed[j] ? 1 : 0;
            }
            free -= fixed.size();
            int pr = p - fixed.size();
            if (free < pr) {
                note = "the minimum spacing of " + Math.round(minSpacing) + " m leaves room for only "
                        + (fixed.size() + free) + " of the " + p + " new sites";
                pr = free;
            }
            if (pr == 0) {
                // Nothing left to choose: re-open the last fixed site as the one to choose, so the solver
                // still explains the whole set (a solver needs p >= 1).
                fixed.remove(fixed.size() - 1);
                pr = 1;
            }
            Sub sub = sub(allowed, fixed.stream().mapToInt(Integer::intValue).toArray());
            AllocationResult r = switch (model) {
                case COVERAGE -> new MaximalCovering(sub.problem(radius), pr).setStarts(starts)
                        .setBoundIterations(boundIterations).solve();
                case CAPACITATED -> CapacitatedCovering.solve(sub.problem(radius), pr, capacity);
                case P_MEDIAN -> new PMedian(sub.problem(Double.NaN), pr).setStarts(starts)
                        .setBoundIterations(boundIterations).solve();
                default -> throw new IllegalStateException();
            };
            if (rounds == 1) {
                bound = r.bound();
            }
            List<Integer> picked = new ArrayList<>();
            for (SiteChoice s : r.sites()) {
                if (!s.required()) {
                    picked.add(sub.index[s.site()]);
                }
            }
            List<Integer> accepted = new ArrayList<>();
            for (int j : picked) {
                if (minSpacing <= 0 || !tooClose(j, accepted.stream().mapToInt(Integer::intValue).toArray(), accepted.size(), minSpacing)) {
                    accepted.add(j);
                }
            }
            if (accepted.size() == picked.size()) {
                AllocationResult.Status status = r.status();
                boolean minimize = r.minimize();
                double objective = r.objective();
                boolean meets = minimize ? objective <= bound + 1e-9 * Math.max(1, Math.abs(bound))
                        : objective >= bound - 1e-9 * Math.max(1, Math.abs(bound));
                status = note.isEmpty() && meets ? AllocationResult.Status.OPTIMAL : AllocationResult.Status.FEASIBLE;
                if (rounds > 1 && note.isEmpty()) {
                    note = "minimum spacing applied in " + rounds + " rounds";
                }
                return map(r, sub, bound, status, join(r.message(), note), rounds, t0);
            }
            for (int j : accepted) {
                fixed.add(j);
            }
            for (int j = 0; j < m; j++) {
                if (allowed[j] && !fixed.contains(j) && tooClose(j, accepted.stream().mapToInt(Integer::intValue).toArray(),
                        accepted.size(), minSpacing)) {
                    allowed[j] = false;
                }
            }
        }
    }

    private static String join(String a, String b) {
        if (a == null || a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : a + "; " + b;
    }

    private boolean tooClose(int j, int[] others, int count, double spacing) {
        for (int q = 0; q < count; q++) {
            int o = others[q];
            if (o == j) {
                continue;
            }
            double ex = sx[j] - sx[o];
            double ey = sy[j] - sy[o];
            if (ex * ex + ey * ey < spacing * spacing) {
                return true;
            }
        }
        return false;
    }

    /** A candidate subset: required first, then fixed sites, then the other allowed candidates. */
    private record Sub(int[] index, int requiredCount, double[] dx, double[] dy, double[] w, double[] sx, double[] sy) {

        AllocationProblem problem(double radius) {
            double[] x = new double[index.length];
            double[] y = new double[index.length];
            for (int k = 0; k < index.length; k++) {
                x[k] = sx[index[k]];
                y[k] = sy[index[k]];
            }
            int[] req = new int[requiredCount];
            for (int k = 0; k < requiredCount; k++) {
                req[k] = k;
            }
            AllocationProblem pr = AllocationProblem.of(w, DistanceProvider.euclidean(dx, dy, x, y)).withRequired(req);
            return Double.isNaN(radius) ? pr : pr.withRadius(radius);
        }
    }

    private Sub sub(boolean[] allowed, int[] fixed) {
        List<Integer> idx = new ArrayList<>();
        boolean[] listed = new boolean[sx.length];
        for (int r : required) {
            idx.add(r);
            listed[r] = true;
        }
        for (int f : fixed) {
            idx.add(f);
            listed[f] = true;
        }
        for (int j = 0; j < sx.length; j++) {
            if (allowed[j] && !listed[j]) {
                idx.add(j);
            }
        }
        return new Sub(idx.stream().mapToInt(Integer::intValue).toArray(), required.length + fixed.length, dx, dy, w, sx, sy);
    }

    private Solution map(AllocationResult r, Sub sub, double bound, AllocationResult.Status status, String message,
            int rounds, long t0) {
        List<SiteChoice> sites = new ArrayList<>();
        for (SiteChoice s : r.sites()) {
            int j = sub.index[s.site()];
            boolean existing = s.required() && s.site() < required.length;
            sites.add(new SiteChoice(j, existing, s.order(), s.marginalGain(), s.objectiveAfter(), s.demandServed(), s.demandPoints()));
        }
        double objective = r.objective();
        double gap;
        if (status == AllocationResult.Status.INFEASIBLE || Double.isNaN(objective) || Double.isNaN(bound)) {
            gap = Double.NaN;
        } else {
            double diff = r.minimize() ? objective - bound : bound - objective;
            gap = diff <= 0 ? 0 : objective == 0 ? Double.POSITIVE_INFINITY : diff / Math.abs(objective);
        }
        Map<String, String> params = new LinkedHashMap<>(r.parameters());
        params.put("rounds", Integer.toString(rounds));
        return new Solution(r.model(), status, message == null ? "" : message, sites, objective, bound, gap,
                r.minimize(), (System.nanoTime() - t0) / 1e9, rounds, params);
    }
}
