package cn.cg.geo.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gi* against R spdep::localG (include.self, general weights, style "B") on real inputs listed in
 * golden/cases.csv. R is needed only to regenerate the goldens, never here.
 */
class GiStarGoldenTest {

  static final double Z_TOLERANCE = 1e-9;
  /** Relative: p-values go down to 1e-30 and below. */
  static final double P_RELATIVE_TOLERANCE = 1e-9;

  static List<GoldenCase> cases() {
    return GoldenCase.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesSpdepLocalG(GoldenCase c) {
    List<String[]> golden = c.golden(".csv");
    CellValues data = c.cellValues();
    // The golden was computed on exactly the table this test rebuilds from the points file.
    assertThat(golden).hasSize(data.size());
    for (int i = 0; i < data.size(); i++) {
      assertThat(H3Grid.core().h3ToString(data.area().cell(i))).isEqualTo(golden.get(i)[0]);
      assertThat(data.value(i)).isEqualTo(Double.parseDouble(golden.get(i)[1]));
    }

    List<HotspotCell> result = GiStar.analyse(data, c.options());
    SpatialWeights w = SpatialWeights.kRing(data.area(), c.k(), c.kernel(), true);
    double maxZ = 0;
    double maxRelP = 0;
    int compared = 0;
    for (int i = 0; i < data.size(); i++) {
      HotspotCell cell = result.get(i);
      double zR = Double.parseDouble(golden.get(i)[2]);
      double pR = Double.parseDouble(golden.get(i)[3]);
      if (w.cardinality(i) == 0) {
        // spdep reports (x_i - xbar) / S for an isolated cell; we report no value by design.
        assertThat(cell.z()).isNaN();
        assertThat(cell.p()).isNaN();
        assertThat(cell.bin()).isZero();
        continue;
      }
      compared++;
      maxZ = Math.max(maxZ, Math.abs(cell.z() - zR));
      maxRelP = Math.max(maxRelP, Math.abs(cell.p() - pR) / pR);
    }
    System.out.printf("golden %-32s %5d cells, %5d compared, max |dz| = %.3g, max rel dp = %.3g%n",
        c.name(), data.size(), compared, maxZ, maxRelP);
    assertThat(compared).isGreaterThan(data.size() / 2);
    assertThat(maxZ).isLessThanOrEqualTo(Z_TOLERANCE);
    assertThat(maxRelP).isLessThanOrEqualTo(P_RELATIVE_TOLERANCE);
  }
}
