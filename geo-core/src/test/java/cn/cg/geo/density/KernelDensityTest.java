package cn.cg.geo.density;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KernelDensityTest {

    @Test
    void quarticKernelIntegratesToOneOverTheDisc() {
        // Midpoint rule over [-1,1]^2 in units of h: sum K(|u|) du^2 -> 1.
        int n = 2000;
        double du = 2.0 / n;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double ux = -1 + (i + 0.5) * du;
                double uy = -1 + (j + 0.5) * du;
                sum += KernelDensity.quartic(Math.hypot(ux, uy)) * du * du;
            }
        }
        assertThat(sum).isCloseTo(1.0, within(1e-5));
        assertThat(KernelDensity.quartic(0)).isCloseTo(3 / Math.PI, within(1e-15));
        assertThat(KernelDensity.quartic(1)).isZero();
    }

    @Test
    void aRasterHoldsTheWeightOfItsPoints() {
        // Two points of weights 3 and 5, bandwidth 200 m, 2 m cells: the raster sums to 8 cases.
        KernelDensity kd = KernelDensity.metric(new double[] {0, 150}, new double[] {0, -40}, new double[] {3, 5}, 200);
        float[] r = kd.raster(-400, 400, 2, 400, 400);
        double total = 0;
        for (float v : r) {
            total += v * 4.0;
        }
        assertThat(total).isCloseTo(8.0, within(1e-3));
        // The peak of a lone point is w * 3 / (pi h^2).
        KernelDensity one = KernelDensity.metric(new double[] {0}, new double[] {0}, new double[] {2}, 100);
        assertThat(one.densityAt(0, 0)).isCloseTo(2 * 3 / (Math.PI * 100 * 100), within(1e-15));
        assertThat(one.densityAt(50, 0)).isCloseTo(2 * 3 / (Math.PI * 1e4) * 0.75 * 0.75, within(1e-15));
        assertThat(one.densityAt(100, 0)).isZero();
    }

    @Test
    void rasterCellsEqualPointEvaluationAndSplitRastersJoinExactly() {
        double[] x = {10, 260, 499, 505, 800};
        double[] y = {-10, -300, -250, -260, -100};
        double[] w = {1, 4, 2, 7, 3};
        KernelDensity kd = KernelDensity.metric(x, y, w, 120);
        float[] whole = kd.raster(0, 0, 5, 200, 100);
        float[] left = kd.raster(0, 0, 5, 100, 100);
        float[] right = kd.raster(500, 0, 5, 100, 100);
        for (int r = 0; r < 100; r++) {
            for (int c = 0; c < 100; c++) {
                assertThat(left[r * 100 + c]).isEqualTo(whole[r * 200 + c]);
                assertThat(right[r * 100 + c]).isEqualTo(whole[r * 200 + 100 + c]);
            }
        }
        assertThat((double) whole[55 * 200 + 99]).isCloseTo(kd.densityAt(497.5, -277.5), within(1e-9));
    }

    @Test
    void everyCellOfALargeRasterIsThePointEvaluation() {
        // 600 points whose discs span the whole 2,000-cell width: 1.2M column terms, more than the raster
        // holds at once, so the points are taken in two chunks; bands of rows, long and short runs.
        java.util.Random rnd = new java.util.Random(5);
        int n = 600;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] w = new double[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble() * 2000;
            y[i] = -rnd.nextDouble() * 40;
            w[i] = 1 + rnd.nextInt(9);
            s[i] = 0.9 + 0.1 * rnd.nextDouble();
        }
        KernelDensity kd = new KernelDensity(x, y, w, s, 1900);
        int width = 2000;
        int height = 20;
        float[] r = kd.raster(0, 0, 1, width, height);
        int zero = 0;
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                double expected = kd.densityAt(col + 0.5, -(row + 0.5));
                assertThat((double) r[row * width + col]).isCloseTo(expected, within(expected * 1e-6));
                zero += expected == 0 ? 1 : 0;
            }
        }
        // Narrow kernels too (runs of a few cells), with cells outside every disc exactly zero.
        KernelDensity narrow = new KernelDensity(x, y, w, s, 3);
        float[] q = narrow.raster(0, 0, 1, width, height);
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                double expected = narrow.densityAt(col + 0.5, -(row + 0.5));
                assertThat((double) q[row * width + col]).isCloseTo(expected, within(expected * 1e-6));
                zero += expected == 0 ? 1 : 0;
            }
        }
        assertThat(zero).isPositive();
    }

    @Test
    void scaledPointsUseGroundDistance() {
        // At 60 degrees one Web Mercator unit is 0.5 m on the ground: a 100 m bandwidth reaches 200 units.
        KernelDensity kd = new KernelDensity(new double[] {0}, new double[] {0}, new double[] {1}, new double[] {0.5}, 100);
        assertThat(kd.densityAt(100, 0)).isCloseTo(KernelDensity.quartic(0.5) / 1e4, within(1e-15));
        assertThat(kd.densityAt(199, 0)).isPositive();
        assertThat(kd.densityAt(201, 0)).isZero();
    }

    @Test
    void silvermanBandwidthByHand() {
        // Four points on a square of side 200 around (0,0), weights 1: SD = sqrt(100^2+100^2) = 141.42,
        // Dm = 141.42, sqrt(1/ln2)*Dm = 169.86, so h = 0.9 * 141.42 * 4^-0.2 = 96.46.
        double[] x = {-100, 100, -100, 100};
        double[] y = {-100, -100, 100, 100};
        double h = KernelDensity.silvermanBandwidth(x, y, new double[] {1, 1, 1, 1});
        assertThat(h).isCloseTo(0.9 * Math.sqrt(20000) * Math.pow(4, -0.2), within(1e-9));
        // Weights count as cases: one point of weight 4 at each corner gives n = 16.
        double h16 = KernelDensity.silvermanBandwidth(x, y, new double[] {4, 4, 4, 4});
        assertThat(h16).isCloseTo(0.9 * Math.sqrt(20000) * Math.pow(16, -0.2), within(1e-9));
        // Median term wins when most weight sits at the centre: Dm = 0 there -> 0 (callers clamp).
        assertThat(KernelDensity.silvermanBandwidth(new double[] {0, 0, 1000}, new double[] {0, 0, 0},
                new double[] {5, 5, 1})).isLessThan(0.9 * 1000 * Math.pow(11, -0.2));
        assertThat(KernelDensity.silvermanBandwidth(new double[0], new double[0], new double[0])).isZero();
    }

    @Test
    void silvermanMedianTermIsWeighted() {
        // The far light point inflates SD; the weighted median distance ignores it.
        double[] x = {0, 30, 3000};
        double[] y = {0, 0, 0};
        double[] w = {100, 100, 1};
        double sw = 201;
        double mx = (30 * 100 + 3000) / sw;
        double sd = Math.sqrt((100 * mx * mx + 100 * (30 - mx) * (30 - mx) + (3000 - mx) * (3000 - mx)) / sw);
        double dm = mx; // sorted: (0.15, w 100), (29.85, w 100): half the weight (100.5) is reached at 29.85
        double expected = 0.9 * Math.min(sd, Math.sqrt(1 / Math.log(2)) * dm) * Math.pow(sw, -0.2);
        assertThat(KernelDensity.silvermanBandwidth(x, y, w)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void maxAtPointsIsTheLargestPointDensity() {
        double[] x = {0, 30, 2000, 2050, 5000};
        double[] y = {0, 10, 0, 0, 4000};
        double[] w = {2, 3, 1, 1, 9};
        KernelDensity kd = KernelDensity.metric(x, y, w, 100);
        double expected = 0;
        for (int i = 0; i < x.length; i++) {
            expected = Math.max(expected, kd.densityAt(x[i], y[i]));
        }
        assertThat(kd.maxAtPoints()).isCloseTo(expected, within(1e-15));
        assertThat(expected).isCloseTo(9 * 3 / (Math.PI * 1e4), within(1e-15));
    }

    /**
     * Against the point-by-point sum ({@link KernelDensity#densityAt}) on clustered random points in Web
     * Mercator with their own ground scales, for bandwidths from below the points' spacing to wider than the
     * region, and points spread much wider than the bandwidth (the bucket grid is then coarsened).
     */
    @Test
    void maxAtPointsEqualsThePointByPointMaximum() {
        java.util.Random random = new java.util.Random(7);
        for (double[] setting : new double[][] {{50, 20_000}, {800, 20_000}, {1900, 20_000}, {30_000, 20_000}, {300, 3_000_000}}) {
            double bandwidth = setting[0];
            double spread = setting[1];
            int n = 1500;
            double[] x = new double[n];
            double[] y = new double[n];
            double[] w = new double[n];
            double[] scale = new double[n];
            for (int i = 0; i < n; i++) {
                // Half the points in a few tight clusters, so that the maximum is somewhere definite.
                boolean clustered = i % 2 == 0;
                double cx = clustered ? (i % 10) * spread / 10 : 0;
                x[i] = 12_700_000 + (clustered ? cx + random.nextGaussian() * bandwidth / 2 : random.nextDouble() * spread);
                y[i] = 2_570_000 + (clustered ? random.nextGaussian() * bandwidth / 2 : random.nextDouble() * spread);
                w[i] = 1 + random.nextInt(20);
                double lat = Math.toDegrees(Math.atan(Math.sinh(y[i] / 6_378_137.0)));
                scale[i] = Math.cos(Math.toRadians(lat));
            }
            KernelDensity kd = new KernelDensity(x, y, w, scale, bandwidth);
            double expected = 0;
            for (int i = 0; i < n; i++) {
                expected = Math.max(expected, kd.densityAt(x[i], y[i]));
            }
            assertThat(expected).as("a maximum to find at h = %s", bandwidth).isPositive();
            assertThat(kd.maxAtPoints()).as("h = %s, spread %s", bandwidth, spread).isCloseTo(expected, within(expected * 1e-12));
        }
    }
}
