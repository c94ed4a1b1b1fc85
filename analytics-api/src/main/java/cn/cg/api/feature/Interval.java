package cn.cg.api.feature;

import cn.cg.api.aggregate.Period;
import cn.cg.api.system.InvalidParameterException;

/**
 * The OGC {@code datetime} parameter as local days: {@code 2025-03-01}, {@code 2025-03-01/2025-03-31}
 * (both ends inclusive), RFC 3339 date-times (their date part) or months ({@code 2025-03}). Open ends
 * ({@code ..}) are refused: aggregates need a bounded period.
 */
public record Interval(Period period) {

    public static Interval parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] parts = value.trim().split("/", -1);
        if (parts.length > 2) {
            throw new InvalidParameterException("datetime", "datetime is an instant or start/end");
        }
        String start = day(parts[0]);
        String end = parts.length == 2 ? day(parts[1]) : start;
        try {
            return new Interval(Period.parse(start, end, null));
        } catch (InvalidParameterException e) {
            throw new InvalidParameterException("datetime", e.getMessage());
        }
    }

    private static String day(String s) {
        String v = s.trim();
        if (v.isEmpty() || v.equals("..")) {
            throw new InvalidParameterException("datetime", "open intervals are not supported; give start/end");
        }
        int t = v.indexOf('T');
        return t > 0 ? v.substring(0, t) : v;
    }
}
