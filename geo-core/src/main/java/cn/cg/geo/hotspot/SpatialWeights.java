package cn.cg.geo.hotspot;

import java.util.Arrays;

/**
 * Sparse neighbour lists with weights, one row per observation (a cell, or a cell in a time
 * step), rows sorted by neighbour index as spdep sorts them.
 *
 * <p>The same structure serves Gi* (self included), Moran's I (self excluded, often
 * row-standardised) and the space-time cube, so it knows nothing about H3 except in the
 * {@link #kRing} factory.
 */
public final class SpatialWeights {

  final int[][] neighbours;
  final double[][] weights;

  /**
   * @param neighbours per row, the indices of its neighbours (may include the row itself)
   * @param weights per row, one finite non-negative weight per neighbour
   */
  public SpatialWeights(int[][] neighbours, double[][] weights) {
    if (neighbours.length != weights.length) {
      throw new IllegalArgumentException("neighbour and weight lists differ in length");
    }
    int n = neighbours.length;
    this.neighbours = new int[n][];
    this.weights = new double[n][];
    for (int i = 0; i < n; i++) {
      if (neighbours[i].length != weights[i].length) {
        throw new IllegalArgumentException("row " + i + ": neighbours and weights differ in length");
      }
      Integer[] order = new Integer[neighbours[i].length];
      for (int p = 0; p < order.length; p++) {
        order[p] = p;
        int j = neighbours[i][p];
        double w = weights[i][p];
        if (j < 0 || j >= n) {
          throw new IllegalArgumentException("row " + i + ": neighbour index " + j + " out of range");
        }
        if (!(w >= 0) || Double.isInfinite(w)) {
          throw new IllegalArgumentException("row " + i + ": weight " + w + " is not finite and >= 0");
        }
      }
      final int row = i;
      Arrays.sort(order, (a, b) -> Integer.compare(neighbours[row][a], neighbours[row][b]));
      this.neighbours[i] = new int[order.length];
      this.weights[i] = new double[order.length];
      for (int p = 0; p < order.length; p++) {
        this.neighbours[i][p] = neighbours[i][order[p]];
        this.weights[i][p] = weights[i][order[p]];
        if (p > 0 && this.neighbours[i][p] == this.neighbours[i][p - 1]) {
          throw new IllegalArgumentException("row " + i + ": neighbour " + this.neighbours[i][p] + " twice");
        }
      }
    }
  }

  /**
   * Weights over H3 k-rings: cell j is a neighbour of i when both are in the study area and their
   * grid distance d is at most k; its weight is {@code kernel.weight(d, k)}.
   *
   * @param includeSelf true for Gi* (the cell is its own neighbour at d = 0), false for Moran's I
   */
  public static SpatialWeights kRing(StudyArea area, int k, Kernel kernel, boolean includeSelf) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, was " + k);
    }
    int n = area.size();
    double[] byDistance = new double[k + 1];
    for (int d = 0; d <= k; d++) {
      byDistance[d] = kernel.weight(d, k);
    }
    KRings rings = KRings.of(area, k, includeSelf);
    double[][] w = new double[n][];
    for (int i = 0; i < n; i++) {
      byte[] d = rings.distances[i];
      w[i] = new double[d.length];
      for (int p = 0; p < d.length; p++) {
        w[i][p] = byDistance[d[p]];
      }
    }
    return new SpatialWeights(rings.neighbours, w, true);
  }

  /** Rows already sorted, distinct, in range and with valid weights (built by {@link #kRing}). */
  private SpatialWeights(int[][] neighbours, double[][] weights, boolean trusted) {
    this.neighbours = neighbours;
    this.weights = weights;
  }

  public int size() {
    return neighbours.length;
  }

  /** The neighbour indices of row i, ascending (a copy). */
  public int[] neighbours(int i) {
    return neighbours[i].clone();
  }

  /** The weights of row i, aligned with {@link #neighbours(int)} (a copy). */
  public double[] weights(int i) {
    return weights[i].clone();
  }

  /** The number of neighbours of row i other than i itself. */
  public int cardinality(int i) {
    return Arrays.binarySearch(neighbours[i], i) >= 0 ? neighbours[i].length - 1 : neighbours[i].length;
  }

  /** The weight of j in row i, 0 when j is not a neighbour of i. */
  public double weight(int i, int j) {
    int p = Arrays.binarySearch(neighbours[i], j);
    return p >= 0 ? weights[i][p] : 0.0;
  }

  /** True when every row lists itself: the neighbourhoods Gi* needs. */
  public boolean selfIncluded() {
    for (int i = 0; i < neighbours.length; i++) {
      if (Arrays.binarySearch(neighbours[i], i) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Each row divided by its sum (spdep style "W"); empty rows stay empty. */
  public SpatialWeights rowStandardised() {
    double[][] w = new double[weights.length][];
    for (int i = 0; i < w.length; i++) {
      double sum = Arrays.stream(weights[i]).sum();
      w[i] = Arrays.stream(weights[i]).map(x -> sum > 0 ? x / sum : 0.0).toArray();
    }
    return new SpatialWeights(neighbours, w);
  }
}
