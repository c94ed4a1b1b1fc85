package cn.cg.geo.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HotspotScaleTest {

  @Test
  void firstSignificantPeak() {
    assertThat(HotspotScale.firstSignificantPeak(new double[] {3, 5, 4, 6, 2})).isEqualTo(2);
    assertThat(HotspotScale.firstSignificantPeak(new double[] {5, 4, 3})).isEqualTo(1);
    // 1.5 is a peak but not significant; the next one is.
    assertThat(HotspotScale.firstSignificantPeak(new double[] {1, 1.5, 1.2, 2.5, 2.4})).isEqualTo(4);
    // Rising to the end: kMax is never a peak.
    assertThat(HotspotScale.firstSignificantPeak(new double[] {2, 3, 4, 5})).isZero();
    assertThat(HotspotScale.firstSignificantPeak(new double[] {-1, -2, -3})).isZero();
  }

  @Test
  void choosesThePeakOfMoransIzAndSaysWhy() {
    // Blobs of radius 2 spaced across a disk of radius 12: clustering peaks at a small ring size.
    Map<Long, Double> values = TestGrid.disk(12, c -> {
      long parent = H3Grid.core().cellToParent(c, 7);
      return TestGrid.noise(parent, 11) * 5 + TestGrid.noise(c, 12);
    });
    ScaleChoice choice = HotspotScale.choose(values, 6);
    double[] z = choice.zSeries();
    assertThat(z).hasSize(6);
    // The series is Moran's I z under randomisation at each k.
    CellValues data = CellValues.of(values);
    for (int k = 1; k <= 6; k++) {
      assertThat(z[k - 1]).isCloseTo(GlobalMoransI.kRing(data, k).zRandomisation(), within(1e-12));
    }
    assertThat(choice.peakFound()).isTrue();
    int k = choice.k();
    assertThat(z[k - 1]).isGreaterThanOrEqualTo(1.96).isGreaterThan(z[k]);
    assertThat(choice.reason()).startsWith("k=" + k + ": first significant peak");
  }

  @Test
  void fallsBackToTheRingHoldingKNeighboursWithoutAPeak() {
    // Alternating rings: strong negative autocorrelation at k = 1, nothing significant and positive.
    Map<Long, Double> values = TestGrid.disk(2, c -> TestGrid.distance(c) % 2 == 0 ? 5.0 : 0.0);
    ScaleChoice choice = HotspotScale.choose(values, 2);
    assertThat(choice.zSeries()[0]).isNegative();
    assertThat(choice.peakFound()).isFalse();
    // 19 cells: K = clamp(round(0.95), 3, 30) = 3, and every cell has >= 3 neighbours at d = 1.
    assertThat(choice.k()).isEqualTo(1);
    assertThat(choice.reason()).contains("fallback").contains("= 3").contains("1.00 rings");
  }
}
