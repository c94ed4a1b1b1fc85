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
    private volatile Lookup lookup;

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

    /**
     * {@link #argb(double)} of every value of a raster (what a tile's pixels are), each exactly that, without
     * a logarithm per pixel: from the lowest stop to the top, {@code argb} is a step function of the
     * (float) density, so a table of the floats where its value changes, built once per scale, answers
     * each pixel with an index and a comparison or two. Returns whether any pixel is not transparent.
     */
    boolean argb(float[] values, int[] out) {
        Lookup l = lookup;
        if (l == null) {
            l = Lookup.of(this);
            lookup = l;
        }
        boolean any = false;
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            int c;
            if (v == 0) {
                c = 0;
            } else if (l.exact && v >= l.from && v < l.to) {
                c = l.colour(Float.floatToRawIntBits(v));
            } else {
                c = argb(v);
            }
            out[i] = c;
            any |= c != 0;
        }
        return any;
    }

    /**
     * The steps of {@link #argb(double)} over the floats [from, to) (the lowest stop to the top): piece k
     * starts at float bits {@code starts[k]} and has colour {@code colours[k]}; {@code first[j]} is the
     * piece holding the float bits {@code fromBits + (j << SHIFT)}. Found by bisection on the float bits,
     * which is exact where argb is monotone in each channel: the position on the scale and the alpha are,
     * and a channel between two stops is up to one unit in the last place of the blend, which can only
     * make a value flicker within a float or two of a step. Every step is therefore checked against argb
     * over the 32 floats around it; if one disagrees ({@code exact} false), every pixel takes argb.
     */
    private record Lookup(boolean exact, float from, float to, int fromBits, int[] starts, int[] colours, int[] first) {

        private static final int SHIFT = 12;
        private static final int CHECK = 16;

        static Lookup of(ColourScale scale) {
            float from = (float) scale.bottom;
            if (from < scale.bottom) {
                from = Math.nextUp(from);
            }
            float to = (float) scale.top;
            if (to < scale.top) {
                to = Math.nextUp(to);
            }
            int b0 = Float.floatToRawIntBits(from);
            int b1 = Float.floatToRawIntBits(to);
            int[] starts = new int[64];
            int[] colours = new int[64];
            int n = 0;
            for (int cur = b0; cur < b1; ) {
                int o = scale.argb(Float.intBitsToFloat(cur));
                long lo = cur;
                long hi = b1;
                for (long step = 1; lo + step < b1; step *= 2) {
                    if (scale.argb(Float.intBitsToFloat((int) (lo + step))) == o) {
                        lo += step;
                    } else {
                        hi = lo + step;
                        break;
                    }
                }
                while (hi - lo > 1) {
                    long mid = (lo + hi) >>> 1;
                    if (scale.argb(Float.intBitsToFloat((int) mid)) == o) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                if (n == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, 2 * n);
                    colours = java.util.Arrays.copyOf(colours, 2 * n);
                }
                starts[n] = cur;
                colours[n] = o;
                n++;
                cur = (int) hi;
            }
            starts = java.util.Arrays.copyOf(starts, n);
            colours = java.util.Arrays.copyOf(colours, n);
            int[] first = new int[(int) (((long) b1 - b0) >>> SHIFT) + 1];
            for (int j = 0, k = 0; j < first.length; j++) {
                long bits = b0 + ((long) j << SHIFT);
                while (k + 1 < n && starts[k + 1] <= bits) {
                    k++;
                }
                first[j] = k;
            }
            Lookup l = new Lookup(true, from, to, b0, starts, colours, first);
            for (int k = 1; k < n; k++) {
                for (int bits = Math.max(b0, starts[k] - CHECK); bits < Math.min(b1, starts[k] + CHECK); bits++) {
                    if (l.colour(bits) != scale.argb(Float.intBitsToFloat(bits))) {
                        return new Lookup(false, from, to, b0, starts, colours, first);
                    }
                }
            }
            return l;
        }

        int colour(int bits) {
            int k = first[(bits - fromBits) >>> SHIFT];
            while (k + 1 < starts.length && starts[k + 1] <= bits) {
                k++;
            }
            return colours[k];
        }
    }

    private static int mix(int a, int b, double f) {
        int r = (int) Math.round(((a >> 16) & 255) * (1 - f) + ((b >> 16) & 255) * f);
        int g = (int) Math.round(((a >> 8) & 255) * (1 - f) + ((b >> 8) & 255) * f);
        int bl = (int) Math.round((a & 255) * (1 - f) + (b & 255) * f);
        return r << 16 | g << 8 | bl;
    }
}
