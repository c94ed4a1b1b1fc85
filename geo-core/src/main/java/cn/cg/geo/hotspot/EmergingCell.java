package cn.cg.geo.hotspot;

import java.util.Arrays;

/**
 * The emerging hot-spot result of one cell.
 *
 * @param cell the H3 cell
 * @param pattern its class (code 1..8 hot, -1..-8 cold, 0 none)
 * @param z the space-time Gi* z-score per step, oldest first; NaN where the cell is missing or
 *     has no neighbour
 * @param states per step: +1 significant hot, -1 significant cold, 0 neither
 * @param trendZ the Mann-Kendall Z of the z series
 * @param trendP its two-sided p-value
 */
public record EmergingCell(long cell, EmergingPattern pattern, double[] z, int[] states,
    double trendZ, double trendP) {

  public EmergingCell {
    z = z.clone();
    states = states.clone();
  }

  @Override
  public double[] z() {
    return z.clone();
  }

  @Override
  public int[] states() {
    return states.clone();
  }

  @Override
  public String toString() {
    return "EmergingCell[" + Long.toHexString(cell) + ", " + pattern + ", z=" + Arrays.toString(z)
        + ", trendZ=" + trendZ + ", trendP=" + trendP + "]";
  }
}
