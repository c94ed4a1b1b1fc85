package cn.cg.geo.demo;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code java cn.cg.geo.demo.GenerateCommand --cases N [--seed S] [--out FILE] [--districts PATH]}: writes N
 * demo cases as project CSV. The seed drives both the city layout and the cases. Bad arguments: a message
 * on stderr and exit status 2; I/O failure: exit status 1.
 */
public final class GenerateCommand {
  static final String USAGE = "usage: GenerateCommand --cases N [--seed S (default " + DemoCity.DEFAULT_SEED
      + ")] [--out FILE (default stdout)] [--districts GEOJSON (default: bundled Shenzhen districts)]";

  private GenerateCommand() {}

  public static void main(String[] args) {
    int status;
    try (OutputStream stdout = new FileOutputStream(FileDescriptor.out)) {
      status = run(args, stdout, System.err);
    } catch (IOException e) {
      System.err.println("error: " + e.getMessage());
      status = 1;
    }
    System.exit(status);
  }

  /** Options after parsing. */
  record Options(long cases, long seed, Path out, Path districts) {}

  /** Parses args; throws IllegalArgumentException with a user-facing message. */
  static Options parse(String[] args) {
    Long cases = null;
    long seed = DemoCity.DEFAULT_SEED;
    Path out = null;
    Path districts = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-h") || a.equals("--help")) {
        throw new IllegalArgumentException("help");
      }
      if (!a.equals("--cases") && !a.equals("--seed") && !a.equals("--out") && !a.equals("--districts")) {
        throw new IllegalArgumentException("unknown argument: " + a);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(a + " needs a value");
      }
      String v = args[++i];
      switch (a) {
        case "--cases" -> {
          cases = parseLong(a, v);
          if (cases < 0 || cases > DemoCaseGenerator.MAX_CASES) {
            throw new IllegalArgumentException("--cases must be in 0.." + DemoCaseGenerator.MAX_CASES + ", got " + v);
          }
        }
        case "--seed" -> seed = parseLong(a, v);
        case "--out" -> out = Path.of(v);
        default -> {
          districts = Path.of(v);
          if (!Files.isReadable(districts)) {
            throw new IllegalArgumentException("--districts: cannot read " + v);
          }
        }
      }
    }
    if (cases == null) {
      throw new IllegalArgumentException("--cases N is required");
    }
    return new Options(cases, seed, out, districts);
  }

  private static long parseLong(String option, String v) {
    try {
      return Long.parseLong(v.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " expects an integer, got '" + v + "'");
    }
  }

  /** Runs the command; returns the exit status. CSV goes to {@code stdout} unless --out is given. */
  static int run(String[] args, OutputStream stdout, PrintStream err) throws IOException {
    Options o;
    try {
      o = parse(args);
    } catch (IllegalArgumentException e) {
      if (!e.getMessage().equals("help")) {
        err.println("error: " + e.getMessage());
      }
      err.println(USAGE);
      return 2;
    }
    long t0 = System.nanoTime();
    DemoCity city = o.districts() == null ? DemoCity.shenzhen(o.seed()) : DemoCity.load(o.districts(), o.seed());
    long t1 = System.nanoTime();
    DemoCaseGenerator cases = new DemoCaseGenerator(city, o.seed(), o.cases());
    long rows;
    if (o.out() == null) {
      rows = ProjectCsv.write(cases, stdout);
    } else {
      try (OutputStream f = new BufferedOutputStream(Files.newOutputStream(o.out()), 1 << 16)) {
        rows = ProjectCsv.write(cases, f);
      }
    }
    long t2 = System.nanoTime();
    double secs = (t2 - t1) / 1e9;
    err.printf(Locale.ROOT, "wrote %,d cases (seed %d) in %.2f s: %,.0f cases/s; city layout %.2f s%n",
        rows, o.seed(), secs, rows / Math.max(secs, 1e-9), (t1 - t0) / 1e9);
    return 0;
  }
}
