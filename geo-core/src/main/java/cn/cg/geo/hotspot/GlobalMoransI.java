package cn.cg.geo.hotspot;

/**
 * Global Moran's I with its z-score under normality and under randomisation, computed as R
 * {@code spdep::moran.test} does (with its defaults {@code adjust.n = TRUE}, {@code drop.EI2 = FALSE}):
 *
 * <pre>
 *   I = (n / S0) sum_i sum_j w_ij z_i z_j / sum_i z_i^2,   z = x - xbar,   E[I] = -1 / (n - 1)
 * </pre>
 *
 * where n counts only rows with at least one neighbour (a cell with none adds no pair but would
 * still shrink E[I]); the mean and the kurtosis use every value. Use weights without self for the
 * usual statistic; {@link SpatialWeights#rowStandardised()} gives spdep's style "W".
 */
public final class GlobalMoransI {

  private final double moransI;
  private final double expectation;
  private final double varianceNormality;
  private final double varianceRandomisation;
  private final int n;

  public GlobalMoransI(double[] values, SpatialWeights weights) {
    int all = values.length;
    if (all != weights.size()) {
      throw new IllegalArgumentException(all + " values for " + weights.size() + " weight rows");
    }
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= all;
    double[] z = new double[all];
    double z2 = 0;
    double z4 = 0;
    for (int i = 0; i < all; i++) {
      z[i] = values[i] - mean;
      z2 += z[i] * z[i];
      z4 += z[i] * z[i] * z[i] * z[i];
    }
    double kurtosis = all * z4 / (z2 * z2);

    int withNeighbours = 0;
    double s0 = 0;
    double s1 = 0;
    double cross = 0;
    double[] rowSum = new double[all];
    double[] colSum = new double[all];
    for (int i = 0; i < all; i++) {
      int[] nb = weights.neighbours[i];
      double[] wt = weights.weights[i];
      if (nb.length > 0) {
        withNeighbours++;
      }
      double lag = 0;
      for (int p = 0; p < nb.length; p++) {
        int j = nb[p];
        double wij = wt[p];
        lag += wij * z[j];
        rowSum[i] += wij;
        colSum[j] += wij;
        s1 += wij * wij + wij * weights.weight(j, i);
      }
      cross += z[i] * lag;
      s0 += rowSum[i];
    }
    double s2 = 0;
    for (int i = 0; i < all; i++) {
      s2 += (rowSum[i] + colSum[i]) * (rowSum[i] + colSum[i]);
    }
    this.n = withNeighbours;
    double nd = withNeighbours;
    double s02 = s0 * s0;
    this.moransI = nd / s0 * cross / z2;
    this.expectation = -1.0 / (nd - 1);
    double ei2 = expectation * expectation;
    this.varianceNormality = (nd * nd * s1 - nd * s2 + 3 * s02) / (s02 * (nd * nd - 1)) - ei2;
    double a = nd * (s1 * (nd * nd - 3 * nd + 3) - nd * s2 + 3 * s02);
    double b = kurtosis * (s1 * (nd * nd - nd) - 2 * nd * s2 + 6 * s02);
    this.varianceRandomisation = (a - b) / ((nd - 1) * (nd - 2) * (nd - 3) * s02) - ei2;
  }

  /** Shortcut: Moran's I of values over binary k-ring weights (no self), row-standardised. */
  public static GlobalMoransI kRing(CellValues data, int k) {
    SpatialWeights w = SpatialWeights.kRing(data.area(), k, Kernel.BINARY, false).rowStandardised();
    return new GlobalMoransI(data.values(), w);
  }

  public double moransI() {
    return moransI;
  }

  public double expectation() {
    return expectation;
  }

  public double varianceNormality() {
    return varianceNormality;
  }

  public double varianceRandomisation() {
    return varianceRandomisation;
  }

  /** (I - E[I]) / sqrt(Var[I]) under normality. */
  public double zNormality() {
    return (moransI - expectation) / Math.sqrt(varianceNormality);
  }

  /** (I - E[I]) / sqrt(Var[I]) under randomisation: the z-score auto scale uses. */
  public double zRandomisation() {
    return (moransI - expectation) / Math.sqrt(varianceRandomisation);
  }

  /** The number of observations with at least one neighbour (spdep's adjusted n). */
  public int n() {
    return n;
  }
}
