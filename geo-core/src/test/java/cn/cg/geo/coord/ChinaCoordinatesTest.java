package cn.cg.geo.coord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Test vectors from the design (section 9), input (116.404, 39.915). */
class ChinaCoordinatesTest {

    private static final double EXACT = 1e-12;

    @Test
    void wgs84ToGcj02MatchesReferenceVector() {
        double[] g = ChinaCoordinates.wgs84ToGcj02(116.404, 39.915);
        assertThat(g[0]).isCloseTo(116.41024449916938, within(EXACT));
        assertThat(g[1]).isCloseTo(39.91640428150164, within(EXACT));
    }

    @Test
    void bd09ToGcj02MatchesReferenceVector() {
        double[] g = ChinaCoordinates.bd09ToGcj02(116.404, 39.915);
        assertThat(g[0]).isCloseTo(116.39762729119315, within(EXACT));
        assertThat(g[1]).isCloseTo(39.90865673957631, within(EXACT));
    }

    @Test
    void gcj02ToBd09MatchesReferenceVector() {
        double[] b = ChinaCoordinates.gcj02ToBd09(116.404, 39.915);
        assertThat(b[0]).isCloseTo(116.41036949371029, within(EXACT));
        assertThat(b[1]).isCloseTo(39.92133699351021, within(EXACT));
    }

    @Test
    void gcj02InverseRoundTripsBelowATenthOfAMillimetre() {
        // 1e-9 degrees is about 0.1 mm; the one-step inverse misses by metres.
        for (double[] p : new double[][] {{116.404, 39.915}, {114.0579, 22.5431}, {121.4737, 31.2304}, {87.6, 43.8}}) {
            double[] g = ChinaCoordinates.wgs84ToGcj02(p[0], p[1]);
            double[] w = ChinaCoordinates.gcj02ToWgs84(g[0], g[1]);
            assertThat(w[0]).isCloseTo(p[0], within(1e-9));
            assertThat(w[1]).isCloseTo(p[1], within(1e-9));
        }
    }

    @Test
    void bd09RoundTripsThroughWgs84WithinCentimetres() {
        // The BD-09 pair is the published closed form (it reproduces the reference vectors); the two
        // directions are not exact inverses of each other, they agree to about 2 cm.
        double[] b = ChinaCoordinates.wgs84ToBd09(114.0579, 22.5431);
        double[] w = ChinaCoordinates.bd09ToWgs84(b[0], b[1]);
        assertThat(w[0]).isCloseTo(114.0579, within(5e-7));
        assertThat(w[1]).isCloseTo(22.5431, within(5e-7));
    }

    @Test
    void noOffsetOutsideChina() {
        assertThat(ChinaCoordinates.wgs84ToGcj02(-122.4, 37.7)).containsExactly(-122.4, 37.7);
        assertThat(ChinaCoordinates.gcj02ToWgs84(-122.4, 37.7)).containsExactly(-122.4, 37.7);
    }
}
