package cn.cg.geo.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Which district holds a lon/lat, in O(1) for almost every point: a grid of about 130 m cells, each
 * classified once as outside, strictly inside one district, or on a boundary. Only points in boundary
 * cells go to an indexed point-in-polygon test. Also samples uniform points in the city or a district.
 */
final class CityMask {
  static final double CELL_DEG = 0.00125;
  private static final int OUTSIDE = -1;
  private static final int BOUNDARY = -2;

  private final double minLon;
  private final double minLat;
  private final int nx;
  private final int ny;
  private final int[] state;
  private final int[][] boundaryCandidates;
  private final IndexedPointInAreaLocator[] locators;
  /** Per district: indices of the cells inside or on its boundary. */
  private final int[][] districtCells;

  CityMask(List<? extends Geometry> districts) {
    Envelope all = new Envelope();
    districts.forEach(d -> all.expandToInclude(d.getEnvelopeInternal()));
    minLon = Math.floor(all.getMinX() / CELL_DEG) * CELL_DEG;
    minLat = Math.floor(all.getMinY() / CELL_DEG) * CELL_DEG;
    nx = (int) Math.ceil((all.getMaxX() - minLon) / CELL_DEG) + 1;
    ny = (int) Math.ceil((all.getMaxY() - minLat) / CELL_DEG) + 1;
    state = new int[nx * ny];
    java.util.Arrays.fill(state, OUTSIDE);
    boundaryCandidates = new int[nx * ny][];
    locators = new IndexedPointInAreaLocator[districts.size()];
    List<List<Integer>> cellsOf = new ArrayList<>();
    GeometryFactory gf = new GeometryFactory();
    for (int d = 0; d < districts.size(); d++) {
      Geometry g = districts.get(d);
      locators[d] = new IndexedPointInAreaLocator(g);
      PreparedGeometry pg = PreparedGeometryFactory.prepare(g);
      List<Integer> cells = new ArrayList<>();
      Envelope e = g.getEnvelopeInternal();
      int x0 = cellX(e.getMinX());
      int x1 = cellX(e.getMaxX());
      int y0 = cellY(e.getMinY());
      int y1 = cellY(e.getMaxY());
      classify(d, pg, gf, cells, x0, x1 + 1, y0, y1 + 1);
      cells.sort(null);
      cellsOf.add(cells);
    }
    districtCells = cellsOf.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
  }

  /** Quadtree descent over cells [x0, x1) x [y0, y1): whole blocks inside or outside need one test. */
  private void classify(int d, PreparedGeometry pg, GeometryFactory gf, List<Integer> cells,
      int x0, int x1, int y0, int y1) {
    if (x0 >= x1 || y0 >= y1) {
      return;
    }
    Polygon rect = (Polygon) gf.toGeometry(new Envelope(
        minLon + x0 * CELL_DEG, minLon + x1 * CELL_DEG, minLat + y0 * CELL_DEG, minLat + y1 * CELL_DEG));
    if (!pg.intersects(rect)) {
      return;
    }
    boolean inside = pg.containsProperly(rect);
    if (!inside && (x1 - x0 > 1 || y1 - y0 > 1)) {
      int xm = (x0 + x1) >>> 1;
      int ym = (y0 + y1) >>> 1;
      classify(d, pg, gf, cells, x0, xm, y0, ym);
      classify(d, pg, gf, cells, xm, x1, y0, ym);
      classify(d, pg, gf, cells, x0, xm, ym, y1);
      classify(d, pg, gf, cells, xm, x1, ym, y1);
      return;
    }
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        int c = y * nx + x;
        cells.add(c);
        if (inside && state[c] == OUTSIDE) {
          state[c] = d;
        } else {
          int[] prev = state[c] >= 0 ? new int[] {state[c]} : boundaryCandidates[c];
          int[] next = prev == null ? new int[] {d} : java.util.Arrays.copyOf(prev, prev.length + 1);
          next[next.length - 1] = d;
          boundaryCandidates[c] = next;
          state[c] = BOUNDARY;
        }
      }
    }
  }

  private int cellX(double lon) {
    return Math.max(0, Math.min(nx - 1, (int) ((lon - minLon) / CELL_DEG)));
  }

  private int cellY(double lat) {
    return Math.max(0, Math.min(ny - 1, (int) ((lat - minLat) / CELL_DEG)));
  }

  /** Index of the district whose interior holds the point, or -1. */
  int districtAt(double lon, double lat) {
    double fx = (lon - minLon) / CELL_DEG;
    double fy = (lat - minLat) / CELL_DEG;
    if (!(fx >= 0 && fy >= 0 && fx < nx && fy < ny)) {
      return OUTSIDE;
    }
    int c = (int) fy * nx + (int) fx;
    int s = state[c];
    if (s != BOUNDARY) {
      return s;
    }
    Coordinate p = new Coordinate(lon, lat);
    for (int d : boundaryCandidates[c]) {
      if (locators[d].locate(p) == Location.INTERIOR) {
        return d;
      }
    }
    return OUTSIDE;
  }

  int districtCount() {
    return locators.length;
  }

  int[] cellsOf(int district) {
    return districtCells[district];
  }

  /** Lower-left corner of a cell, lon. */
  double cellLon(int cell) {
    return minLon + (cell % nx) * CELL_DEG;
  }

  double cellLat(int cell) {
    return minLat + (cell / nx) * CELL_DEG;
  }

  /** A uniform random point inside the given district, as {lon, lat}, rounded to 7 decimals. */
  double[] randomPointIn(int district, SplittableRandom rng) {
    int[] cells = districtCells[district];
    while (true) {
      int c = cells[rng.nextInt(cells.length)];
      double lon = LocalMetres.round7(cellLon(c) + rng.nextDouble() * CELL_DEG);
      double lat = LocalMetres.round7(cellLat(c) + rng.nextDouble() * CELL_DEG);
      if (districtAt(lon, lat) == district) {
        return new double[] {lon, lat};
      }
    }
  }
}
