package cn.cg.geo.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Reference values from R 4.2.2: {@code 2 * pnorm(abs(z), lower.tail = FALSE)}. */
class NormalTest {

  static final double[][] TWO_SIDED = {
    {0, 1},
    {0.1, 0.92034432544594202},
    {0.46875, 0.63924834303423528},
    {1, 0.31731050786291409},
    {1.959963984540054, 0.050000000000000024},
    {2.5758293035488999, 0.010000000000000021},
    {4, 6.3342483666239849e-05},
    {5.5, 3.7979124931775442e-08},
    {8, 1.244192114854357e-15},
    {10, 1.5239706048321054e-23},
    {20, 5.5072482372124675e-89},
    {37.5, 9.2107060191639104e-308},
  };

  /** erfc(x) as 2 * pnorm(-x * sqrt(2)) in R (the sqrt(2) rounding limits the check to ~1e-14). */
  static final double[][] ERFC = {
    {-3, 1.9999779095030015},
    {-0.3, 1.3286267594591274},
    {0.2, 0.77729741078952153},
    {0.5, 0.47950012218695348},
    {2, 0.0046777349810472636},
    {6, 2.1519736712498728e-17},
  };

  @Test
  void twoSidedPMatchesRToRelative1e12InTheFarTail() {
    for (double[] row : TWO_SIDED) {
      assertThat(Normal.twoSidedP(row[0])).as("z=%s", row[0]).isCloseTo(row[1], within(1e-12 * row[1]));
      assertThat(Normal.twoSidedP(-row[0])).isEqualTo(Normal.twoSidedP(row[0]));
    }
  }

  @Test
  void erfcMatchesROnBothSidesOfEveryInterval() {
    for (double[] row : ERFC) {
      assertThat(Normal.erfc(row[0])).as("x=%s", row[0]).isCloseTo(row[1], within(1e-13 * row[1]));
    }
    assertThat(Normal.erfc(27)).isZero();
    assertThat(Normal.erfc(-27)).isEqualTo(2.0);
    assertThat(Normal.erfc(Double.NaN)).isNaN();
  }

  @Test
  void cdfAndUpperTailAreComplementary() {
    assertThat(Normal.cdf(0)).isEqualTo(0.5);
    assertThat(Normal.cdf(1.959963984540054)).isCloseTo(0.975, within(1e-15));
    assertThat(Normal.upperTail(8)).isCloseTo(1.244192114854357e-15 / 2, within(1e-27));
    for (double z = -6; z <= 6; z += 0.37) {
      assertThat(Normal.cdf(z) + Normal.upperTail(z)).isCloseTo(1.0, within(2e-16));
    }
  }
}
