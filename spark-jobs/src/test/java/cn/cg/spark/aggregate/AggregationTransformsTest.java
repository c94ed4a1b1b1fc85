package cn.cg.spark.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cg.geo.grid.H3Cells;
import cn.cg.geo.time.TimeBuckets;
import cn.cg.spark.SparkTestSession;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

/** The pure transforms on a handful of hand-made cases (local Spark, no database). */
class AggregationTransformsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final SparkSession spark = SparkTestSession.get();

    /** The cases located by the job's rule, ordered by id. */
    private static List<Row> located() {
        return List.of(
            // Sunday 2024-03-31 23:30 local (15:30Z): day 03-31, ISO week from 03-25, month March.
            row(1, "0501", "closed", "2024-03-31T15:30:00Z", "2024-04-01T15:30:00Z", "2024-04-02T15:30:00Z", 114.0579, 22.5431),
            // Monday 2024-04-01 00:30 local (03-31 16:30Z): a new day, week and month, in the same place.
            row(2, "0501", "closed", "2024-03-31T16:30:00Z", "2024-04-05T16:30:00Z", "2024-04-02T16:30:00Z", 114.0579, 22.5431),
            row(3, "0505", "registered", "2024-04-03T11:00:00Z", null, null, 114.0580, 22.5432),
            row(4, "0505", "closed", "2024-04-03T12:00:00Z", "2024-04-03T14:00:00Z", null, 113.9000, 22.6000));
    }

    private static Row row(long id, String cat, String status, String reported, String closed, String deadline,
                           double lon, double lat) {
        return AggregationTransforms.located(H3Cells.get(), SHANGHAI, id, cat, status, Instant.parse(reported),
            closed == null ? null : Instant.parse(closed), deadline == null ? null : Instant.parse(deadline), lon, lat);
    }

    /** The rows a partition's {@link CellTally} holds: resolution, cell, category, bucket, bucket start, cases. */
    private static List<Row> cellCounts(List<Row> located) {
        CellTally tally = CellTally.of(located.stream()
            .map(r -> RowFactory.create(r.getLong(4), r.getString(1), r.getInt(5))).iterator());
        List<Row> out = new java.util.ArrayList<>();
        for (int s = 0; s < tally.slots(); s++) {
            if (tally.occupied(s)) {
                out.add(RowFactory.create((short) tally.resolution(s), tally.cell(s),
                    tally.categories().get(tally.categoryIndex(s)), tally.kind(s).sqlName(),
                    LocalDate.ofEpochDay(tally.bucketDay(s)), tally.cases(s)));
            }
        }
        assertThat(out).hasSize(tally.size());
        return out;
    }

    @Test
    void locateGivesTheFinestCellOnceAndLocalTime() {
        List<Row> located = located();
        assertThat(located.get(0).getLong(4)).isEqualTo(H3Cells.finestCell(22.5431, 114.0579));
        assertThat(LocalDate.ofEpochDay(located.get(0).getInt(5))).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(LocalDate.ofEpochDay(located.get(1).getInt(5))).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(located.get(0).getInt(6)).isEqualTo(6 * 24 + 23); // Sunday 23:xx
        assertThat(located.get(1).getInt(6)).isZero(); // Monday 00:xx
        // closed, closed on time, handling seconds
        assertThat(List.of(located.get(0).getInt(7), located.get(0).getInt(8))).containsExactly(1, 1);
        assertThat(List.of(located.get(1).getInt(7), located.get(1).getInt(8))).containsExactly(1, 0);
        assertThat(located.get(1).getLong(9)).isEqualTo(5 * 86_400L);
        assertThat(List.of(located.get(2).getInt(7), located.get(3).getInt(8))).containsExactly(0, 0);
    }

    @Test
    void cellCountsConserveCasesForEveryResolutionAndBucketAndRollUpByParent() {
        List<Row> counts = cellCounts(located());
        Map<String, Integer> sums = counts.stream().collect(Collectors.groupingBy(
            r -> r.getShort(0) + "/" + r.getString(3), Collectors.summingInt(r -> r.getInt(5))));
        assertThat(sums).hasSize(12).allSatisfy((k, v) -> assertThat(v).as(k).isEqualTo(4));
        long finest = H3Cells.finestCell(22.5431, 114.0579);
        // Coarser rows carry the parent of the finest cell, never a second lookup.
        assertThat(counts).filteredOn(r -> r.getShort(0) == 7 && r.getString(2).equals("0501"))
            .extracting(r -> r.getLong(1)).containsOnly(H3Cells.parentOf(finest, 7));
        // Cases 1 and 2 share a resolution-10 cell but not a day, week or month.
        Map<String, Integer> marchVsApril = counts.stream().filter(r -> r.getShort(0) == 10 && r.getString(3).equals("month")
                && r.getLong(1) == finest)
            .collect(Collectors.toMap(r -> r.getString(2) + "@" + r.get(4), r -> r.getInt(5)));
        assertThat(marchVsApril).containsEntry("0501@2024-03-01", 1).containsEntry("0501@2024-04-01", 1);
        Map<String, Integer> weeks = counts.stream().filter(r -> r.getShort(0) == 10 && r.getString(3).equals("week")
                && r.getLong(1) == finest)
            .collect(Collectors.toMap(r -> r.getString(2) + "@" + r.get(4), r -> r.getInt(5)));
        assertThat(weeks).containsEntry("0501@2024-03-25", 1).containsEntry("0501@2024-04-01", 1);
    }

    @Test
    void tallyEqualsAPlainCountOfEveryCellAndBucketThroughManyGrowths() throws java.io.IOException {
        // 40,000 cases over the city and two years: the table starts at 4,096 slots and grows many times. The
        // plain count takes the coarser cells from H3's own native cellToParent (not latLngToCell: H3 is not
        // strictly nested, and near an edge the point's own coarser cell differs from its finest cell's parent).
        H3Cells h3 = H3Cells.get();
        com.uber.h3core.H3Core reference = com.uber.h3core.H3Core.newInstance();
        java.util.Random rnd = new java.util.Random(11);
        List<Row> cases = new java.util.ArrayList<>();
        Map<String, Integer> expected = new java.util.HashMap<>();
        for (int i = 0; i < 40_000; i++) {
            double lat = 22.45 + 0.3 * rnd.nextDouble(), lon = 113.8 + 0.5 * rnd.nextDouble();
            String cat = "05" + (10 + rnd.nextInt(12));
            LocalDate day = LocalDate.of(2024, 1, 1).plusDays(rnd.nextInt(730));
            long finest = h3.cell(lat, lon, H3Cells.FINEST);
            cases.add(RowFactory.create(finest, cat, (int) day.toEpochDay()));
            for (int res = H3Cells.COARSEST; res <= H3Cells.FINEST; res++) {
                for (cn.cg.geo.time.TimeBuckets.Kind k : cn.cg.geo.time.TimeBuckets.Kind.values()) {
                    expected.merge(res + "/" + reference.cellToParent(finest, res) + "/" + cat + "/" + k.sqlName() + "/"
                        + cn.cg.geo.time.TimeBuckets.start(k, day), 1, Integer::sum);
                }
            }
        }
        CellTally tally = CellTally.of(cases.iterator());
        Map<String, Integer> actual = new java.util.HashMap<>();
        for (int s = 0; s < tally.slots(); s++) {
            if (tally.occupied(s)) {
                actual.put(tally.resolution(s) + "/" + tally.cell(s) + "/" + tally.categories().get(tally.categoryIndex(s))
                    + "/" + tally.kind(s).sqlName() + "/" + LocalDate.ofEpochDay(tally.bucketDay(s)), tally.cases(s));
            }
        }
        assertThat(tally.size()).isEqualTo(expected.size()).isGreaterThan(100_000);
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void cellRowsAreWrittenInBucketDayAndResolutionOrder() {
        // Cases from 1969 to 2025 (epoch days below zero too), random cells: the writer's order must hold every slot
        // of the kinds asked for, each once, sorted by (bucket day, resolution), and respect the incremental filter.
        H3Cells h3 = H3Cells.get();
        java.util.Random rnd = new java.util.Random(5);
        List<Row> cases = new java.util.ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            LocalDate day = LocalDate.of(1969, 6, 1).plusDays(rnd.nextInt(20_000));
            cases.add(RowFactory.create(h3.cell(22.45 + 0.3 * rnd.nextDouble(), 113.8 + 0.5 * rnd.nextDouble(), H3Cells.FINEST),
                "05" + (10 + rnd.nextInt(5)), (int) day.toEpochDay()));
        }
        CellTally tally = CellTally.of(cases.iterator());
        boolean[] dayAndMonth = {true, false, true};
        long[] order = CellCountWriter.inBucketOrder(tally, dayAndMonth, null);
        List<Integer> expectedSlots = new java.util.ArrayList<>();
        for (int s = 0; s < tally.slots(); s++) {
            if (tally.occupied(s) && tally.kind(s) != TimeBuckets.Kind.WEEK) {
                expectedSlots.add(s);
            }
        }
        List<Integer> slots = java.util.Arrays.stream(order).mapToInt(k -> (int) (k & CellCountWriter.SLOT_MASK)).boxed().toList();
        assertThat(slots).hasSize(expectedSlots.size()).containsExactlyInAnyOrderElementsOf(expectedSlots);
        for (int i = 1; i < slots.size(); i++) {
            int a = slots.get(i - 1), b = slots.get(i);
            assertThat(tally.bucketDay(a) < tally.bucketDay(b)
                || (tally.bucketDay(a) == tally.bucketDay(b) && tally.resolution(a) <= tally.resolution(b)))
                .as("slot %d (%s, res %d) before slot %d (%s, res %d)", a, LocalDate.ofEpochDay(tally.bucketDay(a)),
                    tally.resolution(a), b, LocalDate.ofEpochDay(tally.bucketDay(b)), tally.resolution(b)).isTrue();
        }
        assertThat(LocalDate.ofEpochDay(tally.bucketDay(slots.get(0)))).isBefore(LocalDate.of(1970, 1, 1));

        // An incremental run's filter: only the rows of its buckets, still in order.
        LocalDate changed = LocalDate.ofEpochDay(tally.bucketDay(slots.get(slots.size() / 2)));
        BucketScope scope = BucketScope.ofChangedDays(List.of(changed));
        long[] filtered = CellCountWriter.inBucketOrder(tally, new boolean[] {true, true, true}, scope.bucketFilter());
        assertThat(filtered).isNotEmpty().isSorted();
        for (long k : filtered) {
            int s = (int) (k & CellCountWriter.SLOT_MASK);
            assertThat(scope.starts(tally.kind(s))).contains(LocalDate.ofEpochDay(tally.bucketDay(s)));
        }
    }

    @Test
    void areaCountsUseThePointInPolygonIndexAndClosureRules() throws Exception {
        WKTReader wkt = new WKTReader();
        WKBWriter wkb = new WKBWriter();
        AreaIndex index = new AreaIndex(List.of(
            new AreaIndex.Area(1, "district", wkb.write(wkt.read("POLYGON((114 22.5, 114.1 22.5, 114.1 22.6, 114 22.6, 114 22.5))"))),
            new AreaIndex.Area(2, "street", wkb.write(wkt.read("POLYGON((114.05 22.54, 114.06 22.54, 114.06 22.55, 114.05 22.55, 114.05 22.54))")))));
        var bc = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(index);
        Dataset<Row> members = AggregationTransforms.memberships(
            spark.createDataFrame(located(), AggregationTransforms.LOCATED), bc);
        assertThat(members.count()).isEqualTo(6); // cases 1-3 in both areas, case 4 in none
        List<Row> months = AggregationTransforms.areaCounts(members).filter("bucket = 'month' AND area_id = 1")
            .orderBy("category_code", "bucket_start").collectAsList();
        // area_id, level, category, bucket, start, cases, closed, on time, handling seconds, mean hours
        assertThat(months).extracting(Row::toString).containsExactly(
            "[1,district,0501,month,2024-03-01,1,1,1,86400,24.0]",
            "[1,district,0501,month,2024-04-01,1,1,0,432000,120.0]",
            "[1,district,0505,month,2024-04-01,1,0,0,0,null]");
        List<Row> hours = AggregationTransforms.hourProfiles(members).filter("area_id = 2").orderBy("hour_of_week")
            .collectAsList();
        assertThat(hours).extracting(Row::toString).containsExactly(
            "[2,street,0501,2024-04-01,0,1]", "[2,street,0505,2024-04-01,67,1]", "[2,street,0501,2024-03-01,167,1]");
    }

    @Test
    void bucketScopeWidensTouchedMonthsToWholeWeeks() {
        BucketScope s = BucketScope.ofChangedDays(List.of(LocalDate.of(2019, 1, 20), LocalDate.of(2018, 12, 3)));
        assertThat(s.months()).containsExactly(LocalDate.of(2018, 12, 1), LocalDate.of(2019, 1, 1));
        // December 2018 from Monday 11-26; January 2019 to the Monday after 01-31: one merged range.
        assertThat(s.ranges()).containsExactly(
            new BucketScope.DateRange(LocalDate.of(2018, 11, 26), LocalDate.of(2019, 2, 4)));
        BucketScope apart = BucketScope.ofChangedDays(List.of(LocalDate.of(2024, 1, 9), LocalDate.of(2024, 6, 30)));
        assertThat(apart.ranges()).hasSize(2);
        assertThat(apart.ranges().get(1).from().getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        assertThat(apart.ranges().get(1).to()).isEqualTo(LocalDate.of(2024, 7, 1));
        assertThat(BucketScope.ofChangedDays(List.of()).isEmpty()).isTrue();
    }

    @Test
    void bucketScopeRecomputesOnlyTheChangedDaysTheirWeeksAndMonths() {
        // Thursday 2019-01-31 and Friday 2019-02-01: one ISO week (from Monday 01-28), two months.
        BucketScope s = BucketScope.ofChangedDays(List.of(LocalDate.of(2019, 1, 31), LocalDate.of(2019, 2, 1)));
        assertThat(s.days()).containsExactly(LocalDate.of(2019, 1, 31), LocalDate.of(2019, 2, 1));
        assertThat(s.weeks()).containsExactly(LocalDate.of(2019, 1, 28));
        assertThat(s.months()).containsExactly(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 2, 1));
        // Read: both months widened to whole weeks, which holds the touched week too.
        assertThat(s.ranges()).containsExactly(new BucketScope.DateRange(LocalDate.of(2018, 12, 31), LocalDate.of(2019, 3, 4)));

        BucketScope.BucketFilter f = s.bucketFilter();
        assertThat(f.keeps(TimeBuckets.Kind.DAY, (int) LocalDate.of(2019, 1, 31).toEpochDay())).isTrue();
        assertThat(f.keeps(TimeBuckets.Kind.DAY, (int) LocalDate.of(2019, 1, 30).toEpochDay())).isFalse();
        assertThat(f.keeps(TimeBuckets.Kind.WEEK, (int) LocalDate.of(2019, 1, 28).toEpochDay())).isTrue();
        assertThat(f.keeps(TimeBuckets.Kind.WEEK, (int) LocalDate.of(2019, 1, 21).toEpochDay())).isFalse();
        assertThat(f.keeps(TimeBuckets.Kind.MONTH, (int) LocalDate.of(2019, 2, 1).toEpochDay())).isTrue();
        assertThat(f.keeps(TimeBuckets.Kind.MONTH, (int) LocalDate.of(2019, 1, 28).toEpochDay())).isFalse();
        assertThat(s.bucketRowsSql()).isEqualTo("((bucket = 'day' AND bucket_start IN (DATE '2019-01-31', DATE '2019-02-01'))"
            + " OR (bucket = 'week' AND bucket_start IN (DATE '2019-01-28'))"
            + " OR (bucket = 'month' AND bucket_start IN (DATE '2019-01-01', DATE '2019-02-01')))");
        assertThat(BucketScope.ofChangedDays(List.of()).bucketRowsSql()).isEqualTo("false");
    }
}
