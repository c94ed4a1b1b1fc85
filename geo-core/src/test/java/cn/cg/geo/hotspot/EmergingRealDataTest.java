package cn.cg.geo.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Emerging hot spots on the real SF incidents of December 2018, by week, at resolution 8. */
class EmergingRealDataTest {

  @Test
  void theTenderloinIsHotEveryWeekAndTheAnalysisCoversEveryCell() {
    List<String[]> rows = PointsCsv.columns(GoldenCase.repositoryRoot().resolve(
        "testdata/sf-police-incidents-2018-12.csv"), "Incident Date", "Latitude", "Longitude");
    CellValues area = CellCounts.of(PointsCsv.read(GoldenCase.repositoryRoot().resolve(
        "testdata/sf-police-incidents-2018-12.csv"), "Latitude", "Longitude"), 8, true);
    List<Map<Long, Double>> weeks = new ArrayList<>();
    for (int w = 0; w < 5; w++) {
      Map<Long, Double> zeros = new TreeMap<>();
      for (long cell : area.area().cells()) {
        zeros.put(cell, 0.0);
      }
      weeks.add(zeros);
    }
    for (String[] r : rows) {
      if (r[1].isBlank() || r[2].isBlank()) {
        continue;
      }
      int day = Integer.parseInt(r[0].substring(8, 10)); // 2018/12/dd
      long cell = H3Grid.core().latLngToCell(Double.parseDouble(r[1]), Double.parseDouble(r[2]), 8);
      weeks.get(Math.min(4, (day - 1) / 7)).merge(cell, 1.0, Double::sum);
    }

    List<EmergingCell> cells = EmergingHotSpots.analyse(weeks, 1);
    assertThat(cells).hasSize(area.size());
    long tenderloin = H3Grid.core().latLngToCell(37.7840, -122.4140, 8);
    EmergingCell t = cells.stream().filter(c -> c.cell() == tenderloin).findFirst().orElseThrow();
    assertThat(t.states()).containsOnly(1);
    assertThat(t.pattern().code()).isBetween(3, 5);
    // Most of the filled hull (parks, the bay shore, zero-count cells) shows no hot pattern.
    long hot = cells.stream().filter(c -> c.pattern().code() > 0).count();
    assertThat(hot).isPositive().isLessThan(cells.size() / 2);
  }
}
