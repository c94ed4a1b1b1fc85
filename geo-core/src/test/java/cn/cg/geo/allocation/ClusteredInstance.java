package cn.cg.geo.allocation;

import cn.cg.geo.grid.UniformGrid;
import java.util.SplittableRandom;

/**
 * A seeded city-like instance: demand points in Gaussian clusters of different spread over a 30 x 20 km
 * area plus a 5 % uniform background, integer weights, whole-metre coordinates; candidate sites are the
 * demand points with most demand within the radius (how the API generates cell candidates).
 */
record ClusteredInstance(double[] dx, double[] dy, double[] w, double[] sx, double[] sy) {

    static ClusteredInstance generate(int demand, int sites, double radius, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int clusters = 40;
        double[] cx = new double[clusters];
        double[] cy = new double[clusters];
        double[] sigma = new double[clusters];
        for (int k = 0; k < clusters; k++) {
            cx[k] = 30_000 * r.nextDouble();
            cy[k] = 20_000 * r.nextDouble();
            sigma[k] = 400 + 800 * r.nextDouble();
        }
        double[] dx = new double[demand];
        double[] dy = new double[demand];
        double[] w = new double[demand];
        for (int i = 0; i < demand; i++) {
            if (r.nextInt(20) == 0) {
                dx[i] = Math.rint(30_000 * r.nextDouble());
                dy[i] = Math.rint(20_000 * r.nextDouble());
            } else {
                int k = r.nextInt(clusters);
                dx[i] = Math.rint(cx[k] + sigma[k] * gaussian(r));
                dy[i] = Math.rint(cy[k] + sigma[k] * gaussian(r));
            }
            // Heavy-tailed case counts, like busy cells.
            w[i] = 1 + (int) Math.floor(-8 * Math.log(1 - r.nextDouble()));
        }
        // Candidates as the API generates them: the demand points with most demand within the radius.
        double[] reach = new double[demand];
        UniformGrid grid = new UniformGrid(dx, dy, radius);
        int[][] ids = {new int[64]};
        double[][] dist = {new double[64]};
        for (int i = 0; i < demand; i++) {
            int k = grid.within(dx[i], dy[i], radius, ids, dist);
            for (int q = 0; q < k; q++) {
                reach[i] += w[ids[0][q]];
            }
        }
        Integer[] order = new Integer[demand];
        for (int i = 0; i < demand; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> reach[a] != reach[b] ? Double.compare(reach[b], reach[a]) : Integer.compare(a, b));
        double[] sx = new double[sites];
        double[] sy = new double[sites];
        for (int j = 0; j < sites; j++) {
            sx[j] = dx[order[j]];
            sy[j] = dy[order[j]];
        }
        return new ClusteredInstance(dx, dy, w, sx, sy);
    }

    AllocationProblem problem() {
        return AllocationProblem.of(w, DistanceProvider.euclidean(dx, dy, sx, sy));
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller; SplittableRandom has no nextGaussian in Java 17.
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
