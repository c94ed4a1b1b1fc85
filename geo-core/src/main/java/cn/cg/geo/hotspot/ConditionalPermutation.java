package cn.cg.geo.hotspot;

import java.util.SplittableRandom;

/**
 * Conditional-permutation pseudo p-values for Gi* (Anselin 1995; GeoDa, PySAL esda, ArcGIS).
 *
 * <p>For cell i its own value stays in place and its neighbour slots are refilled with values drawn
 * without replacement from the other n - 1 cells, {@code permutations} times. xbar, S and the
 * weight sums are fixed under this scheme, so Gi* is an increasing function of the weighted sum
 * {@code sum_j w_ij x_j}, and comparing those sums is the same as comparing z-scores.
 *
 * <p>pseudo-p = (min(#{sim >= obs}, #{sim <= obs}) + 1) / (permutations + 1): the folded, one-tail
 * convention of GeoDa and esda, so the smallest possible value is 1 / (permutations + 1). Unlike
 * esda, ties count in both tails, so a neighbourhood whose permutations all tie with it (all zeros
 * around a zero) gets 1, not 1 / (permutations + 1). Double it to compare with the two-sided p.
 *
 * <p>Deterministic: one {@link SplittableRandom} seeded once, split once per cell in cell order,
 * so the same seed and input give the same answer on every run and platform.
 */
public final class ConditionalPermutation {

  private final double[] x;
  private final SpatialWeights w;

  public ConditionalPermutation(double[] values, SpatialWeights weights) {
    if (values.length != weights.size()) {
      throw new IllegalArgumentException(values.length + " values for " + weights.size() + " weight rows");
    }
    this.x = values.clone();
    this.w = weights;
  }

  /** Shortcut for {@code new ConditionalPermutation(values, weights).pseudoP(permutations, seed)}. */
  public static double[] pseudoP(double[] values, SpatialWeights weights, int permutations, long seed) {
    return new ConditionalPermutation(values, weights).pseudoP(permutations, seed);
  }

  /** One pseudo p-value per cell; NaN for a cell without neighbours other than itself. */
  public double[] pseudoP(int permutations, long seed) {
    if (permutations < 1) {
      throw new IllegalArgumentException("permutations must be >= 1, was " + permutations);
    }
    int n = x.length;
    double maxAbs = 0;
    for (double v : x) {
      maxAbs = Math.max(maxAbs, Math.abs(v));
    }
    // pool holds every index; pos is its inverse. For cell i, i is swapped to the end and the
    // neighbour slots are a partial Fisher-Yates shuffle of pool[0 .. n-2].
    int[] pool = new int[n];
    int[] pos = new int[n];
    for (int i = 0; i < n; i++) {
      pool[i] = i;
      pos[i] = i;
    }
    SplittableRandom root = new SplittableRandom(seed);
    double[] result = new double[n];
    for (int i = 0; i < n; i++) {
      SplittableRandom rng = root.split();
      int[] nb = w.neighbours[i];
      double[] wt = w.weights[i];
      int m = w.cardinality(i);
      if (m == 0 || m > n - 1) {
        result[i] = Double.NaN;
        continue;
      }
      double selfWeight = w.weight(i, i);
      double[] slotWeights = new double[m];
      double observed = selfWeight * x[i];
      double scale = Math.abs(selfWeight);
      for (int p = 0, s = 0; p < nb.length; p++) {
        if (nb[p] != i) {
          slotWeights[s++] = wt[p];
          observed += wt[p] * x[nb[p]];
          scale += Math.abs(wt[p]);
        }
      }
      double tolerance = 1e-12 * scale * maxAbs;
      swap(pool, pos, pos[i], n - 1);
      int atLeast = 0;
      int atMost = 0;
      for (int r = 0; r < permutations; r++) {
        double sim = selfWeight * x[i];
        for (int s = 0; s < m; s++) {
          swap(pool, pos, s, s + rng.nextInt(n - 1 - s));
          sim += slotWeights[s] * x[pool[s]];
        }
        if (sim >= observed - tolerance) {
          atLeast++;
        }
        if (sim <= observed + tolerance) {
          atMost++;
        }
      }
      result[i] = (Math.min(atLeast, atMost) + 1.0) / (permutations + 1.0);
    }
    return result;
  }

  private static void swap(int[] pool, int[] pos, int a, int b) {
    int va = pool[a];
    int vb = pool[b];
    pool[a] = vb;
    pool[b] = va;
    pos[vb] = a;
    pos[va] = b;
  }
}
