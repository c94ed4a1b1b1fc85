package cn.cg.geo.hotspot;

import java.util.Locale;

/**
 * The 17 emerging hot-spot classes (DESIGN.md section 5, after ArcGIS Emerging Hot Spot
 * Analysis): codes 1..8 hot, -1..-8 the cold mirror, 0 no pattern.
 *
 * <p>{@link #classify} applies the ordered decision table to a cell's per-step states (+1
 * significant hot, -1 significant cold, 0 neither or missing) and its Mann-Kendall trend. The side
 * is set by the final step: hot final -> the hot rules 1-7, cold final -> the cold mirror;
 * otherwise only "historical" (8 / -8) can apply. The cold side is the hot table applied to the
 * negated states and trend, so the two sides cannot drift apart.
 *
 * <p>Reading of the table: rule 4 (persistent) is applied, like rules 1-7, to a cell that is hot in
 * the final step. Read literally it would also take cells that are not hot in the final step, and
 * rule 8 (historical) could then only fire when there is a significant trend; ArcGIS's historical
 * pattern is exactly the "was persistently hot, is not now" case. "90 % of steps" counts every
 * step, so missing steps count as not significant.
 */
public enum EmergingPattern {
  NEW_HOT(1), CONSECUTIVE_HOT(2), INTENSIFYING_HOT(3), PERSISTENT_HOT(4), DIMINISHING_HOT(5),
  SPORADIC_HOT(6), OSCILLATING_HOT(7), HISTORICAL_HOT(8),
  NEW_COLD(-1), CONSECUTIVE_COLD(-2), INTENSIFYING_COLD(-3), PERSISTENT_COLD(-4),
  DIMINISHING_COLD(-5), SPORADIC_COLD(-6), OSCILLATING_COLD(-7), HISTORICAL_COLD(-8),
  NO_PATTERN(0);

  private final int code;

  EmergingPattern(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** A label for tables and legends, e.g. "new hot spot", "no pattern". */
  public String label() {
    if (this == NO_PATTERN) {
      return "no pattern";
    }
    String name = name().toLowerCase(Locale.ROOT);
    int cut = name.lastIndexOf('_');
    return name.substring(0, cut) + " " + name.substring(cut + 1) + " spot";
  }

  public static EmergingPattern ofCode(int code) {
    for (EmergingPattern p : values()) {
      if (p.code == code) {
        return p;
      }
    }
    throw new IllegalArgumentException("no emerging pattern with code " + code);
  }

  /**
   * Classifies one cell.
   *
   * @param states per time step, oldest first: +1 significant hot, -1 significant cold, 0 neither
   *     (also for a missing step)
   * @param trend +1 significant upward Mann-Kendall trend of the z-scores, -1 downward, 0 none
   */
  public static EmergingPattern classify(int[] states, int trend) {
    if (states.length == 0) {
      return NO_PATTERN;
    }
    int last = states[states.length - 1];
    if (last < 0) {
      return ofCode(-hotCode(negate(states), -trend));
    }
    int code = hotCode(states, trend);
    if (code == 0) {
      code = -hotCode(negate(states), -trend);
    }
    return ofCode(code);
  }

  /** The hot-side table, codes 1..8, or 0. */
  private static int hotCode(int[] s, int trend) {
    int steps = s.length;
    int hot = 0;
    int cold = 0;
    for (int v : s) {
      hot += v > 0 ? 1 : 0;
      cold += v < 0 ? 1 : 0;
    }
    boolean mostlyHot = 10 * hot >= 9 * steps; // at least 90 %, in exact integers
    if (s[steps - 1] <= 0) {
      return mostlyHot ? 8 : 0;
    }
    if (hot == 1) {
      return 1;
    }
    if (mostlyHot) {
      return trend > 0 ? 3 : trend < 0 ? 5 : 4;
    }
    int runStart = steps - 1;
    while (runStart > 0 && s[runStart - 1] > 0) {
      runStart--;
    }
    if (hot == steps - runStart) {
      return 2;
    }
    return cold == 0 ? 6 : 7;
  }

  private static int[] negate(int[] states) {
    int[] out = new int[states.length];
    for (int i = 0; i < states.length; i++) {
      out[i] = -states[i];
    }
    return out;
  }
}
