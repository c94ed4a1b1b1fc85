package cn.cg.geo.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * The fixed tables behind {@link DemoCaseGenerator}: categories with their time limits and source mixes,
 * case families with their category mixes, and the 2025 calendar with hour-of-day profiles.
 */
final class CaseModel {
  private CaseModel() {}

  static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);
  static final int YEAR = 2025;
  static final int DAYS = 365;
  static final int HOURS = DAYS * 24;
  static final long START_EPOCH = LocalDate.of(YEAR, 1, 1).atStartOfDay().toEpochSecond(OFFSET);
  /** 2025-12-31T23:59:59+08:00: the data are "as of" the end of the year; nothing closes later. */
  static final long END_EPOCH = START_EPOCH + HOURS * 3600L - 1;

  // ---- categories: code, time limit (hours), source mix (patrol, hotline, camera, app, other)

  static final String[] SOURCES = {"patrol", "hotline", "camera", "app", "other"};
  private static final double[] SRC_VENDOR = {0.55, 0.18, 0.12, 0.12, 0.03};
  private static final double[] SRC_PARKING = {0.20, 0.10, 0.60, 0.08, 0.02};
  private static final double[] SRC_ADVERT = {0.50, 0.15, 0.05, 0.25, 0.05};
  private static final double[] SRC_NOISE = {0.12, 0.75, 0.02, 0.08, 0.03};
  private static final double[] SRC_CONSTRUCTION = {0.35, 0.40, 0.10, 0.10, 0.05};
  private static final double[] SRC_GARBAGE = {0.40, 0.20, 0.05, 0.30, 0.05};
  private static final double[] SRC_DEFAULT = {0.40, 0.30, 0.10, 0.15, 0.05};

  static final String[] CATEGORIES = {
      "0101", "0102", "0103", "0104", "0107", "0116", "0199", "0201", "0202", "0203", "0204", "0301", "0302", "0304",
      "0401", "0406", "0501", "0502", "0503", "0504", "0505", "0506", "0507", "0508", "0509", "0510", "0511", "0599"};
  static final long[] LIMIT_SECONDS = new long[CATEGORIES.length];
  /** Cumulative source weights per category. */
  static final double[][] SOURCE_CUM = new double[CATEGORIES.length][];

  static {
    for (int i = 0; i < CATEGORIES.length; i++) {
      String c = CATEGORIES[i];
      double hours = switch (c) {
        case "0501", "0503", "0504", "0510" -> 2;
        case "0401", "0406" -> 2;
        case "0102", "0104" -> 4;
        case "0202", "0203", "0101", "0301", "0302", "0304", "0107" -> 72;
        default -> 24;
      };
      LIMIT_SECONDS[i] = (long) (hours * 3600);
      double[] src = switch (c) {
        case "0501", "0503", "0504", "0510" -> SRC_VENDOR;
        case "0505", "0506" -> SRC_PARKING;
        case "0201", "0202", "0203", "0204" -> SRC_ADVERT;
        case "0301", "0508" -> SRC_NOISE;
        case "0101", "0302", "0304" -> SRC_CONSTRUCTION;
        case "0102", "0103", "0104" -> SRC_GARBAGE;
        default -> SRC_DEFAULT;
      };
      SOURCE_CUM[i] = cumulative(src);
    }
  }

  static int category(String code) {
    int i = Arrays.asList(CATEGORIES).indexOf(code);
    if (i < 0) {
      throw new IllegalArgumentException("unknown category " + code);
    }
    return i;
  }

  // ---- lifecycle

  static final String CLOSED = "closed";
  static final String EXTENDED = "extended";
  static final String HANDLED = "handled";
  static final String[] STATUSES = {
      CLOSED, "reported", "registered", "dispatched", HANDLED, "verified", "suspended", EXTENDED, "reworked", "void"};
  static final double[] STATUS_CUM = cumulative(new double[] {
      0.81, 0.015, 0.02, 0.025, 0.03, 0.02, 0.03, 0.02, 0.015, 0.015});
  /** Closing time = limit * exp(MU + SIGMA z): P(on time) = Phi(-MU / SIGMA) = 0.85. */
  static final double DURATION_SIGMA = 0.9;
  static final double DURATION_MU = -1.0364 * DURATION_SIGMA;

  // ---- families: share of all cases, categories and their mix, hour profile, weekly and seasonal factors

  enum Family { VENDOR, PARKING, ADVERT, CONSTRUCTION, GARBAGE, STREET_OTHER, BACKGROUND, ANCHOR }

  static final double SHARE_VENDOR = 0.30;
  static final double SHARE_PARKING = 0.20;
  static final double SHARE_ADVERT = 0.12;
  static final double SHARE_CONSTRUCTION = 0.08;
  static final double SHARE_GARBAGE = 0.12;
  static final double SHARE_STREET_OTHER = 0.08;
  static final double SHARE_BACKGROUND = 0.04;
  /** Shared by all trend anchors, evenly. */
  static final double SHARE_ANCHORS = 0.06;

  static final String[] VENDOR_CODES = {"0501", "0504", "0510", "0503"};
  static final double[] VENDOR_MIX = {0.45, 0.30, 0.15, 0.10};
  static final String[] PARKING_CODES = {"0505", "0506"};
  static final double[] PARKING_MIX = {0.6, 0.4};
  static final String[] ADVERT_CODES = {"0201", "0202", "0203", "0204"};
  static final double[] ADVERT_MIX = {0.5, 0.2, 0.1, 0.2};
  static final String[] CONSTRUCTION_CODES = {"0101", "0301", "0302", "0304"};
  static final double[] CONSTRUCTION_MIX = {0.4, 0.25, 0.2, 0.15};
  static final String[] GARBAGE_CODES = {"0102", "0103", "0104"};
  static final double[] GARBAGE_MIX = {0.4, 0.25, 0.35};
  static final String[] STREET_OTHER_CODES = {
      "0502", "0507", "0508", "0509", "0511", "0599", "0116", "0107", "0199", "0401", "0406"};
  static final double[] STREET_OTHER_MIX = {0.1, 0.2, 0.15, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.025, 0.025};

  /** Vendors: a little at lunch, most from 18:00 to 23:59. */
  static final double[] HOURS_VENDOR = {
      1.5, 0.8, 0.3, 0.1, 0.1, 0.1, 0.4, 1.0, 1.2, 0.8, 0.8, 1.8, 2.0, 1.2, 0.8, 0.8, 1.0, 2.0, 5, 8, 10, 10, 8, 5};
  /** Parking: morning and evening commute peaks, busy working day. */
  static final double[] HOURS_PARKING = {
      0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.6, 2.5, 4, 3.5, 2.5, 2.5, 2, 2, 2.5, 2.5, 2.8, 3.5, 3.2, 2, 1.5, 1.0, 0.7, 0.5};
  /** Office hours with a lunch dip: patrols and daytime complaints. */
  static final double[] HOURS_DAYTIME = {
      0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.8, 2, 3, 3.5, 3.5, 3, 2.5, 3, 3.5, 3.5, 3, 2.5, 1.8, 1.2, 0.8, 0.6, 0.4, 0.3};
  /** Garbage: after the morning and the evening rush. */
  static final double[] HOURS_GARBAGE = {
      0.3, 0.2, 0.1, 0.1, 0.2, 0.6, 2.0, 3.5, 3.5, 3.0, 2.5, 2.0, 2.0, 1.8, 1.8, 1.8, 2.0, 2.2, 2.5, 2.8, 2.5, 1.8, 1.0, 0.6};
  static final double[] HOURS_FLAT = {
      0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

  /** 2025 public holidays (day of year, 0 = 1 January), counted as weekend days. */
  private static final int[][] HOLIDAYS = {{0, 0}, {27, 34}, {93, 95}, {120, 124}, {150, 152}, {273, 280}};
  /** Spring Festival exodus: Shenzhen empties, 25 January to 8 February. */
  private static final int EXODUS_FROM = 24;
  private static final int EXODUS_TO = 38;

  /** Monday = 0; 1 January 2025 was a Wednesday. */
  static int dayOfWeek(int doy) {
    return (doy + 2) % 7;
  }

  static boolean restDay(int doy) {
    if (dayOfWeek(doy) >= 5) {
      return true;
    }
    for (int[] h : HOLIDAYS) {
      if (doy >= h[0] && doy <= h[1]) {
        return true;
      }
    }
    return false;
  }

  /** Relative volume of a family on a day: seasonal curve, rest-day factor, Spring Festival dip. */
  static double dayFactor(Family f, int doy) {
    boolean rest = restDay(doy);
    double summer = StrictMath.cos(2 * Math.PI * (doy - 196) / DAYS); // +1 mid-July, -1 mid-January
    double v = switch (f) {
      case VENDOR -> (1 + 0.35 * summer) * (rest ? 1.4 : dayOfWeek(doy) == 4 ? 1.15 : 1.0);
      case PARKING -> rest ? 0.55 : 1.0;
      case ADVERT -> rest ? 0.9 : 1.0;
      case CONSTRUCTION -> rest ? 0.5 : 1.0;
      case GARBAGE -> (1 + 0.2 * summer) * (rest ? 1.1 : 1.0);
      case STREET_OTHER -> rest ? 1.1 : 1.0;
      case BACKGROUND, ANCHOR -> 1.0;
    };
    return doy >= EXODUS_FROM && doy <= EXODUS_TO ? v * 0.5 : v;
  }

  static double[] hours(Family f) {
    return switch (f) {
      case VENDOR -> HOURS_VENDOR;
      case PARKING -> HOURS_PARKING;
      case GARBAGE -> HOURS_GARBAGE;
      case BACKGROUND -> HOURS_FLAT;
      default -> HOURS_DAYTIME;
    };
  }

  /** The hour-of-day profile for an anchor's category. */
  static double[] hoursForCategory(String code) {
    return switch (code) {
      case "0501", "0503", "0504", "0510" -> HOURS_VENDOR;
      case "0505", "0506" -> HOURS_PARKING;
      case "0102", "0103", "0104" -> HOURS_GARBAGE;
      default -> HOURS_DAYTIME;
    };
  }

  /** Hourly intensity over the year, summing to {@code share}. */
  static double[] yearProfile(double share, java.util.function.IntToDoubleFunction day, double[] hourOfDay) {
    double[] v = new double[HOURS];
    double sum = 0;
    for (int d = 0; d < DAYS; d++) {
      double df = day.applyAsDouble(d);
      for (int h = 0; h < 24; h++) {
        v[d * 24 + h] = df * hourOfDay[h];
        sum += v[d * 24 + h];
      }
    }
    for (int i = 0; i < HOURS; i++) {
      v[i] = v[i] * share / sum;
    }
    return v;
  }

  static double[] cumulative(double[] w) {
    double[] c = new double[w.length];
    double s = 0;
    for (double x : w) {
      s += x;
    }
    double acc = 0;
    for (int i = 0; i < w.length; i++) {
      acc += w[i] / s;
      c[i] = acc;
    }
    c[w.length - 1] = 1.0;
    return c;
  }

  static int pick(double[] cum, double u) {
    int i = 0;
    while (i < cum.length - 1 && u >= cum[i]) {
      i++;
    }
    return i;
  }
}
