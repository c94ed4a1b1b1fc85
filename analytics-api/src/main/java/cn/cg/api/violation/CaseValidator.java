package cn.cg.api.violation;

import static cn.cg.api.violation.ImportProfile.Field.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a file's row into a case or says why not. Holds the case numbers seen so far, so a case
 * number repeated within one file is rejected at its second and later lines.
 */
final class CaseValidator {

    /** Set by readers on a row whose structure is broken; its value is the reason. */
    static final String MALFORMED = "\u0000malformed";

    private static final Map<String, String> SOURCES = Map.ofEntries(
            Map.entry("patrol", "patrol"), Map.entry("巡查", "patrol"),
            Map.entry("hotline", "hotline"), Map.entry("热线", "hotline"), Map.entry("12345", "hotline"),
            Map.entry("camera", "camera"), Map.entry("视频", "camera"),
            Map.entry("app", "app"), Map.entry("other", "other"), Map.entry("其他", "other"));
    private static final OffsetDateTime EARLIEST = OffsetDateTime.parse("1990-01-01T00:00:00Z");
    /**
     * Closing times and deadlines are not bounded by the clock (a deadline lies ahead); beyond this one they
     * are typos, and years past 9999 or before 1 cannot be stored at all.
     */
    private static final OffsetDateTime LATEST_DUE = OffsetDateTime.parse("2200-01-01T00:00:00Z");
    private static final int MAX_CASE_NO = 64;

    private final ImportProfile profile;
    private final CoordinateSystem crs;
    private final Set<String> categories;
    private final OffsetDateTime latest;
    private final Map<String, Integer> seen = new HashMap<>();

    CaseValidator(ImportProfile profile, CoordinateSystem crs, Set<String> categories, OffsetDateTime now) {
        this.profile = profile;
        this.crs = crs;
        this.categories = categories;
        this.latest = now.plusDays(1); // clocks of reporting devices drift; a day later is a typo
    }

    /** Either a {@link CaseRecord} or a {@link Rejection}. */
    Object validate(SourceRow row) {
        try {
            return check(row);
        } catch (Invalid e) {
            return new Rejection(row.line(), row.get(profile.column(CASE_NO)), e.getMessage());
        }
    }

    private CaseRecord check(SourceRow row) {
        String malformed = row.values().get(MALFORMED);
        if (malformed != null) {
            throw new Invalid("row " + malformed);
        }
        String caseNo = text(profile.column(CASE_NO), required(row, CASE_NO, "case number"));
        if (caseNo.length() > MAX_CASE_NO) {
            throw new Invalid("case number is longer than " + MAX_CASE_NO + " characters");
        }
        String category = category(row);
        String status = mapped(row, STATUS, CaseStatuses.BY_NAME, profile.statuses(), profile.defaultStatus(), "status");
        String source = mapped(row, SOURCE, SOURCES, Map.of(), profile.defaultSource(), "source");
        OffsetDateTime reported = time(row, REPORTED_AT, true);
        if (reported.isBefore(EARLIEST) || reported.isAfter(latest)) {
            throw new Invalid("bad time: reported_at " + reported + " is outside 1990 to tomorrow");
        }
        OffsetDateTime closed = due(row, CLOSED_AT);
        if (closed != null && closed.isBefore(reported)) {
            throw new Invalid("bad time: closed_at " + closed + " is before reported_at " + reported);
        }
        OffsetDateTime deadline = due(row, DEADLINE_AT);
        double[] lonLat = coordinates(row);
        double weight = weight(row);
        CaseRecord record = new CaseRecord(row.line(), caseNo, category, source, status, reported, closed, deadline,
                lonLat[0], lonLat[1], gridCode(row), text(row, ADDRESS), weight, attrs(row),
                text(row, REPORTER_NAME), text(row, REPORTER_PHONE));
        // Last, so that only a row that is taken claims its case number.
        Integer first = seen.putIfAbsent(caseNo, row.line());
        if (first != null) {
            throw new Invalid("duplicate case number " + caseNo + " within the file (first at line " + first + ")");
        }
        return record;
    }

    private String text(SourceRow row, ImportProfile.Field field) {
        return text(profile.column(field), row.get(profile.column(field)));
    }

    /** PostgreSQL text cannot hold the NUL character; a value with one inside is refused, not cut. */
    private static String text(String column, String value) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw new Invalid(column + " contains a NUL character (byte 0x00), which text cannot hold");
        }
        return value;
    }

    private OffsetDateTime due(SourceRow row, ImportProfile.Field field) {
        OffsetDateTime t = time(row, field, false);
        if (t != null && (t.isBefore(EARLIEST) || !t.isBefore(LATEST_DUE))) {
            throw new Invalid("bad time: " + profile.column(field) + " " + t + " is outside 1990 to 2199");
        }
        return t;
    }

    private String required(SourceRow row, ImportProfile.Field field, String what) {
        String v = row.get(profile.column(field));
        if (v == null) {
            throw new Invalid("missing " + what + (profile.column(field) == null ? "" : " (column " + profile.column(field) + ")"));
        }
        return v;
    }

    private String category(SourceRow row) {
        String raw = required(row, CATEGORY, "category");
        String code = profile.categories().getOrDefault(raw, raw);
        if (categories.contains(code)) {
            return code;
        }
        if (profile.fallbackCategory() != null) {
            return profile.fallbackCategory();
        }
        throw new Invalid("unknown category '" + raw + "'");
    }

    private String mapped(SourceRow row, ImportProfile.Field field, Map<String, String> known,
                          Map<String, String> extra, String fallback, String what) {
        String raw = row.get(profile.column(field));
        if (raw == null) {
            return fallback;
        }
        String key = raw.toLowerCase(Locale.ROOT);
        String v = extra.getOrDefault(key, known.get(key));
        if (v == null) {
            throw new Invalid("unknown " + what + " '" + raw + "'");
        }
        return v;
    }

    private OffsetDateTime time(SourceRow row, ImportProfile.Field field, boolean required) {
        String raw = required ? required(row, field, "reported time") : row.get(profile.column(field));
        if (raw == null) {
            return null;
        }
        OffsetDateTime fast = profile.isoTimes() ? IsoTimes.parse(raw, profile.zone()) : null;
        if (fast != null) {
            return fast;
        }
        for (DateTimeFormatter f : profile.timeFormats()) {
            try {
                TemporalAccessor t = f.parseBest(raw, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
                if (t instanceof OffsetDateTime o) {
                    return o;
                }
                if (t instanceof LocalDateTime l) {
                    return ZonedDateTime.of(l, profile.zone()).toOffsetDateTime();
                }
                return ((LocalDate) t).atStartOfDay(profile.zone()).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        throw new Invalid("bad time: " + profile.column(field) + " '" + raw + "' is not a time this profile reads");
    }

    private double[] coordinates(SourceRow row) {
        String xs = row.get(profile.column(X));
        String ys = row.get(profile.column(Y));
        if (xs == null || ys == null) {
            throw new Invalid("missing coordinates");
        }
        double x;
        double y;
        try {
            x = Double.parseDouble(xs);
            y = Double.parseDouble(ys);
        } catch (NumberFormatException e) {
            throw new Invalid("coordinates are not numbers: (" + xs + ", " + ys + ")");
        }
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new Invalid("coordinates are not finite numbers");
        }
        if (x == 0 && y == 0) {
            throw new Invalid("coordinates are (0, 0): a missing location, not a place");
        }
        double[] ll = crs.toWgs84(x, y);
        if (!(ll[0] >= -180 && ll[0] <= 180 && ll[1] >= -90 && ll[1] <= 90)) {
            throw new Invalid("coordinates out of range: (" + xs + ", " + ys + ") in " + crs.id()
                    + " is not a point on Earth (is the order lon, lat / easting, northing?)");
        }
        return ll;
    }

    private double weight(SourceRow row) {
        String raw = row.get(profile.column(WEIGHT));
        if (raw == null) {
            return 1.0;
        }
        try {
            double w = Double.parseDouble(raw);
            if (w > 0 && Double.isFinite(w)) {
                return w;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new Invalid("weight '" + raw + "' must be a positive number");
    }

    private String gridCode(SourceRow row) {
        String g = row.get(profile.column(GRID_CODE));
        if (g != null && !g.matches("\\d{6,15}")) {
            throw new Invalid("grid code '" + g + "' must be 6 to 15 digits");
        }
        return g;
    }

    private String attrs(SourceRow row) {
        if (profile.attrColumns().isEmpty()) {
            return "{}";
        }
        StringBuilder sb = new StringBuilder("{");
        for (String c : profile.attrColumns()) {
            String v = text(c, row.get(c));
            if (v != null) {
                if (sb.length() > 1) {
                    sb.append(',');
                }
                json(sb, c).append(':');
                json(sb, v);
            }
        }
        return sb.append('}').toString();
    }

    private static StringBuilder json(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }

    /** A reason a row is refused; flows back as a {@link Rejection}. */
    private static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }
}
