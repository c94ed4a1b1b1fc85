package cn.cg.geo.hotspot;

import java.util.Locale;

/**
 * Neighbour weights over a k-ring, as a function of the grid distance d (0 = the cell itself).
 *
 * <p>Kernels use the bandwidth h = k + 1 and u = d / h, so the outermost ring (d = k) still has a
 * positive weight; with h = k the compact kernels would give ring k a weight of zero and a k-ring
 * of size k would really be one of size k - 1. The shapes carry their textbook constants (the
 * ones PySAL's {@code Kernel} uses) so that weights can be recognised; Gi* and Moran's I do not
 * depend on a common factor in the weights, so BINARY and UNIFORM give identical statistics.
 * GAUSSIAN is truncated at ring k.
 */
public enum Kernel {
  /** 1 for every cell of the k-ring. */
  BINARY {
    @Override double shape(double u) {
      return 1.0;
    }
  },
  /** 1/2 for every cell of the k-ring (the uniform kernel: same statistics as BINARY). */
  UNIFORM {
    @Override double shape(double u) {
      return 0.5;
    }
  },
  /** 1 - u. */
  TRIANGULAR {
    @Override double shape(double u) {
      return 1.0 - u;
    }
  },
  /** Epanechnikov: 3/4 (1 - u^2). */
  QUADRATIC {
    @Override double shape(double u) {
      return 0.75 * (1.0 - u * u);
    }
  },
  /** Biweight: 15/16 (1 - u^2)^2. */
  QUARTIC {
    @Override double shape(double u) {
      double a = 1.0 - u * u;
      return 15.0 / 16.0 * a * a;
    }
  },
  /** exp(-u^2 / 2) / sqrt(2 pi), cut off beyond ring k. */
  GAUSSIAN {
    @Override double shape(double u) {
      return Math.exp(-0.5 * u * u) / Math.sqrt(2.0 * Math.PI);
    }
  };

  abstract double shape(double u);

  /**
   * The weight of a cell at grid distance {@code d} within a k-ring of size {@code k}.
   *
   * @throws IllegalArgumentException unless 0 <= d <= k
   */
  public double weight(int d, int k) {
    if (d < 0 || d > k) {
      throw new IllegalArgumentException("grid distance " + d + " outside 0.." + k);
    }
    return shape(d / (k + 1.0));
  }

  /** Parses a kernel name case-insensitively ("quartic", "BINARY"). */
  public static Kernel parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown kernel '" + name + "'; expected one of "
          + java.util.Arrays.toString(values()).toLowerCase(Locale.ROOT), e);
    }
  }
}
