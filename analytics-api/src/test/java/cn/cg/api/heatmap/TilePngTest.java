package cn.cg.api.heatmap;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cg.geo.density.KernelDensity;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The heatmap's own PNG writer and the colour lookup: a tile decoded by ImageIO has, pixel for pixel,
 * the colour scale's value of the density there, in both of the writer's forms (palette, RGBA).
 */
class TilePngTest {

    private static final int N = WebMercator.TILE;

    @Test
    void tilesDecodeToTheColourScalesValues() throws Exception {
        // A zoom-16-like tile (2 m pixels) inside wide kernels: a smooth surface over a narrow part of the
        // scale, few colours -> palette; a zoom-12-like one (40 m pixels) with narrow kernels reaching from
        // far above the top to zero -> more than 256 colours, RGBA.
        Random rnd = new Random(7);
        int[] colourTypes = new int[2];
        double[] cell = {2, 40};
        double[] bandwidth = {1500, 400};
        for (int k = 0; k < 2; k++) {
            int n = 60;
            double[] x = new double[n];
            double[] y = new double[n];
            double[] w = new double[n];
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = (rnd.nextDouble() - 0.25) * 1.5 * N * cell[k];
                y[i] = -(rnd.nextDouble() - 0.25) * 1.5 * N * cell[k];
                w[i] = 1 + rnd.nextInt(40);
                s[i] = 0.92;
            }
            float[] raster = new KernelDensity(x, y, w, s, bandwidth[k]).raster(0, 0, cell[k], N, N);
            float[] density = new float[raster.length];
            double max = 0;
            for (int i = 0; i < raster.length; i++) {
                density[i] = (float) (raster[i] * KernelDensity.PER_KM2);
                max = Math.max(max, density[i]);
            }
            ColourScale scale = new ColourScale(ColourScale.niceCeil(max / 3)); // a third: some pixels above the top
            int[] argb = new int[density.length];
            assertThat(scale.argb(density, argb)).isTrue();
            byte[] png = TilePng.encode(argb, N, N);
            colourTypes[k] = png[25]; // IHDR colour type
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(img.getWidth()).isEqualTo(N);
            assertThat(img.getHeight()).isEqualTo(N);
            int transparent = 0;
            for (int row = 0; row < N; row++) {
                for (int col = 0; col < N; col++) {
                    int expected = scale.argb(density[row * N + col]);
                    assertThat(img.getRGB(col, row)).as("pixel %d,%d of tile %d", col, row, k).isEqualTo(expected);
                    transparent += expected == 0 ? 1 : 0;
                }
            }
            if (k == 1) {
                assertThat(transparent).as("transparent pixels").isPositive();
            }
        }
        assertThat(colourTypes).containsExactly(3, 6);
    }

    @Test
    void anEmptyTileIsTransparent() throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(TilePng.encode(new int[N * N], N, N)));
        assertThat(img.getRGB(0, 0)).isZero();
        assertThat(img.getRGB(255, 255)).isZero();
    }

    @Test
    void theColourLookupIsArgbForEveryFloat() {
        // Log-uniform floats from far below the lowest stop to far above the top, the stops themselves and
        // the floats next to them, for scales of several magnitudes, down to below and beyond float's range.
        Random rnd = new Random(11);
        for (double top : new double[] {1, 20, 500, 2e4, 1e-300, 1e-40, 1e38, 1e300}) {
            ColourScale scale = new ColourScale(top);
            int m = 200_000;
            float[] v = new float[m];
            for (int i = 0; i < m; i++) {
                v[i] = (float) (top * Math.pow(10, -5 + 6 * rnd.nextDouble()));
            }
            int at = 0;
            for (ColourScale.Stop stop : scale.stops()) {
                float f = (float) stop.value();
                v[at++] = f;
                v[at++] = Math.nextUp(f);
                v[at++] = Math.nextDown(f);
            }
            v[at++] = 0;
            int[] out = new int[m];
            scale.argb(v, out);
            for (int i = 0; i < m; i++) {
                assertThat(out[i]).as("colour of %s at top %s", v[i], top).isEqualTo(scale.argb(v[i]));
            }
        }
    }
}
