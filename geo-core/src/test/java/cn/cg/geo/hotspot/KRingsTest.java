package cn.cg.geo.hotspot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.uber.h3core.H3Core;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The lattice shortcut of {@link KRings} gives exactly the rows of one gridDiskDistances per cell. */
class KRingsTest {

  private static final H3Core H3 = H3Grid.core();

  /** Row i straight from gridDiskDistances: the definition the shortcut must reproduce. */
  private static void assertRowsAreGridDisks(long[] cells, int k, boolean self, boolean lattice) {
    StudyArea area = new StudyArea(cells);
    KRings rings = KRings.of(area, k, self);
    assertEquals(lattice, rings.viaLattice, "rows from the lattice");
    for (int i = 0; i < cells.length; i++) {
      List<long[]> expected = new ArrayList<>();
      List<List<Long>> disk = H3.gridDiskDistances(cells[i], k);
      for (int d = self ? 0 : 1; d < disk.size(); d++) {
        for (long c : disk.get(d)) {
          int j = area.indexOf(c);
          if (j >= 0) {
            expected.add(new long[] {j, d});
          }
        }
      }
      expected.sort((a, b) -> Long.compare(a[0], b[0]));
      int[] nb = expected.stream().mapToInt(e -> (int) e[0]).toArray();
      int[] dist = expected.stream().mapToInt(e -> (int) e[1]).toArray();
      int[] gotDist = new int[rings.distances[i].length];
      for (int p = 0; p < gotDist.length; p++) {
        gotDist[p] = rings.distances[i][p];
      }
      assertArrayEquals(nb, rings.neighbours[i], "neighbours of row " + i);
      assertArrayEquals(dist, gotDist, "distances of row " + i);
    }
  }

  /** A disk with holes (about 35 % of cells kept), cells in random order. */
  private static long[] holedDisk(double lat, double lng, int res, int radius, long seed) {
    Random r = new Random(seed);
    List<Long> out = new ArrayList<>();
    for (long c : H3.gridDisk(H3.latLngToCell(lat, lng, res), radius)) {
      if (r.nextDouble() < 0.35) {
        out.add(c);
      }
    }
    java.util.Collections.shuffle(out, r);
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  @Test
  void denseCityDiskMatchesGridDisk() {
    long[] cells = holedDisk(22.55, 114.05, 10, 40, 1);
    for (int k = 1; k <= 3; k++) {
      assertRowsAreGridDisks(cells, k, true, true);
      assertRowsAreGridDisks(cells, k, false, true);
    }
  }

  @Test
  void sparseCellsFarApartUseTheHashAndMatch() {
    Random r = new Random(2);
    TreeSet<Long> cells = new TreeSet<>();
    for (int i = 0; i < 400; i++) {
      long c = H3.latLngToCell(37.6 + r.nextDouble() * 0.3, -122.5 + r.nextDouble() * 0.3, 9);
      cells.add(c);
      cells.addAll(H3.gridDisk(c, 1)); // clusters, so that rows have neighbours
    }
    assertRowsAreGridDisks(cells.stream().mapToLong(Long::longValue).toArray(), 2, true, true);
  }

  @Test
  void areaAcrossBaseCellsMatches() {
    // Cells on both sides of the edge between Shenzhen's base cell and a neighbouring one.
    long base = H3.latLngToCell(22.55, 114.05, 0);
    long other = H3.gridDisk(base, 1).stream().filter(c -> c != base && !H3.isPentagon(c)).findFirst().orElseThrow();
    var a = H3.cellToLatLng(base);
    var b = H3.cellToLatLng(other);
    long[] cells = holedDisk((a.lat + b.lat) / 2, (a.lng + b.lng) / 2, 7, 60, 3);
    TreeSet<Long> bases = new TreeSet<>();
    for (long c : cells) {
      bases.add(H3.cellToParent(c, 0));
    }
    assertEquals(true, bases.size() > 1, "the area should span base cells: " + bases.size());
    assertRowsAreGridDisks(cells, 2, true, true);
  }

  @Test
  void areaAroundAPentagonFallsBackAndMatches() {
    long pentagon = H3.getPentagons(6).iterator().next();
    long[] cells = H3.gridDisk(pentagon, 8).stream().mapToLong(Long::longValue).toArray();
    assertRowsAreGridDisks(cells, 2, true, false);
  }

  @Test
  void hexDistanceIsH3GridDistance() {
    long origin = H3.latLngToCell(22.55, 114.05, 9);
    for (long c : H3.gridDisk(origin, 6)) {
      var ij = H3.cellToLocalIj(origin, c);
      var o = H3.cellToLocalIj(origin, origin);
      assertEquals(H3.gridDistance(origin, c), KRings.hexDistance(ij.i - o.i, ij.j - o.j));
    }
  }
}
