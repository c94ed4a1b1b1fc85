package cn.cg.geo.hotspot;

import java.util.Arrays;

/**
 * The Mann-Kendall trend test (Mann 1945, Kendall 1975), as ArcGIS Emerging Hot Spot Analysis
 * applies it to each location's Gi* z-scores.
 *
 * <pre>
 *   S   = sum_{k < j} sgn(x_j - x_k)
 *   Var = (n(n-1)(2n+5) - sum_t t(t-1)(2t+5)) / 18      (t = size of each group of tied values)
 *   Z   = (S - 1) / sqrt(Var) if S > 0,  (S + 1) / sqrt(Var) if S < 0,  0 otherwise
 *   p   = 2 (1 - Phi(|Z|))
 * </pre>
 *
 * <p>The +-1 is the continuity correction (S moves in steps of 2). The tie term matters here: count
 * data give runs of identical z-scores. NaN entries are missing steps and are skipped; the test
 * runs on the remaining values in their order. With fewer than two values, or all values tied,
 * there is no evidence of a trend: Z = 0, p = 1.
 */
public final class MannKendall {

  private final int n;
  private final long s;
  private final double variance;

  public MannKendall(double[] series) {
    double[] x = Arrays.stream(series).filter(v -> !Double.isNaN(v)).toArray();
    this.n = x.length;
    long sum = 0;
    for (int k = 0; k < n - 1; k++) {
      for (int j = k + 1; j < n; j++) {
        sum += x[j] > x[k] ? 1 : x[j] < x[k] ? -1 : 0;
      }
    }
    this.s = sum;
    double[] sorted = x.clone();
    Arrays.sort(sorted);
    double ties = 0;
    for (int a = 0, b; a < n; a = b) {
      b = a + 1;
      while (b < n && sorted[b] == sorted[a]) {
        b++;
      }
      double t = b - a;
      ties += t * (t - 1) * (2 * t + 5);
    }
    this.variance = ((double) n * (n - 1) * (2.0 * n + 5) - ties) / 18.0;
  }

  /** Shortcut: the test on a series (NaN = missing step). */
  public static MannKendall test(double[] series) {
    return new MannKendall(series);
  }

  /** The number of non-missing values. */
  public int n() {
    return n;
  }

  public long s() {
    return s;
  }

  /** Var(S), tie-corrected. */
  public double variance() {
    return variance;
  }

  public double z() {
    if (!(variance > 0) || s == 0) {
      return 0.0;
    }
    return (s > 0 ? s - 1 : s + 1) / Math.sqrt(variance);
  }

  /** Two-sided p-value of {@link #z()}. */
  public double p() {
    return Normal.twoSidedP(z());
  }

  /** +1 for a significant upward trend at alpha, -1 downward, 0 none. */
  public int trend(double alpha) {
    if (p() > alpha) {
      return 0;
    }
    return z() > 0 ? 1 : z() < 0 ? -1 : 0;
  }
}
