package cn.cg.geo.hotspot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Command line Gi*: {@code --input cells.csv --k N|auto [--kernel K] [--fdr] [--permutations R
 * [--seed S]] --out result.csv}.
 *
 * <p>Input: a header line {@code h3,value}, then one line per cell: the H3 cell as a hex string and
 * a finite number. The study area is exactly the listed cells (list zero cells explicitly).
 * Output: {@code h3,value,z,p,bin} (plus {@code pseudo_p} with permutations); z and p are empty for
 * a cell without neighbours. Exit code 0 on success, 2 for bad arguments or bad input, with a
 * message naming the line and the reason.
 */
public final class HotspotsCli {

  static final int OK = 0;
  static final int BAD_INPUT = 2;
  static final int AUTO_K_MAX = 10;

  private static final String USAGE = "usage: hotspots --input cells.csv --k N|auto "
      + "[--kernel binary|uniform|triangular|quadratic|quartic|gaussian] [--fdr] "
      + "[--permutations 499|999 [--seed S]] --out result.csv";

  private HotspotsCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      Map<String, String> opts = parseArgs(args);
      Path input = Path.of(required(opts, "--input"));
      Path output = Path.of(required(opts, "--out"));
      CellValues data = read(input);
      String kText = required(opts, "--k");
      int k;
      if (kText.equalsIgnoreCase("auto")) {
        ScaleChoice choice = new HotspotScale(data, AUTO_K_MAX).choose();
        k = choice.k();
        err.println("auto scale: " + choice.reason());
      } else {
        k = positiveInt("--k", kText);
      }
      Kernel kernel = opts.containsKey("--kernel") ? Kernel.parse(opts.get("--kernel")) : Kernel.BINARY;
      int permutations = opts.containsKey("--permutations")
          ? positiveInt("--permutations", opts.get("--permutations")) : 0;
      long seed = opts.containsKey("--seed") ? parseLong("--seed", opts.get("--seed")) : HotspotOptions.DEFAULT_SEED;
      HotspotOptions options = new HotspotOptions(k, kernel, opts.containsKey("--fdr"), permutations, seed);
      List<HotspotCell> result = GiStar.analyse(data, options);
      write(output, result, permutations > 0);
      out.println("hotspots: " + result.size() + " cells, k=" + k + ", kernel="
          + kernel.name().toLowerCase(Locale.ROOT) + (options.fdr() ? ", FDR" : "") + " -> " + output);
      return OK;
    } catch (BadInput e) {
      err.println("hotspots: " + e.getMessage());
      return BAD_INPUT;
    } catch (IllegalArgumentException e) {
      err.println("hotspots: " + e.getMessage());
      err.println(USAGE);
      return BAD_INPUT;
    } catch (IOException e) {
      err.println("hotspots: " + (e instanceof NoSuchFileException ? "no such file: " : "I/O error: ")
          + e.getMessage());
      return BAD_INPUT;
    }
  }

  private static Map<String, String> parseArgs(String[] args) {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--fdr" -> opts.put(a, "true");
        case "--input", "--out", "--k", "--kernel", "--permutations", "--seed" -> {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException(a + " needs a value");
          }
          opts.put(a, args[++i]);
        }
        default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
      }
    }
    return opts;
  }

  private static String required(Map<String, String> opts, String name) {
    String v = opts.get(name);
    if (v == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    return v;
  }

  private static int positiveInt(String name, String text) {
    try {
      int v = Integer.parseInt(text.trim());
      if (v >= 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException(name + " must be a positive integer, was '" + text + "'");
  }

  private static long parseLong(String name, String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer, was '" + text + "'", e);
    }
  }

  /** Reads h3,value lines; every problem is reported with its file and line number. */
  static CellValues read(Path input) throws IOException {
    Map<Long, Double> values = new LinkedHashMap<>();
    Map<Long, Integer> lineOf = new HashMap<>();
    int resolution = -1;
    try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      String header = reader.readLine();
      if (header == null) {
        throw new BadInput(input, 1, "empty file; expected the header 'h3,value'");
      }
      if (!header.replace("\uFEFF", "").trim().replace(" ", "").equalsIgnoreCase("h3,value")) {
        throw new BadInput(input, 1, "expected the header 'h3,value', found '" + header + "'");
      }
      int lineNo = 1;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",", -1);
        if (f.length != 2) {
          throw new BadInput(input, lineNo, "expected 2 fields 'h3,value', found " + f.length);
        }
        String hex = f[0].trim();
        long cell = parseCell(hex);
        if (cell == 0) {
          throw new BadInput(input, lineNo, "'" + hex + "' is not a valid H3 cell");
        }
        int res = H3Grid.core().getResolution(cell);
        if (resolution >= 0 && res != resolution) {
          throw new BadInput(input, lineNo, "cell " + hex + " has resolution " + res
              + " but earlier cells have " + resolution);
        }
        resolution = res;
        double value;
        try {
          value = Double.parseDouble(f[1].trim());
        } catch (NumberFormatException e) {
          throw new BadInput(input, lineNo, "value '" + f[1].trim() + "' is not a number");
        }
        if (!Double.isFinite(value)) {
          throw new BadInput(input, lineNo, "value '" + f[1].trim() + "' is not finite");
        }
        Integer first = lineOf.putIfAbsent(cell, lineNo);
        if (first != null) {
          throw new BadInput(input, lineNo, "cell " + hex + " already given on line " + first);
        }
        values.put(cell, value);
      }
    }
    if (values.isEmpty()) {
      throw new BadInput(input, 1, "no cells after the header");
    }
    return CellValues.of(values);
  }

  /** The cell of a hex string, or 0 (never a valid cell) when it is not one. */
  private static long parseCell(String hex) {
    try {
      long cell = H3Grid.core().stringToH3(hex);
      return H3Grid.core().isValidCell(cell) ? cell : 0;
    } catch (IllegalArgumentException e) {
      return 0;
    }
  }

  static void write(Path output, List<HotspotCell> cells, boolean pseudo) throws IOException {
    try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      w.write(pseudo ? "h3,value,z,p,bin,pseudo_p\n" : "h3,value,z,p,bin\n");
      for (HotspotCell c : cells) {
        w.write(H3Grid.core().h3ToString(c.cell()) + "," + number(c.value()) + "," + number(c.z())
            + "," + number(c.p()) + "," + c.bin() + (pseudo ? "," + number(c.pseudoP()) : "") + "\n");
      }
    }
  }

  private static String number(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  /** Bad input data: the message names the file, the line and the reason. */
  private static final class BadInput extends IOException {
    BadInput(Path file, int line, String reason) {
      super(file.getFileName() + ":" + line + ": " + reason);
    }
  }
}
