package cn.cg.api.aggregate;

import java.time.LocalDate;
import java.util.List;

/**
 * Which stored buckets add up to a period: whole months from the month buckets, the days before the
 * first and after the last whole month from the day buckets, so a sum over the rows counts each case
 * once. {@link #binds()} are the three ranges' first and end days (exclusive), in that order: months,
 * days before, days after (an empty range has both the same).
 */
public record BucketRange(LocalDate monthFrom, LocalDate monthTo, LocalDate headFrom, LocalDate headTo,
                          LocalDate tailFrom, LocalDate tailTo) {

    private static final LocalDate FIRST = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST = LocalDate.of(9999, 1, 1);

    public static BucketRange of(Period p) {
        LocalDate monthFrom = p.from().getDayOfMonth() == 1 ? p.from() : p.from().withDayOfMonth(1).plusMonths(1);
        LocalDate monthTo = p.toExclusive().withDayOfMonth(1);
        if (!monthFrom.isBefore(monthTo)) {
            return new BucketRange(p.from(), p.from(), p.from(), p.toExclusive(), p.from(), p.from());
        }
        return new BucketRange(monthFrom, monthTo, p.from(), monthFrom, monthTo, p.toExclusive());
    }

    /** Everything stored (the month buckets only). */
    public static BucketRange allTime() {
        return new BucketRange(FIRST, LAST, FIRST, FIRST, FIRST, FIRST);
    }

    public List<Object> binds() {
        return List.of(monthFrom, monthTo, headFrom, headTo, tailFrom, tailTo);
    }
}
