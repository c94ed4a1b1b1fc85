package cn.cg.geo.hotspot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One golden case of {@code golden/cases.csv}: which input (points or a cell table), aggregated how, analysed how.
 * Adding an input is one line in that file (see the R script for regenerating the goldens).
 */
record GoldenCase(String name, String source, String latColumn, String lonColumn, int resolution,
    boolean hullFill, int k, Kernel kernel) {

  static final String MANIFEST = "/golden/cases.csv";

  static List<GoldenCase> all() {
    try (InputStream in = GoldenCase.class.getResourceAsStream(MANIFEST);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<GoldenCase> cases = new ArrayList<>();
      boolean header = true;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        String[] f = line.split(",");
        cases.add(new GoldenCase(f[0], f[1], f[2], f[3], Integer.parseInt(f[4]),
            f[5].equals("hull"), Integer.parseInt(f[6]), Kernel.parse(f[7])));
      }
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  HotspotOptions options() {
    return HotspotOptions.ofK(k).withKernel(kernel);
  }

  /**
   * The cells and values this case analyses: points counted into cells, or, when the lat/lon
   * columns are "-", a ready {@code h3,value} table in the CLI's input format.
   */
  CellValues cellValues() {
    Path file = repositoryRoot().resolve(source);
    if (latColumn.equals("-")) {
      try {
        return HotspotsCli.read(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return CellCounts.of(PointsCsv.read(file, latColumn, lonColumn), resolution, hullFill);
  }

  /** The rows (header skipped) of this case's golden file {@code golden/<name><suffix>}. */
  List<String[]> golden(String suffix) {
    String resource = "/golden/" + name + suffix;
    InputStream in = GoldenCase.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing " + resource + ": run src/test/r/localg_golden.R");
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return r.lines().skip(1).map(line -> line.split(",", -1)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return name;
  }

  /** The directory holding testdata/, found upwards from the working directory. */
  static Path repositoryRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("testdata"))) {
        return p;
      }
    }
    throw new IllegalStateException("no testdata/ directory above " + Path.of("").toAbsolutePath());
  }
}
