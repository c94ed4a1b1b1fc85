package cn.cg.api.suggestion;

import cn.cg.geo.grid.H3Cells;
import java.util.HashMap;
import java.util.Map;

/**
 * Cases summed per fine H3 cell (resolution 10, edge about 66 m) with a 24-hour histogram per cell, so
 * any evening band and evening weight can be applied later without reading the cases again (planners
 * try several weights in one meeting; the histogram is what the cache keeps).
 *
 * <p>The cell is computed once per case with {@link H3Cells#finestCell}, the same id the aggregation job
 * stores. A cell's demand point is the case-weighted mean position of its cases, not the cell centre:
 * closer to where the cases are, and never more than a cell width from any of them.
 */
public final class DemandGrid {

    private static final class Cell {
        double sumLon;
        double sumLat;
        final int[] cases = new int[24];
        final double[] weight = new double[24];
    }

    private final Map<Long, Cell> cells = new HashMap<>();
    private long cases;

    /** Adds one case; {@code hour} is the local hour of day (0-23) it was reported. */
    public void add(double lon, double lat, double weight, int hour) {
        long id = H3Cells.finestCell(lat, lon);
        Cell c = cells.computeIfAbsent(id, k -> new Cell());
        c.sumLon += lon;
        c.sumLat += lat;
        c.cases[hour]++;
        c.weight[hour] += weight;
        cases++;
    }

    public int cellCount() {
        return cells.size();
    }

    public long caseCount() {
        return cases;
    }

    /**
     * Demand per cell: {@code weight = sum of case weights, evening cases times eveningWeight}. Evening is
     * the local hours {@code fromHour <= h < toHour} (wrapping past midnight when from > to).
     */
    public DemandCells weigh(int fromHour, int toHour, double eveningWeight) {
        int n = cells.size();
        long[] id = new long[n];
        double[] lon = new double[n];
        double[] lat = new double[n];
        int[] all = new int[n];
        int[] evening = new int[n];
        double[] w = new double[n];
        int k = 0;
        // Sorted by cell id so the same data gives the same instance (and the same answer) every time.
        long[] keys = cells.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        for (long key : keys) {
            Cell c = cells.get(key);
            int total = 0;
            int eve = 0;
            double weight = 0;
            for (int h = 0; h < 24; h++) {
                boolean isEvening = fromHour <= toHour ? h >= fromHour && h < toHour : h >= fromHour || h < toHour;
                total += c.cases[h];
                if (isEvening) {
                    eve += c.cases[h];
                    weight += c.weight[h] * eveningWeight;
                } else {
                    weight += c.weight[h];
                }
            }
            id[k] = key;
            lon[k] = c.sumLon / total;
            lat[k] = c.sumLat / total;
            all[k] = total;
            evening[k] = eve;
            w[k] = weight;
            k++;
        }
        return new DemandCells(id, lon, lat, all, evening, w);
    }
}
