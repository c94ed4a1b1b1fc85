package cn.cg.geo.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * City scale (issue 6): 20,000 clustered demand points x 2,000 candidates, p = 50, euclidean distances
 * (grid-built neighbour lists, sparse p-median lists). Quality only: each answer's gap to its own bound
 * is under 1 % and the objective is what the sites really achieve. Timing lives in SuggestBenchmark.
 */
class CityScaleTest {

    static ClusteredInstance city;

    @BeforeAll
    static void generate() {
        city = ClusteredInstance.generate(20_000, 2_000, 1000, 7);
    }

    @Test
    void pMedianIsWithinOnePercentOfItsBound() {
        AllocationProblem problem = city.problem();
        AllocationResult r = PMedian.solve(problem, 50);
        System.out.printf(Locale.ROOT, "city p-median objective=%s bound=%s gap=%.4f%% seconds=%.2f %s%n",
                AllocationResult.num(r.objective()), AllocationResult.num(r.bound()), 100 * r.gap(), r.seconds(), r.parameters());
        assertThat(r.newSites()).hasSize(50).doesNotHaveDuplicates();
        assertThat(r.bound()).isLessThanOrEqualTo(r.objective());
        assertThat(r.gap()).isLessThan(0.01);
        // The objective is what the sites really cost, recomputed from the distances (no list shortcut).
        double cost = 0;
        for (int i = 0; i < problem.demandCount(); i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int s : r.openSites()) {
                best = Math.min(best, problem.weight(i) * problem.distances().distance(i, s));
            }
            cost += best;
        }
        assertThat(cost).isCloseTo(r.objective(), org.assertj.core.data.Offset.offset(1e-6 * cost));
        // Deterministic: same seed, same answer.
        assertThat(PMedian.solve(problem, 50).openSites()).containsExactly(r.openSites());
    }

    @Test
    void mclpIsWithinOnePercentOfItsBound() {
        AllocationProblem problem = city.problem().withRadius(1000);
        AllocationResult r = MaximalCovering.solve(problem, 50);
        System.out.printf(Locale.ROOT, "city MCLP R=1000 objective=%s bound=%s gap=%.4f%% seconds=%.2f %s%n",
                AllocationResult.num(r.objective()), AllocationResult.num(r.bound()), 100 * r.gap(), r.seconds(), r.parameters());
        assertThat(r.newSites()).hasSize(50).doesNotHaveDuplicates();
        assertThat(r.bound()).isGreaterThanOrEqualTo(r.objective());
        assertThat(r.gap()).isLessThan(0.01);
        // Grid-built coverage lists agree with the distances.
        assertThat(MaximalCoveringTest.covered(problem, r.openSites(), 1000)).isEqualTo(r.objective());
        assertThat(MaximalCovering.solve(problem, 50).openSites()).containsExactly(r.openSites());
    }
}
