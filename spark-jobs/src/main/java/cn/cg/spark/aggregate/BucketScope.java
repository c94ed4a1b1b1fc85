package cn.cg.spark.aggregate;

import cn.cg.geo.time.TimeBuckets;
import cn.cg.geo.time.TimeBuckets.Kind;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * The buckets an incremental run recomputes: the day buckets of the changed local days, the week buckets
 * of their ISO weeks and the month buckets of their months. Nothing else can have changed: a bucket's count
 * depends only on the cases reported in it, and every changed case's old and new day is a changed day.
 * Each recomputed bucket is counted from all its cases, which is why the result equals a full run; so the
 * run reads the cases of every touched month, widened to whole ISO weeks (Monday before its first day to
 * Monday after its last), which holds every touched week as well.
 *
 * <p>Until session 7 the run recomputed (and the switch marked replaced) every day and week bucket of the
 * widened months: for one new day at 10M cases 368,592 cell rows where about a quarter of them change.
 *
 * <p>Everything here follows from the changed days, so that is all a scope is made from.
 */
public final class BucketScope {

    /** Local dates [from, to). */
    public record DateRange(LocalDate from, LocalDate to) {
    }

    private final SortedSet<LocalDate> days;
    private final SortedSet<LocalDate> weeks = new TreeSet<>();
    private final SortedSet<LocalDate> months = new TreeSet<>();
    private final List<DateRange> ranges = new ArrayList<>();

    private BucketScope(Collection<LocalDate> changed) {
        days = new TreeSet<>(changed);
        for (LocalDate d : days) {
            weeks.add(TimeBuckets.weekStart(d));
            months.add(TimeBuckets.monthStart(d));
        }
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
    }

    public static BucketScope ofChangedDays(Collection<LocalDate> changed) {
        return new BucketScope(changed);
    }

    /** Disjoint local-date ranges [from, to) to read, sorted, each starting and ending on a Monday. */
    public List<DateRange> ranges() {
        return Collections.unmodifiableList(ranges);
    }

    /** The changed local days: their day buckets are recomputed. */
    public SortedSet<LocalDate> days() {
        return Collections.unmodifiableSortedSet(days);
    }

    /** First days (Mondays) of the changed days' ISO weeks. */
    public SortedSet<LocalDate> weeks() {
        return Collections.unmodifiableSortedSet(weeks);
    }

    /** First days of the changed days' months. */
    public SortedSet<LocalDate> months() {
        return Collections.unmodifiableSortedSet(months);
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

    /** The first days of the recomputed buckets of one kind. */
    public SortedSet<LocalDate> starts(Kind kind) {
        return switch (kind) {
            case DAY -> days();
            case WEEK -> weeks();
            case MONTH -> months();
        };
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
        Column keep = functions.lit(false);
        for (Kind kind : Kind.values()) {
            if (!starts(kind).isEmpty()) {
                keep = keep.or(functions.col("bucket").equalTo(kind.sqlName())
                    .and(functions.col("bucket_start").isin(starts(kind).toArray())));
            }
        }
        return keep;
    }

    /** The same choice as {@link #bucketRows()}, for rows counted outside a Dataset ({@link CellCountWriter}). */
    public BucketFilter bucketFilter() {
        int[][] byKind = new int[Kind.values().length][];
        for (Kind kind : Kind.values()) {
            byKind[kind.ordinal()] = starts(kind).stream().mapToInt(d -> (int) d.toEpochDay()).toArray();
        }
        return new BucketFilter(byKind);
    }

    /** Which recomputed rows an incremental run writes, by bucket kind and first day. Epoch days, so that it travels to the executors. */
    public static final class BucketFilter implements java.io.Serializable {
        private static final long serialVersionUID = 2L;
        /** Per kind's ordinal, the sorted epoch days of its recomputed buckets. */
        private final int[][] startsByKind;

        BucketFilter(int[][] startsByKind) {
            this.startsByKind = startsByKind;
        }

        public boolean keeps(Kind kind, int bucketDay) {
            return java.util.Arrays.binarySearch(startsByKind[kind.ordinal()], bucketDay) >= 0;
        }
    }

    /** Spark filter: {@code column} is one of the touched months. */
    public Column monthIn(String column) {
        return functions.col(column).isin(months.toArray());
    }

    /**
     * SQL condition (no binds needed: only dates we made) selecting recomputed rows by (bucket, bucket_start):
     * equalities, so that a statement probes each bucket's rows in the (bucket_start, ...) index.
     */
    public String bucketRowsSql() {
        List<String> terms = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            if (!starts(kind).isEmpty()) {
                terms.add(bucketRowsSql(kind));
            }
        }
        return terms.isEmpty() ? "false" : terms.stream().collect(Collectors.joining(" OR ", "(", ")"));
    }

    /**
     * The recomputed rows of one bucket kind. The switch marks agg_cell's rows kind by kind: with one OR of all
     * kinds PostgreSQL probes every bucket leaf for every kind's dates (a week's Monday in the day leaf too) and
     * reads those heap pages for nothing.
     */
    public String bucketRowsSql(Kind kind) {
        SortedSet<LocalDate> s = starts(kind);
        return s.isEmpty() ? "false" : "(bucket = '" + kind.sqlName() + "' AND " + dateIn("bucket_start", s) + ")";
    }

    /** SQL condition: {@code column} is one of the touched months. */
    public String monthInSql(String column) {
        return months.isEmpty() ? "false" : dateIn(column, months);
    }

    private static String dateIn(String column, SortedSet<LocalDate> dates) {
        return column + " IN (" + dates.stream().map(m -> "DATE '" + m.format(DateTimeFormatter.ISO_LOCAL_DATE) + "'")
            .collect(Collectors.joining(", ")) + ")";
    }
}
