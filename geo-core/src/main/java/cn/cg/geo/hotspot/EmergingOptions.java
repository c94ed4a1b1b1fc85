package cn.cg.geo.hotspot;

/**
 * How to run an emerging hot-spot analysis. Defaults (from {@link #ofK}): binary weights, a time
 * lag of 1 step, alpha 0.05, no FDR.
 *
 * @param k the spatial k-ring size
 * @param kernel the spatial weight of a neighbour from its grid distance
 * @param timeLag how many previous steps belong to the neighbourhood (0 = space only)
 * @param alpha the significance level of hot/cold steps and of the Mann-Kendall trend
 * @param fdr true to judge hot/cold steps by the Benjamini-Hochberg cut-off at alpha over the
 *     whole cube (as ArcGIS Pro does), false for the plain p <= alpha
 */
public record EmergingOptions(int k, Kernel kernel, int timeLag, double alpha, boolean fdr) {

  public EmergingOptions {
    if (k < 1 || timeLag < 0 || !(alpha > 0 && alpha < 1) || kernel == null) {
      throw new IllegalArgumentException("need k >= 1, a kernel, timeLag >= 0 and 0 < alpha < 1");
    }
  }

  public static EmergingOptions ofK(int k) {
    return new EmergingOptions(k, Kernel.BINARY, 1, 0.05, false);
  }

  public EmergingOptions withKernel(Kernel kernel) {
    return new EmergingOptions(k, kernel, timeLag, alpha, fdr);
  }

  public EmergingOptions withTimeLag(int timeLag) {
    return new EmergingOptions(k, kernel, timeLag, alpha, fdr);
  }

  public EmergingOptions withAlpha(double alpha) {
    return new EmergingOptions(k, kernel, timeLag, alpha, fdr);
  }

  public EmergingOptions withFdr(boolean fdr) {
    return new EmergingOptions(k, kernel, timeLag, alpha, fdr);
  }
}
