package cn.cg.geo.demo;

import static cn.cg.geo.demo.LocalMetres.M_PER_DEG_LAT;
import static cn.cg.geo.demo.LocalMetres.M_PER_DEG_LON;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Precomputed samplers of case locations: Gaussian clouds around anchors, points along roads with
 * perpendicular jitter, and uniform points in the city weighted by urban density. Samples land in the
 * city by rejection; only points in boundary cells of the {@link CityMask} cost a polygon test.
 */
final class PointSampler {
  static final double ROAD_JITTER_M = 30;

  private final CityMask mask;
  private final Gaussian gauss;

  /** Anchors: lon, lat, spread (m), with an alias table over their weights. */
  record Anchors(double[] lon, double[] lat, double[] spread, AliasTable pick) {
    static Anchors of(List<Place> places, double spreadFactor, java.util.function.ToDoubleFunction<Place> weight) {
      int n = places.size();
      double[] lon = new double[n];
      double[] lat = new double[n];
      double[] spread = new double[n];
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        Place p = places.get(i);
        lon[i] = p.lon();
        lat[i] = p.lat();
        spread[i] = p.spreadM() * spreadFactor;
        w[i] = weight.applyAsDouble(p);
      }
      return new Anchors(lon, lat, spread, new AliasTable(w));
    }
  }

  private final double[][] roadLon;
  private final double[][] roadLat;
  private final double[][] roadCum;
  private final AliasTable roadPick;
  private final AliasTable districtPick;

  PointSampler(DemoCity city, Gaussian gauss) {
    this.mask = city.mask();
    this.gauss = gauss;
    List<double[][]> roads = city.layout().roadArrays;
    int nr = roads.size();
    roadLon = new double[nr][];
    roadLat = new double[nr][];
    roadCum = new double[nr][];
    double[] lengths = new double[nr];
    for (int r = 0; r < nr; r++) {
      roadLon[r] = roads.get(r)[0];
      roadLat[r] = roads.get(r)[1];
      double[] cum = new double[roadLon[r].length];
      for (int i = 1; i < cum.length; i++) {
        cum[i] = cum[i - 1] + LocalMetres.distance(roadLon[r][i - 1], roadLat[r][i - 1], roadLon[r][i], roadLat[r][i]);
      }
      roadCum[r] = cum;
      lengths[r] = cum[cum.length - 1];
    }
    roadPick = nr == 0 ? null : new AliasTable(lengths);
    int nd = mask.districtCount();
    double[] dw = new double[nd];
    for (int d = 0; d < nd; d++) {
      dw[d] = city.layout().urbanWeight(d) * mask.cellsOf(d).length;
    }
    districtPick = new AliasTable(dw);
  }

  /**
   * Writes a point around anchor {@code i} into {@code out} (lon, lat, rounded to 7 decimals) and returns
   * its district, retrying until the point is inside the city.
   */
  int aroundAnchor(Anchors a, SplittableRandom rng, double[] out) {
    int i = a.pick().sample(rng);
    double s = a.spread()[i];
    for (int t = 0; t < 50; t++) {
      double lon = LocalMetres.round7(a.lon()[i] + gauss.next(rng) * s / M_PER_DEG_LON);
      double lat = LocalMetres.round7(a.lat()[i] + gauss.next(rng) * s / M_PER_DEG_LAT);
      int d = mask.districtAt(lon, lat);
      if (d >= 0) {
        out[0] = lon;
        out[1] = lat;
        return d;
      }
    }
    out[0] = a.lon()[i];
    out[1] = a.lat()[i];
    return mask.districtAt(out[0], out[1]);
  }

  /** A point along a road chosen by length, jittered perpendicular to it by N(0, 30 m). */
  int alongRoad(SplittableRandom rng, double[] out) {
    if (roadPick == null) {
      return uniform(rng, out);
    }
    for (int t = 0; t < 50; t++) {
      int r = roadPick.sample(rng);
      double[] cum = roadCum[r];
      double pos = rng.nextDouble() * cum[cum.length - 1];
      int lo = 0;
      int hi = cum.length - 1;
      while (hi - lo > 1) {
        int mid = (lo + hi) >>> 1;
        if (cum[mid] <= pos) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      double seg = cum[hi] - cum[lo];
      double f = seg == 0 ? 0 : (pos - cum[lo]) / seg;
      double dx = (roadLon[r][hi] - roadLon[r][lo]) * M_PER_DEG_LON;
      double dy = (roadLat[r][hi] - roadLat[r][lo]) * M_PER_DEG_LAT;
      double off = gauss.next(rng) * ROAD_JITTER_M / (seg == 0 ? 1 : seg);
      double lon = LocalMetres.round7(roadLon[r][lo] + (f * dx - off * dy) / M_PER_DEG_LON);
      double lat = LocalMetres.round7(roadLat[r][lo] + (f * dy + off * dx) / M_PER_DEG_LAT);
      int d = mask.districtAt(lon, lat);
      if (d >= 0) {
        out[0] = lon;
        out[1] = lat;
        return d;
      }
    }
    return uniform(rng, out);
  }

  /** Uniform within a district chosen by urban weight times area. */
  int uniform(SplittableRandom rng, double[] out) {
    int d = districtPick.sample(rng);
    double[] p = mask.randomPointIn(d, rng);
    out[0] = p[0];
    out[1] = p[1];
    return d;
  }

  /** Standard normal deviates by Marsaglia's polar method, StrictMath only, so output is platform-exact. */
  static final class Gaussian {
    private double spare;
    private boolean hasSpare;

    double next(SplittableRandom rng) {
      if (hasSpare) {
        hasSpare = false;
        return spare;
      }
      double u;
      double v;
      double s;
      do {
        u = 2 * rng.nextDouble() - 1;
        v = 2 * rng.nextDouble() - 1;
        s = u * u + v * v;
      } while (s >= 1 || s == 0);
      double m = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
      spare = v * m;
      hasSpare = true;
      return u * m;
    }
  }
}
