package cn.cg.geo.allocation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The answer of a location-allocation solver, able to explain itself: open sites in pick order with
 * their marginal gain and the demand they serve, totals before and after the new sites, the objective,
 * a proven bound on the best possible objective and hence the optimality gap, the time taken, and the
 * parameters used. Immutable.
 */
public final class AllocationResult {

    /** {@code OPTIMAL}: the bound proves no better answer exists; {@code FEASIBLE}: a gap may remain. */
    public enum Status { OPTIMAL, FEASIBLE, INFEASIBLE }

    private final String model;
    private final boolean minimize;
    private final Status status;
    private final String message;
    private final List<SiteChoice> sites;
    private final int[] assignment;
    private final double objective;
    private final double bound;
    private final double objectiveBefore;
    private final double totalDemand;
    private final double servedDemand;
    private final double seconds;
    private final Map<String, String> parameters;

    AllocationResult(String model, boolean minimize, Status status, String message, List<SiteChoice> sites,
            int[] assignment, double objective, double bound, double objectiveBefore, double totalDemand,
            double servedDemand, double seconds, Map<String, String> parameters) {
        this.model = model;
        this.minimize = minimize;
        this.status = status;
        this.message = message;
        this.sites = List.copyOf(sites);
        this.assignment = assignment.clone();
        this.objective = objective;
        this.bound = bound;
        this.objectiveBefore = objectiveBefore;
        this.totalDemand = totalDemand;
        this.servedDemand = servedDemand;
        this.seconds = seconds;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** "p-median", "mclp", "capacitated-coverage" or "target-coverage". */
    public String model() {
        return model;
    }

    /** True when smaller objectives are better (p-median distance, target-coverage site count). */
    public boolean minimize() {
        return minimize;
    }

    public Status status() {
        return status;
    }

    public boolean isOptimal() {
        return status == Status.OPTIMAL;
    }

    public boolean isFeasible() {
        return status != Status.INFEASIBLE;
    }

    /** Human-readable note, e.g. why the target is infeasible or which limit stopped the search. */
    public String message() {
        return message;
    }

    /** Open sites (required first), in pick order. */
    public List<SiteChoice> sites() {
        return sites;
    }

    /** Candidate indices of the new (non-required) sites, in pick order. */
    public int[] newSites() {
        return sites.stream().filter(s -> !s.required()).mapToInt(SiteChoice::site).toArray();
    }

    /** Candidate indices of all open sites, in pick order. */
    public int[] openSites() {
        return sites.stream().mapToInt(SiteChoice::site).toArray();
    }

    /** Per demand point, the site serving it (nearest open / covering site), or -1 when not served. */
    public int[] assignment() {
        return assignment.clone();
    }

    /**
     * Objective value: total weighted distance (p-median), covered demand weight (coverage models), or
     * number of new sites (target coverage).
     */
    public double objective() {
        return objective;
    }

    /** Proven bound: a lower bound when minimising, an upper bound when maximising. */
    public double bound() {
        return bound;
    }

    /** Relative optimality gap {@code |objective - bound| / |objective|}; 0 when proven optimal. */
    public double gap() {
        double diff = minimize ? objective - bound : bound - objective;
        if (diff <= 0) {
            return 0;
        }
        return objective == 0 ? Double.POSITIVE_INFINITY : diff / Math.abs(objective);
    }

    /** Objective with only the required sites open; NaN when none are required for p-median. */
    public double objectiveBefore() {
        return objectiveBefore;
    }

    public double totalDemand() {
        return totalDemand;
    }

    /** Demand weight covered (coverage models) or assigned (p-median: all of it). */
    public double servedDemand() {
        return servedDemand;
    }

    /** Share of total demand served, 0..1. */
    public double coverage() {
        return totalDemand == 0 ? 0 : servedDemand / totalDemand;
    }

    /** Weighted mean distance from demand to its nearest open site (p-median only, else NaN). */
    public double meanDistance() {
        return model.equals("p-median") && totalDemand > 0 ? objective / totalDemand : Double.NaN;
    }

    public double seconds() {
        return seconds;
    }

    /** Every parameter the solver used, defaults included, as text (p, radius, seed, starts, ...). */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** A few lines a planner can read: parameters, each site's contribution, totals, bound and gap. */
    public String explain() {
        StringBuilder sb = new StringBuilder();
        sb.append(model).append(' ').append(parameters).append('\n');
        sb.append("status=").append(status);
        if (message != null && !message.isEmpty()) {
            sb.append(" (").append(message).append(')');
        }
        sb.append('\n');
        sb.append(" order  site  required  marginal_gain  objective_after  demand_served  points\n");
        for (SiteChoice s : sites) {
            sb.append(String.format(Locale.ROOT, "%6d %5d %9s %14s %16s %14s %7d%n", s.order(), s.site(),
                    s.required() ? "yes" : "no", num(s.marginalGain()), num(s.objectiveAfter()), num(s.demandServed()),
                    s.demandPoints()));
        }
        sb.append(String.format(Locale.ROOT, "demand total=%s served=%s (%.2f %%)%n", num(totalDemand), num(servedDemand),
                100 * coverage()));
        if (!Double.isNaN(objectiveBefore)) {
            sb.append("objective before new sites=").append(num(objectiveBefore)).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "objective=%s bound=%s gap=%.4f %% seconds=%.3f", num(objective), num(bound),
                100 * gap(), seconds));
        return sb.toString();
    }

    @Override
    public String toString() {
        return model + "[status=" + status + ", objective=" + num(objective) + ", bound=" + num(bound) + ", sites="
                + java.util.Arrays.toString(openSites()) + "]";
    }

    /** Integral values print without decimals, others with up to 4. */
    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
