package cn.cg.api.heatmap;

/**
 * One query's cells at one resolution with their counts and centres, in cell order, and a {@link BoundsGrid}
 * over the bounds of their boundaries: what a token holder's vector tile and heatmap need from the aggregates
 * ({@link TileCellIndexes}).
 */
final class TileCellIndex {

    private final long[] cell;
    private final int[] cases;
    private final double[] lon;
    private final double[] lat;
    private final double[][] bounds; // west, south, east, north: the grid's own arrays
    private final BoundsGrid grid;

    /** @param lon the cells' centres (their boundaries' centroids), as {@code lat} */
    TileCellIndex(long[] cell, int[] cases, double[] west, double[] south, double[] east, double[] north, double[] lon, double[] lat) {
        this.cell = cell;
        this.cases = cases;
        this.lon = lon;
        this.lat = lat;
        this.bounds = new double[][] {west, south, east, north};
        this.grid = new BoundsGrid(west, south, east, north);
    }

    /** The cells as the heatmap's weighted points: each at its centre, weighed by its count. */
    CellPoints points() {
        double[] w = new double[cases.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = cases[i];
        }
        return new CellPoints(lon.clone(), lat.clone(), w);
    }

    /** The cells of a tile, their counts and the extents of their boundaries, boxed for the JDBC driver's arrays. */
    record Picked(Long[] cells, Integer[] cases, Double[] west, Double[] south, Double[] east, Double[] north) {
        boolean isEmpty() {
            return cells.length == 0;
        }
    }

    /** Bytes held, for the cache's weigher. */
    long bytes() {
        return 28L * cell.length + grid.bytes();
    }

    /** The cells whose bounds meet the box (lon/lat, edges included), in the order they were given. */
    Picked meeting(double w, double s, double e, double n) {
        int[] slots = grid.meeting(w, s, e, n);
        Long[] ids = new Long[slots.length];
        Integer[] counts = new Integer[slots.length];
        Double[][] box = new Double[4][slots.length];
        for (int k = 0; k < slots.length; k++) {
            ids[k] = cell[slots[k]];
            counts[k] = cases[slots[k]];
            for (int side = 0; side < 4; side++) {
                box[side][k] = bounds[side][slots[k]];
            }
        }
        return new Picked(ids, counts, box[0], box[1], box[2], box[3]);
    }
}
