package cn.cg.geo.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KernelTest {

  @Test
  void weightsUseBandwidthKPlusOneSoTheOuterRingCounts() {
    // k = 2, h = 3: u = 0, 1/3, 2/3
    assertThat(Kernel.BINARY.weight(2, 2)).isEqualTo(1.0);
    assertThat(Kernel.UNIFORM.weight(1, 2)).isEqualTo(0.5);
    assertThat(Kernel.TRIANGULAR.weight(2, 2)).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(Kernel.QUADRATIC.weight(1, 2)).isCloseTo(0.75 * 8 / 9, within(1e-15));
    assertThat(Kernel.QUARTIC.weight(2, 2)).isCloseTo(15.0 / 16 * 25 / 81, within(1e-15));
    assertThat(Kernel.GAUSSIAN.weight(0, 2)).isCloseTo(1 / Math.sqrt(2 * Math.PI), within(1e-15));
    assertThat(Kernel.GAUSSIAN.weight(2, 2)).isCloseTo(Math.exp(-2.0 / 9) / Math.sqrt(2 * Math.PI), within(1e-15));
  }

  @Test
  void everyKernelDecreasesWithDistanceAndStaysPositiveAtRingK() {
    for (Kernel kernel : Kernel.values()) {
      for (int d = 1; d <= 3; d++) {
        assertThat(kernel.weight(d, 3)).as("%s d=%d", kernel, d)
            .isPositive().isLessThanOrEqualTo(kernel.weight(d - 1, 3));
      }
    }
  }

  @Test
  void rejectsDistancesOutsideTheRingAndUnknownNames() {
    assertThatThrownBy(() -> Kernel.QUARTIC.weight(3, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Kernel.parse(" Quartic ")).isEqualTo(Kernel.QUARTIC);
    assertThatThrownBy(() -> Kernel.parse("epan")).hasMessageContaining("quartic");
  }
}
