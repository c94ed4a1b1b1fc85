package cn.cg.geo.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden cases: MCLP on San Francisco incidents, optima proven by GLPK (resources/mclp/solve.sh). */
class MaximalCoveringTest {

    static SfMclpInstance sf;

    @BeforeAll
    static void load() throws IOException {
        sf = SfMclpInstance.load();
        assertThat(sf.w()).hasSize(623);
        assertThat(sf.sx()).hasSize(208);
    }

    static Stream<SfMclpInstance.Case> cases() throws IOException {
        List<SfMclpInstance.Case> c = SfMclpInstance.cases();
        assertThat(c).hasSize(4);
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTheExactOptimumAndTheBoundIsValid(SfMclpInstance.Case c) {
        AllocationProblem problem = sf.problem().withRadius(c.radius()).withRequired(c.required());
        AllocationResult r = MaximalCovering.solve(problem, c.p());
        System.out.printf(Locale.ROOT, "%s objective=%s glpk=%s bound=%s gap=%.3f%% coverage=%.1f%% seconds=%.3f %s%n", c.name(),
                AllocationResult.num(r.objective()), AllocationResult.num(c.optimum()), AllocationResult.num(r.bound()),
                100 * r.gap(), 100 * r.coverage(), r.seconds(), r.status());

        assertThat(r.objective()).isLessThanOrEqualTo(c.optimum()).isGreaterThanOrEqualTo(c.optimum() * 0.995);
        assertThat(r.bound()).isGreaterThanOrEqualTo(c.optimum());
        assertThat(r.newSites()).hasSize(c.p());
        assertThat(covered(problem, r.openSites(), c.radius())).isEqualTo(r.objective());
        assertThat(r.sites().stream().mapToDouble(SiteChoice::demandServed).sum()).isEqualTo(r.objective());
        assertThat(r.parameters()).containsEntry("radius", AllocationResult.num(c.radius()));
        if (c.required().length > 0) {
            assertThat(r.openSites()).contains(c.required());
            assertThat(r.objectiveBefore()).isEqualTo(covered(problem, c.required(), c.radius()));
        }
    }

    @Test
    void sameSeedGivesSameAnswer() {
        AllocationProblem problem = sf.problem().withRadius(500);
        AllocationResult a = new MaximalCovering(problem, 10).setSeed(9).solve();
        AllocationResult b = new MaximalCovering(problem, 10).setSeed(9).solve();
        assertThat(b.openSites()).containsExactly(a.openSites());
        assertThat(b.bound()).isEqualTo(a.bound());
    }

    @Test
    void invalidParametersAreRejectedWithAReason() {
        AllocationProblem noRadius = sf.problem();
        assertThatThrownBy(() -> MaximalCovering.solve(noRadius, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a coverage radius");
        assertThatThrownBy(() -> noRadius.withRadius(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("radius must be a finite number > 0");
        assertThatThrownBy(() -> noRadius.withRadius(-5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MaximalCovering.solve(noRadius.withRadius(500), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be >= 1");
        assertThatThrownBy(() -> MaximalCovering.solve(noRadius.withRadius(500), 209)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only 208 candidate sites");
    }

    static double covered(AllocationProblem problem, int[] sites, double radius) {
        double s = 0;
        for (int i = 0; i < problem.demandCount(); i++) {
            for (int j : sites) {
                if (problem.distances().distance(i, j) <= radius) {
                    s += problem.weight(i);
                    break;
                }
            }
        }
        return s;
    }
}
