package cn.cg.api.heatmap;

import java.util.ArrayList;
import java.util.List;

/**
 * Density to colour, fixed for a query: seven stops on a logarithmic scale from {@code top/1000} to
 * {@code top} (cases per km2), colours interpolated in log space between them (ColorBrewer YlOrRd).
 * Zero is transparent; between zero and the lowest stop the lowest colour fades in; at and above
 * {@code top} the darkest colour. A value has the same colour in every tile and zoom of the query.
 */
final class ColourScale {

    static final int[] COLOURS = {0xffffb2, 0xfed976, 0xfeb24c, 0xfd8d3c, 0xfc4e2a, 0xe31a1c, 0xb10026};
    static final double DECADES = 3;
    private static final int MIN_ALPHA = 150;

    record Stop(double value, String colour) {
    }

    private final double top;
    private final double logTop;
    private final double bottom;

    ColourScale(double top) {
        if (!(top > 0)) {
            throw new IllegalArgumentException("top must be positive");
        }
        this.top = top;
        this.logTop = Math.log10(top);
        this.bottom = top / Math.pow(10, DECADES);
    }

    /** The smallest 1, 2 or 5 times a power of ten at or above v (1 for v <= 0). */
    static double niceCeil(double v) {
        if (!(v > 0)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= v * (1 - 1e-12)) {
                return m * p;
            }
        }
        return 10 * p;
    }

    double top() {
        return top;
    }

    List<Stop> stops() {
        List<Stop> out = new ArrayList<>();
        for (int k = 0; k < COLOURS.length; k++) {
            double value = top / Math.pow(10, DECADES * (COLOURS.length - 1 - k) / (COLOURS.length - 1));
            out.add(new Stop(value, String.format("#%06x", COLOURS[k])));
        }
        return out;
    }

    /** Non-premultiplied ARGB of a density in cases per km2. */
    int argb(double v) {
        if (!(v > 0)) {
            return 0;
        }
        if (v < bottom) {
            int alpha = Math.max(1, (int) Math.round(MIN_ALPHA * v / bottom));
            return alpha << 24 | COLOURS[0];
        }
        double pos = Math.min(1, (Math.log10(v) - logTop + DECADES) / DECADES) * (COLOURS.length - 1);
        int i = Math.min(COLOURS.length - 2, (int) Math.floor(pos));
        double f = pos - i;
        int rgb = mix(COLOURS[i], COLOURS[i + 1], f);
        int alpha = (int) Math.round(MIN_ALPHA + (255 - MIN_ALPHA) * pos / (COLOURS.length - 1));
        return alpha << 24 | rgb;
    }

    private static int mix(int a, int b, double f) {
        int r = (int) Math.round(((a >> 16) & 255) * (1 - f) + ((b >> 16) & 255) * f);
        int g = (int) Math.round(((a >> 8) & 255) * (1 - f) + ((b >> 8) & 255) * f);
        int bl = (int) Math.round((a & 255) * (1 - f) + (b & 255) * f);
        return r << 16 | g << 8 | bl;
    }
}
