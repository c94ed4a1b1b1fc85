package cn.cg.geo.allocation;

/** Planar distance on projected coordinates; computed on demand so large instances need no matrix. */
final class EuclideanDistances implements DistanceProvider {

    private final double[] dx;
    private final double[] dy;
    private final double[] sx;
    private final double[] sy;

    EuclideanDistances(double[] dx, double[] dy, double[] sx, double[] sy) {
        if (dx.length != dy.length || sx.length != sy.length) {
            throw new IllegalArgumentException("x and y coordinate arrays differ in length");
        }
        if (dx.length == 0 || sx.length == 0) {
            throw new IllegalArgumentException("need at least one demand point and one site");
        }
        this.dx = dx.clone();
        this.dy = dy.clone();
        this.sx = sx.clone();
        this.sy = sy.clone();
    }

    @Override
    public int demandCount() {
        return dx.length;
    }

    @Override
    public int siteCount() {
        return sx.length;
    }

    @Override
    public double distance(int demand, int site) {
        // sqrt of the exact sum (not hypot): with integer-metre coordinates the square is exact and sqrt
        // is correctly rounded, so "distance <= R" agrees with an integer test dx^2+dy^2 <= R^2 used by
        // the exact-solver instance generator.
        double ex = dx[demand] - sx[site];
        double ey = dy[demand] - sy[site];
        return Math.sqrt(ex * ex + ey * ey);
    }

    // Coordinates for the grid-based neighbour lists (UniformGrid); never modified.
    double[] demandX() {
        return dx;
    }

    double[] demandY() {
        return dy;
    }

    double[] siteX() {
        return sx;
    }

    double[] siteY() {
        return sy;
    }
}
