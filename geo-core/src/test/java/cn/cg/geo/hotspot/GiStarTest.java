package cn.cg.geo.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GiStarTest {

  @Test
  void centreOfADiskByHand() {
    // 19 cells (radius 2): centre 10, ring 1 = 4 each, ring 2 = 1 each; k = 1 binary.
    Map<Long, Double> values = TestGrid.disk(2, c -> new double[] {10, 4, 1}[TestGrid.distance(c)]);
    double n = 19;
    double mean = (10 + 6 * 4 + 12 * 1) / n;
    double s = Math.sqrt((100 + 6 * 16 + 12 * 1) / n - mean * mean);
    double expected = (10 + 6 * 4 - mean * 7) / (s * Math.sqrt((n * 7 - 49) / (n - 1)));

    List<HotspotCell> result = GiStar.analyse(values, HotspotOptions.ofK(1));
    HotspotCell centre = result.get(0);
    assertThat(centre.cell()).isEqualTo(TestGrid.ORIGIN);
    assertThat(centre.z()).isCloseTo(expected, within(1e-12));
    assertThat(centre.p()).isCloseTo(Normal.twoSidedP(expected), within(1e-15));
    assertThat(centre.bin()).isEqualTo(3);
    assertThat(result).extracting(HotspotCell::cell).containsExactlyElementsOf(values.keySet());
  }

  @Test
  void aNeighbourOutsideTheStudyAreaIsNotAZero() {
    Map<Long, Double> values = TestGrid.disk(2, c -> TestGrid.noise(c, 1));
    Map<Long, Double> withZero = new LinkedHashMap<>(values);
    long outside = H3Grid.core().gridDiskDistances(TestGrid.ORIGIN, 3).get(3).get(0);
    withZero.put(outside, 0.0);
    double[] z = zOf(values);
    double[] z0 = zOf(withZero);
    // Adding a zero cell changes n, the mean and the neighbourhoods near it: the results differ.
    assertThat(z0[0]).isNotCloseTo(z[0], within(1e-6));
  }

  @Test
  void scalingTheWeightsChangesNothing() {
    Map<Long, Double> values = TestGrid.disk(3, c -> TestGrid.noise(c, 2));
    CellValues data = CellValues.of(values);
    double[] binary = GiStar.analyse(data, HotspotOptions.ofK(2)).stream().mapToDouble(HotspotCell::z).toArray();
    double[] uniform = GiStar.analyse(data, HotspotOptions.ofK(2).withKernel(Kernel.UNIFORM)).stream()
        .mapToDouble(HotspotCell::z).toArray();
    double[] quartic = GiStar.analyse(data, HotspotOptions.ofK(2).withKernel(Kernel.QUARTIC)).stream()
        .mapToDouble(HotspotCell::z).toArray();
    for (int i = 0; i < binary.length; i++) {
      assertThat(uniform[i]).isCloseTo(binary[i], within(1e-12));
    }
    assertThat(quartic[0]).isNotCloseTo(binary[0], within(1e-6));
  }

  @Test
  void isolatedCellsAndConstantValuesGetNoValue() {
    Map<Long, Double> values = new LinkedHashMap<>(TestGrid.disk(1, c -> TestGrid.noise(c, 3) + 1));
    long far = H3Grid.core().gridDiskDistances(TestGrid.ORIGIN, 5).get(5).get(0);
    values.put(far, 7.0);
    List<HotspotCell> result = GiStar.analyse(values, HotspotOptions.ofK(1).withPermutations(99, 1));
    HotspotCell isolated = result.get(result.size() - 1);
    assertThat(isolated.z()).isNaN();
    assertThat(isolated.p()).isNaN();
    assertThat(isolated.pseudoP()).isNaN();
    assertThat(isolated.bin()).isZero();
    assertThat(result.get(0).z()).isFinite();

    double[] flat = GiStar.zScores(new double[] {2, 2, 2},
        new SpatialWeights(new int[][] {{0, 1}, {0, 1, 2}, {1, 2}}, new double[][] {{1, 1}, {1, 1, 1}, {1, 1}}));
    assertThat(flat).containsOnly(Double.NaN);
  }

  @Test
  void needsSelfInclusiveWeights() {
    SpatialWeights noSelf = new SpatialWeights(new int[][] {{1}, {0}}, new double[][] {{1}, {1}});
    assertThatThrownBy(() -> new GiStar(new double[] {1, 2}, noSelf))
        .hasMessageContaining("self included");
  }

  private static double[] zOf(Map<Long, Double> values) {
    return GiStar.analyse(values, HotspotOptions.ofK(1)).stream().mapToDouble(HotspotCell::z).toArray();
  }
}
