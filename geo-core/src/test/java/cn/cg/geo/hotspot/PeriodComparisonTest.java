package cn.cg.geo.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeriodComparisonTest {

  /** R 4.2.2: {@code poisson.test(c(a, b), c(1, 1))$p.value}; checked to relative 1e-11. */
  static final double[][] EQUAL_PERIODS = {
    {5, 1, 0.21875000000000008},
    {1, 5, 0.21875000000000008},
    {10, 10, 1},
    {0, 7, 0.015625000000000007},
    {30, 12, 0.0079158973348967352},
    {250, 200, 0.020791800247607684},
    {3, 0, 0.25000000000000006},
    {1000, 1100, 0.030720707864242414},
  };

  @Test
  void poissonRateTestMatchesR() {
    for (double[] row : EQUAL_PERIODS) {
      assertThat(PoissonRateTest.twoSidedP((long) row[0], (long) row[1], 1.0))
          .as("%s vs %s", row[0], row[1]).isCloseTo(row[2], within(1e-11 * row[2]));
    }
    // poisson.test(c(a, b), c(31, 30)): this month has 31 days, last month 30.
    assertThat(PoissonRateTest.twoSidedP(31, 20, 31 / 30.0)).isCloseTo(0.16364512245047425, within(1e-12));
    assertThat(PoissonRateTest.twoSidedP(5, 9, 31 / 30.0)).isCloseTo(0.29460722276823781, within(1e-12));
    assertThat(PoissonRateTest.twoSidedP(0, 0, 1.0)).isEqualTo(1.0);
  }

  @Test
  void logFactorialIsContinuousAcrossTheTableEdge() {
    for (long n : new long[] {255, 256, 1000}) {
      double sum = 0;
      for (int i = 2; i <= n; i++) {
        sum += Math.log(i);
      }
      assertThat(PoissonRateTest.logFactorial(n)).isCloseTo(sum, within(1e-9));
    }
  }

  @Test
  void changesAndTransitionsOfAMovingCluster() {
    // Radius 6 of 1s; last period the block sits at the centre, this period it has moved east.
    long east = H3Grid.core().gridDiskDistances(TestGrid.ORIGIN, 4).get(4).get(0);
    Map<Long, Double> previous = TestGrid.disk(6, c -> TestGrid.distance(c) <= 1 ? 20.0 : 1.0);
    Map<Long, Double> current = new LinkedHashMap<>(TestGrid.disk(6, c ->
        H3Grid.core().gridDistance(east, c) <= 1 ? 20.0 : 1.0));
    long outside = H3Grid.core().gridDiskDistances(TestGrid.ORIGIN, 7).get(7).get(0);
    current.put(outside, 4.0);

    List<PeriodChange> changes = PeriodComparison.compare(previous, current, HotspotOptions.ofK(1));
    assertThat(changes).hasSize(previous.size() + 1);
    PeriodChange centre = changes.get(0);
    assertThat(centre.previous()).isEqualTo(20.0);
    assertThat(centre.current()).isEqualTo(1.0);
    assertThat(centre.difference()).isEqualTo(-19.0);
    assertThat(centre.ratio()).isEqualTo(0.05);
    assertThat(centre.p()).isLessThan(1e-4);
    assertThat(centre.isSignificant(0.05)).isTrue();
    assertThat(centre.hot()).isEqualTo(Transition.GONE);

    PeriodChange moved = changes.stream().filter(c -> c.cell() == east).findFirst().orElseThrow();
    assertThat(moved.hot()).isEqualTo(Transition.NEW);
    assertThat(moved.currentBin()).isEqualTo(3);

    PeriodChange added = changes.get(changes.size() - 1);
    assertThat(added.cell()).isEqualTo(outside);
    assertThat(added.previous()).isZero();
    assertThat(added.ratio()).isInfinite();
    assertThat(added.p()).isCloseTo(0.125, within(1e-12)); // 4 vs 0: 2 * 0.5^4

    PeriodChange quiet = changes.stream()
        .filter(c -> TestGrid.distance(c.cell()) >= 4 && H3Grid.core().gridDistance(east, c.cell()) >= 4)
        .findFirst().orElseThrow();
    assertThat(quiet.difference()).isZero();
    assertThat(quiet.p()).isEqualTo(1.0);
    assertThat(quiet.hot()).isEqualTo(Transition.NONE);
    assertThat(quiet.cold()).isEqualTo(Transition.NONE);
  }

  @Test
  void aClusterThatStaysPersistsAndFractionalValuesHaveNoCountTest() {
    Map<Long, Double> before = TestGrid.disk(5, c -> TestGrid.distance(c) <= 1 ? 20.5 : 1.0);
    Map<Long, Double> after = TestGrid.disk(5, c -> TestGrid.distance(c) <= 1 ? 25.0 : 1.0);
    PeriodChange centre = PeriodComparison.compare(before, after, HotspotOptions.ofK(1)).get(0);
    assertThat(centre.hot()).isEqualTo(Transition.PERSISTING);
    assertThat(centre.cold()).isEqualTo(Transition.NONE);
    assertThat(centre.p()).isNaN();
    assertThat(Transition.of(true, false)).isEqualTo(Transition.GONE);
  }
}
