package cn.cg.geo.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Global Moran's I against R spdep::moran.test (styles B and W, randomisation and normality). */
class MoransIGoldenTest {

  static final double TOLERANCE = 1e-9;

  static List<GoldenCase> cases() {
    return GoldenCase.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesSpdepMoranTest(GoldenCase c) {
    CellValues data = c.cellValues();
    SpatialWeights binary = SpatialWeights.kRing(data.area(), c.k(), c.kernel(), false);
    List<String[]> golden = c.golden(".moran.csv");
    assertThat(golden).hasSize(4);
    double max = 0;
    for (String[] row : golden) {
      SpatialWeights w = row[0].equals("W") ? binary.rowStandardised() : binary;
      GlobalMoransI m = new GlobalMoransI(data.values(), w);
      boolean randomisation = row[1].equals("randomisation");
      double[] expected = {parse(row[2]), parse(row[3]), parse(row[4]), parse(row[5])};
      double[] actual = {m.moransI(), m.expectation(),
          randomisation ? m.varianceRandomisation() : m.varianceNormality(),
          randomisation ? m.zRandomisation() : m.zNormality()};
      for (int v = 0; v < 4; v++) {
        assertThat(actual[v]).as("%s %s %s value %d", c.name(), row[0], row[1], v)
            .isCloseTo(expected[v], within(TOLERANCE));
        max = Math.max(max, Math.abs(actual[v] - expected[v]));
      }
    }
    System.out.printf("golden %-32s Moran's I max abs diff = %.3g%n", c.name(), max);
  }

  private static double parse(String s) {
    return Double.parseDouble(s);
  }
}
