package cn.cg.geo.hotspot;

/**
 * Exact two-sample test of two Poisson counts (did the rate change?), by conditioning on their
 * total: if a ~ Poisson(r t_a) and b ~ Poisson(r t_b) with one rate r, then given a + b = n,
 * a ~ Binomial(n, t_a / (t_a + t_b)). The two-sided p-value sums the probabilities of every
 * outcome no more likely than the one observed (with R's relative tolerance 1e-7), as R's
 * {@code binom.test} and {@code poisson.test(c(a, b), c(t_a, t_b))} do.
 *
 * <p>Why this test: it is exact for small counts, where most cells live, needs no continuity
 * correction, and the exposure ratio absorbs periods of unequal length (31 vs 30 days).
 */
public final class PoissonRateTest {

  private static final double RELATIVE_ERROR = 1 + 1e-7;
  private static final int TABLE = 256;
  private static final double[] LOG_FACTORIAL = new double[TABLE];

  static {
    for (int i = 2; i < TABLE; i++) {
      LOG_FACTORIAL[i] = LOG_FACTORIAL[i - 1] + Math.log(i);
    }
  }

  private PoissonRateTest() {}

  /**
   * @param a the count of the first period (e.g. this month)
   * @param b the count of the second period (e.g. last month)
   * @param exposureRatio t_a / t_b, 1 for periods of equal length
   * @return the two-sided p-value; 1 when both counts are 0
   */
  public static double twoSidedP(long a, long b, double exposureRatio) {
    if (a < 0 || b < 0) {
      throw new IllegalArgumentException("counts must be >= 0: " + a + ", " + b);
    }
    if (!(exposureRatio > 0) || Double.isInfinite(exposureRatio)) {
      throw new IllegalArgumentException("exposure ratio must be positive and finite: " + exposureRatio);
    }
    long n = a + b;
    if (n == 0) {
      return 1.0;
    }
    double prob = exposureRatio / (1 + exposureRatio);
    double logP = Math.log(prob);
    double logQ = Math.log1p(-prob);
    double observed = logPmf(a, n, logP, logQ);
    double threshold = observed + Math.log(RELATIVE_ERROR);
    double sum = 0;
    for (long x = 0; x <= n; x++) {
      double lp = logPmf(x, n, logP, logQ);
      if (lp <= threshold) {
        sum += Math.exp(lp);
      }
    }
    return Math.min(1.0, sum);
  }

  private static double logPmf(long x, long n, double logP, double logQ) {
    return logFactorial(n) - logFactorial(x) - logFactorial(n - x) + x * logP + (n - x) * logQ;
  }

  /** ln(n!): a table below 256, Stirling's series (error below 1e-20) above. */
  static double logFactorial(long n) {
    if (n < TABLE) {
      return LOG_FACTORIAL[(int) n];
    }
    double x = n;
    double inv = 1 / x;
    double inv2 = inv * inv;
    return x * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI * x)
        + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 / 1680)));
  }
}
