package cn.cg.geo.hotspot;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Not a test: the exporter that feeds {@code src/test/r/localg_golden.R}. Runs only with
 * {@code -Dgolden.export=true}; writes, per case, {@code target/golden-input/<case>/cells.csv}
 * (id, h3, value) and {@code pairs.csv} (i, j, d: every ordered pair of distinct cells within grid
 * distance k, 1-based ids). The grid distances come straight from H3 here, not from
 * {@link SpatialWeights}, and R turns them into kernel weights with its own formulas.
 */
@EnabledIfSystemProperty(named = "golden.export", matches = "true")
class GoldenExport {

  static final Path OUT = Path.of("target", "golden-input");

  static List<GoldenCase> cases() {
    return GoldenCase.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void export(GoldenCase c) throws IOException {
    CellValues data = c.cellValues();
    StudyArea area = data.area();
    Path dir = Files.createDirectories(OUT.resolve(c.name()));
    try (Writer w = Files.newBufferedWriter(dir.resolve("cells.csv"), StandardCharsets.UTF_8)) {
      w.write("id,h3,value\n");
      for (int i = 0; i < area.size(); i++) {
        w.write((i + 1) + "," + H3Grid.core().h3ToString(area.cell(i)) + ","
            + String.format(Locale.ROOT, "%.17g", data.value(i)) + "\n");
      }
    }
    try (Writer w = Files.newBufferedWriter(dir.resolve("pairs.csv"), StandardCharsets.UTF_8)) {
      w.write("i,j,d\n");
      for (int i = 0; i < area.size(); i++) {
        List<List<Long>> rings = H3Grid.core().gridDiskDistances(area.cell(i), c.k());
        for (int d = 1; d < rings.size(); d++) {
          for (long cell : rings.get(d)) {
            int j = area.indexOf(cell);
            if (j >= 0) {
              w.write((i + 1) + "," + (j + 1) + "," + d + "\n");
            }
          }
        }
      }
    }
  }
}
