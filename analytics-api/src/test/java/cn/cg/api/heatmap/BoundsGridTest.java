package cn.cg.api.heatmap;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cg.geo.grid.H3Cells;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

class BoundsGridTest {

    /** Every box that meets the query box, by testing all of them. */
    private static int[] bruteForce(double[] w, double[] s, double[] e, double[] n, double qw, double qs, double qe, double qn) {
        return IntStream.range(0, w.length).filter(i -> e[i] >= qw && w[i] <= qe && n[i] >= qs && s[i] <= qn).toArray();
    }

    @Test
    void findsExactlyTheBoxesABruteForceFinds() {
        Random r = new Random(7);
        int count = 5_000;
        double[] w = new double[count];
        double[] s = new double[count];
        double[] e = new double[count];
        double[] n = new double[count];
        for (int i = 0; i < count; i++) {
            // Boxes of very different sizes over a city-sized extent, a few far outliers.
            double size = r.nextInt(50) == 0 ? 0.05 : 0.0005 + r.nextDouble() * 0.002;
            double x = 113.8 + r.nextDouble() * 0.6 + (i % 997 == 0 ? 3 : 0);
            double y = 22.4 + r.nextDouble() * 0.4;
            w[i] = x;
            s[i] = y;
            e[i] = x + size * (0.5 + r.nextDouble());
            n[i] = y + size;
        }
        BoundsGrid grid = new BoundsGrid(w, s, e, n);
        for (int q = 0; q < 2_000; q++) {
            double side = Math.pow(10, -4 + 3.5 * r.nextDouble()); // 0.0001 .. 0.3 degrees: zooms 8 to 22
            double qw = 113.7 + r.nextDouble() * 0.9;
            double qs = 22.3 + r.nextDouble() * 0.6;
            int[] expected = bruteForce(w, s, e, n, qw, qs, qw + side, qs + side);
            assertThat(grid.meeting(qw, qs, qw + side, qs + side)).as("query %d", q).containsExactly(expected);
        }
        // Boxes touching the query's edge count; the whole world holds every box; beyond the extent, none.
        assertThat(grid.meeting(e[0], n[0], e[0] + 1e-3, n[0] + 1e-3)).contains(0);
        assertThat(grid.meeting(-180, -90, 180, 90)).hasSize(count);
        assertThat(grid.meeting(0, 0, 1, 1)).isEmpty();
        assertThat(grid.meeting(120, 30, 121, 31)).isEmpty();
    }

    @Test
    void h3CellsOfTileEdgesAreFound() {
        // Real resolution-10 boundaries around one point: every cell a brute force finds in a zoom-16 sized box.
        List<Envelope> boxes = new ArrayList<>();
        for (long c : H3Cells.get().cover(new GeometryFactory().toGeometry(new Envelope(114.04, 114.06, 22.53, 22.55)), 10)) {
            boxes.add(H3Cells.get().boundary(c).getEnvelopeInternal());
        }
        double[] w = boxes.stream().mapToDouble(Envelope::getMinX).toArray();
        double[] s = boxes.stream().mapToDouble(Envelope::getMinY).toArray();
        double[] e = boxes.stream().mapToDouble(Envelope::getMaxX).toArray();
        double[] n = boxes.stream().mapToDouble(Envelope::getMaxY).toArray();
        BoundsGrid grid = new BoundsGrid(w, s, e, n);
        for (double dx = -0.01; dx <= 0.01; dx += 0.0011) {
            for (double dy = -0.01; dy <= 0.01; dy += 0.0013) {
                double qw = 114.05 + dx;
                double qs = 22.54 + dy;
                assertThat(grid.meeting(qw, qs, qw + 0.0055, qs + 0.005))
                        .containsExactly(bruteForce(w, s, e, n, qw, qs, qw + 0.0055, qs + 0.005)).isNotEmpty();
            }
        }
    }

    @Test
    void anEmptyGridMeetsNothing() {
        BoundsGrid grid = new BoundsGrid(new double[0], new double[0], new double[0], new double[0]);
        assertThat(grid.meeting(-180, -90, 180, 90)).isEmpty();
        assertThat(grid.size()).isZero();
    }
}
