package cn.cg.geo.hotspot;

import com.uber.h3core.H3Core;
import com.uber.h3core.exceptions.H3Exception;
import com.uber.h3core.util.CoordIJ;
import java.util.Arrays;
import java.util.List;

/**
 * The k-ring neighbourhoods of a study area: for each cell, the study cells at grid distance
 * 0..k, as rows of (neighbour index, distance) sorted by neighbour index.
 *
 * <p>Why not one {@code gridDiskDistances} per cell: for a million cells that call, its boxed lists
 * and the look-ups of every ring member made Gi* take half a minute. Away from the twelve
 * pentagons, H3's local IJ coordinates around one anchor cell are a plain hexagonal lattice in
 * which the grid distance is the hex distance (that is how H3's own {@code gridDistance} works):
 * so each cell is converted once, and its neighbours are found by stepping through the lattice in
 * a dense table (or, for a sparse area, a hash of the coordinates). When any cell cannot be
 * converted (too far from the anchor, a pentagon's base cell), or a sample of cells checked
 * against {@code gridDiskDistances} disagrees, every row is built with {@code gridDiskDistances}.
 */
final class KRings {

  /** Cells checked against gridDiskDistances before the lattice is trusted. */
  private static final int CHECKED = 256;

  private static final boolean[] PENTAGON_BASE = pentagonBaseCells();

  /** Per row the neighbour indices, ascending, and the grid distance of each. */
  final int[][] neighbours;
  final byte[][] distances;
  /** True when the rows came from the lattice, false when from gridDiskDistances (for tests). */
  final boolean viaLattice;

  private KRings(int[][] neighbours, byte[][] distances, boolean viaLattice) {
    this.neighbours = neighbours;
    this.distances = distances;
    this.viaLattice = viaLattice;
  }

  static KRings of(StudyArea area, int k, boolean includeSelf) {
    if (k > 100) {
      throw new IllegalArgumentException("k must be at most 100, was " + k);
    }
    KRings lattice = area.size() == 0 ? null : lattice(area, k, includeSelf);
    if (lattice != null && lattice.agreesWithGridDisk(area, k, includeSelf)) {
      return lattice;
    }
    int n = area.size();
    int[][] nb = new int[n][];
    byte[][] dist = new byte[n][];
    long[] packed = new long[diskSize(k)];
    for (int i = 0; i < n; i++) {
      int m = gridDiskRow(area, i, k, includeSelf, packed);
      unpack(packed, m, nb, dist, i);
    }
    return new KRings(nb, dist, false);
  }

  private static boolean[] pentagonBaseCells() {
    boolean[] out = new boolean[122];
    for (long p : H3Grid.core().getPentagons(0)) {
      out[H3Grid.core().getBaseCellNumber(p)] = true;
    }
    return out;
  }

  static int diskSize(int k) {
    return 1 + 3 * k * (k + 1);
  }

  /** Row i by gridDiskDistances into {@code packed} as (index << 8 | distance), sorted; returns its length. */
  private static int gridDiskRow(StudyArea area, int i, int k, boolean includeSelf, long[] packed) {
    List<List<Long>> rings = H3Grid.core().gridDiskDistances(area.cell(i), k);
    int m = 0;
    for (int d = includeSelf ? 0 : 1; d < rings.size(); d++) {
      for (long cell : rings.get(d)) {
        int j = area.indexOf(cell);
        if (j >= 0) {
          packed[m++] = ((long) j << 8) | d;
        }
      }
    }
    Arrays.sort(packed, 0, m);
    return m;
  }

  private static void unpack(long[] packed, int m, int[][] nb, byte[][] dist, int i) {
    int[] row = new int[m];
    byte[] d = new byte[m];
    for (int p = 0; p < m; p++) {
      row[p] = (int) (packed[p] >>> 8);
      d[p] = (byte) (packed[p] & 0xff);
    }
    nb[i] = row;
    dist[i] = d;
  }

  /** Rows from local IJ coordinates around the first cell, or null when a cell has none. */
  private static KRings lattice(StudyArea area, int k, boolean includeSelf) {
    H3Core h3 = H3Grid.core();
    int n = area.size();
    long anchor = area.cell(0);
    int[] ci = new int[n];
    int[] cj = new int[n];
    int minI = Integer.MAX_VALUE, maxI = Integer.MIN_VALUE, minJ = Integer.MAX_VALUE, maxJ = Integer.MIN_VALUE;
    try {
      for (int x = 0; x < n; x++) {
        long cell = area.cell(x);
        if (PENTAGON_BASE[h3.getBaseCellNumber(cell)]) {
          return null; // the lattice is distorted around a pentagon
        }
        CoordIJ ij = h3.cellToLocalIj(anchor, cell);
        ci[x] = ij.i;
        cj[x] = ij.j;
        minI = Math.min(minI, ij.i);
        maxI = Math.max(maxI, ij.i);
        minJ = Math.min(minJ, ij.j);
        maxJ = Math.max(maxJ, ij.j);
      }
    } catch (H3Exception e) {
      return null;
    }
    Lookup lookup = Lookup.of(ci, cj, minI, maxI, minJ, maxJ, k);
    if (lookup == null) {
      return null; // two cells on one lattice point: not a plain lattice here
    }
    int[][] nb = new int[n][];
    byte[][] dist = new byte[n][];
    long[] packed = new long[diskSize(k)];
    for (int x = 0; x < n; x++) {
      int m = 0;
      for (int di = -k; di <= k; di++) {
        for (int dj = -k; dj <= k; dj++) {
          int d = hexDistance(di, dj);
          if (d > k || (d == 0 && !includeSelf)) {
            continue;
          }
          int y = lookup.get(ci[x] + di, cj[x] + dj);
          if (y >= 0) {
            packed[m++] = ((long) y << 8) | d;
          }
        }
      }
      Arrays.sort(packed, 0, m);
      unpack(packed, m, nb, dist, x);
    }
    return new KRings(nb, dist, true);
  }

  /** H3's ijkDistance of an IJ offset: (di, dj, 0) normalised, then the largest component. */
  static int hexDistance(int di, int dj) {
    int i = di, j = dj, kk = 0;
    if (i < 0) {
      j -= i;
      kk -= i;
      i = 0;
    }
    if (j < 0) {
      i -= j;
      kk -= j;
      j = 0;
    }
    int min = Math.min(i, Math.min(j, kk));
    i -= min;
    j -= min;
    kk -= min;
    return Math.max(i, Math.max(j, kk));
  }

  /** Rows of a spread sample of cells equal what gridDiskDistances gives. */
  private boolean agreesWithGridDisk(StudyArea area, int k, boolean includeSelf) {
    int n = area.size();
    long[] packed = new long[diskSize(k)];
    int step = Math.max(1, n / CHECKED);
    for (int i = 0; i < n; i += step) {
      int m = gridDiskRow(area, i, k, includeSelf, packed);
      if (m != neighbours[i].length) {
        return false;
      }
      for (int p = 0; p < m; p++) {
        if (neighbours[i][p] != (int) (packed[p] >>> 8) || distances[i][p] != (byte) (packed[p] & 0xff)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Lattice point -> row: a dense table when the area fills its bounding box well, else a hash. */
  private abstract static class Lookup {

    abstract int get(int i, int j);

    static Lookup of(int[] ci, int[] cj, int minI, int maxI, int minJ, int maxJ, int k) {
      long width = (long) maxJ - minJ + 1 + 2L * k;
      long height = (long) maxI - minI + 1 + 2L * k;
      Lookup l = width * height <= Math.max(1 << 16, 8L * ci.length)
          ? new Dense(minI - k, minJ - k, (int) height, (int) width)
          : new Hashed(ci.length);
      for (int x = 0; x < ci.length; x++) {
        if (!l.put(ci[x], cj[x], x)) {
          return null;
        }
      }
      return l;
    }

    abstract boolean put(int i, int j, int row);
  }

  private static final class Dense extends Lookup {
    private final int i0;
    private final int j0;
    private final int height;
    private final int width;
    private final int[] rows;

    Dense(int i0, int j0, int height, int width) {
      this.i0 = i0;
      this.j0 = j0;
      this.height = height;
      this.width = width;
      this.rows = new int[height * width];
      Arrays.fill(rows, -1);
    }

    @Override
    int get(int i, int j) {
      int a = i - i0, b = j - j0;
      if (a < 0 || b < 0 || a >= height || b >= width) {
        return -1;
      }
      return rows[a * width + b];
    }

    @Override
    boolean put(int i, int j, int row) {
      int at = (i - i0) * width + (j - j0);
      if (rows[at] >= 0) {
        return false;
      }
      rows[at] = row;
      return true;
    }
  }

  private static final class Hashed extends Lookup {
    private final CellIndex index;

    Hashed(int n) {
      this.index = new CellIndex(n);
    }

    private static long key(int i, int j) {
      return ((long) i << 32) ^ (j & 0xffffffffL) ^ Long.MIN_VALUE; // never 0, CellIndex's empty slot
    }

    @Override
    int get(int i, int j) {
      return index.get(key(i, j));
    }

    @Override
    boolean put(int i, int j, int row) {
      return index.put(key(i, j), row) < 0;
    }
  }
}
