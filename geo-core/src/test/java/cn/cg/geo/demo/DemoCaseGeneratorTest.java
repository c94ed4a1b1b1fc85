package cn.cg.geo.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoCaseGeneratorTest {
  static final int N = 150_000;
  static final Set<String> VENDOR = Set.of("0501", "0503", "0504", "0510");
  static DemoCity city;
  static List<DemoCase> cases;

  @BeforeAll
  static void generate() {
    city = DemoCity.shenzhen(DemoCity.DEFAULT_SEED);
    cases = DemoCaseGenerator.stream(city, 42, N).toList();
  }

  @Test
  void producesExactlyNCasesInTimeOrderWithSequentialNumbers() {
    assertThat(cases).hasSize(N);
    assertThat(cases.get(0).caseNo()).isEqualTo("SZ202500000001");
    assertThat(cases.get(N - 1).caseNo()).isEqualTo("SZ2025" + String.format("%08d", N));
    assertThat(cases.stream().map(DemoCase::caseNo).distinct().count()).isEqualTo(N);
    for (int i = 1; i < N; i++) {
      assertThat(cases.get(i).reportedAt()).isAfterOrEqualTo(cases.get(i - 1).reportedAt());
    }
    assertThat(cases).allSatisfy(c -> {
      assertThat(c.reportedAt().getYear()).isEqualTo(2025);
      assertThat(c.reportedAt().getOffset()).isEqualTo(ZoneOffset.ofHours(8));
    });
    assertThat(DemoCaseGenerator.stream(city, 42, 0).count()).isZero();
    assertThatThrownBy(() -> new DemoCaseGenerator(city, 1, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyCaseIsInsideADistrictAndItsAddressNamesThatDistrict() {
    Geo.Districts d = new Geo.Districts(city.districts());
    long withAddress = 0;
    for (DemoCase c : cases) {
      String at = d.at(c.lon(), c.lat());
      assertThat(at).as(c.caseNo()).isNotNull();
      if (c.address() != null) {
        assertThat(c.address()).startsWith(at).endsWith("号");
        withAddress++;
      }
    }
    assertThat(withAddress / (double) N).isBetween(0.95, 0.99);
  }

  @Test
  void categoriesAreThoseOfTheCategoryTableAndAllAppear() throws IOException {
    Set<String> known = Files.readAllLines(Path.of("../testdata/event-categories.csv")).stream().skip(1)
        .map(l -> l.substring(0, l.indexOf(','))).collect(Collectors.toSet());
    Set<String> seen = cases.stream().map(DemoCase::categoryCode).collect(Collectors.toSet());
    assertThat(seen).isEqualTo(known);
  }

  @Test
  void vendorCasesClusterNearBusyPlacesInTheEvening() {
    List<DemoCase> vendors = select(c -> VENDOR.contains(c.categoryCode()));
    assertThat(vendors.size() / (double) N).isBetween(0.25, 0.40);
    double[] dist = vendors.stream().limit(5_000)
        .mapToDouble(c -> Geo.nearest(c.lon(), c.lat(), city.busyPlaces())).toArray();
    assertThat(Geo.median(dist)).isLessThan(500);
    long evening = vendors.stream().filter(c -> c.reportedAt().getHour() >= 18).count();
    assertThat(evening / (double) vendors.size()).isGreaterThan(0.5);
    // other street-order cases (wider clouds, half of them at residential blocks) lie farther out
    double[] background = select(c -> c.categoryCode().equals("0511")).stream().limit(2_000)
        .mapToDouble(c -> Geo.nearest(c.lon(), c.lat(), city.busyPlaces())).toArray();
    assertThat(Geo.median(background)).isGreaterThan(Geo.median(dist));
  }

  @Test
  void vendorsPeakOnWeekendsAndInSummer() {
    List<DemoCase> vendors = select(c -> VENDOR.contains(c.categoryCode()));
    // per day, so the number of such days does not matter; Saturdays and Sundays of ordinary weeks
    double weekend = perDay(vendors, c -> c.reportedAt().getDayOfWeek().getValue() >= 6, 104);
    double midweek = perDay(vendors, c -> c.reportedAt().getDayOfWeek() == DayOfWeek.TUESDAY
        || c.reportedAt().getDayOfWeek() == DayOfWeek.WEDNESDAY, 105);
    assertThat(weekend).isGreaterThan(1.2 * midweek);
    double summer = perDay(vendors, c -> Set.of(Month.JUNE, Month.JULY, Month.AUGUST).contains(c.reportedAt().getMonth()), 92);
    double winter = perDay(vendors, c -> Set.of(Month.NOVEMBER, Month.DECEMBER).contains(c.reportedAt().getMonth()), 61);
    assertThat(summer).isGreaterThan(1.3 * winter);
  }

  @Test
  void parkingLinesTheRoadsOnWeekdayDaytime() {
    List<DemoCase> cars = select(c -> c.categoryCode().equals("0505"));
    double[] dist = cars.stream().limit(4_000).mapToDouble(c -> city.roads().stream()
        .mapToDouble(r -> Geo.toLine(c.lon(), c.lat(), r.geom())).min().orElseThrow()).toArray();
    assertThat(Geo.median(dist)).isLessThan(60);
    List<DemoCase> parking = select(c -> Set.of("0505", "0506").contains(c.categoryCode()));
    long daytime = parking.stream().filter(c -> c.reportedAt().getHour() >= 7 && c.reportedAt().getHour() < 19).count();
    assertThat(daytime / (double) parking.size()).isGreaterThan(0.7);
    double weekday = perDay(parking, c -> c.reportedAt().getDayOfWeek().getValue() <= 5, 261);
    double weekend = perDay(parking, c -> c.reportedAt().getDayOfWeek().getValue() >= 6, 104);
    assertThat(weekday).isGreaterThan(1.4 * weekend);
    long camera = parking.stream().filter(c -> c.source().equals("camera")).count();
    assertThat(camera / (double) parking.size()).isGreaterThan(0.5);
  }

  @Test
  void advertsSitNearResidentialBlocks() {
    double[] dist = select(c -> c.categoryCode().startsWith("02")).stream().limit(4_000)
        .mapToDouble(c -> Geo.nearest(c.lon(), c.lat(), city.residentialBlocks())).toArray();
    assertThat(Geo.median(dist)).isLessThan(600);
  }

  @Test
  void emergingAnchorsGrowAndFadingAnchorsDisappear() {
    for (TrendAnchor a : city.emergingAnchors()) {
      long q1 = near(a, Month.JANUARY, Month.MARCH);
      long q4 = near(a, Month.OCTOBER, Month.DECEMBER);
      assertThat(q4).as(a.name()).isGreaterThan(500).isGreaterThan(10 * Math.max(q1, 1));
    }
    for (TrendAnchor a : city.fadingAnchors()) {
      long q1 = near(a, Month.JANUARY, Month.MARCH);
      long q4 = near(a, Month.OCTOBER, Month.DECEMBER);
      assertThat(q1).as(a.name()).isGreaterThan(500).isGreaterThan(10 * Math.max(q4, 1));
    }
  }

  @Test
  void lifecycleSharesAreSane() {
    Map<String, Long> status = cases.stream().collect(Collectors.groupingBy(DemoCase::status, Collectors.counting()));
    assertThat(status.keySet()).containsExactlyInAnyOrder("reported", "registered", "dispatched", "handled",
        "verified", "closed", "suspended", "extended", "reworked", "void");
    assertThat(status.get("closed") / (double) N).isBetween(0.75, 0.85);
    for (String side : List.of("suspended", "extended", "reworked", "void")) {
      assertThat(status.get(side) / (double) N).as(side).isBetween(0.005, 0.05);
    }
    Map<String, Long> source = cases.stream().collect(Collectors.groupingBy(DemoCase::source, Collectors.counting()));
    assertThat(source.keySet()).containsExactlyInAnyOrder("patrol", "hotline", "camera", "app", "other");
    List<DemoCase> noise = select(c -> Set.of("0301", "0508").contains(c.categoryCode()));
    assertThat(noise.stream().filter(c -> c.source().equals("hotline")).count() / (double) noise.size()).isGreaterThan(0.6);
  }

  @Test
  void closingTimesAndDeadlinesFollowTheCategoryLimits() {
    long closed = 0;
    long onTime = 0;
    for (DemoCase c : cases) {
      assertThat(c.closedAt() != null).as(c.caseNo()).isEqualTo(c.status().equals("closed"));
      if (c.closedAt() != null) {
        closed++;
        assertThat(c.closedAt()).isAfterOrEqualTo(c.reportedAt());
        assertThat(c.closedAt().getYear()).isEqualTo(2025);
        onTime += c.closedAt().isAfter(c.deadlineAt()) ? 0 : 1;
      }
      Duration limit = Duration.between(c.reportedAt(), c.deadlineAt());
      long factor = c.status().equals("extended") ? 2 : 1;
      switch (c.categoryCode()) {
        case "0501", "0503", "0504", "0510" -> assertThat(limit).isEqualTo(Duration.ofHours(2 * factor));
        case "0505", "0506" -> assertThat(limit).isEqualTo(Duration.ofHours(24 * factor));
        case "0101", "0301", "0302", "0304" -> assertThat(limit).isEqualTo(Duration.ofDays(3 * factor));
        default -> assertThat(limit).isPositive();
      }
    }
    assertThat(onTime / (double) closed).isCloseTo(0.85, within(0.03));
    double[] hours = cases.stream().filter(c -> c.closedAt() != null)
        .mapToDouble(c -> Duration.between(c.reportedAt(), c.closedAt()).toMinutes() / 60.0).toArray();
    assertThat(Geo.median(hours)).isBetween(0.3, 24.0);
  }

  private static long near(TrendAnchor a, Month from, Month to) {
    return cases.stream().filter(c -> c.categoryCode().equals(a.categoryCode()))
        .filter(c -> c.reportedAt().getMonthValue() >= from.getValue() && c.reportedAt().getMonthValue() <= to.getValue())
        .filter(c -> Geo.haversine(c.lon(), c.lat(), a.lon(), a.lat()) < 500).count();
  }

  private static double perDay(List<DemoCase> list, Predicate<DemoCase> when, int days) {
    return list.stream().filter(when).count() / (double) days;
  }

  private static List<DemoCase> select(Predicate<DemoCase> p) {
    return cases.stream().filter(p).toList();
  }

}
