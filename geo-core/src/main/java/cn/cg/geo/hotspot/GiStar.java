package cn.cg.geo.hotspot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Getis-Ord Gi*, in the general form that ArcGIS and R {@code spdep::localG} (with
 * {@code include.self}) compute:
 *
 * <pre>
 *   Gi* = (sum_j w_ij x_j - xbar sum_j w_ij) / (S sqrt((n sum_j w_ij^2 - (sum_j w_ij)^2) / (n - 1)))
 *   xbar = sum x / n,  S = sqrt(sum (x - xbar)^2 / n)   (population SD)
 * </pre>
 *
 * <p>Why this form: its variance holds for any weights, so kernel weights give true z-scores.
 * PySAL esda and Sedona use a variance that is exact only for binary weights (and report a
 * one-sided p), so their numbers differ from ours by design.
 *
 * <p>No value (NaN) is given to a cell whose neighbourhood holds nothing but itself: its "Gi*"
 * would only restate its own deviation from the mean, not a local cluster (spdep would report
 * (x_i - xbar) / S there). A study area where all values are equal gives NaN everywhere (S = 0).
 */
public final class GiStar {

  private final double[] x;
  private final SpatialWeights w;

  /**
   * @param values one value per row of the weights
   * @param weights neighbourhoods that include each cell itself
   */
  public GiStar(double[] values, SpatialWeights weights) {
    if (values.length != weights.size()) {
      throw new IllegalArgumentException(values.length + " values for " + weights.size() + " weight rows");
    }
    if (!weights.selfIncluded()) {
      throw new IllegalArgumentException("Gi* needs every cell among its own neighbours (self included)");
    }
    this.x = values.clone();
    this.w = weights;
  }

  /** The Gi* z-score of every row; NaN where undefined (see the class comment). */
  public double[] zScores() {
    int n = x.length;
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= n;
    // Two-pass variance: sum x^2/n - xbar^2 is the same number in exact arithmetic but cancels
    // badly when the mean is large relative to the spread.
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    double s = Math.sqrt(ss / n);
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = w.cardinality(i) == 0 ? Double.NaN : zScore(i, n, mean, s);
    }
    return z;
  }

  private double zScore(int i, int n, double mean, double s) {
    int[] nb = w.neighbours[i];
    double[] wt = w.weights[i];
    double lag = 0;
    double sumW = 0;
    double sumW2 = 0;
    for (int p = 0; p < nb.length; p++) {
      lag += wt[p] * x[nb[p]];
      sumW += wt[p];
      sumW2 += wt[p] * wt[p];
    }
    double spread = (n * sumW2 - sumW * sumW) / (n - 1);
    if (!(s > 0) || !(spread > 0)) {
      return Double.NaN;
    }
    return (lag - mean * sumW) / (s * Math.sqrt(spread));
  }

  /** Two-sided p-values of {@link #zScores()}. */
  public double[] pValues() {
    return pValues(zScores());
  }

  static double[] pValues(double[] z) {
    double[] p = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      p[i] = Normal.twoSidedP(z[i]);
    }
    return p;
  }

  /** Shortcut: z-scores of values over the given self-inclusive weights. */
  public static double[] zScores(double[] values, SpatialWeights weights) {
    return new GiStar(values, weights).zScores();
  }

  /** Shortcut: the full analysis of cell values, one result per cell in the map's order. */
  public static List<HotspotCell> analyse(Map<Long, Double> valueByCell, HotspotOptions options) {
    return analyse(CellValues.of(valueByCell), options);
  }

  /**
   * The full analysis: Gi* over k-rings with the options' kernel, two-sided p, confidence bins
   * (plain or FDR) and, when permutations are asked for, conditional-permutation pseudo p-values.
   */
  public static List<HotspotCell> analyse(CellValues data, HotspotOptions options) {
    SpatialWeights weights = SpatialWeights.kRing(data.area(), options.k(), options.kernel(), true);
    double[] values = data.values();
    double[] z = zScores(values, weights);
    double[] p = pValues(z);
    int[] bins = options.fdr() ? FalseDiscoveryRate.bins(z, p) : ConfidenceBins.bins(z, p);
    double[] pseudo = options.permutations() > 0
        ? ConditionalPermutation.pseudoP(values, weights, options.permutations(), options.seed())
        : null;
    List<HotspotCell> out = new ArrayList<>(values.length);
    for (int i = 0; i < values.length; i++) {
      out.add(new HotspotCell(data.area().cell(i), values[i], z[i], p[i], bins[i],
          pseudo == null ? Double.NaN : pseudo[i]));
    }
    return out;
  }
}
