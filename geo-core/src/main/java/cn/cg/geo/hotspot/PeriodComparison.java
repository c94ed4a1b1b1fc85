package cn.cg.geo.hotspot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * This period against the previous one, per cell: the change in count, whether it is significant,
 * and how the cell's hot/cold status moved.
 *
 * <p>Both periods are analysed on one study area, the union of their cells, with a cell absent in
 * a period counted as 0 there; otherwise a cell that dropped to no cases would drop out of the
 * map instead of showing as "gone". The change test is {@link PoissonRateTest} (exact conditional
 * binomial), which needs whole counts; it is a per-cell test, not corrected for the number of
 * cells. Transitions compare the Gi* bins of the two periods run with the same options.
 */
public final class PeriodComparison {

  private final Map<Long, Double> previous;
  private final Map<Long, Double> current;
  private final HotspotOptions options;
  private final double exposureRatio;

  /**
   * @param exposureRatio length of this period / length of the previous one (1 when equal)
   */
  public PeriodComparison(Map<Long, Double> previous, Map<Long, Double> current,
      HotspotOptions options, double exposureRatio) {
    this.previous = previous;
    this.current = current;
    this.options = options;
    this.exposureRatio = exposureRatio;
  }

  /** Shortcut for periods of equal length. */
  public static List<PeriodChange> compare(Map<Long, Double> previous, Map<Long, Double> current,
      HotspotOptions options) {
    return new PeriodComparison(previous, current, options, 1.0).changes();
  }

  /** One change per cell of either period: previous period's cells first, then new ones. */
  public List<PeriodChange> changes() {
    Map<Long, Double> before = new LinkedHashMap<>();
    Map<Long, Double> after = new LinkedHashMap<>();
    for (Long cell : previous.keySet()) {
      before.put(cell, previous.get(cell));
      after.put(cell, current.getOrDefault(cell, 0.0));
    }
    for (Long cell : current.keySet()) {
      before.putIfAbsent(cell, 0.0);
      after.put(cell, current.get(cell));
    }
    List<HotspotCell> was = GiStar.analyse(before, options);
    List<HotspotCell> now = GiStar.analyse(after, options);
    List<PeriodChange> out = new ArrayList<>(was.size());
    for (int i = 0; i < was.size(); i++) {
      HotspotCell a = was.get(i);
      HotspotCell b = now.get(i);
      out.add(new PeriodChange(a.cell(), a.value(), b.value(), b.value() - a.value(),
          b.value() / a.value(), changeP(b.value(), a.value()), a.bin(), b.bin(),
          Transition.of(a.isHot(), b.isHot()), Transition.of(a.isCold(), b.isCold())));
    }
    return out;
  }

  private double changeP(double now, double before) {
    if (!isCount(now) || !isCount(before)) {
      return Double.NaN;
    }
    return PoissonRateTest.twoSidedP((long) now, (long) before, exposureRatio);
  }

  private static boolean isCount(double v) {
    return v >= 0 && v == Math.rint(v) && v < 1e15;
  }
}
