package cn.cg.geo.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Golden cases: OR-Library pmed1..pmed20 and their published optima (Beasley 1990). */
class PMedianTest {

    static final Path PMED = Path.of("..", "testdata", "pmed");
    static final Map<String, Integer> OPTIMA = new HashMap<>();

    @BeforeAll
    static void readOptima() throws IOException {
        for (String line : Files.readAllLines(PMED.resolve("optima.txt"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 2 && f[0].startsWith("pmed")) {
                OPTIMA.put(f[0], Integer.parseInt(f[1]));
            }
        }
        assertThat(OPTIMA).hasSize(20);
    }

    static OrLibraryInstance instance(int k) throws IOException {
        return OrLibraryInstance.read(PMED.resolve("pmed" + k + ".txt"));
    }

    @ParameterizedTest(name = "pmed{0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void heuristicIsWithinHalfPercentAndBoundIsValid(int k) throws IOException {
        OrLibraryInstance in = instance(k);
        int optimum = OPTIMA.get("pmed" + k);
        AllocationResult r = PMedian.solve(in.toProblem(), in.p());
        System.out.printf(Locale.ROOT, "pmed%d n=%d p=%d objective=%s optimum=%d bound=%s gap_to_opt=%.3f%% seconds=%.3f %s%n", k,
                in.nodes(), in.p(), AllocationResult.num(r.objective()), optimum, AllocationResult.num(r.bound()),
                100.0 * (r.objective() - optimum) / optimum, r.seconds(), r.status());

        assertThat(r.objective()).isGreaterThanOrEqualTo(optimum).isLessThanOrEqualTo(optimum * 1.005);
        assertThat(r.bound()).isLessThanOrEqualTo(optimum);
        assertThat(r.newSites()).hasSize(in.p()).doesNotHaveDuplicates();
        // The objective is what the chosen sites really cost, recomputed here from the distances.
        assertThat(cost(in, r.openSites())).isEqualTo(r.objective());
        assertThat(r.sites().get(r.sites().size() - 1).objectiveAfter()).isEqualTo(r.objective());
        assertThat(r.sites().stream().mapToDouble(SiteChoice::demandServed).sum()).isEqualTo(in.nodes());
        if (r.isOptimal()) {
            assertThat(r.objective()).isEqualTo(optimum);
        }
        // Generous against a shared 2-core machine; measured figures are in docs/allocation.md.
        assertThat(r.seconds()).isLessThan(4.0);
    }

    @ParameterizedTest(name = "exact pmed{0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
    void exactModeProvesThePublishedOptimum(int k) throws IOException {
        OrLibraryInstance in = instance(k);
        AllocationResult r = new PMedian(in.toProblem(), in.p()).setExact(true).solve();
        int optimum = OPTIMA.get("pmed" + k);
        assertThat(r.status()).isEqualTo(AllocationResult.Status.OPTIMAL);
        assertThat(r.objective()).isEqualTo(optimum);
        assertThat(r.bound()).isEqualTo(optimum);
        assertThat(r.gap()).isZero();
    }

    @Test
    void sameSeedGivesSameAnswer() throws IOException {
        OrLibraryInstance in = instance(14);
        AllocationResult a = new PMedian(in.toProblem(), in.p()).setSeed(42).setStarts(10).solve();
        AllocationResult b = new PMedian(in.toProblem(), in.p()).setSeed(42).setStarts(10).solve();
        assertThat(b.openSites()).containsExactly(a.openSites());
        assertThat(b.objective()).isEqualTo(a.objective());
        assertThat(b.bound()).isEqualTo(a.bound());
    }

    @Test
    void requiredSitesAreAlwaysOpenAndPCountsNewSites() throws IOException {
        OrLibraryInstance in = instance(1);
        AllocationProblem problem = in.toProblem().withRequired(0, 50, 99);
        for (boolean exact : new boolean[] {false, true}) {
            AllocationResult r = new PMedian(problem, 4).setExact(exact).solve();
            assertThat(r.openSites()).hasSize(7).contains(0, 50, 99);
            assertThat(r.newSites()).hasSize(4).doesNotContain(0, 50, 99);
            assertThat(r.sites().subList(0, 3)).allMatch(SiteChoice::required);
            assertThat(r.objectiveBefore()).isEqualTo(cost(in, new int[] {0, 50, 99}));
            assertThat(r.objective()).isEqualTo(cost(in, r.openSites())).isLessThan(r.objectiveBefore());
            assertThat(r.bound()).isLessThanOrEqualTo(r.objective());
            if (exact) {
                assertThat(r.isOptimal()).isTrue();
            }
        }
        // 3 required + 4 new = 7 open, so the unrestricted 7-median can only be as good or better.
        assertThat(PMedian.solve(in.toProblem(), 7).objective())
                .isLessThanOrEqualTo(new PMedian(problem, 4).solve().objective());
    }

    @Test
    void invalidParametersAreRejectedWithAReason() throws IOException {
        AllocationProblem problem = instance(1).toProblem();
        assertThatThrownBy(() -> PMedian.solve(problem, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("p (number of new sites) must be >= 1");
        assertThatThrownBy(() -> PMedian.solve(problem, -3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was -3");
        assertThatThrownBy(() -> PMedian.solve(problem, 101)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only 100 candidate sites");
        assertThatThrownBy(() -> PMedian.solve(problem.withRequired(1, 2), 99)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 required");
        assertThatThrownBy(() -> problem.withRequired(1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> problem.withRequired(100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a candidate index");
        assertThatThrownBy(() -> new PMedian(problem, 5).setStarts(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void explanationNamesEverySiteAndTheGap() throws IOException {
        OrLibraryInstance in = instance(1);
        AllocationResult r = PMedian.solve(in.toProblem(), 5);
        String text = r.explain();
        assertThat(text).contains("p-median").contains("objective=5819 bound=5819 gap=0.0000 %");
        for (int s : r.openSites()) {
            assertThat(text).containsPattern("\\s" + s + "\\s+no\\s");
        }
        assertThat(r.parameters()).containsEntry("p", "5").containsEntry("seed", "1").containsKey("starts");
        // Pick order: marginal gains never increase after the first gain (greedy order).
        double prev = Double.POSITIVE_INFINITY;
        for (SiteChoice s : r.sites().subList(1, r.sites().size())) {
            assertThat(s.marginalGain()).isPositive().isLessThanOrEqualTo(prev);
            prev = s.marginalGain();
        }
    }

    static double cost(OrLibraryInstance in, int[] sites) {
        double sum = 0;
        for (int i = 0; i < in.nodes(); i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int s : sites) {
                best = Math.min(best, in.distance(i, s));
            }
            sum += best;
        }
        return sum;
    }
}
