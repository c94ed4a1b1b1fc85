package cn.cg.api.suggestion;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Generated candidates: the centres of demand cells, best first by the demand within the radius around
 * them (a cell among many busy cells ranks above a lone busy cell). Only the best are kept because a
 * solver's time grows with candidates x demand; the ranking is what makes the cut-off harmless: a site
 * outside the list has little demand in reach.
 */
final class CellCandidates {

    private static final H3Core H3;

    static {
        try {
            H3 = H3Core.newInstance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CellCandidates() {
    }

    /** All demand cells as candidates, ranked by demand within {@code radius} of the cell centre. */
    static List<Candidate> ranked(DemandCells demand, LocalProjection proj, double radius) {
        int n = demand.size();
        double[] cx = new double[n];
        double[] cy = new double[n];
        double[] clon = new double[n];
        double[] clat = new double[n];
        for (int i = 0; i < n; i++) {
            LatLng c = H3.cellToLatLng(demand.cell()[i]);
            clon[i] = c.lng;
            clat[i] = c.lat;
            cx[i] = proj.x(c.lng);
            cy[i] = proj.y(c.lat);
        }
        double[] x = proj.xs(demand.lon());
        double[] y = proj.ys(demand.lat());
        // Buckets of side `radius`: the demand within reach of a centre lies in its 3 x 3 neighbourhood.
        Map<Long, List<Integer>> buckets = new HashMap<>();
        for (int i = 0; i < n; i++) {
            buckets.computeIfAbsent(bucket(x[i], y[i], radius), k -> new ArrayList<>()).add(i);
        }
        double[] reach = new double[n];
        double r2 = radius * radius;
        for (int j = 0; j < n; j++) {
            long bx = (long) Math.floor(cx[j] / radius);
            long by = (long) Math.floor(cy[j] / radius);
            for (long u = bx - 1; u <= bx + 1; u++) {
                for (long v = by - 1; v <= by + 1; v++) {
                    List<Integer> list = buckets.get(key(u, v));
                    if (list == null) {
                        continue;
                    }
                    for (int i : list) {
                        double ex = x[i] - cx[j];
                        double ey = y[i] - cy[j];
                        if (ex * ex + ey * ey <= r2) {
                            reach[j] += demand.weight()[i];
                        }
                    }
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> reach[a] != reach[b] ? Double.compare(reach[b], reach[a])
                : Long.compare(demand.cell()[a], demand.cell()[b]));
        List<Candidate> out = new ArrayList<>(n);
        for (int i : order) {
            String address = H3.h3ToString(demand.cell()[i]);
            out.add(new Candidate("cell:" + address, "cell " + address, "cell", clon[i], clat[i], null, false));
        }
        return out;
    }

    private static long bucket(double x, double y, double size) {
        return key((long) Math.floor(x / size), (long) Math.floor(y / size));
    }

    private static long key(long u, long v) {
        return (u << 32) ^ (v & 0xffffffffL);
    }
}
