package cn.cg.geo.hotspot;

import java.util.Arrays;

/**
 * The H3 cells of one analysis, each with a fixed index 0..n-1.
 *
 * <p>The study area is exactly these cells: a neighbour that is not listed is outside, not a zero.
 * This matches spdep (a region is in the weights or not) and keeps results independent of how far
 * the k-ring happens to reach beyond the data. Cells must share one resolution, or k-rings mean
 * nothing.
 */
public final class StudyArea {

  private final long[] cells;
  private final CellIndex index;

  /**
   * @param cells distinct H3 cells of one resolution, in the order results should follow
   * @throws IllegalArgumentException on a duplicate, an invalid cell or mixed resolutions
   */
  public StudyArea(long[] cells) {
    this.cells = cells.clone();
    this.index = new CellIndex(cells.length);
    int resolution = -1;
    for (int i = 0; i < cells.length; i++) {
      long cell = cells[i];
      if (!H3Grid.core().isValidCell(cell)) {
        throw new IllegalArgumentException("not a valid H3 cell: " + Long.toHexString(cell));
      }
      int res = H3Grid.core().getResolution(cell);
      if (resolution >= 0 && res != resolution) {
        throw new IllegalArgumentException("mixed resolutions: " + Long.toHexString(cell)
            + " has " + res + ", earlier cells " + resolution);
      }
      resolution = res;
      if (index.put(cell, i) >= 0) {
        throw new IllegalArgumentException("duplicate cell " + Long.toHexString(cell));
      }
    }
  }

  public int size() {
    return cells.length;
  }

  public long cell(int i) {
    return cells[i];
  }

  /** The index of a cell, or -1 when the cell is outside the study area. */
  public int indexOf(long cell) {
    return index.get(cell);
  }

  public long[] cells() {
    return cells.clone();
  }

  @Override
  public String toString() {
    return "StudyArea" + (cells.length <= 5 ? Arrays.toString(cells) : "[" + cells.length + " cells]");
  }
}
