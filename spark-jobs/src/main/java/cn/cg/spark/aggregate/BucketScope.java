package cn.cg.spark.aggregate;

import cn.cg.geo.time.TimeBuckets;
import cn.cg.geo.time.TimeBuckets.Kind;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * The buckets an incremental run recomputes. Changes touch local days; the run recomputes the
 * months of those days. Weeks cross month ends, so each month is widened to whole ISO weeks
 * (Monday before its first day to Monday after its last): every day and week bucket starting in a
 * widened range, and every touched month, is then recomputed from all its cases, which is why the
 * result equals a full run. Month buckets of the widening's neighbouring months are not touched.
 *
 * @param ranges disjoint local-date ranges [from, to), sorted, each starting and ending on a Monday
 * @param months first days of the touched months
 */
public record BucketScope(List<DateRange> ranges, SortedSet<LocalDate> months) {

    /** Local dates [from, to). */
    public record DateRange(LocalDate from, LocalDate to) {
    }

    public BucketScope {
        ranges = List.copyOf(ranges);
        months = new TreeSet<>(months);
    }

    public static BucketScope ofChangedDays(Collection<LocalDate> days) {
        SortedSet<LocalDate> months = new TreeSet<>();
        for (LocalDate d : days) {
            months.add(TimeBuckets.monthStart(d));
        }
        List<DateRange> ranges = new ArrayList<>();
        for (LocalDate m : months) {
            LocalDate from = TimeBuckets.weekStart(m);
            LocalDate to = TimeBuckets.weekStart(TimeBuckets.end(Kind.MONTH, m).minusDays(1)).plusWeeks(1);
            DateRange last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
            if (last != null && !from.isAfter(last.to())) {
                ranges.set(ranges.size() - 1, new DateRange(last.from(), to.isAfter(last.to()) ? to : last.to()));
            } else {
                ranges.add(new DateRange(from, to));
            }
        }
        return new BucketScope(ranges, months);
    }

    public boolean isEmpty() {
        return months.isEmpty();
    }

    public LocalDate firstDay() {
        return ranges.isEmpty() ? null : ranges.get(0).from();
    }

    public LocalDate endDay() {
        return ranges.isEmpty() ? null : ranges.get(ranges.size() - 1).to();
    }

    /** SQL condition on {@code reported_at} selecting the cases of the ranges (literals, from dates). */
    public String reportedAtSql(ZoneId zone) {
        if (ranges.isEmpty()) {
            return "false";
        }
        return ranges.stream()
            .map(r -> "(reported_at >= TIMESTAMPTZ '" + TimeBuckets.startOf(r.from(), zone)
                + "' AND reported_at < TIMESTAMPTZ '" + TimeBuckets.startOf(r.to(), zone) + "')")
            .collect(Collectors.joining(" OR ", "(", ")"));
    }

    /** Spark filter keeping recomputed rows of a table with (bucket, bucket_start) columns. */
    public Column bucketRows() {
        Column inRanges = functions.lit(false);
        for (DateRange r : ranges) {
            inRanges = inRanges.or(functions.col("bucket_start").geq(functions.lit(r.from()))
                .and(functions.col("bucket_start").lt(functions.lit(r.to()))));
        }
        Column dayOrWeek = functions.col("bucket").isin("day", "week").and(inRanges);
        return dayOrWeek.or(functions.col("bucket").equalTo("month").and(monthIn("bucket_start")));
    }

    /** The same choice as {@link #bucketRows()}, for rows counted outside a Dataset ({@link CellCountWriter}). */
    public BucketFilter bucketFilter() {
        int[][] r = ranges.stream().map(x -> new int[] {(int) x.from().toEpochDay(), (int) x.to().toEpochDay()})
            .toArray(int[][]::new);
        return new BucketFilter(r, months.stream().mapToInt(m -> (int) m.toEpochDay()).toArray());
    }

    /**
     * Which recomputed rows an incremental run writes: day and week buckets starting in a range, month buckets
     * of a touched month. Epoch days, so that it travels to the executors.
     */
    public static final class BucketFilter implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final int[][] ranges;
        private final int[] months;

        BucketFilter(int[][] ranges, int[] months) {
            this.ranges = ranges;
            this.months = months;
        }

        public boolean keeps(Kind kind, int bucketDay) {
            if (kind == Kind.MONTH) {
                for (int m : months) {
                    if (m == bucketDay) {
                        return true;
                    }
                }
                return false;
            }
            for (int[] r : ranges) {
                if (bucketDay >= r[0] && bucketDay < r[1]) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Spark filter: {@code column} is one of the touched months. */
    public Column monthIn(String column) {
        return functions.col(column).isin(months.toArray());
    }

    /** SQL condition (no binds needed: only dates we made) selecting recomputed rows by (bucket, bucket_start). */
    public String bucketRowsSql() {
        String inRanges = ranges.isEmpty() ? "false" : ranges.stream()
            .map(r -> "(bucket_start >= DATE '" + r.from() + "' AND bucket_start < DATE '" + r.to() + "')")
            .collect(Collectors.joining(" OR ", "(", ")"));
        return "((bucket IN ('day', 'week') AND " + inRanges + ") OR (bucket = 'month' AND " + monthInSql("bucket_start") + "))";
    }

    /** SQL condition: {@code column} is one of the touched months. */
    public String monthInSql(String column) {
        if (months.isEmpty()) {
            return "false";
        }
        return column + " IN (" + months.stream().map(m -> "DATE '" + m.format(DateTimeFormatter.ISO_LOCAL_DATE) + "'")
            .collect(Collectors.joining(", ")) + ")";
    }
}
