package cn.cg.geo.hotspot;

/**
 * One cell's change between two periods.
 *
 * @param cell the H3 cell
 * @param previous its value (count) in the previous period, 0 when absent there
 * @param current its value in this period, 0 when absent there
 * @param difference current - previous
 * @param ratio current / previous: +Infinity when only previous is 0, NaN when both are 0
 * @param p the two-sided p-value of the change ({@link PoissonRateTest}); NaN when a value is not
 *     a whole non-negative count
 * @param previousBin the Gi* bin (-3..+3) in the previous period
 * @param currentBin the Gi* bin in this period
 * @param hot the hot-spot transition (bin > 0 before / now)
 * @param cold the cold-spot transition (bin < 0 before / now)
 */
public record PeriodChange(long cell, double previous, double current, double difference,
    double ratio, double p, int previousBin, int currentBin, Transition hot, Transition cold) {

  /** True when the change is significant at level alpha (p <= alpha). */
  public boolean isSignificant(double alpha) {
    return p <= alpha;
  }
}
