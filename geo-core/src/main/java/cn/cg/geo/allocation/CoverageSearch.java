package cn.cg.geo.allocation;

import cn.cg.geo.grid.UniformGrid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Heuristic machinery of the coverage models: who-covers-whom lists for the radius, lazy greedy adding
 * and a fast interchange in Whitaker's spirit.
 *
 * <p>The coverage analogue of nearest/second-nearest bookkeeping is, per demand point, the number of
 * open sites covering it and the sum of their indices (when exactly one site covers it, that sum IS the
 * site). Per open site we keep the weight only it covers ({@code unique}). Then the value of "insert j,
 * remove the best r" costs one pass over the demand j covers plus one pass over the open sites.
 */
final class CoverageSearch {

    final int n;
    final int m;
    final double[] w;
    /** Per site, the demand points within the radius, nearest first. */
    final int[][] covers;
    /** Per demand point, the sites within the radius. */
    final int[][] coveredBy;
    final double[][] coverDistance;
    final boolean[] isRequired;
    final int[] required;
    final boolean integral;

    private final int[] cnt;
    private final long[] idSum;
    private final boolean[] open;
    private final double[] unique;
    private final double[] adj;
    private final int[] mark;
    private int[] openList = new int[0];
    private int openCount;
    private int stamp;
    /** Starts made by the last {@link #multiStart} call. */
    int startsRun;

    CoverageSearch(AllocationProblem problem) {
        double radius = problem.radius();
        n = problem.demandCount();
        m = problem.siteCount();
        w = problem.weights();
        DistanceProvider d = problem.distances();
        covers = new int[m][];
        coverDistance = new double[m][];
        if (d instanceof EuclideanDistances e) {
            // Grid over the demand points: each site looks only at the cells its radius overlaps,
            // not at all n demand points (40 M pairs on a city instance).
            UniformGrid grid = new UniformGrid(e.demandX(), e.demandY(), radius);
            int[][] ids = {new int[64]};
            double[][] dist = {new double[64]};
            double[] sx = e.siteX();
            double[] sy = e.siteY();
            for (int j = 0; j < m; j++) {
                int k = grid.within(sx[j], sy[j], radius, ids, dist);
                setCovers(j, ids[0], dist[0], k);
            }
        } else {
            int[] ids = new int[n];
            double[] dist = new double[n];
            for (int j = 0; j < m; j++) {
                int k = 0;
                for (int i = 0; i < n; i++) {
                    double v = d.distance(i, j);
                    if (!(v >= 0)) {
                        throw new IllegalArgumentException("distance from demand " + i + " to site " + j + " must be >= 0, was " + v);
                    }
                    if (v <= radius) {
                        ids[k] = i;
                        dist[k++] = v;
                    }
                }
                setCovers(j, ids, dist, k);
            }
        }
        // Inverse lists by counting (site order within each list, as before).
        int[] count = new int[n];
        for (int[] list : covers) {
            for (int i : list) {
                count[i]++;
            }
        }
        coveredBy = new int[n][];
        for (int i = 0; i < n; i++) {
            coveredBy[i] = new int[count[i]];
            count[i] = 0;
        }
        for (int j = 0; j < m; j++) {
            for (int i : covers[j]) {
                coveredBy[i][count[i]++] = j;
            }
        }
        required = problem.required();
        isRequired = new boolean[m];
        for (int r : required) {
            isRequired[r] = true;
        }
        boolean allInt = true;
        for (double v : w) {
            allInt &= v == Math.rint(v) && v < 1e12;
        }
        integral = allInt;
        cnt = new int[n];
        idSum = new long[n];
        open = new boolean[m];
        unique = new double[m];
        adj = new double[m];
        mark = new int[n];
    }

    /** Site j's covered points sorted nearest first (ties by index), from unsorted (id, distance) pairs. */
    private void setCovers(int j, int[] ids, double[] dist, int k) {
        int[] pos = sortByDistanceThenId(ids, dist, k);
        covers[j] = new int[k];
        coverDistance[j] = new double[k];
        for (int q = 0; q < k; q++) {
            covers[j][q] = ids[pos[q]];
            coverDistance[j][q] = dist[pos[q]];
        }
    }

    private static int[] sortByDistanceThenId(int[] ids, double[] dist, int k) {
        int[] pos = new int[k];
        for (int q = 0; q < k; q++) {
            pos[q] = q;
        }
        // Merge sort on positions with a primitive comparison (stable, O(k log k), no boxing).
        int[] tmp = new int[k];
        for (int width = 1; width < k; width *= 2) {
            for (int lo = 0; lo < k - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, k);
                int a = lo;
                int b = mid;
                int t = lo;
                while (a < mid && b < hi) {
                    int pa = pos[a];
                    int pb = pos[b];
                    boolean takeB = dist[pb] < dist[pa] || (dist[pb] == dist[pa] && ids[pb] < ids[pa]);
                    tmp[t++] = takeB ? pos[b++] : pos[a++];
                }
                while (a < mid) {
                    tmp[t++] = pos[a++];
                }
                while (b < hi) {
                    tmp[t++] = pos[b++];
                }
                System.arraycopy(tmp, lo, pos, lo, hi - lo);
            }
        }
        return pos;
    }

    /** Weight covered by {@code sites}. */
    double evaluate(int[] sites) {
        stamp++;
        double s = 0;
        for (int j : sites) {
            for (int i : covers[j]) {
                if (mark[i] != stamp) {
                    mark[i] = stamp;
                    s += w[i];
                }
            }
        }
        return s;
    }

    /**
     * Greedy adding to {@code total} sites: required, then {@code seeds}, then the largest uncovered
     * weight. Coverage is submodular, so a gain computed earlier is an upper bound and sites are
     * re-evaluated only when they reach the top of the queue (lazy evaluation).
     */
    int[] greedy(int[] seeds, int total) {
        boolean[] covered = new boolean[n];
        boolean[] chosen = new boolean[m];
        int[] picks = new int[total];
        int count = 0;
        for (int r : required) {
            count = add(r, picks, count, chosen, covered);
        }
        for (int s : seeds) {
            if (!chosen[s] && count < total) {
                count = add(s, picks, count, chosen, covered);
            }
        }
        double[] ub = new double[m];
        PriorityQueue<Integer> queue = new PriorityQueue<>(Math.max(1, m),
                (a, b) -> ub[a] != ub[b] ? Double.compare(ub[b], ub[a]) : Integer.compare(a, b));
        for (int j = 0; j < m; j++) {
            if (!chosen[j]) {
                ub[j] = gain(j, covered);
                queue.add(j);
            }
        }
        while (count < total) {
            int j = queue.poll();
            double g = gain(j, covered);
            Integer next = queue.peek();
            if (next == null || g >= ub[next]) {
                count = add(j, picks, count, chosen, covered);
            } else {
                ub[j] = g;
                queue.add(j);
            }
        }
        return picks;
    }

    private int add(int j, int[] picks, int count, boolean[] chosen, boolean[] covered) {
        chosen[j] = true;
        picks[count] = j;
        for (int i : covers[j]) {
            covered[i] = true;
        }
        return count + 1;
    }

    private double gain(int j, boolean[] covered) {
        double g = 0;
        for (int i : covers[j]) {
            if (!covered[i]) {
                g += w[i];
            }
        }
        return g;
    }

    void load(int[] sites) {
        Arrays.fill(cnt, 0);
        Arrays.fill(idSum, 0);
        Arrays.fill(open, false);
        Arrays.fill(unique, 0);
        openList = sites.clone();
        openCount = sites.length;
        for (int j : sites) {
            open[j] = true;
            for (int i : covers[j]) {
                cnt[i]++;
                idSum[i] += j;
            }
        }
        for (int i = 0; i < n; i++) {
            if (cnt[i] == 1) {
                unique[(int) idSum[i]] += w[i];
            }
        }
    }

    int[] sites() {
        return Arrays.copyOf(openList, openCount);
    }

    double covered() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            if (cnt[i] > 0) {
                s += w[i];
            }
        }
        return s;
    }

    /** Swap-local search to a local optimum; required sites stay. Returns the number of swaps. */
    int interchange() {
        int swaps = 0;
        int since = 0;
        int j = 0;
        double eps = 1e-9 * Math.max(1, covered());
        while (since < m) {
            boolean improved = false;
            if (!open[j]) {
                double gain = 0;
                for (int i : covers[j]) {
                    if (cnt[i] == 0) {
                        gain += w[i];
                    } else if (cnt[i] == 1) {
                        adj[(int) idSum[i]] += w[i];
                    }
                }
                int out = -1;
                double bestLoss = Double.POSITIVE_INFINITY;
                for (int k = 0; k < openCount; k++) {
                    int r = openList[k];
                    double loss = unique[r] - adj[r];
                    if (!isRequired[r] && loss < bestLoss) {
                        bestLoss = loss;
                        out = r;
                    }
                }
                for (int i : covers[j]) {
                    if (cnt[i] == 1) {
                        adj[(int) idSum[i]] = 0;
                    }
                }
                if (out >= 0 && gain - bestLoss > eps) {
                    swap(j, out);
                    swaps++;
                    improved = true;
                }
            }
            since = improved ? 0 : since + 1;
            j = j + 1 == m ? 0 : j + 1;
        }
        return swaps;
    }

    private void swap(int in, int out) {
        stamp++;
        for (int[] list : new int[][] {covers[in], covers[out]}) {
            for (int i : list) {
                if (mark[i] != stamp) {
                    mark[i] = stamp;
                    if (cnt[i] == 1) {
                        unique[(int) idSum[i]] -= w[i];
                    }
                }
            }
        }
        for (int i : covers[in]) {
            cnt[i]++;
            idSum[i] += in;
        }
        for (int i : covers[out]) {
            cnt[i]--;
            idSum[i] -= out;
        }
        stamp++;
        for (int[] list : new int[][] {covers[in], covers[out]}) {
            for (int i : list) {
                if (mark[i] != stamp) {
                    mark[i] = stamp;
                    if (cnt[i] == 1) {
                        unique[(int) idSum[i]] += w[i];
                    }
                }
            }
        }
        open[in] = true;
        open[out] = false;
        for (int k = 0; k < openCount; k++) {
            if (openList[k] == out) {
                openList[k] = in;
            }
        }
    }

    /**
     * Multi-start: greedy + interchange, then further starts that alternate between perturbing the best
     * set (a few random swaps) and greedy from a random seed site. Seeded, hence deterministic.
     */
    int[] multiStart(int p, int starts, long seed) {
        return multiStart(p, starts, seed, null, v -> false);
    }

    /**
     * As {@link #multiStart(int, int, long)}, starting from {@code first} (already greedy + interchange,
     * or null to compute it) and stopping early once {@code enough} accepts the best value so far (the
     * bound proves it within the tolerated gap, or the time limit is reached).
     */
    int[] multiStart(int p, int starts, long seed, int[] first, java.util.function.DoublePredicate enough) {
        int total = required.length + p;
        SplittableRandom random = new SplittableRandom(seed);
        if (first == null) {
            load(greedy(new int[0], total));
            interchange();
        } else {
            load(first);
        }
        int[] best = sites();
        double bestValue = covered();
        startsRun = 1;
        for (int s = 1; s < starts && !enough.test(bestValue); s++) {
            startsRun++;
            int[] sites;
            if (s % 2 == 1) {
                sites = best.clone();
                boolean[] in = new boolean[m];
                for (int j : sites) {
                    in[j] = true;
                }
                int moves = 1 + random.nextInt(Math.max(1, Math.min(p, 2 + p / 5)));
                for (int q = 0; q < moves && total < m; q++) {
                    int pos = random.nextInt(sites.length);
                    if (isRequired[sites[pos]]) {
                        continue;
                    }
                    int j;
                    do {
                        j = random.nextInt(m);
                    } while (in[j]);
                    in[sites[pos]] = false;
                    in[j] = true;
                    sites[pos] = j;
                }
            } else {
                // Greedy completion of 1..p/2+1 random seed sites: diversity the perturbations lack.
                int[] seeds = new int[1 + random.nextInt(p / 2 + 1)];
                for (int q = 0; q < seeds.length; q++) {
                    seeds[q] = random.nextInt(m);
                }
                sites = greedy(seeds, total);
            }
            load(sites);
            interchange();
            double v = covered();
            if (v > bestValue) {
                bestValue = v;
                best = sites();
            }
        }
        load(best);
        return best;
    }

    /**
     * Submodularity bound (Nemhauser-Wolsey): any p-set covers at most f(S) plus the p largest single-site
     * gains over S. Cheap and valid; the Lagrangian bound is usually much tighter.
     */
    double greedyBound(int[] sites, int p) {
        boolean[] covered = new boolean[n];
        boolean[] in = new boolean[m];
        for (int j : sites) {
            in[j] = true;
            for (int i : covers[j]) {
                covered[i] = true;
            }
        }
        double[] gains = new double[m];
        int k = 0;
        for (int j = 0; j < m; j++) {
            if (!in[j] && !isRequired[j]) {
                gains[k++] = gain(j, covered);
            }
        }
        Arrays.sort(gains, 0, k);
        double f = evaluate(sites);
        for (int q = 0; q < p && q < k; q++) {
            f += gains[k - 1 - q];
        }
        return f;
    }

    double roundDown(double bound) {
        return integral ? Math.floor(bound + 1e-7 * Math.max(1, Math.abs(bound))) : bound;
    }

    /** Required first, then greedy order over the rest; demand credited to the first covering site. */
    AllocationResult explain(String model, int[] sites, double bound, String note, double seconds,
            java.util.Map<String, String> params) {
        List<Integer> order = new ArrayList<>();
        for (int r : required) {
            order.add(r);
        }
        List<Integer> rest = new ArrayList<>();
        for (int s : sites) {
            if (!isRequired[s]) {
                rest.add(s);
            }
        }
        boolean[] covered = new boolean[n];
        int[] assignment = new int[n];
        Arrays.fill(assignment, -1);
        List<SiteChoice> choices = new ArrayList<>();
        double current = 0;
        double before = 0;
        int q = 0;
        while (q < order.size() || !rest.isEmpty()) {
            int pick;
            if (q < order.size()) {
                pick = order.get(q);
            } else {
                pick = rest.get(0);
                double g = -1;
                for (int s : rest) {
                    double v = gain(s, covered);
                    if (v > g) {
                        g = v;
                        pick = s;
                    }
                }
                rest.remove(Integer.valueOf(pick));
                order.add(pick);
            }
            double g = 0;
            int points = 0;
            for (int i : covers[pick]) {
                if (!covered[i]) {
                    covered[i] = true;
                    assignment[i] = pick;
                    g += w[i];
                    points++;
                }
            }
            current += g;
            q++;
            if (isRequired[pick]) {
                before = current;
            }
            choices.add(new SiteChoice(pick, isRequired[pick], q, g, current, g, points));
        }
        double total = Arrays.stream(w).sum();
        bound = Math.max(bound, current);
        boolean optimal = roundDown(bound) <= current + 1e-9 * Math.max(1, current);
        return new AllocationResult(model, false, optimal ? AllocationResult.Status.OPTIMAL : AllocationResult.Status.FEASIBLE,
                note, choices, assignment, current, optimal ? current : bound, before, total, current, seconds, params);
    }
}
