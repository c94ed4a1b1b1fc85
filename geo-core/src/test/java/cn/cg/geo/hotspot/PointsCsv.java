package cn.cg.geo.hotspot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test support: lat/lon points from a CSV with quoted fields (one record per line). */
final class PointsCsv {

  private PointsCsv() {}

  /** Points as {lat, lon}; blank, unparseable and (0,0) coordinates are skipped. */
  static List<double[]> read(Path file, String latColumn, String lonColumn) {
    List<double[]> points = new ArrayList<>();
    for (String[] row : columns(file, latColumn, lonColumn)) {
      double[] p = {parse(row[0]), parse(row[1])};
      if (!Double.isNaN(p[0]) && !Double.isNaN(p[1]) && !(p[0] == 0 && p[1] == 0)) {
        points.add(p);
      }
    }
    return points;
  }

  /** The named columns of every record, in the order asked for. */
  static List<String[]> columns(Path file, String... names) {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<String> header = split(r.readLine().replace("\uFEFF", ""));
      int[] index = new int[names.length];
      for (int c = 0; c < names.length; c++) {
        index[c] = header.indexOf(names[c]);
        if (index[c] < 0) {
          throw new IllegalArgumentException(file + ": no column " + names[c]);
        }
      }
      List<String[]> rows = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        List<String> f = split(line);
        if (f.size() != header.size()) {
          throw new IllegalArgumentException(file + ": " + f.size() + " fields in " + line);
        }
        String[] row = new String[names.length];
        for (int c = 0; c < names.length; c++) {
          row[c] = f.get(index[c]);
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double parse(String s) {
    try {
      return s.isBlank() ? Double.NaN : Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** RFC 4180 fields of one line: commas inside quotes are data, "" is a quote. */
  static List<String> split(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return Arrays.asList(fields.toArray(new String[0]));
  }
}
