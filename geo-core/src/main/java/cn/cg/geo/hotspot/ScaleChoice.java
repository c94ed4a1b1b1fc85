package cn.cg.geo.hotspot;

import java.util.Arrays;

/**
 * The ring size {@link HotspotScale} chose, and why.
 *
 * @param k the chosen k-ring size
 * @param peakFound true when k is the first significant peak of Moran's I z, false for the fallback
 * @param reason a sentence for the user saying how k was chosen
 * @param zSeries Moran's I z-score (randomisation) for k = 1 .. zSeries.length
 */
public record ScaleChoice(int k, boolean peakFound, String reason, double[] zSeries) {

  public ScaleChoice {
    zSeries = zSeries.clone();
  }

  @Override
  public double[] zSeries() {
    return zSeries.clone();
  }

  @Override
  public String toString() {
    return "ScaleChoice[k=" + k + ", peakFound=" + peakFound + ", reason=" + reason
        + ", zSeries=" + Arrays.toString(zSeries) + "]";
  }
}
