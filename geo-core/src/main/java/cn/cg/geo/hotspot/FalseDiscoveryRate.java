package cn.cg.geo.hotspot;

import java.util.Arrays;

/**
 * Benjamini-Hochberg false discovery rate control for the confidence bins.
 *
 * <p>With m valid p-values sorted ascending, the cut-off at level alpha is the largest p_(r) with
 * p_(r) <= (r / m) alpha; every cell whose p is at most that cut-off is significant at that level.
 * This is the correction ArcGIS applies with its FDR option: it only moves the bin boundaries.
 * z and p themselves are never adjusted. Cells with a NaN p (no neighbours) are not tests and do
 * not count in m.
 */
public final class FalseDiscoveryRate {

  private FalseDiscoveryRate() {}

  /** The BH p cut-off at level alpha, or -1 when no p-value passes (nothing significant). */
  public static double cutoff(double[] p, double alpha) {
    double[] sorted = Arrays.stream(p).filter(v -> !Double.isNaN(v)).sorted().toArray();
    int m = sorted.length;
    for (int r = m; r >= 1; r--) {
      if (sorted[r - 1] <= (double) r / m * alpha) {
        return sorted[r - 1];
      }
    }
    return -1.0;
  }

  /** Bins -3..+3 with the 90/95/99 % cut-offs replaced by their BH counterparts. */
  public static int[] bins(double[] z, double[] p) {
    double[] cutoffs = new double[ConfidenceBins.ALPHAS.length];
    for (int l = 0; l < cutoffs.length; l++) {
      cutoffs[l] = cutoff(p, ConfidenceBins.ALPHAS[l]);
    }
    return ConfidenceBins.bins(z, p, cutoffs);
  }
}
