package cn.cg.geo.hotspot;

import cn.cg.geo.demo.DemoCaseGenerator;
import cn.cg.geo.demo.DemoCity;
import cn.cg.geo.demo.DemoLayers;
import cn.cg.geo.grid.H3Cells;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: writes the demo-city golden input {@code golden/inputs/demo-shenzhen-vendor-r8-cells.csv}
 * (runs only with {@code -Dgolden.demo=true}). The table is what the aggregation job would serve for
 * the same cases: 50,000 cases of {@code DemoCity.shenzhen(20250101)} with case seed 20250101, the
 * vendor-related ones (0501, 0503, 0504, 0510) counted into resolution-8 cells (finest cell, then
 * parent, as the job does), plus every resolution-8 cell whose boundary intersects a district with
 * value 0 (the job's study area, {@link H3Cells#cover}). Cells sorted by id.
 */
@EnabledIfSystemProperty(named = "golden.demo", matches = "true")
class DemoGoldenInput {

  static final long SEED = 20250101L;
  static final int CASES = 50_000;
  static final int RESOLUTION = 8;
  static final Set<String> VENDOR = Set.of("0501", "0503", "0504", "0510");
  static final Path OUT = GoldenCase.repositoryRoot()
      .resolve("geo-core/src/test/resources/golden/inputs/demo-shenzhen-vendor-r8-cells.csv");

  @Test
  void write() throws IOException {
    DemoCity city = DemoCity.shenzhen(SEED);
    Map<Long, Integer> counts = new TreeMap<>();
    for (DemoLayers.District d : city.districts()) {
      for (long cell : H3Cells.get().cover(d.geom(), RESOLUTION)) {
        counts.put(cell, 0);
      }
    }
    int study = counts.size();
    int vendor = 0;
    DemoCaseGenerator cases = new DemoCaseGenerator(city, SEED, CASES);
    while (cases.hasNext()) {
      var c = cases.next();
      if (VENDOR.contains(c.categoryCode())) {
        long cell = H3Cells.parentOf(H3Cells.finestCell(c.lat(), c.lon()), RESOLUTION);
        counts.merge(cell, 1, Integer::sum);
        vendor++;
      }
    }
    try (Writer w = Files.newBufferedWriter(OUT, StandardCharsets.UTF_8)) {
      w.write("h3,value\n");
      for (Map.Entry<Long, Integer> e : counts.entrySet()) {
        w.write(Long.toHexString(e.getKey()) + "," + e.getValue() + "\n");
      }
    }
    System.out.printf("%s: %d vendor cases of %d, %d study cells, %d cells in all%n", OUT, vendor, CASES,
        study, counts.size());
  }
}
