package cn.cg.geo.hotspot;

/**
 * How to run a Gi* analysis. Defaults (from {@link #ofK}): binary weights, plain confidence bins,
 * no permutations.
 *
 * @param k the k-ring size (1 = the cell and its six neighbours)
 * @param kernel the weight of a neighbour from its grid distance
 * @param fdr true to bin with the Benjamini-Hochberg false discovery rate correction
 * @param permutations 0 for none, else the number of conditional permutations (499 or 999)
 * @param seed the seed of the permutations, so that runs repeat exactly
 */
public record HotspotOptions(int k, Kernel kernel, boolean fdr, int permutations, long seed) {

  public static final long DEFAULT_SEED = 20240601L;

  public HotspotOptions {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, was " + k);
    }
    if (permutations < 0) {
      throw new IllegalArgumentException("permutations must be >= 0, was " + permutations);
    }
    if (kernel == null) {
      throw new IllegalArgumentException("kernel is required");
    }
  }

  public static HotspotOptions ofK(int k) {
    return new HotspotOptions(k, Kernel.BINARY, false, 0, DEFAULT_SEED);
  }

  public HotspotOptions withKernel(Kernel kernel) {
    return new HotspotOptions(k, kernel, fdr, permutations, seed);
  }

  public HotspotOptions withFdr(boolean fdr) {
    return new HotspotOptions(k, kernel, fdr, permutations, seed);
  }

  public HotspotOptions withPermutations(int permutations, long seed) {
    return new HotspotOptions(k, kernel, fdr, permutations, seed);
  }
}
