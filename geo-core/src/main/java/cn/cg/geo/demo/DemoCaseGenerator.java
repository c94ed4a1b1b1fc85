package cn.cg.geo.demo;

import static cn.cg.geo.demo.CaseModel.CATEGORIES;
import static cn.cg.geo.demo.CaseModel.HOURS;

import cn.cg.geo.demo.CaseModel.Family;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams {@code n} synthetic cases over 2025 (+08:00) in time order, in constant memory, reproducible
 * byte for byte for the same city seed, case seed and {@code n}.
 *
 * <p>How: each case family (vendors, parking, adverts, construction, garbage, other street order, a uniform
 * background, and one family per trend anchor) has an hourly intensity over the year. The {@code n}
 * cases are apportioned to the 8,760 hours by cumulative rounding of the total intensity; within an hour
 * each case picks its family by the families' intensities in that hour and gets a sorted random second.
 * Case numbers follow that order: {@code SZ2025} + 8 digits.
 */
public final class DemoCaseGenerator implements Iterator<DemoCase> {
  /** Case numbers have 8 digits. */
  public static final long MAX_CASES = 99_999_999L;

  private static final String[] STREETS = {
      "人民路", "建设路", "解放路", "中山路", "新华路", "和平路", "东门路", "学府路", "文化路", "工业路", "园岭街",
      "幸福街", "光明街", "振华路", "红荔路", "福华路", "莲花路", "新城路", "桂花路", "金田路", "海景路", "龙井路",
      "松园街", "宝华路", "翠竹路", "春风路", "爱国路", "东晓路", "布心路", "华富路", "梅林路", "景田路", "侨香路",
      "沙河街", "南海大道", "科技路", "高新路", "创业路", "前海路", "兴华路", "新安路", "民治大道", "观澜大道",
      "龙城大道", "坪山大道", "葵涌路", "盐田路", "明珠街"};

  private final long n;
  private final SplittableRandom rng;
  private final PointSampler.Gaussian gauss = new PointSampler.Gaussian();
  private final PointSampler points;
  private final String[] districtNames;

  // families: index -> kind, intensity over the year
  private final Family[] kinds;
  private final double[][] profile;
  private final int[] anchorCategory;
  private final PointSampler.Anchors[] anchorClouds;
  private final double[] hourCum;

  private final PointSampler.Anchors busy;
  private final PointSampler.Anchors busyWide;
  private final PointSampler.Anchors busyOther;
  private final PointSampler.Anchors residential;
  private final PointSampler.Anchors residentialWide;
  private final PointSampler.Anchors sites;

  private final double[] vendorCum = CaseModel.cumulative(CaseModel.VENDOR_MIX);
  private final int[] vendorCat = indices(CaseModel.VENDOR_CODES);
  private final double[] parkingCum = CaseModel.cumulative(CaseModel.PARKING_MIX);
  private final int[] parkingCat = indices(CaseModel.PARKING_CODES);
  private final double[] advertCum = CaseModel.cumulative(CaseModel.ADVERT_MIX);
  private final int[] advertCat = indices(CaseModel.ADVERT_CODES);
  private final double[] constructionCum = CaseModel.cumulative(CaseModel.CONSTRUCTION_MIX);
  private final int[] constructionCat = indices(CaseModel.CONSTRUCTION_CODES);
  private final double[] garbageCum = CaseModel.cumulative(CaseModel.GARBAGE_MIX);
  private final int[] garbageCat = indices(CaseModel.GARBAGE_CODES);
  private final double[] otherCum = CaseModel.cumulative(CaseModel.STREET_OTHER_MIX);
  private final int[] otherCat = indices(CaseModel.STREET_OTHER_CODES);

  // streaming state
  private long emitted;
  private int hour = -1;
  private long hourEnd;
  private int inHour;
  private int[] seconds = new int[64];
  private final double[] familyCum;
  private final double[] xy = new double[2];

  public DemoCaseGenerator(DemoCity city, long seed, long n) {
    if (n < 0 || n > MAX_CASES) {
      throw new IllegalArgumentException("number of cases must be in 0.." + MAX_CASES + ", got " + n);
    }
    this.n = n;
    this.rng = new SplittableRandom(seed);
    this.points = new PointSampler(city, gauss);
    this.districtNames = city.districts().stream().map(DemoLayers.District::name).toArray(String[]::new);

    busy = PointSampler.Anchors.of(city.busyPlaces(), 1.0, DemoCaseGenerator::busyWeight);
    busyWide = PointSampler.Anchors.of(city.busyPlaces(), 1.5, DemoCaseGenerator::busyWeight);
    busyOther = PointSampler.Anchors.of(city.busyPlaces(), 2.0, DemoCaseGenerator::busyWeight);
    residential = PointSampler.Anchors.of(city.residentialBlocks(), 1.0, p -> 1.0);
    residentialWide = PointSampler.Anchors.of(city.residentialBlocks(), 2.0, p -> 1.0);
    sites = PointSampler.Anchors.of(city.constructionSites(), 1.0, p -> 1.0);

    List<TrendAnchor> anchors = city.trendAnchors();
    int nf = Family.values().length - 1 + anchors.size();
    kinds = new Family[nf];
    profile = new double[nf][];
    anchorCategory = new int[nf];
    anchorClouds = new PointSampler.Anchors[nf];
    int f = 0;
    for (Family k : Family.values()) {
      if (k == Family.ANCHOR) {
        continue;
      }
      kinds[f] = k;
      profile[f] = CaseModel.yearProfile(share(k), d -> CaseModel.dayFactor(k, d), CaseModel.hours(k));
      f++;
    }
    for (TrendAnchor a : anchors) {
      kinds[f] = Family.ANCHOR;
      profile[f] = CaseModel.yearProfile(CaseModel.SHARE_ANCHORS / anchors.size(),
          a::intensity, CaseModel.hoursForCategory(a.categoryCode()));
      anchorCategory[f] = CaseModel.category(a.categoryCode());
      anchorClouds[f] = PointSampler.Anchors.of(
          List.of(new Place("anchor", a.name(), "", a.lon(), a.lat(), a.spreadM())), 1.0, p -> 1.0);
      f++;
    }
    hourCum = new double[HOURS];
    double acc = 0;
    double total = 0;
    for (double[] p : profile) {
      for (double v : p) {
        total += v;
      }
    }
    for (int h = 0; h < HOURS; h++) {
      for (double[] p : profile) {
        acc += p[h];
      }
      hourCum[h] = acc / total;
    }
    hourCum[HOURS - 1] = 1.0;
    familyCum = new double[nf];
  }

  /** The cases as a sequential, ordered stream. */
  public static Stream<DemoCase> stream(DemoCity city, long seed, long n) {
    DemoCaseGenerator g = new DemoCaseGenerator(city, seed, n);
    return StreamSupport.stream(Spliterators.spliterator(g, n,
        Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE | Spliterator.DISTINCT), false);
  }

  public long size() {
    return n;
  }

  private static double share(Family k) {
    return switch (k) {
      case VENDOR -> CaseModel.SHARE_VENDOR;
      case PARKING -> CaseModel.SHARE_PARKING;
      case ADVERT -> CaseModel.SHARE_ADVERT;
      case CONSTRUCTION -> CaseModel.SHARE_CONSTRUCTION;
      case GARBAGE -> CaseModel.SHARE_GARBAGE;
      case STREET_OTHER -> CaseModel.SHARE_STREET_OTHER;
      case BACKGROUND -> CaseModel.SHARE_BACKGROUND;
      case ANCHOR -> CaseModel.SHARE_ANCHORS;
    };
  }

  private static double busyWeight(Place p) {
    return switch (p.kind()) {
      case "street" -> 1.5;
      case "market" -> 1.2;
      default -> 1.0;
    };
  }

  private static int[] indices(String[] codes) {
    return Arrays.stream(codes).mapToInt(CaseModel::category).toArray();
  }

  @Override
  public boolean hasNext() {
    return emitted < n;
  }

  @Override
  public DemoCase next() {
    if (emitted >= n) {
      throw new NoSuchElementException();
    }
    while (emitted >= hourEnd) {
      startHour(hour + 1);
    }
    int sec = seconds[inHour++];
    long reported = CaseModel.START_EPOCH + hour * 3600L + sec;
    int f = CaseModel.pick(familyCum, rng.nextDouble());
    int category;
    int district;
    switch (kinds[f]) {
      case VENDOR -> {
        category = vendorCat[CaseModel.pick(vendorCum, rng.nextDouble())];
        district = points.aroundAnchor(busy, rng, xy);
      }
      case PARKING -> {
        int c = CaseModel.pick(parkingCum, rng.nextDouble());
        category = parkingCat[c];
        double onRoad = c == 0 ? 0.9 : 0.5;
        district = rng.nextDouble() < onRoad ? points.alongRoad(rng, xy) : points.aroundAnchor(busy, rng, xy);
      }
      case ADVERT -> {
        category = advertCat[CaseModel.pick(advertCum, rng.nextDouble())];
        district = points.aroundAnchor(residential, rng, xy);
      }
      case CONSTRUCTION -> {
        category = constructionCat[CaseModel.pick(constructionCum, rng.nextDouble())];
        district = rng.nextDouble() < 0.65 ? points.aroundAnchor(sites, rng, xy)
            : points.aroundAnchor(residentialWide, rng, xy);
      }
      case GARBAGE -> {
        category = garbageCat[CaseModel.pick(garbageCum, rng.nextDouble())];
        double u = rng.nextDouble();
        district = u < 0.5 ? points.aroundAnchor(residential, rng, xy)
            : u < 0.8 ? points.aroundAnchor(busyWide, rng, xy) : points.uniform(rng, xy);
      }
      case STREET_OTHER -> {
        category = otherCat[CaseModel.pick(otherCum, rng.nextDouble())];
        district = rng.nextDouble() < 0.6 ? points.aroundAnchor(busyOther, rng, xy)
            : points.aroundAnchor(residential, rng, xy);
      }
      case BACKGROUND -> {
        category = rng.nextInt(CATEGORIES.length);
        district = points.uniform(rng, xy);
      }
      default -> {
        category = anchorCategory[f];
        district = points.aroundAnchor(anchorClouds[f], rng, xy);
      }
    }
    emitted++;
    return lifecycle(caseNo(emitted), category, reported, xy[0], xy[1], address(district, xy[0], xy[1]));
  }

  private void startHour(int h) {
    if (h >= HOURS) {
      throw new IllegalStateException("ran past the end of the year");
    }
    hour = h;
    long end = h == HOURS - 1 ? n : Math.min(n, Math.round(n * hourCum[h]));
    int k = (int) (end - hourEnd);
    hourEnd = end;
    inHour = 0;
    if (k > seconds.length) {
      seconds = new int[Math.max(k, seconds.length * 2)];
    }
    for (int i = 0; i < k; i++) {
      seconds[i] = rng.nextInt(3600);
    }
    Arrays.sort(seconds, 0, k);
    double acc = 0;
    for (int f = 0; f < profile.length; f++) {
      acc += profile[f][h];
      familyCum[f] = acc;
    }
    for (int f = 0; f < familyCum.length; f++) {
      familyCum[f] = acc == 0 ? 1 : familyCum[f] / acc;
    }
    familyCum[familyCum.length - 1] = 1.0;
  }

  private DemoCase lifecycle(String caseNo, int category, long reported, double lon, double lat, String address) {
    String source = CaseModel.SOURCES[CaseModel.pick(CaseModel.SOURCE_CUM[category], rng.nextDouble())];
    String status = CaseModel.STATUSES[CaseModel.pick(CaseModel.STATUS_CUM, rng.nextDouble())];
    long limit = CaseModel.LIMIT_SECONDS[category];
    long closed = -1;
    if (status.equals(CaseModel.CLOSED)) {
      double z = gauss.next(rng);
      long dur = Math.max(180, (long) (limit * StrictMath.exp(CaseModel.DURATION_MU + CaseModel.DURATION_SIGMA * z)));
      closed = reported + dur;
      if (closed > CaseModel.END_EPOCH) {
        status = CaseModel.HANDLED;
        closed = -1;
      }
    }
    long deadline = reported + (status.equals(CaseModel.EXTENDED) ? 2 * limit : limit);
    return new DemoCase(caseNo, CATEGORIES[category], source, status, time(reported),
        closed < 0 ? null : time(closed), time(deadline), lon, lat, address, 1.0);
  }

  private static OffsetDateTime time(long epochSecond) {
    return OffsetDateTime.of(LocalDateTime.ofEpochSecond(epochSecond, 0, CaseModel.OFFSET), CaseModel.OFFSET);
  }

  private static String caseNo(long seq) {
    char[] c = {'S', 'Z', '2', '0', '2', '5', '0', '0', '0', '0', '0', '0', '0', '0'};
    for (int i = c.length - 1; seq > 0; i--) {
      c[i] = (char) ('0' + seq % 10);
      seq /= 10;
    }
    return new String(c);
  }

  /** Same street for points in the same ~150 m cell, whatever the seed; 3 % of cases have no address. */
  private String address(int district, double lon, double lat) {
    if (district < 0 || rng.nextInt(100) < 3) {
      return null;
    }
    long cx = (long) Math.floor(lon / 0.0015);
    long cy = (long) Math.floor(lat / 0.0015);
    long h = mix(cx * 0x9E3779B97F4A7C15L ^ cy);
    String street = STREETS[(int) Long.remainderUnsigned(h, STREETS.length)];
    int no = 1 + (int) ((h >>> 33) % 300) + 2 * rng.nextInt(5);
    return districtNames[district] + street + no + "号";
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
