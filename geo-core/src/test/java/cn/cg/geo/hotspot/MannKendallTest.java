package cn.cg.geo.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Reference values from R 4.2.2: {@code cor.test(seq_along(x), x, method = "kendall",
 * exact = FALSE, continuity = TRUE)}, whose statistic is the Mann-Kendall Z with tie correction.
 */
class MannKendallTest {

  @Test
  void strictlyIncreasingSeries() {
    MannKendall mk = MannKendall.test(new double[] {1, 2, 3, 4, 5});
    assertThat(mk.s()).isEqualTo(10);
    assertThat(mk.variance()).isCloseTo(5 * 4 * 15 / 18.0, within(1e-12));
    assertThat(mk.z()).isCloseTo(2.2045407685048599, within(1e-14));
    assertThat(mk.p()).isCloseTo(0.027486336111510377, within(1e-14));
    assertThat(mk.trend(0.05)).isEqualTo(1);
    assertThat(mk.trend(0.01)).isZero();
  }

  @Test
  void tiesReduceTheVariance() {
    MannKendall mk = MannKendall.test(new double[] {1, 1, 2, 3});
    assertThat(mk.s()).isEqualTo(5);
    assertThat(mk.variance()).isCloseTo((4 * 3 * 13 - 2 * 1 * 9) / 18.0, within(1e-12));
    assertThat(mk.z()).isCloseTo(1.4446302370292303, within(1e-14));

    MannKendall down = MannKendall.test(new double[] {5, 3, 3, 3, 1, 0, 0, 2});
    assertThat(down.z()).isCloseTo(-2.1825985118056566, within(1e-14));
    assertThat(down.p()).isCloseTo(0.029065389483076954, within(1e-14));
    assertThat(down.trend(0.05)).isEqualTo(-1);
  }

  @Test
  void missingStepsAreSkipped() {
    double nan = Double.NaN;
    MannKendall mk = MannKendall.test(new double[] {0.5, 1.2, nan, 0.9, 2.2, 2.2, 3.1, nan, 2.9, 4.0});
    assertThat(mk.n()).isEqualTo(8);
    assertThat(mk.z()).isCloseTo(2.7428663952471632, within(1e-14));
    assertThat(mk.p()).isCloseTo(0.0060905460565788151, within(1e-14));
  }

  @Test
  void noEvidenceWithoutVariationOrData() {
    for (double[] series : new double[][] {{}, {3}, {2, 2, 2, 2}, {Double.NaN, 1, Double.NaN}}) {
      MannKendall mk = MannKendall.test(series);
      assertThat(mk.z()).isZero();
      assertThat(mk.p()).isEqualTo(1.0);
      assertThat(mk.trend(0.5)).isZero();
    }
  }
}
