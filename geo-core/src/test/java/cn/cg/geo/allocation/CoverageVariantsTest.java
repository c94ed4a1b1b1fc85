package cn.cg.geo.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Capacitated coverage and target coverage on the SF instance, checked against the GLPK MCLP optima. */
class CoverageVariantsTest {

    static SfMclpInstance sf;

    @BeforeAll
    static void load() throws IOException {
        sf = SfMclpInstance.load();
    }

    @Test
    void capacityCapsEverySiteAndNeverBeatsTheUncapacitatedOptimum() {
        AllocationProblem problem = sf.problem().withRadius(1000);
        AllocationResult r = CapacitatedCovering.solve(problem, 10, 500);
        System.out.printf(Locale.ROOT, "capacitated r1000 p10 C500 objective=%s bound=%s gap=%.2f%% seconds=%.3f%n",
                AllocationResult.num(r.objective()), AllocationResult.num(r.bound()), 100 * r.gap(), r.seconds());
        assertThat(r.sites()).hasSize(10).allSatisfy(s -> assertThat(s.demandServed()).isLessThanOrEqualTo(500));
        assertThat(r.objective()).isLessThanOrEqualTo(5000).isGreaterThan(4900);
        assertThat(r.bound()).isGreaterThanOrEqualTo(r.objective()).isLessThanOrEqualTo(5000);
        assertThat(r.sites().stream().mapToDouble(SiteChoice::demandServed).sum()).isCloseTo(r.objective(),
                org.assertj.core.data.Offset.offset(1e-6));
        // With capacity that never binds it is plain MCLP: GLPK's optimum for r1000-p10 is 7783.
        AllocationResult loose = CapacitatedCovering.solve(problem, 10, 1e9);
        assertThat(loose.objective()).isLessThanOrEqualTo(7783).isGreaterThanOrEqualTo(7783 * 0.995);
        assertThat(loose.bound()).isGreaterThanOrEqualTo(7783);
        assertThatThrownBy(() -> CapacitatedCovering.solve(problem, 10, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity must be a finite number > 0");
    }

    @Test
    void targetCoverageFindsFewSitesAndProvesALowerBound() {
        AllocationProblem problem = sf.problem().withRadius(1000);
        double total = problem.totalWeight();
        // GLPK: 10 sites cover 7783, so 10 sites suffice for 7783/total; 5 cover at most... we only assert what is proven.
        double share = 7783 / total;
        AllocationResult r = TargetCoverage.solve(problem, share);
        System.out.printf(Locale.ROOT, "target %.1f%% r1000 sites=%s bound=%s coverage=%.2f%% seconds=%.3f %s%n", 100 * share,
                AllocationResult.num(r.objective()), AllocationResult.num(r.bound()), 100 * r.coverage(), r.seconds(), r.status());
        assertThat(r.objective()).isEqualTo(r.newSites().length).isLessThanOrEqualTo(10);
        assertThat(r.bound()).isLessThanOrEqualTo(r.objective()).isGreaterThanOrEqualTo(1);
        assertThat(r.servedDemand()).isGreaterThanOrEqualTo(7783);
        assertThat(MaximalCoveringTest.covered(problem, r.openSites(), 1000)).isEqualTo(r.servedDemand());

        AllocationResult withStations = TargetCoverage.solve(problem.withRequired(0, 40, 80), 0.5);
        assertThat(withStations.openSites()).contains(0, 40, 80);
        assertThat(withStations.coverage()).isGreaterThanOrEqualTo(0.5);
        assertThat(withStations.objectiveBefore()).isLessThan(0.5 * total);
    }

    @Test
    void unreachableTargetIsReportedAsInfeasible() {
        AllocationProblem problem = sf.problem().withRadius(100);
        AllocationResult r = TargetCoverage.solve(problem, 0.95);
        assertThat(r.status()).isEqualTo(AllocationResult.Status.INFEASIBLE);
        assertThat(r.isFeasible()).isFalse();
        assertThat(r.message()).startsWith("infeasible: even all 208 candidate sites cover only").contains("95.00 %");
        assertThat(r.servedDemand()).isLessThan(0.95 * problem.totalWeight());
        assertThatThrownBy(() -> TargetCoverage.solve(problem, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("target share must be in (0, 1]");
        assertThatThrownBy(() -> TargetCoverage.solve(problem, 80)).isInstanceOf(IllegalArgumentException.class);
    }
}
