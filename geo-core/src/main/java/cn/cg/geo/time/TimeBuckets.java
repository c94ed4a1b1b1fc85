package cn.cg.geo.time;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * Time buckets of the aggregates (design section 4): local calendar day, ISO week (starting Monday),
 * month, and the hour of the week. A bucket is named by its first local date; "local" is the city's
 * time zone, which every job run records, so a case at 23:30 local time falls on its local day.
 */
public final class TimeBuckets {

    /** Bucket kinds as stored in the aggregate tables' {@code bucket} column. */
    public enum Kind {
        DAY, WEEK, MONTH;

        /** The lower-case name stored in SQL: day, week, month. */
        public String sqlName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind ofSqlName(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }

    /** Hours in a week: hour-of-week indexes run 0 (Monday 00:00-00:59) to 167 (Sunday 23:00-23:59). */
    public static final int HOURS_PER_WEEK = 168;

    private TimeBuckets() {
    }

    /** The local date of an instant in the city's zone. */
    public static LocalDate day(Instant t, ZoneId zone) {
        return LocalDate.ofInstant(t, zone);
    }

    /** The Monday that starts the ISO week of {@code day}. */
    public static LocalDate weekStart(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The first day of the month of {@code day}. */
    public static LocalDate monthStart(LocalDate day) {
        return day.withDayOfMonth(1);
    }

    /** The first day of the bucket of {@code kind} containing {@code day}. */
    public static LocalDate start(Kind kind, LocalDate day) {
        return switch (kind) {
            case DAY -> day;
            case WEEK -> weekStart(day);
            case MONTH -> monthStart(day);
        };
    }

    /** The first day after the bucket of {@code kind} that starts at {@code start}. */
    public static LocalDate end(Kind kind, LocalDate start) {
        return switch (kind) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    /** Hour of the week in the city's zone: (ISO day of week - 1) * 24 + hour of day, 0..167. */
    public static int hourOfWeek(Instant t, ZoneId zone) {
        ZonedDateTime z = t.atZone(zone);
        return (z.getDayOfWeek().getValue() - 1) * 24 + z.getHour();
    }

    /** The instant at which a local date starts in the city's zone (midnight, or the first valid time). */
    public static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }
}
