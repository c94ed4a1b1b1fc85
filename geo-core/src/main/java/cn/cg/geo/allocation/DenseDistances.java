package cn.cg.geo.allocation;

/** A dense {@code [demand][site]} distance matrix, e.g. all-pairs shortest paths of a small graph. */
final class DenseDistances implements DistanceProvider {

    private final double[][] matrix;

    DenseDistances(double[][] matrix) {
        if (matrix.length == 0) {
            throw new IllegalArgumentException("distance matrix has no demand rows");
        }
        int sites = matrix[0].length;
        for (int i = 0; i < matrix.length; i++) {
            if (matrix[i].length != sites) {
                throw new IllegalArgumentException(
                        "distance matrix is ragged: row " + i + " has " + matrix[i].length + " sites, row 0 has " + sites);
            }
        }
        this.matrix = matrix;
    }

    @Override
    public int demandCount() {
        return matrix.length;
    }

    @Override
    public int siteCount() {
        return matrix[0].length;
    }

    @Override
    public double distance(int demand, int site) {
        return matrix[demand][site];
    }
}
