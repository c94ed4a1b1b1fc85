package cn.cg.geo.allocation;

import java.util.Arrays;

/**
 * The input shared by all location-allocation models: weighted demand points, candidate sites, the
 * distance between them, the sites that are already open (existing stations: always open, never
 * swapped out) and, for coverage models, a service radius.
 *
 * <p>Immutable. {@code p} is not part of the problem because the same problem is usually solved for
 * several {@code p}; every solver takes {@code p} as the number of NEW sites to open besides the
 * required ones (the planner's question is "where do the next 5 stations go").
 */
public final class AllocationProblem {

    private final double[] weights;
    private final DistanceProvider distances;
    private final int[] required;
    private final double radius;

    private AllocationProblem(double[] weights, DistanceProvider distances, int[] required, double radius) {
        this.weights = weights;
        this.distances = distances;
        this.required = required;
        this.radius = radius;
    }

    /**
     * @param weights demand weight per demand point (e.g. case count), finite and {@code >= 0}
     * @param distances demand-to-site distances; its demand count must equal {@code weights.length}
     */
    public static AllocationProblem of(double[] weights, DistanceProvider distances) {
        if (distances == null) {
            throw new IllegalArgumentException("distances must not be null");
        }
        if (weights == null || weights.length != distances.demandCount()) {
            throw new IllegalArgumentException("weights length " + (weights == null ? "null" : weights.length)
                    + " does not match the " + distances.demandCount() + " demand points of the distance provider");
        }
        if (distances.siteCount() <= 0) {
            throw new IllegalArgumentException("there are no candidate sites");
        }
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("weight of demand point " + i + " must be finite and >= 0, was " + weights[i]);
            }
        }
        return new AllocationProblem(weights.clone(), distances, new int[0], Double.NaN);
    }

    /** Every demand point has weight 1 (the OR-Library p-median convention). */
    public static AllocationProblem unweighted(DistanceProvider distances) {
        double[] w = new double[distances.demandCount()];
        Arrays.fill(w, 1.0);
        return of(w, distances);
    }

    /** A copy in which the given sites are always open (existing stations). */
    public AllocationProblem withRequired(int... sites) {
        int[] copy = sites == null ? new int[0] : sites.clone();
        boolean[] seen = new boolean[siteCount()];
        for (int s : copy) {
            if (s < 0 || s >= siteCount()) {
                throw new IllegalArgumentException("required site " + s + " is not a candidate index (0.." + (siteCount() - 1) + ")");
            }
            if (seen[s]) {
                throw new IllegalArgumentException("required site " + s + " is listed twice");
            }
            seen[s] = true;
        }
        return new AllocationProblem(weights, distances, copy, radius);
    }

    /** A copy with the coverage radius set (same unit as the distances, metres by convention). */
    public AllocationProblem withRadius(double radius) {
        if (!(radius > 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("radius must be a finite number > 0, was " + radius);
        }
        return new AllocationProblem(weights, distances, required, radius);
    }

    public int demandCount() {
        return weights.length;
    }

    public int siteCount() {
        return distances.siteCount();
    }

    public double weight(int demand) {
        return weights[demand];
    }

    public double[] weights() {
        return weights.clone();
    }

    public double totalWeight() {
        double t = 0;
        for (double w : weights) {
            t += w;
        }
        return t;
    }

    public DistanceProvider distances() {
        return distances;
    }

    public int[] required() {
        return required.clone();
    }

    public boolean isRequired(int site) {
        for (int r : required) {
            if (r == site) {
                return true;
            }
        }
        return false;
    }

    public boolean hasRadius() {
        return !Double.isNaN(radius);
    }

    /** The coverage radius; throws if none was set, since coverage models cannot guess it. */
    public double radius() {
        if (!hasRadius()) {
            throw new IllegalArgumentException("this model needs a coverage radius: call withRadius(r) with r > 0");
        }
        return radius;
    }

    /** Checks {@code p} (new sites) against the free candidates; shared by all solvers. */
    void checkP(int p) {
        if (p <= 0) {
            throw new IllegalArgumentException("p (number of new sites) must be >= 1, was " + p);
        }
        int free = siteCount() - required.length;
        if (p > free) {
            throw new IllegalArgumentException("p = " + p + " new sites requested but only " + free
                    + " candidate sites are not already open (" + siteCount() + " candidates, " + required.length + " required)");
        }
    }
}
