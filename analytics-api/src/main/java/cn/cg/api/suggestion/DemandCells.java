package cn.cg.api.suggestion;

/**
 * Demand points of a suggestion run: one per fine H3 cell with cases, at the cases' mean position.
 *
 * @param cell H3 cell id (resolution 10)
 * @param cases cases reported in the cell
 * @param eveningCases of which in the evening band
 * @param weight demand weight the solver maximises or minimises (evening cases weighted)
 */
public record DemandCells(long[] cell, double[] lon, double[] lat, int[] cases, int[] eveningCases, double[] weight) {

    public int size() {
        return cell.length;
    }

    public long totalCases() {
        long t = 0;
        for (int c : cases) {
            t += c;
        }
        return t;
    }

    public double totalWeight() {
        double t = 0;
        for (double v : weight) {
            t += v;
        }
        return t;
    }
}
