package cn.cg.api.suggestion;

import cn.cg.geo.allocation.AllocationProblem;
import cn.cg.geo.allocation.AllocationResult;
import cn.cg.geo.allocation.DistanceProvider;
import cn.cg.geo.allocation.MaximalCovering;
import cn.cg.geo.allocation.OrLibraryInstance;
import cn.cg.geo.allocation.PMedian;
import cn.cg.geo.demo.DemoCase;
import cn.cg.geo.demo.DemoCaseGenerator;
import cn.cg.geo.demo.DemoCity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./cg bench suggest}: the city instance (demo-city cases on res-10 cells, the 20,000 cells with
 * most cases as demand, the 2,000 best generated cell candidates, p = 50: MCLP at 1,000 m and 300 m,
 * and p-median) and OR-Library pmed1-20 against their published optima. Plain Java, no Spring, no
 * database: the same solvers and projection as the API. Prints one table; seconds are wall time of the
 * solve alone (instance building excluded) in one JVM, so later rows run JIT-warm.
 *
 * <pre>
 *   SuggestBenchmark [--pmed DIR] [--cases N] [--seed S] [--cells N] [--candidates N] [--p N]
 * </pre>
 */
public final class SuggestBenchmark {

    private SuggestBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> o = options(args);
        Path pmed = Path.of(o.getOrDefault("pmed", "testdata/pmed"));
        long cases = Long.parseLong(o.getOrDefault("cases", "400000"));
        long seed = Long.parseLong(o.getOrDefault("seed", Long.toString(DemoCity.DEFAULT_SEED)));
        int cells = Integer.parseInt(o.getOrDefault("cells", "20000"));
        int candidates = Integer.parseInt(o.getOrDefault("candidates", "2000"));
        int p = Integer.parseInt(o.getOrDefault("p", "50"));

        System.out.printf(Locale.ROOT, "%-28s %7s %6s %4s %14s %14s %14s %9s %8s%n", "instance", "demand", "sites", "p",
                "objective", "bound/optimum", "", "gap %", "seconds");
        city(cases, seed, cells, candidates, p);
        orLibrary(pmed);
    }

    private static void city(long n, long seed, int cells, int candidates, int p) {
        long t0 = System.nanoTime();
        DemandGrid grid = new DemandGrid();
        DemoCity city = DemoCity.shenzhen(seed);
        DemoCaseGenerator gen = new DemoCaseGenerator(city, seed, n);
        while (gen.hasNext()) {
            DemoCase c = gen.next();
            grid.add(c.lon(), c.lat(), c.weight(), c.reportedAt().getHour());
        }
        DemandCells all = grid.weigh(18, 23, 1.0);
        DemandCells demand = top(all, cells);
        LocalProjection proj = LocalProjection.around(demand.lon(), demand.lat());
        System.out.printf(Locale.ROOT, "# city: %,d demo cases on %,d res-10 cells; demand = the %,d busiest (%,d cases), built in %.1f s%n",
                n, all.size(), demand.size(), demand.totalCases(), (System.nanoTime() - t0) / 1e9);
        double[] dx = proj.xs(demand.lon());
        double[] dy = proj.ys(demand.lat());
        for (double radius : new double[] {1000, 300}) {
            List<Candidate> ranked = CellCandidates.ranked(demand, proj, radius).subList(0, Math.min(candidates, demand.size()));
            double[] sx = proj.xs(ranked.stream().mapToDouble(Candidate::lon).toArray());
            double[] sy = proj.ys(ranked.stream().mapToDouble(Candidate::lat).toArray());
            AllocationProblem problem = AllocationProblem.of(demand.weight(), DistanceProvider.euclidean(dx, dy, sx, sy))
                    .withRadius(radius);
            long s0 = System.nanoTime();
            AllocationResult r = MaximalCovering.solve(problem, p);
            double sec = (System.nanoTime() - s0) / 1e9;
            row("city MCLP R=" + (int) radius + " m", demand.size(), ranked.size(), p, r.objective(), r.bound(),
                    String.format(Locale.ROOT, "cov %.1f %%", 100 * r.coverage()), 100 * r.gap(), sec);
            // The API's setting (cg.suggestions.solver-starts = 8): fewer multi-starts, same bound.
            s0 = System.nanoTime();
            r = new MaximalCovering(problem, p).setStarts(8).solve();
            sec = (System.nanoTime() - s0) / 1e9;
            row("  same, 8 starts", demand.size(), ranked.size(), p, r.objective(), r.bound(),
                    String.format(Locale.ROOT, "cov %.1f %%", 100 * r.coverage()), 100 * r.gap(), sec);
            if (radius == 1000) {
                long m0 = System.nanoTime();
                AllocationResult pm = PMedian.solve(AllocationProblem.of(demand.weight(), DistanceProvider.euclidean(dx, dy, sx, sy)), p);
                double msec = (System.nanoTime() - m0) / 1e9;
                row("city p-median", demand.size(), ranked.size(), p, pm.objective(), pm.bound(),
                        String.format(Locale.ROOT, "mean %.0f m", pm.meanDistance()), 100 * pm.gap(), msec);
                m0 = System.nanoTime();
                pm = new PMedian(AllocationProblem.of(demand.weight(), DistanceProvider.euclidean(dx, dy, sx, sy)), p)
                        .setStarts(8).setBoundIterations(600).solve();
                msec = (System.nanoTime() - m0) / 1e9;
                row("  same, 8 starts, 600 iter", demand.size(), ranked.size(), p, pm.objective(), pm.bound(),
                        String.format(Locale.ROOT, "mean %.0f m", pm.meanDistance()), 100 * pm.gap(), msec);
            }
        }
    }

    private static void orLibrary(Path dir) throws IOException {
        Path optimaFile = dir.resolve("optima.txt");
        if (!Files.exists(optimaFile)) {
            System.out.println("# no OR-Library instances at " + dir + " (--pmed DIR)");
            return;
        }
        Map<String, Double> optima = new HashMap<>();
        for (String line : Files.readAllLines(optimaFile)) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 2 && f[0].startsWith("pmed")) {
                optima.put(f[0], Double.parseDouble(f[1]));
            }
        }
        double worstGap = 0;
        double worstSeconds = 0;
        for (int k = 1; k <= 20; k++) {
            String name = "pmed" + k;
            Path file = dir.resolve(name + ".txt");
            if (!Files.exists(file)) {
                continue;
            }
            OrLibraryInstance inst = OrLibraryInstance.read(file);
            long s0 = System.nanoTime();
            AllocationResult r = PMedian.solve(inst.toProblem(), inst.p());
            double sec = (System.nanoTime() - s0) / 1e9;
            double opt = optima.getOrDefault(name, Double.NaN);
            double gap = 100 * (r.objective() - opt) / opt;
            worstGap = Math.max(worstGap, gap);
            worstSeconds = Math.max(worstSeconds, sec);
            row(name, inst.nodes(), inst.nodes(), inst.p(), r.objective(), opt,
                    String.format(Locale.ROOT, "bound %s", fmt(r.bound())), gap, sec);
        }
        System.out.printf(Locale.ROOT, "# pmed1-20: worst gap to the published optimum %.3f %%, slowest %.2f s%n", worstGap, worstSeconds);
    }

    private static void row(String name, int n, int m, int p, double objective, double bound, String note, double gapPct,
            double seconds) {
        System.out.printf(Locale.ROOT, "%-28s %7d %6d %4d %14s %14s %14s %9.3f %8.2f%n", name, n, m, p, fmt(objective),
                fmt(bound), note, gapPct, seconds);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** The k cells with most demand, in cell-id order (deterministic). */
    private static DemandCells top(DemandCells d, int k) {
        if (d.size() <= k) {
            return d;
        }
        Integer[] idx = new Integer[d.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> d.weight()[a] != d.weight()[b] ? Double.compare(d.weight()[b], d.weight()[a])
                : Long.compare(d.cell()[a], d.cell()[b]));
        int[] keep = Arrays.stream(idx, 0, k).mapToInt(Integer::intValue).sorted().toArray();
        return new DemandCells(Arrays.stream(keep).mapToLong(i -> d.cell()[i]).toArray(),
                Arrays.stream(keep).mapToDouble(i -> d.lon()[i]).toArray(),
                Arrays.stream(keep).mapToDouble(i -> d.lat()[i]).toArray(),
                Arrays.stream(keep).map(i -> d.cases()[i]).toArray(),
                Arrays.stream(keep).map(i -> d.eveningCases()[i]).toArray(),
                Arrays.stream(keep).mapToDouble(i -> d.weight()[i]).toArray());
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int k = 0; k + 1 < args.length; k += 2) {
            if (!args[k].startsWith("--")) {
                throw new IllegalArgumentException("usage: SuggestBenchmark [--pmed DIR] [--cases N] [--seed S] [--cells N] [--candidates N] [--p N]");
            }
            o.put(args[k].substring(2), args[k + 1]);
        }
        return o;
    }
}
