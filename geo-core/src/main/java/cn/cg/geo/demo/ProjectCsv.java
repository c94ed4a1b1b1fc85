package cn.cg.geo.demo;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Iterator;

/**
 * Writes cases in the project's own CSV format: UTF-8, LF line ends, the header {@link #HEADER}, RFC 4180
 * quoting where a field needs it, an empty field for null, lon/lat with 7 decimals, timestamps ISO-8601
 * with offset and seconds ({@code 2025-03-01T18:22:00+08:00}).
 */
public final class ProjectCsv implements Closeable, Flushable {
  public static final String HEADER =
      "case_no,category_code,source,status,reported_at,closed_at,deadline_at,lon,lat,address,weight";

  private final Writer out;
  private final StringBuilder line = new StringBuilder(192);
  private long rows;

  /** Writes the header at once; {@code out} is closed by {@link #close()}. */
  public ProjectCsv(Writer out) throws IOException {
    this.out = out;
    out.write(HEADER);
    out.write('\n');
  }

  /** A buffered UTF-8 writer over {@code out}. */
  public static ProjectCsv to(OutputStream out) throws IOException {
    return new ProjectCsv(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
  }

  /** Writes header and all cases, flushes (does not close), returns the number of rows. */
  public static long write(Iterator<DemoCase> cases, OutputStream out) throws IOException {
    ProjectCsv csv = to(out);
    while (cases.hasNext()) {
      csv.write(cases.next());
    }
    csv.flush();
    return csv.rows();
  }

  public void write(DemoCase c) throws IOException {
    StringBuilder b = line;
    b.setLength(0);
    text(b, c.caseNo()).append(',');
    text(b, c.categoryCode()).append(',');
    text(b, c.source()).append(',');
    text(b, c.status()).append(',');
    time(b, c.reportedAt()).append(',');
    time(b, c.closedAt()).append(',');
    time(b, c.deadlineAt()).append(',');
    coord(b, c.lon()).append(',');
    coord(b, c.lat()).append(',');
    text(b, c.address()).append(',');
    b.append(c.weight()).append('\n');
    out.append(b);
    rows++;
  }

  public long rows() {
    return rows;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  /** Appends a field, quoted (with doubled quotes) only if it holds a comma, quote, CR or LF. */
  static StringBuilder text(StringBuilder b, String s) {
    if (s == null) {
      return b;
    }
    boolean quote = false;
    for (int i = 0; i < s.length() && !quote; i++) {
      char ch = s.charAt(i);
      quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
    }
    if (!quote) {
      return b.append(s);
    }
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"') {
        b.append('"');
      }
      b.append(ch);
    }
    return b.append('"');
  }

  /** ISO-8601 with seconds and offset, e.g. 2025-03-01T18:22:00+08:00; nothing for null. */
  static StringBuilder time(StringBuilder b, OffsetDateTime t) {
    if (t == null) {
      return b;
    }
    int y = t.getYear();
    if (y < 1000 || y > 9999) {
      return b.append(t.withNano(0));
    }
    b.append(y).append('-');
    pad2(b, t.getMonthValue()).append('-');
    pad2(b, t.getDayOfMonth()).append('T');
    pad2(b, t.getHour()).append(':');
    pad2(b, t.getMinute()).append(':');
    pad2(b, t.getSecond());
    return b.append(t.getOffset().getId());
  }

  private static StringBuilder pad2(StringBuilder b, int v) {
    if (v < 10) {
      b.append('0');
    }
    return b.append(v);
  }

  /** Fixed 7 decimals, e.g. 114.0578912. */
  static StringBuilder coord(StringBuilder b, double deg) {
    long v = Math.round(deg * 1e7);
    if (v < 0) {
      b.append('-');
      v = -v;
    }
    b.append(v / 10_000_000L).append('.');
    long frac = v % 10_000_000L;
    for (long p = 1_000_000L; p > frac && p > 1; p /= 10) {
      b.append('0');
    }
    return b.append(frac);
  }
}
