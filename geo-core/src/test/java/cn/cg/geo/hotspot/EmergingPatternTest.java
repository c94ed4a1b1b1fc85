package cn.cg.geo.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decision table, one handcrafted series per rule. States: '+' significant hot, '-' significant
 * cold, '.' neither (or missing); trend: +1 / -1 significant Mann-Kendall trend, 0 none. Every hot
 * case is replayed mirrored (+ and - swapped, trend negated) and must give the mirrored code.
 */
class EmergingPatternTest {

  /** series, trend, expected hot-side pattern. */
  static final List<Arguments> HOT_CASES = List.of(
      // 1 new: hot in the final step only
      Arguments.of(".........+", 0, EmergingPattern.NEW_HOT),
      Arguments.of("--.......+", 0, EmergingPattern.NEW_HOT),  // new outranks oscillating
      Arguments.of("+", 0, EmergingPattern.NEW_HOT),
      // 2 consecutive: one final run of >= 2, never hot before, < 90 %
      Arguments.of(".......+++", 0, EmergingPattern.CONSECUTIVE_HOT),
      Arguments.of("--......++", 1, EmergingPattern.CONSECUTIVE_HOT),  // consecutive outranks oscillating
      // 3 intensifying: >= 90 % incl. final, upward trend
      Arguments.of("++++++++++", 1, EmergingPattern.INTENSIFYING_HOT),
      Arguments.of(".+++++++++", 1, EmergingPattern.INTENSIFYING_HOT),  // exactly 90 %
      // 4 persistent: >= 90 %, no trend
      Arguments.of("++++++++++", 0, EmergingPattern.PERSISTENT_HOT),
      Arguments.of("+.++++++++", 0, EmergingPattern.PERSISTENT_HOT),
      Arguments.of("++", 0, EmergingPattern.PERSISTENT_HOT),
      // 5 diminishing: >= 90 % incl. final, downward trend
      Arguments.of("++++.+++++", -1, EmergingPattern.DIMINISHING_HOT),
      // 6 sporadic: hot final, on-off, < 90 %, never cold
      Arguments.of("..+..+...+", 0, EmergingPattern.SPORADIC_HOT),
      Arguments.of("+..+++++++", 1, EmergingPattern.SPORADIC_HOT),  // 80 %: not enough for intensifying
      // 7 oscillating: hot final, cold at least once, < 90 %
      Arguments.of("..-..+...+", 0, EmergingPattern.OSCILLATING_HOT),
      Arguments.of("+-+-+-+-++", 0, EmergingPattern.OSCILLATING_HOT),
      // 8 historical: not hot in the final step, >= 90 % hot
      Arguments.of("+++++++++.", 0, EmergingPattern.HISTORICAL_HOT),
      Arguments.of("+++++++++.", -1, EmergingPattern.HISTORICAL_HOT),
      // 0 no pattern
      Arguments.of("..........", 0, EmergingPattern.NO_PATTERN),
      Arguments.of("..+.+.....", 0, EmergingPattern.NO_PATTERN),
      Arguments.of("++++++++..", 1, EmergingPattern.NO_PATTERN)  // 80 % and not hot now
  );

  static List<Arguments> hotCases() {
    return HOT_CASES;
  }

  @ParameterizedTest(name = "{0} trend {1} -> {2}")
  @MethodSource("hotCases")
  void classifiesHotSeriesAndTheirColdMirror(String series, int trend, EmergingPattern expected) {
    assertThat(EmergingPattern.classify(states(series), trend)).isEqualTo(expected);
    EmergingPattern mirrored = EmergingPattern.classify(states(mirror(series)), -trend);
    assertThat(mirrored.code()).isEqualTo(-expected.code());
  }

  @ParameterizedTest(name = "{0} trend {1} -> {2}")
  @CsvSource({
      // The side is set by the final step: a cell that was persistently hot and is cold now is cold.
      "+++++++++-, 0, NEW_COLD",
      "++++++++--, -1, CONSECUTIVE_COLD",
      "-+-+-+-+--, 0, OSCILLATING_COLD",
  })
  void finalStepDecidesTheSide(String series, int trend, EmergingPattern expected) {
    assertThat(EmergingPattern.classify(states(series), trend)).isEqualTo(expected);
  }

  @Test
  void everyOneOfTheSeventeenClassesHasAHandcraftedSeries() {
    Set<EmergingPattern> seen = EnumSet.noneOf(EmergingPattern.class);
    for (Arguments a : HOT_CASES) {
      Object[] args = a.get();
      int trend = (Integer) args[1];
      seen.add(EmergingPattern.classify(states((String) args[0]), trend));
      seen.add(EmergingPattern.classify(states(mirror((String) args[0])), -trend));
    }
    assertThat(seen).containsExactlyInAnyOrder(EmergingPattern.values());
  }

  @Test
  void codesAndLabels() {
    assertThat(EmergingPattern.values()).hasSize(17);
    assertThat(EmergingPattern.ofCode(-5)).isEqualTo(EmergingPattern.DIMINISHING_COLD);
    assertThat(EmergingPattern.NEW_HOT.label()).isEqualTo("new hot spot");
    assertThat(EmergingPattern.HISTORICAL_COLD.label()).isEqualTo("historical cold spot");
    assertThat(EmergingPattern.NO_PATTERN.label()).isEqualTo("no pattern");
  }

  static int[] states(String series) {
    return series.chars().map(c -> c == '+' ? 1 : c == '-' ? -1 : 0).toArray();
  }

  static String mirror(String series) {
    return series.replace('+', 'x').replace('-', '+').replace('x', '-');
  }
}
