package cn.cg.geo.hotspot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Test support: small synthetic study areas around one cell of central Shenzhen. */
final class TestGrid {

  /** Futian, Shenzhen, resolution 9. */
  static final long ORIGIN = H3Grid.core().latLngToCell(22.5431, 114.0579, 9);

  private TestGrid() {}

  /** The disk of the given radius around ORIGIN, ring by ring, valued by a function of the cell. */
  static Map<Long, Double> disk(int radius, ToDoubleFunction<Long> value) {
    Map<Long, Double> out = new LinkedHashMap<>();
    for (List<Long> ring : H3Grid.core().gridDiskDistances(ORIGIN, radius)) {
      for (long cell : ring) {
        out.put(cell, value.applyAsDouble(cell));
      }
    }
    return out;
  }

  /** Grid distance from ORIGIN. */
  static int distance(long cell) {
    return (int) H3Grid.core().gridDistance(ORIGIN, cell);
  }

  /** A deterministic small "background" count in 0..3 for a cell and a salt. */
  static double noise(long cell, int salt) {
    long h = (cell ^ (salt * 0x9E3779B97F4A7C15L)) * 0xBF58476D1CE4E5B9L;
    h ^= h >>> 31;
    return Math.floorMod(h, 4);
  }
}
