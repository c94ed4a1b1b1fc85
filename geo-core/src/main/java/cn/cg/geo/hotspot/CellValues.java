package cn.cg.geo.hotspot;

import java.util.Map;

/** A study area with one finite value per cell: the input of every statistic in this package. */
public final class CellValues {

  private final StudyArea area;
  private final double[] values;

  public CellValues(StudyArea area, double[] values) {
    if (area.size() != values.length) {
      throw new IllegalArgumentException(area.size() + " cells but " + values.length + " values");
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException("value of cell " + Long.toHexString(area.cell(i))
            + " is not finite: " + values[i]);
      }
    }
    this.area = area;
    this.values = values.clone();
  }

  /** Cells in the map's iteration order (use a LinkedHashMap or TreeMap for a stable order). */
  public static CellValues of(Map<Long, Double> valueByCell) {
    long[] cells = new long[valueByCell.size()];
    double[] values = new double[cells.length];
    int i = 0;
    for (Map.Entry<Long, Double> e : valueByCell.entrySet()) {
      cells[i] = e.getKey();
      values[i++] = e.getValue() == null ? Double.NaN : e.getValue();
    }
    return new CellValues(new StudyArea(cells), values);
  }

  public StudyArea area() {
    return area;
  }

  public int size() {
    return values.length;
  }

  public double value(int i) {
    return values[i];
  }

  public double[] values() {
    return values.clone();
  }
}
