package cn.cg.geo.privacy;

import cn.cg.geo.grid.H3Cells;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Small-count suppression for H3 cell counts shown to the public: no published cell holds fewer than
 * {@code k} cases, so no cell points at a single complaint.
 *
 * <p>The rule: a cell with at least k cases is published as it is. The cells below k are pooled by their
 * parent one resolution up; a pool that reaches k is published as the parent cell with the pool's count
 * (the cases of its small children only: its large children are already published). A pool still below k
 * moves up again, until {@code coarsest}; what is still below k there is dropped. Cells without cases are
 * not input (nothing to hide and nothing to show). Counts are conserved except for the dropped remainder.
 *
 * <p>The parent pools never overlap each other (each small cell goes to exactly one ancestor), but a
 * parent may overlap its own large children: readers draw or weigh them as separate features.
 */
public final class SmallCountMerge {

    /** A published cell: the input cell or an ancestor, with the count it stands for. */
    public record Cell(long cell, int resolution, long count, boolean merged) {
    }

    /** What a merge published and what it had to drop. */
    public record Result(List<Cell> cells, long droppedCases, int droppedPools) {
    }

    private SmallCountMerge() {
    }

    /**
     * @param counts cases per cell (any resolution; zero and negative counts are ignored)
     * @param k the smallest count that may be published (k of 1 or less publishes everything as it is)
     * @param coarsest the coarsest resolution pools may climb to
     */
    public static Result merge(Map<Long, Long> counts, int k, int coarsest) {
        H3Cells h3 = H3Cells.get();
        List<Cell> out = new ArrayList<>();
        TreeMap<Long, Long> pools = new TreeMap<>();
        for (Map.Entry<Long, Long> e : counts.entrySet()) {
            long n = e.getValue();
            if (n <= 0) {
                continue;
            }
            if (n >= k) {
                out.add(new Cell(e.getKey(), h3.resolution(e.getKey()), n, false));
            } else {
                pools.merge(e.getKey(), n, Long::sum);
            }
        }
        long dropped = 0;
        int droppedPools = 0;
        while (!pools.isEmpty()) {
            TreeMap<Long, Long> up = new TreeMap<>();
            for (Map.Entry<Long, Long> e : pools.entrySet()) {
                int r = h3.resolution(e.getKey());
                if (r <= coarsest) {
                    dropped += e.getValue();
                    droppedPools++;
                } else {
                    up.merge(h3.parent(e.getKey(), r - 1), e.getValue(), Long::sum);
                }
            }
            pools = new TreeMap<>();
            for (Map.Entry<Long, Long> e : up.entrySet()) {
                if (e.getValue() >= k) {
                    out.add(new Cell(e.getKey(), h3.resolution(e.getKey()), e.getValue(), true));
                } else {
                    pools.put(e.getKey(), e.getValue());
                }
            }
        }
        out.sort(Comparator.comparingInt(Cell::resolution).reversed().thenComparingLong(Cell::cell));
        return new Result(List.copyOf(out), dropped, droppedPools);
    }
}
