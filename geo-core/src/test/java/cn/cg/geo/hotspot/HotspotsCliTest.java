package cn.cg.geo.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotspotsCliTest {

  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return HotspotsCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path input(String... lines) throws IOException {
    return Files.write(dir.resolve("cells.csv"), List.of(lines));
  }

  @Test
  void writesTheSameNumbersAsTheLibrary() throws IOException {
    Map<Long, Double> values = TestGrid.disk(3, c -> TestGrid.distance(c) <= 1 ? 9.0 : TestGrid.noise(c, 4));
    StringBuilder csv = new StringBuilder("h3,value\n");
    values.forEach((c, v) -> csv.append(H3Grid.core().h3ToString(c)).append(',').append(v).append('\n'));
    Path in = Files.writeString(dir.resolve("cells.csv"), csv);
    Path result = dir.resolve("out.csv");

    assertThat(run("--input", in.toString(), "--k", "1", "--kernel", "quartic", "--fdr", "--out", result.toString()))
        .as(err()).isZero();

    List<String> lines = Files.readAllLines(result);
    assertThat(lines.get(0)).isEqualTo("h3,value,z,p,bin");
    assertThat(lines).hasSize(values.size() + 1);
    List<HotspotCell> expected = GiStar.analyse(values, HotspotOptions.ofK(1).withKernel(Kernel.QUARTIC).withFdr(true));
    for (int i = 0; i < expected.size(); i++) {
      String[] f = lines.get(i + 1).split(",");
      HotspotCell e = expected.get(i);
      assertThat(f[0]).isEqualTo(H3Grid.core().h3ToString(e.cell()));
      assertThat(Double.parseDouble(f[2])).isCloseTo(e.z(), within(0.0));
      assertThat(Double.parseDouble(f[3])).isCloseTo(e.p(), within(0.0));
      assertThat(Integer.parseInt(f[4])).isEqualTo(e.bin());
    }
    assertThat(lines.get(1).split(",")[4]).isEqualTo("3");
  }

  @Test
  void autoScaleAndPermutationsAddAReasonAndAColumn() throws IOException {
    Map<Long, Double> values = TestGrid.disk(4, c -> TestGrid.distance(c) <= 1 ? 9.0 : TestGrid.noise(c, 5));
    StringBuilder csv = new StringBuilder("h3,value\n");
    values.forEach((c, v) -> csv.append(H3Grid.core().h3ToString(c)).append(',').append(v).append('\n'));
    Path in = Files.writeString(dir.resolve("cells.csv"), csv);
    Path result = dir.resolve("out.csv");
    assertThat(run("--input", in.toString(), "--k", "auto", "--permutations", "99", "--seed", "3",
        "--out", result.toString())).as(err()).isZero();
    assertThat(err()).startsWith("auto scale: k=");
    assertThat(Files.readAllLines(result).get(0)).isEqualTo("h3,value,z,p,bin,pseudo_p");
  }

  @Test
  void badInputNamesTheLineAndExitsWith2() throws IOException {
    String a = H3Grid.core().h3ToString(TestGrid.ORIGIN);
    String b = H3Grid.core().h3ToString(H3Grid.core().gridDisk(TestGrid.ORIGIN, 1).get(1));
    String coarse = H3Grid.core().h3ToString(H3Grid.core().cellToParent(TestGrid.ORIGIN, 8));
    String[][] cases = {
        {"cells.csv:3: 'zzz' is not a valid H3 cell", "h3,value", a + ",1", "zzz,2"},
        {"cells.csv:3: value 'x' is not a number", "h3,value", a + ",1", b + ",x"},
        {"cells.csv:3: value 'NaN' is not finite", "h3,value", a + ",1", b + ",NaN"},
        {"cells.csv:4: cell " + a + " already given on line 2", "h3,value", a + ",1", b + ",2", a + ",3"},
        {"cells.csv:2: expected 2 fields 'h3,value', found 3", "h3,value", a + ",1,2"},
        {"cells.csv:1: expected the header 'h3,value'", "cell,count", a + ",1"},
        {"cells.csv:3: cell " + coarse + " has resolution 8", "h3,value", a + ",1", coarse + ",1"},
        {"cells.csv:1: no cells after the header", "h3,value"},
    };
    for (String[] c : cases) {
      err.reset();
      Path in = input(java.util.Arrays.copyOfRange(c, 1, c.length));
      assertThat(run("--input", in.toString(), "--k", "1", "--out", dir.resolve("o.csv").toString()))
          .as(c[0]).isEqualTo(2);
      assertThat(err()).as(c[0]).contains(c[0]);
    }
  }

  @Test
  void badArgumentsExitWith2() throws IOException {
    Path in = input("h3,value", H3Grid.core().h3ToString(TestGrid.ORIGIN) + ",1");
    assertThat(run("--input", in.toString(), "--out", "x.csv")).isEqualTo(2);
    assertThat(err()).contains("--k is required").contains("usage:");
    err.reset();
    assertThat(run("--input", in.toString(), "--k", "0", "--out", "x.csv")).isEqualTo(2);
    assertThat(err()).contains("--k must be a positive integer");
    err.reset();
    assertThat(run("--input", in.toString(), "--k", "1", "--kernel", "box", "--out", "x.csv")).isEqualTo(2);
    assertThat(err()).contains("unknown kernel 'box'");
    err.reset();
    assertThat(run("--input", dir.resolve("missing.csv").toString(), "--k", "1", "--out", "x.csv")).isEqualTo(2);
    assertThat(err()).contains("no such file");
    err.reset();
    assertThat(run("--bogus")).isEqualTo(2);
    assertThat(err()).contains("unknown argument '--bogus'");
  }
}
