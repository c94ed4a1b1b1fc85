package cn.cg.geo.hotspot;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Automatic ring size, as ArcGIS Optimized Hot Spot Analysis chooses its distance band.
 *
 * <p>Incremental spatial autocorrelation: global Moran's I z-score (randomisation; binary k-ring
 * weights without self, row-standardised) for k = 1 .. kMax. The answer is the first significant
 * peak: the smallest k whose z is at least 1.96 (two-sided p <= 0.05) and higher than at k - 1 and
 * k + 1 (k = 1 only needs to beat k = 2; kMax is never a peak since nothing is known beyond it).
 * The peak marks the scale at which clustering is most pronounced.
 *
 * <p>Without such a peak, the fallback is ArcGIS's: K = clamp(round(0.05 n), 3, 30) neighbours
 * (at most n - 1), and the mean over all cells of the grid distance to their K-th nearest
 * study-area cell, rounded to the nearest ring (at least 1): a ring that on average holds K
 * neighbours.
 */
public final class HotspotScale {

  /** Beyond this many rings the fallback stops looking for a cell's K-th neighbour. */
  static final int SEARCH_LIMIT = 64;
  private static final double Z_95 = 1.959963984540054;

  private final CellValues data;
  private final int kMax;

  public HotspotScale(CellValues data, int kMax) {
    if (kMax < 2) {
      throw new IllegalArgumentException("kMax must be at least 2, was " + kMax);
    }
    if (data.size() < 4) {
      throw new IllegalArgumentException("auto scale needs at least 4 cells, had " + data.size());
    }
    this.data = data;
    this.kMax = kMax;
  }

  /** Shortcut: the chosen scale for cell values, trying k = 1 .. kMax. */
  public static ScaleChoice choose(Map<Long, Double> valueByCell, int kMax) {
    return new HotspotScale(CellValues.of(valueByCell), kMax).choose();
  }

  public ScaleChoice choose() {
    double[] z = new double[kMax];
    for (int k = 1; k <= kMax; k++) {
      z[k - 1] = GlobalMoransI.kRing(data, k).zRandomisation();
    }
    int peak = firstSignificantPeak(z);
    if (peak > 0) {
      return new ScaleChoice(peak, true, String.format(Locale.ROOT,
          "k=%d: first significant peak of global Moran's I z-score over k=1..%d (z=%.2f, p<=0.05)",
          peak, kMax, z[peak - 1]), z);
    }
    int n = data.size();
    int neighbours = Math.min(n - 1, Math.max(3, Math.min(30, (int) Math.round(0.05 * n))));
    double mean = meanDistanceToNeighbour(neighbours);
    int k = Math.max(1, (int) Math.round(mean));
    return new ScaleChoice(k, false, String.format(Locale.ROOT,
        "k=%d: no significant peak of global Moran's I z-score over k=1..%d; fallback: mean grid "
            + "distance to the K-th nearest cell is %.2f rings with K = clamp(0.05 x %d, 3, 30) = %d",
        k, kMax, mean, n, neighbours), z);
  }

  /** The 1-based k of the first significant peak, or 0. */
  static int firstSignificantPeak(double[] z) {
    for (int k = 1; k < z.length; k++) {
      double here = z[k - 1];
      boolean aboveLeft = k == 1 || here > z[k - 2];
      if (here >= Z_95 && aboveLeft && here > z[k]) {
        return k;
      }
    }
    return 0;
  }

  /** Mean over cells of the ring at which the cell's K-th nearest study-area cell lies. */
  private double meanDistanceToNeighbour(int neighbours) {
    StudyArea area = data.area();
    double total = 0;
    for (int i = 0; i < area.size(); i++) {
      total += ringOfNeighbour(area, area.cell(i), neighbours);
    }
    return total / area.size();
  }

  private static int ringOfNeighbour(StudyArea area, long cell, int neighbours) {
    // Doubling the radius keeps the cost near that of the final disk.
    for (int radius = 1; ; radius = Math.min(2 * radius, SEARCH_LIMIT)) {
      List<List<Long>> rings = H3Grid.core().gridDiskDistances(cell, radius);
      int count = 0;
      for (int d = 1; d < rings.size(); d++) {
        for (long c : rings.get(d)) {
          if (area.indexOf(c) >= 0) {
            count++;
          }
        }
        if (count >= neighbours) {
          return d;
        }
      }
      if (radius == SEARCH_LIMIT) {
        return SEARCH_LIMIT;
      }
    }
  }
}
