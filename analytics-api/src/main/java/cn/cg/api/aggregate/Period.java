package cn.cg.api.aggregate;

import cn.cg.api.system.InvalidParameterException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * A half-open range of local days [from, to) in the city's time zone. Parameters take a day
 * ({@code 2025-03-01}) or a month ({@code 2025-03}); {@code to} is inclusive as users write it
 * ({@code from=2025-03&to=2025-03} is March).
 */
public record Period(LocalDate from, LocalDate toExclusive) {

    public static final int MAX_DAYS = 3660;

    public Period {
        if (!from.isBefore(toExclusive)) {
            throw new InvalidParameterException("to", "the period ends (" + toExclusive.minusDays(1)
                    + ") before it starts (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, toExclusive) > MAX_DAYS) {
            throw new InvalidParameterException("from", "the period is longer than " + MAX_DAYS + " days");
        }
    }

    public static Period parse(String from, String to, Period fallback) {
        if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
            return fallback;
        }
        LocalDate start = from == null || from.isBlank() ? fallback.from() : start("from", from);
        LocalDate end = to == null || to.isBlank() ? fallback.toExclusive() : endExclusive("to", to);
        return new Period(start, end);
    }

    /** The period of equal length just before this one (for "this month against last"). */
    public Period previous() {
        if (from.getDayOfMonth() == 1 && toExclusive.getDayOfMonth() == 1) {
            long months = ChronoUnit.MONTHS.between(from, toExclusive);
            return new Period(from.minusMonths(months), from);
        }
        long days = ChronoUnit.DAYS.between(from, toExclusive);
        return new Period(from.minusDays(days), from);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, toExclusive);
    }

    private static LocalDate start(String name, String v) {
        try {
            return v.trim().length() == 7 ? YearMonth.parse(v.trim()).atDay(1) : LocalDate.parse(v.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, "'" + v + "' is not a day (2025-03-01) or a month (2025-03)");
        }
    }

    private static LocalDate endExclusive(String name, String v) {
        try {
            return v.trim().length() == 7 ? YearMonth.parse(v.trim()).plusMonths(1).atDay(1) : LocalDate.parse(v.trim()).plusDays(1);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, "'" + v + "' is not a day (2025-03-01) or a month (2025-03)");
        }
    }
}
