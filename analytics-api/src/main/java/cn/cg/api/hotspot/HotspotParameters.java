package cn.cg.api.hotspot;

import cn.cg.api.system.InvalidParameterException;
import cn.cg.geo.hotspot.Kernel;
import java.util.Locale;

/** Parsing of the hotspot endpoints' plain parameters; a bad value is a 400 naming the parameter. */
final class HotspotParameters {

    static final int MIN_RESOLUTION = 7;
    static final int MAX_RESOLUTION = 10;
    /** k = 0 means automatic. */
    static final int AUTO = 0;

    private HotspotParameters() {
    }

    static int resolution(String v, int fallback) {
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int r = Integer.parseInt(v.trim());
            if (r >= MIN_RESOLUTION && r <= MAX_RESOLUTION) {
                return r;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new InvalidParameterException("resolution", "'" + v + "' is not an H3 resolution from "
            + MIN_RESOLUTION + " to " + MAX_RESOLUTION);
    }

    /** 'auto' (or blank) -> {@link #AUTO}, else a ring size 1..maxK. */
    static int k(String v, int maxK) {
        if (v == null || v.isBlank() || v.trim().equalsIgnoreCase("auto")) {
            return AUTO;
        }
        try {
            int k = Integer.parseInt(v.trim());
            if (k >= 1 && k <= maxK) {
                return k;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new InvalidParameterException("k", "'" + v + "' is neither 'auto' nor a ring size from 1 to " + maxK);
    }

    static Kernel kernel(String v) {
        if (v == null || v.isBlank()) {
            return Kernel.BINARY;
        }
        try {
            return Kernel.parse(v);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("kernel", e.getMessage());
        }
    }

    static boolean flag(String name, String v, boolean fallback) {
        if (v == null || v.isBlank()) {
            return fallback;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new InvalidParameterException(name, "'" + v + "' is not true or false");
        };
    }

    /** 'week' or 'month' (default month). */
    static String step(String v) {
        if (v == null || v.isBlank()) {
            return "month";
        }
        String s = v.trim().toLowerCase(Locale.ROOT);
        if (!s.equals("week") && !s.equals("month")) {
            throw new InvalidParameterException("step", "'" + v + "' is not week or month");
        }
        return s;
    }
}
