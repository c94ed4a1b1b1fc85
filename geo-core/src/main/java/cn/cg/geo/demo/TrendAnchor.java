package cn.cg.geo.demo;

/**
 * A hot spot whose intensity changes through 2025, placed at least 2 km from every busy place and every
 * other anchor so that counts within a few hundred metres of it are dominated by its own cases.
 *
 * <ul>
 *   <li>{@link Trend#EMERGING}: no cases before 1 March, then a linear ramp up to 31 December;
 *   <li>{@link Trend#FADING}: full strength January to March, a linear ramp down through April and May,
 *       nothing from June.
 * </ul>
 *
 * @param name         e.g. 龙华区新兴烧烤夜市 (synthetic)
 * @param trend        emerging or fading
 * @param categoryCode the one category of the anchor's cases
 * @param lon          WGS-84 longitude
 * @param lat          WGS-84 latitude
 * @param spreadM      Gaussian standard deviation of its cases, metres
 */
public record TrendAnchor(String name, Trend trend, String categoryCode, double lon, double lat, double spreadM) {

  public enum Trend { EMERGING, FADING }

  /** Relative intensity (0..1) on day {@code dayOfYear} (0 = 1 January 2025). */
  public double intensity(int dayOfYear) {
    return switch (trend) {
      case EMERGING -> dayOfYear < EMERGE_START ? 0 : (dayOfYear - EMERGE_START + 1) / (double) (364 - EMERGE_START + 1);
      case FADING -> dayOfYear < FADE_START ? 1 : dayOfYear >= FADE_END ? 0
          : (FADE_END - dayOfYear) / (double) (FADE_END - FADE_START);
    };
  }

  /** 1 March 2025. */
  static final int EMERGE_START = 59;
  /** 1 April 2025. */
  static final int FADE_START = 90;
  /** 1 June 2025. */
  static final int FADE_END = 151;
}
