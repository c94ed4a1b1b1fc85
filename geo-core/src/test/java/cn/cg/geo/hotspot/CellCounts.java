package cn.cg.geo.hotspot;

import com.uber.h3core.util.LatLng;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.algorithm.ConvexHull;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** Test support: points counted into H3 cells, optionally with zero cells filling their hull. */
final class CellCounts {

  private CellCounts() {}

  /** Counts per cell, sorted by cell id; with hullFill, zero cells for the rest of the hull. */
  static CellValues of(List<double[]> points, int resolution, boolean hullFill) {
    Map<Long, Double> counts = new TreeMap<>();
    for (double[] p : points) {
      counts.merge(H3Grid.core().latLngToCell(p[0], p[1], resolution), 1.0, Double::sum);
    }
    if (hullFill) {
      for (long cell : hullCells(points, resolution)) {
        counts.putIfAbsent(cell, 0.0);
      }
    }
    return CellValues.of(counts);
  }

  private static List<Long> hullCells(List<double[]> points, int resolution) {
    Coordinate[] xy = points.stream().map(p -> new Coordinate(p[1], p[0])).toArray(Coordinate[]::new);
    Coordinate[] ring = new ConvexHull(xy, new GeometryFactory()).getConvexHull().getCoordinates();
    List<LatLng> shell = new ArrayList<>();
    for (Coordinate c : ring) {
      shell.add(new LatLng(c.y, c.x));
    }
    return H3Grid.core().polygonToCells(shell, List.of(), resolution);
  }
}
