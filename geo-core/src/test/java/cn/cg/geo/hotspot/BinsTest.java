package cn.cg.geo.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ConfidenceBins and FalseDiscoveryRate. */
class BinsTest {

  @Test
  void plainBinsFollowTheSignOfZAndTheLevelOfP() {
    double[] z = {3.0, 2.0, 1.7, 1.0, -2.7, -1.7, Double.NaN, 0.0};
    double[] p = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      p[i] = Normal.twoSidedP(z[i]);
    }
    assertThat(ConfidenceBins.bins(z, p)).containsExactly(3, 2, 1, 0, -3, -1, 0, 0);
    assertThat(ConfidenceBins.bin(1.0, 0.01)).isEqualTo(3);
    assertThat(ConfidenceBins.bin(-1.0, 0.10)).isEqualTo(-1);
    assertThat(ConfidenceBins.bin(1.0, 0.1000001)).isZero();
  }

  @Test
  void benjaminiHochbergCutoffIsTheLargestPassingPValue() {
    // m = 10: cut-offs r/10 * 0.05 = 0.005, 0.010, 0.015, 0.020, 0.025, ...
    double[] p = {0.001, 0.008, 0.039, 0.041, 0.042, 0.061, 0.074, 0.205, 0.212, 0.216};
    assertThat(FalseDiscoveryRate.cutoff(p, 0.05)).isEqualTo(0.008); // 0.039 > 0.015
    // alpha 0.10: 0.042 <= 5/10 * 0.10 passes; 0.061 > 6/10 * 0.10 and nothing later passes
    assertThat(FalseDiscoveryRate.cutoff(p, 0.10)).isEqualTo(0.042);
    assertThat(FalseDiscoveryRate.cutoff(p, 0.0001)).isEqualTo(-1.0);
  }

  @Test
  void fdrBinsAreNeverLooserThanPlainBinsAndIgnoreNaN() {
    double[] z = {4.0, 2.2, -2.0, 1.7, Double.NaN, 0.5, -0.3, 0.1};
    double[] p = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      p[i] = Normal.twoSidedP(z[i]);
    }
    int[] plain = ConfidenceBins.bins(z, p);
    int[] fdr = FalseDiscoveryRate.bins(z, p);
    assertThat(plain).containsExactly(3, 2, -2, 1, 0, 0, 0, 0);
    // m = 7 valid tests. 0.01: 0.0000633 <= 1/7*0.01 -> 3; p(2.2)=0.0278 vs 2/7*0.05=0.0143 fails.
    // 0.10: p(-2.0)=0.0455 <= 3/7*0.10=0.0429? no; p(2.2)=0.0278 <= 2/7*0.10=0.0286 yes.
    assertThat(fdr).containsExactly(3, 1, 0, 0, 0, 0, 0, 0);
    for (int i = 0; i < z.length; i++) {
      assertThat(Math.abs(fdr[i])).isLessThanOrEqualTo(Math.abs(plain[i]));
    }
  }
}
