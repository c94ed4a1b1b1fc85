package cn.cg.geo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectCsvTest {
  static DemoCity city;

  @BeforeAll
  static void build() {
    city = DemoCity.shenzhen(DemoCity.DEFAULT_SEED);
  }

  @Test
  void formatsOneCaseExactly() {
    DemoCase c = new DemoCase("SZ202500000007", "0501", "patrol", "closed",
        OffsetDateTime.parse("2025-03-01T18:22:00+08:00"), OffsetDateTime.parse("2025-03-01T19:05:09+08:00"),
        OffsetDateTime.parse("2025-03-01T20:22:00+08:00"), 114.05, 22.5412345, "福田区兴华路12号", 1.0);
    assertThat(ProjectCsv.line(c)).isEqualTo("SZ202500000007,0501,patrol,closed,2025-03-01T18:22:00+08:00,"
        + "2025-03-01T19:05:09+08:00,2025-03-01T20:22:00+08:00,114.0500000,22.5412345,福田区兴华路12号,1.0");
  }

  @Test
  void emptyFieldForNullAndRfc4180QuotingWhereNeeded() {
    DemoCase c = new DemoCase("SZ1", "0505", "camera", "dispatched", OffsetDateTime.parse("2025-12-31T23:59:59+08:00"),
        null, OffsetDateTime.parse("2026-01-01T23:59:59+08:00"), 113.9, 22.5, "南山区\"科技\"路,1号", 2.5);
    assertThat(ProjectCsv.line(c)).isEqualTo("SZ1,0505,camera,dispatched,2025-12-31T23:59:59+08:00,,"
        + "2026-01-01T23:59:59+08:00,113.9000000,22.5000000,\"南山区\"\"科技\"\"路,1号\",2.5");
    DemoCase noAddress = new DemoCase("SZ2", "0505", "camera", "void", c.reportedAt(), null, c.deadlineAt(),
        -0.00000006, -0.00000004, null, 1.0);
    assertThat(ProjectCsv.line(noAddress)).endsWith(",-0.0000001,0.0000000,,1.0");
  }

  @Test
  void headerAndOneLinePerCaseWithCoordinatesThatRoundTrip() throws IOException {
    List<DemoCase> cases = DemoCaseGenerator.stream(city, 5, 2_000).toList();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    assertThat(ProjectCsv.write(cases.iterator(), bytes)).isEqualTo(2_000);
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0)).isEqualTo(
        "case_no,category_code,source,status,reported_at,closed_at,deadline_at,lon,lat,address,weight");
    assertThat(lines).hasSize(2_001);
    for (int i = 0; i < cases.size(); i++) {
      String[] f = lines.get(i + 1).split(",", -1);
      assertThat(f).hasSize(11);
      DemoCase c = cases.get(i);
      assertThat(f[0]).isEqualTo(c.caseNo());
      assertThat(OffsetDateTime.parse(f[4])).isEqualTo(c.reportedAt());
      assertThat(f[4]).matches("2025-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
      assertThat(f[5].isEmpty()).isEqualTo(c.closedAt() == null);
      assertThat(f[7]).matches("1\\d\\d\\.\\d{7}");
      assertThat(f[8]).matches("22\\.\\d{7}");
      assertThat(Double.parseDouble(f[7])).isEqualTo(c.lon());
      assertThat(Double.parseDouble(f[8])).isEqualTo(c.lat());
    }
  }

  @Test
  void sameSeedSameBytesOtherSeedOtherBytes() throws Exception {
    String a = sha256(DemoCity.DEFAULT_SEED, 30_000);
    String b = sha256(DemoCity.DEFAULT_SEED, 30_000);
    String other = sha256(DemoCity.DEFAULT_SEED + 1, 30_000);
    assertThat(a).isEqualTo(b).isNotEqualTo(other);
  }

  /** Golden row: changes only when the model changes on purpose (then update it and docs/demo-city.md). */
  @Test
  void firstRowOfTheDefaultSeedIsPinned() {
    DemoCase first = new DemoCaseGenerator(city, DemoCity.DEFAULT_SEED, 20).next();
    assertThat(ProjectCsv.line(first)).isEqualTo("SZ202500000001,0504,camera,closed,2025-01-10T21:11:39+08:00,"
        + "2025-01-10T23:57:00+08:00,2025-01-10T23:11:39+08:00,114.2529639,22.6420081,龙岗区盐田路189号,1.0");
  }

  private static String sha256(long seed, int n) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    // a fresh city each time: the layout is part of what must be reproducible
    ProjectCsv.write(new DemoCaseGenerator(DemoCity.shenzhen(seed), seed, n), bytes);
    return HexFormat.of().formatHex(md.digest(bytes.toByteArray()));
  }

  @Test
  void commandWritesTheFileAndRejectsBadArguments(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("cases.csv");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = GenerateCommand.run(new String[] {"--cases", "500", "--seed", "9", "--out", out.toString()},
        OutputStreamNull.INSTANCE, new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(501);
    assertThat(lines.get(0)).isEqualTo(ProjectCsv.HEADER);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("wrote 500 cases");

    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    assertThat(GenerateCommand.run(new String[] {"--seed", "9", "--cases", "500"}, stdout,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).isZero();
    assertThat(stdout.toString(StandardCharsets.UTF_8).lines().toList()).isEqualTo(lines);

    for (String[] bad : List.of(new String[] {}, new String[] {"--cases"}, new String[] {"--cases", "ten"},
        new String[] {"--cases", "-5"}, new String[] {"--cases", "5", "--color", "red"},
        new String[] {"--cases", "5", "--districts", dir.resolve("missing.geojson").toString()})) {
      ByteArrayOutputStream e = new ByteArrayOutputStream();
      assertThat(GenerateCommand.run(bad, OutputStreamNull.INSTANCE, new PrintStream(e, true, StandardCharsets.UTF_8)))
          .as(String.join(" ", bad)).isEqualTo(2);
      assertThat(e.toString(StandardCharsets.UTF_8)).startsWith("error: ").contains("usage: GenerateCommand --cases N");
    }
  }

  /** Discards output. */
  static final class OutputStreamNull extends java.io.OutputStream {
    static final OutputStreamNull INSTANCE = new OutputStreamNull();

    @Override
    public void write(int b) {}
  }
}
