package cn.cg.spark.hotspot;

import cn.cg.geo.hotspot.CellValues;
import cn.cg.geo.hotspot.EmergingCell;
import cn.cg.geo.hotspot.EmergingHotSpots;
import cn.cg.geo.hotspot.EmergingOptions;
import cn.cg.geo.hotspot.GiStar;
import cn.cg.geo.hotspot.HotspotCell;
import cn.cg.geo.hotspot.HotspotOptions;
import cn.cg.geo.hotspot.HotspotScale;
import cn.cg.geo.hotspot.ScaleChoice;
import cn.cg.geo.hotspot.StudyArea;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the job does for one group, on the driver or an executor: the study area filled with zeros,
 * the scale, and geo-core's Gi* or emerging hot spots. No statistics are computed here: every number
 * comes from {@code cn.cg.geo.hotspot}. The API builds its input by the same rules (cells sorted by
 * id; study cells plus any cell with cases; absent = 0), so both give the same numbers.
 */
final class GroupAnalysis {

    static final String CONFIGURED = "configured";

    private GroupAnalysis() {
    }

    /** A ring size and why it was chosen. */
    record Scale(int k, String reason) implements Serializable {
    }

    /** Gi* of one group. */
    record GiResult(Scale scale, List<HotspotCell> cells, long cases) implements Serializable {
    }

    /** Emerging hot spots of one group. */
    record EmergingResult(Scale scale, List<EmergingCell> cells, int steps, long cases) implements Serializable {
    }

    /** The study cells with value 0, then the counts added: one map sorted by cell id. */
    static TreeMap<Long, Double> fill(long[] studyCells, Map<Long, Double> counts) {
        TreeMap<Long, Double> m = new TreeMap<>();
        for (long c : studyCells) {
            m.put(c, 0.0);
        }
        counts.forEach((c, v) -> m.merge(c, v, Double::sum));
        return m;
    }

    /**
     * The same as {@link #fill} for arrays: {@code cells} ascending and distinct with their counts,
     * merged with the ascending study cells; the result is sorted by cell id, study cells without
     * counts at 0. Arrays, because a group can hold a million cells.
     */
    static CellValues fill(long[] studyCells, long[] cells, double[] counts, int n) {
        long[] merged = new long[studyCells.length + n];
        double[] values = new double[merged.length];
        int a = 0, b = 0, m = 0;
        while (a < studyCells.length || b < n) {
            if (b == n || (a < studyCells.length && studyCells[a] < cells[b])) {
                merged[m++] = studyCells[a++];
            } else {
                if (a < studyCells.length && studyCells[a] == cells[b]) {
                    a++;
                }
                values[m] = counts[b];
                merged[m++] = cells[b++];
            }
        }
        return new CellValues(new StudyArea(Arrays.copyOf(merged, m)), Arrays.copyOf(values, m));
    }

    static Scale scale(TreeMap<Long, Double> values, HotspotConfig cfg) {
        return scale(CellValues.of(values), cfg);
    }

    static Scale scale(CellValues values, HotspotConfig cfg) {
        if (!cfg.autoK()) {
            return new Scale(cfg.k(), CONFIGURED);
        }
        if (values.size() < 4) {
            return new Scale(1, "k=1: too few cells (" + values.size() + ") for the automatic scale");
        }
        ScaleChoice s = new HotspotScale(values, cfg.autoKMax()).choose();
        return new Scale(s.k(), s.reason());
    }

    static GiResult gi(CellValues values, HotspotConfig cfg) {
        Scale s = scale(values, cfg);
        List<HotspotCell> cells = GiStar.analyse(values,
            HotspotOptions.ofK(s.k()).withKernel(cfg.kernel()).withFdr(cfg.fdr()));
        double t = 0;
        for (int i = 0; i < values.size(); i++) {
            t += values.value(i);
        }
        return new GiResult(s, cells, Math.round(t));
    }

    /**
     * Emerging hot spots over {@code steps} (oldest first), each filled to the union of the study area
     * and every cell with cases in any step. The automatic scale looks at the sum over all steps.
     */
    static EmergingResult emerging(long[] studyCells, List<Map<Long, Double>> steps, HotspotConfig cfg) {
        TreeMap<Long, Double> total = fill(studyCells, Map.of());
        for (Map<Long, Double> step : steps) {
            step.forEach((c, v) -> total.merge(c, v, Double::sum));
        }
        List<Map<Long, Double>> filled = new ArrayList<>(steps.size());
        for (Map<Long, Double> step : steps) {
            TreeMap<Long, Double> m = new TreeMap<>();
            total.keySet().forEach(c -> m.put(c, 0.0));
            step.forEach((c, v) -> m.merge(c, v, Double::sum));
            filled.add(m);
        }
        Scale s = scale(total, cfg);
        List<EmergingCell> cells = new EmergingHotSpots(filled,
            EmergingOptions.ofK(s.k()).withKernel(cfg.kernel()).withTimeLag(cfg.timeLag())).cells();
        return new EmergingResult(s, cells, steps.size(), total(total));
    }

    static long total(Map<Long, Double> values) {
        double t = 0;
        for (double v : values.values()) {
            t += v;
        }
        return Math.round(t);
    }

    static int count(int[] states, int sign) {
        int n = 0;
        for (int s : states) {
            if (s == sign) {
                n++;
            }
        }
        return n;
    }
}
