package cn.cg.geo.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class EmergingHotSpotsTest {

  static final int STEPS = 8;

  /** Radius 6 (127 cells) of noise 2..5 (mean 3.5); the centre block (radius 1) high or low. */
  static List<Map<Long, Double>> cube(Predicate<Integer> blockHigh, double high, double low) {
    List<Map<Long, Double>> steps = new ArrayList<>();
    for (int t = 0; t < STEPS; t++) {
      final int step = t;
      steps.add(TestGrid.disk(6, c -> TestGrid.distance(c) <= 1
          ? (blockHigh.test(step) ? high : low)
          : TestGrid.noise(c, step) + 2));
    }
    return steps;
  }

  static EmergingCell centre(List<EmergingCell> cells) {
    assertThat(cells.get(0).cell()).isEqualTo(TestGrid.ORIGIN);
    return cells.get(0);
  }

  @Test
  void aBlockThatFlaresUpInTheFinalStepIsANewHotSpot() {
    EmergingCell c = centre(EmergingHotSpots.analyse(cube(t -> t == STEPS - 1, 30, 3.5), 1));
    assertThat(c.pattern()).isEqualTo(EmergingPattern.NEW_HOT);
    assertThat(c.states()).containsExactly(0, 0, 0, 0, 0, 0, 0, 1);
  }

  @Test
  void aBlockHighThroughoutIsPersistentAndOneThatEmptiesIsCold() {
    EmergingCell hot = centre(EmergingHotSpots.analyse(cube(t -> true, 30, 0), 1));
    assertThat(hot.pattern()).isEqualTo(EmergingPattern.PERSISTENT_HOT);
    assertThat(hot.states()).containsOnly(1);

    EmergingCell cold = centre(EmergingHotSpots.analyse(cube(t -> t < STEPS - 2, 2, 0), 1));
    assertThat(cold.pattern().code()).isNegative();
    assertThat(cold.states()[STEPS - 1]).isEqualTo(-1);
  }

  @Test
  void neighboursIncludeThePreviousStep() {
    // With a time lag, a block that was high in the previous step lifts the z of this step.
    List<Map<Long, Double>> steps = cube(t -> t == STEPS - 2, 30, 2);
    double withLag = centre(new EmergingHotSpots(steps, EmergingOptions.ofK(1)).cells()).z()[STEPS - 1];
    double without = centre(new EmergingHotSpots(steps, EmergingOptions.ofK(1).withTimeLag(0)).cells()).z()[STEPS - 1];
    assertThat(withLag).isGreaterThan(without + 1);
  }

  @Test
  void fdrIsStricterThanPlainSignificance() {
    List<Map<Long, Double>> steps = cube(t -> t >= STEPS - 3, 9, 3.5);
    int plain = significantSteps(new EmergingHotSpots(steps, EmergingOptions.ofK(1)).cells());
    int fdr = significantSteps(new EmergingHotSpots(steps, EmergingOptions.ofK(1).withFdr(true)).cells());
    assertThat(fdr).isPositive().isLessThan(plain);
  }

  private static int significantSteps(List<EmergingCell> cells) {
    return cells.stream().mapToInt(c -> (int) java.util.Arrays.stream(c.states()).filter(s -> s != 0).count()).sum();
  }

  @Test
  void missingStepsDoNotBreakTheAnalysis() {
    List<Map<Long, Double>> steps = cube(t -> t == STEPS - 1, 30, 3.5);
    Map<Long, Double> gap = new LinkedHashMap<>(steps.get(3));
    gap.remove(TestGrid.ORIGIN);
    steps.set(3, gap);
    Map<Long, Double> onlyOnce = new LinkedHashMap<>(steps.get(5));
    long late = H3Grid.core().gridDiskDistances(TestGrid.ORIGIN, 7).get(7).get(0);
    onlyOnce.put(late, 1.0);
    steps.set(5, onlyOnce);

    List<EmergingCell> cells = EmergingHotSpots.analyse(steps, 1);
    EmergingCell c = centre(cells);
    assertThat(c.z()[3]).isNaN();
    assertThat(c.states()[3]).isZero();
    assertThat(c.pattern()).isEqualTo(EmergingPattern.NEW_HOT);
    EmergingCell lateCell = cells.get(cells.size() - 1);
    assertThat(lateCell.cell()).isEqualTo(late);
    assertThat(lateCell.z()).hasSize(STEPS);
    assertThat(lateCell.pattern()).isEqualTo(EmergingPattern.NO_PATTERN);
  }
}
