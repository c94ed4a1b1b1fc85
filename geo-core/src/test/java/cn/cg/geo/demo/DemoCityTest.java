package cn.cg.geo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

class DemoCityTest {
  static DemoCity city;
  static Geo.Districts districts;

  @BeforeAll
  static void build() {
    city = DemoCity.shenzhen(DemoCity.DEFAULT_SEED);
    districts = new Geo.Districts(city.districts());
  }

  @Test
  void readsTheTenShenzhenDistricts() throws Exception {
    assertThat(city.districts()).extracting(DemoLayers.District::name).containsExactlyInAnyOrder(
        "罗湖区", "福田区", "盐田区", "宝安区", "光明区", "坪山区", "龙华区", "南山区", "大鹏新区", "龙岗区");
    assertThat(city.districts()).allSatisfy(d -> {
      assertThat(d.geom().isValid()).isTrue();
      assertThat(d.geom().getSRID()).isEqualTo(4326);
    });
    DemoCity fromFile = DemoCity.load(Path.of("../testdata/shenzhen-districts.geojson"), DemoCity.DEFAULT_SEED);
    assertThat(fromFile.layers()).isEqualTo(city.layers());
  }

  @Test
  void layoutCountsMatchTheBrief() {
    assertThat(city.busyPlaces()).hasSizeBetween(40, 80);
    assertThat(city.roads()).hasSizeBetween(12, 18);
    assertThat(kinds(city.layers().exclusions(), DemoLayers.Exclusion::kind))
        .containsEntry("school", 60L).containsEntry("hospital", 25L).containsEntry("arterial_road", (long) city.roads().size());
    assertThat(kinds(city.layers().facilities(), DemoLayers.Facility::kind)).containsEntry("service_station", 30L)
        .containsKey("vendor_zone").containsKey("market");
    assertThat(kinds(city.layers().candidates(), DemoLayers.Candidate::kind))
        .containsEntry("service_station", 15L).containsEntry("vendor_zone", 15L);
    assertThat(city.emergingAnchors()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(city.fadingAnchors()).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void busyPlacesAreDenserInTheWesternCentreThanInDapengAndPingshan() {
    Map<String, Long> per = kinds(city.busyPlaces(), Place::district);
    long centre = per.getOrDefault("福田区", 0L) + per.getOrDefault("罗湖区", 0L) + per.getOrDefault("南山区", 0L);
    long east = per.getOrDefault("大鹏新区", 0L) + per.getOrDefault("坪山区", 0L);
    assertThat(centre).isGreaterThan(5 * east);
    // per km2 too, not only in absolute numbers: 福田 (about 79 km2) against 大鹏 (about 300 km2)
    assertThat(per.get("福田区") / area("福田区")).isGreaterThan(10 * per.get("大鹏新区") / area("大鹏新区"));
  }

  @Test
  void everyPointOfTheLayoutIsInsideTheDistrictItClaims() {
    for (Place p : Stream.of(city.busyPlaces(), city.residentialBlocks(), city.constructionSites())
        .flatMap(List::stream).toList()) {
      assertThat(districts.at(p.lon(), p.lat())).as(p.name()).isEqualTo(p.district());
    }
    city.layers().facilities().forEach(f -> assertThat(districts.at(f.lon(), f.lat())).as(f.name()).isNotNull());
    city.layers().candidates().forEach(c -> assertThat(districts.at(c.lon(), c.lat())).as(c.name()).isNotNull());
    city.trendAnchors().forEach(a -> assertThat(districts.at(a.lon(), a.lat())).as(a.name()).isNotNull());
    for (DemoLayers.Exclusion e : city.layers().exclusions()) {
      for (Coordinate c : e.geom().getCoordinates()) {
        assertThat(districts.at(c.x, c.y)).as(e.name()).isNotNull();
      }
    }
  }

  @Test
  void roadsCrossDistricts() {
    for (DemoCity.Road r : city.roads()) {
      Set<String> crossed = new HashSet<>();
      for (Coordinate c : r.geom().getCoordinates()) {
        crossed.add(districts.at(c.x, c.y));
      }
      assertThat(crossed).as(r.name()).hasSizeGreaterThanOrEqualTo(2);
      assertThat(r.geom().getLength()).as(r.name()).isGreaterThan(0.08); // degrees, roughly > 9 km
    }
  }

  @Test
  void candidatesKeepClearOfExclusionBuffers() {
    for (DemoLayers.Candidate c : city.layers().candidates()) {
      for (DemoLayers.Exclusion e : city.layers().exclusions()) {
        double d = e.geom() instanceof Point p ? Geo.haversine(c.lon(), c.lat(), p.getX(), p.getY())
            : Geo.toLine(c.lon(), c.lat(), (org.locationtech.jts.geom.LineString) e.geom());
        assertThat(d).as(c.name() + " vs " + e.name()).isGreaterThan(e.bufferM());
      }
    }
  }

  @Test
  void trendAnchorsStandApartFromBusyPlaces() {
    for (TrendAnchor a : city.trendAnchors()) {
      assertThat(Geo.nearest(a.lon(), a.lat(), city.busyPlaces())).as(a.name()).isGreaterThan(1_900);
    }
  }

  @Test
  void namesAreUniqueAndChinese() {
    List<String> names = Stream.of(
        city.layers().facilities().stream().map(DemoLayers.Facility::name),
        city.layers().candidates().stream().map(DemoLayers.Candidate::name),
        city.layers().exclusions().stream().filter(e -> !e.kind().equals("arterial_road")).map(DemoLayers.Exclusion::name),
        city.busyPlaces().stream().map(Place::name)).flatMap(Function.identity())
        .filter(n -> !n.endsWith("农贸市场")).toList(); // markets appear as busy places and as facilities
    assertThat(new HashSet<>(names)).hasSize(names.size());
    assertThat(city.layers().facilities()).anySatisfy(f -> assertThat(f.name()).matches("福田区.+驿站"));
  }

  @Test
  void sameSeedSameLayoutOtherSeedOtherLayout() {
    assertThat(DemoCity.shenzhen(DemoCity.DEFAULT_SEED).layers()).isEqualTo(city.layers());
    DemoCity other = DemoCity.shenzhen(7);
    assertThat(other.busyPlaces()).isNotEqualTo(city.busyPlaces());
    assertThat(other.busyPlaces()).hasSize(city.busyPlaces().size());
  }

  private static double area(String district) {
    // degrees^2 to km2 at 22.6 N
    return city.districts().stream().filter(d -> d.name().equals(district)).findFirst().orElseThrow()
        .geom().getArea() * 111.32 * 111.32 * Math.cos(Math.toRadians(22.6));
  }

  private static <T> Map<String, Long> kinds(List<T> items, Function<T, String> key) {
    return items.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
  }
}
