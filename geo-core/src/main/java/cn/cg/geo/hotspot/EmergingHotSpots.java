package cn.cg.geo.hotspot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Emerging hot-spot analysis: space-time Gi*, a Mann-Kendall trend per cell, then the
 * {@link EmergingPattern} decision table.
 *
 * <p>The space-time cube holds one observation per (cell, step) present in the input. The
 * neighbours of (c, t) are the cells of c's k-ring present in step t and the same k-ring cells
 * present in each of the previous {@code timeLag} steps (ArcGIS's neighbourhood time step: a
 * cylinder, not just c's own past), with the spatial kernel weight of their grid distance whatever
 * their lag. xbar and S are taken over the whole cube, as ArcGIS does, so a step with generally
 * higher values shows up as hot.
 *
 * <p>Missing data: a cell absent from a step is outside the cube for that step (not a zero: fill
 * zeros in first if zero is what absence means). Its z for that step is NaN and its state 0 (not
 * significant); Mann-Kendall skips it. Significance of a step and of the trend both use alpha
 * (default 0.05) on two-sided p; with FDR on, a step is significant when its p is at most the
 * Benjamini-Hochberg cut-off at alpha over all (cell, step) units. The trend is never FDR-adjusted.
 */
public final class EmergingHotSpots {

  private final List<Map<Long, Double>> steps;
  private final EmergingOptions options;

  /**
   * @param steps per time step, oldest first, the value of each cell present in that step
   * @param options k, kernel, time lag, alpha and FDR
   */
  public EmergingHotSpots(List<Map<Long, Double>> steps, EmergingOptions options) {
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("no time steps");
    }
    this.steps = List.copyOf(steps);
    this.options = options;
  }

  /** Shortcut with the defaults of {@link EmergingOptions#ofK}. */
  public static List<EmergingCell> analyse(List<Map<Long, Double>> steps, int k) {
    return new EmergingHotSpots(steps, EmergingOptions.ofK(k)).cells();
  }

  /** One result per cell that appears in any step, in order of first appearance. */
  public List<EmergingCell> cells() {
    StudyArea area = unionOfCells();
    int t = steps.size();
    int[][] unit = new int[t][area.size()];
    List<Double> values = new ArrayList<>();
    for (int s = 0; s < t; s++) {
      Arrays.fill(unit[s], -1);
      for (Map.Entry<Long, Double> e : steps.get(s).entrySet()) {
        unit[s][area.indexOf(e.getKey())] = values.size();
        values.add(e.getValue());
      }
    }
    double[] x = values.stream().mapToDouble(Double::doubleValue).toArray();
    double[] z = GiStar.zScores(x, cubeWeights(area, unit, x.length));
    double[] p = GiStar.pValues(z);
    double alpha = options.alpha();
    double cutoff = options.fdr() ? FalseDiscoveryRate.cutoff(p, alpha) : alpha;

    List<EmergingCell> out = new ArrayList<>(area.size());
    for (int c = 0; c < area.size(); c++) {
      double[] series = new double[t];
      int[] states = new int[t];
      for (int s = 0; s < t; s++) {
        int u = unit[s][c];
        series[s] = u < 0 ? Double.NaN : z[u];
        boolean significant = u >= 0 && p[u] <= cutoff;
        states[s] = significant ? (int) Math.signum(z[u]) : 0;
      }
      MannKendall mk = MannKendall.test(series);
      EmergingPattern pattern = EmergingPattern.classify(states, mk.trend(alpha));
      out.add(new EmergingCell(area.cell(c), pattern, series, states, mk.z(), mk.p()));
    }
    return out;
  }

  private StudyArea unionOfCells() {
    Map<Long, Boolean> seen = new LinkedHashMap<>();
    for (Map<Long, Double> step : steps) {
      for (Map.Entry<Long, Double> e : step.entrySet()) {
        if (e.getValue() == null || !Double.isFinite(e.getValue())) {
          throw new IllegalArgumentException("value of cell " + Long.toHexString(e.getKey()) + " is not finite");
        }
        seen.put(e.getKey(), Boolean.TRUE);
      }
    }
    return new StudyArea(seen.keySet().stream().mapToLong(Long::longValue).toArray());
  }

  /** Neighbour lists of every (cell, step) unit: its k-ring in this step and the previous ones. */
  private SpatialWeights cubeWeights(StudyArea area, int[][] unit, int units) {
    SpatialWeights spatial = SpatialWeights.kRing(area, options.k(), options.kernel(), true);
    int[][] nb = new int[units][];
    double[][] w = new double[units][];
    for (int s = 0; s < unit.length; s++) {
      for (int c = 0; c < area.size(); c++) {
        int u = unit[s][c];
        if (u < 0) {
          continue;
        }
        List<Integer> found = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        int[] ring = spatial.neighbours[c];
        double[] ringWeights = spatial.weights[c];
        for (int lag = 0; lag <= options.timeLag() && s - lag >= 0; lag++) {
          for (int p = 0; p < ring.length; p++) {
            int v = unit[s - lag][ring[p]];
            if (v >= 0) {
              found.add(v);
              weights.add(ringWeights[p]);
            }
          }
        }
        nb[u] = found.stream().mapToInt(Integer::intValue).toArray();
        w[u] = weights.stream().mapToDouble(Double::doubleValue).toArray();
      }
    }
    return new SpatialWeights(nb, w);
  }
}
