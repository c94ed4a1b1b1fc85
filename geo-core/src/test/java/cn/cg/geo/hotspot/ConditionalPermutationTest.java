package cn.cg.geo.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionalPermutationTest {

  /** Radius 5 (91 cells): a block of 10s at the centre (radius 1), zeros from ring 4 out. */
  static final Map<Long, Double> VALUES = TestGrid.disk(5, c -> {
    int d = TestGrid.distance(c);
    return d <= 1 ? 10.0 : d >= 4 ? 0.0 : TestGrid.noise(c, 7);
  });

  @Test
  void theSameSeedRepeatsExactlyAndAnotherSeedDiffers() {
    CellValues data = CellValues.of(VALUES);
    SpatialWeights w = SpatialWeights.kRing(data.area(), 1, Kernel.BINARY, true);
    double[] a = ConditionalPermutation.pseudoP(data.values(), w, 499, 42);
    double[] b = ConditionalPermutation.pseudoP(data.values(), w, 499, 42);
    double[] c = ConditionalPermutation.pseudoP(data.values(), w, 499, 43);
    assertThat(a).containsExactly(b);
    assertThat(a).isNotEqualTo(c);
    for (double p : a) {
      assertThat(p).isBetween(1 / 500.0, 1.0);
    }
  }

  @Test
  void theClusterCentreCannotBeBeatenAndTiedZerosAreNotSignificant() {
    CellValues data = CellValues.of(VALUES);
    SpatialWeights w = SpatialWeights.kRing(data.area(), 1, Kernel.BINARY, true);
    double[] p = new ConditionalPermutation(data.values(), w).pseudoP(999, 1);
    // The centre holds 7 of the 7 tens: drawing the other six tens into its six slots from 90
    // cells has probability 1 / C(90, 6); no permutation ties or beats it.
    assertThat(p[0]).isEqualTo(1 / 1000.0);
    // A corner cell of the outer ring: itself and its in-area neighbours are all zero, and most
    // permutations tie with its sum of 0, so the folded tail cannot be small.
    int outer = data.size() - 1;
    assertThat(data.value(outer)).isZero();
    assertThat(p[outer]).isGreaterThan(0.05); // esda would say 0.001 here (ties counted one way)
  }

  @Test
  void agreesWithTheAnalyticPOnTheCentre() {
    HotspotCell centre = GiStar.analyse(VALUES, HotspotOptions.ofK(1).withPermutations(999, 5)).get(0);
    assertThat(centre.p()).isLessThan(0.001);
    assertThat(centre.pseudoP()).isEqualTo(0.001);
    assertThat(centre.bin()).isEqualTo(3);
  }
}
