package cn.cg.geo.hotspot;

/**
 * Confidence bins -3..+3 as ArcGIS draws them: the sign of z times 3, 2 or 1 when p is at most
 * 0.01, 0.05 or 0.10, else 0. A NaN z or p falls in bin 0.
 */
public final class ConfidenceBins {

  /** The significance levels of bins 1, 2 and 3. */
  static final double[] ALPHAS = {0.10, 0.05, 0.01};

  private ConfidenceBins() {}

  public static int bin(double z, double p) {
    return bin(z, p, ALPHAS);
  }

  public static int[] bins(double[] z, double[] p) {
    return bins(z, p, ALPHAS);
  }

  /**
   * Bins with one p cut-off per level: cutoffs[0] for bin 1, [1] for bin 2, [2] for bin 3.
   * Plain bins use the alphas themselves, {@link FalseDiscoveryRate} its adjusted cut-offs.
   */
  static int[] bins(double[] z, double[] p, double[] cutoffs) {
    if (z.length != p.length) {
      throw new IllegalArgumentException(z.length + " z-scores but " + p.length + " p-values");
    }
    int[] bins = new int[z.length];
    for (int i = 0; i < z.length; i++) {
      bins[i] = bin(z[i], p[i], cutoffs);
    }
    return bins;
  }

  private static int bin(double z, double p, double[] cutoffs) {
    if (Double.isNaN(z) || Double.isNaN(p)) {
      return 0;
    }
    int level = 0;
    for (int l = 0; l < cutoffs.length; l++) {
      if (p <= cutoffs[l]) {
        level = l + 1;
      }
    }
    return z > 0 ? level : z < 0 ? -level : 0;
  }
}
