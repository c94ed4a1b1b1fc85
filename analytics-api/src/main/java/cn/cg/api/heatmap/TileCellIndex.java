package cn.cg.api.heatmap;

/**
 * One query's cells at one resolution with their counts, in cell order, and a {@link BoundsGrid} over the
 * bounds of their boundaries: what a token holder's vector tile needs from the aggregates ({@link
 * TileCellIndexes}).
 */
final class TileCellIndex {

    private final long[] cell;
    private final int[] cases;
    private final BoundsGrid grid;

    TileCellIndex(long[] cell, int[] cases, double[] west, double[] south, double[] east, double[] north) {
        this.cell = cell;
        this.cases = cases;
        this.grid = new BoundsGrid(west, south, east, north);
    }

    /** The cells of a tile and their counts, boxed for the JDBC driver's arrays. */
    record Picked(Long[] cells, Integer[] cases) {
        boolean isEmpty() {
            return cells.length == 0;
        }
    }

    /** Bytes held, for the cache's weigher. */
    long bytes() {
        return 12L * cell.length + grid.bytes();
    }

    /** The cells whose bounds meet the box (lon/lat, edges included), in the order they were given. */
    Picked meeting(double w, double s, double e, double n) {
        int[] slots = grid.meeting(w, s, e, n);
        Long[] ids = new Long[slots.length];
        Integer[] counts = new Integer[slots.length];
        for (int k = 0; k < slots.length; k++) {
            ids[k] = cell[slots[k]];
            counts[k] = cases[slots[k]];
        }
        return new Picked(ids, counts);
    }
}
