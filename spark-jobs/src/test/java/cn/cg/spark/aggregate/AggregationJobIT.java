package cn.cg.spark.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cg.spark.SparkTestSession;
import cn.cg.spark.TestDatabase;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The aggregation job end to end on real PostGIS and local Spark, with the San Francisco incidents
 * (see {@link SfIncidents}). The methods run in order: a full run, checks on it, then changes,
 * incremental runs and a failed run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AggregationJobIT {

    private static final String TZ = "'" + SfIncidents.ZONE.getId() + "'";

    /** The served tables, each as sorted rows without run ids. */
    static final Map<String, String> SERVED = new LinkedHashMap<>();

    static {
        SERVED.put("agg_cell", "SELECT resolution, cell, category_code, bucket, bucket_start, cases FROM agg_cell_current "
            + "ORDER BY 1, 2, 3, 4, 5");
        SERVED.put("agg_area", "SELECT area_id, level, category_code, bucket, bucket_start, cases, closed, closed_on_time, "
            + "handling_seconds, mean_handling_hours FROM agg_area_current ORDER BY 1, 2, 3, 4, 5");
        SERVED.put("agg_area_hour", "SELECT area_id, level, category_code, month_start, hour_of_week, cases "
            + "FROM agg_area_hour_current ORDER BY 1, 2, 3, 4, 5");
        SERVED.put("agg_study_cell", "SELECT resolution, cell FROM agg_study_cell_current ORDER BY 1, 2");
        SERVED.put("h3_cell", "SELECT cell, resolution, ST_AsText(geom) FROM h3_cell ORDER BY 1");
    }

    private AggregationConfig cfg;
    private List<String> cellsAfterFirstRun;

    @BeforeAll
    void loadSanFranciscoAndRunFull() throws Exception {
        TestDatabase.clear();
        SfIncidents.loadAreas();
        assertThat(SfIncidents.load()).isBetween(11_200, 11_300); // 11,884 rows less those without coordinates
        cfg = AggregationConfig.of(TestDatabase.url()).withZone(SfIncidents.ZONE).withPartitions(4)
            .withOverlap(Duration.ZERO);
        RunSummary s = AggregationJob.run(SparkTestSession.get(), cfg);
        System.out.println(s);
        assertThat(s.mode()).isEqualTo("full");
        assertThat(s.casesRead()).isEqualTo(cases());
        cellsAfterFirstRun = snapshot().get("agg_cell");
    }

    @AfterAll
    void cleanUp() throws Exception {
        TestDatabase.clear();
    }

    @Test
    @Order(1)
    void cellCountsConserveCasesAtEveryResolutionAndBucket() throws Exception {
        List<String> sums = TestDatabase.rows("SELECT resolution, bucket, sum(cases) FROM agg_cell_current "
            + "GROUP BY 1, 2 ORDER BY 1, 2");
        assertThat(sums).hasSize(4 * 3);
        long n = cases();
        for (String row : sums) {
            assertThat(row).endsWith("|" + n);
        }
        // Per month and category too: every roll-up conserves its own slice.
        assertThat(TestDatabase.rows("SELECT r, c, m, s FROM (SELECT resolution r, category_code c, bucket_start m, "
            + "sum(cases) s FROM agg_cell_current WHERE bucket = 'month' GROUP BY 1, 2, 3) a "
            + "EXCEPT SELECT r, v.category_code, date_trunc('month', reported_at AT TIME ZONE " + TZ + ")::date, count(*) "
            + "FROM violation v CROSS JOIN generate_series(7, 10) r WHERE status <> 'void' GROUP BY 1, 2, 3")).isEmpty();
        // Every cell of a count has a boundary, at its own resolution.
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM agg_cell_current a LEFT JOIN h3_cell h USING (cell) "
            + "WHERE h.cell IS NULL OR h.resolution <> a.resolution")).isZero();
    }

    @Test
    @Order(2)
    void areaCountsAndClosureFiguresEqualAPlainStContainsJoin() throws Exception {
        for (String bucket : List.of("week", "month")) {
            List<String> expected = TestDatabase.rows("SELECT a.id, a.level, v.category_code, date_trunc('" + bucket
                + "', v.reported_at AT TIME ZONE " + TZ + ")::date, count(*), "
                + "count(*) FILTER (WHERE v.status = 'closed' AND v.closed_at IS NOT NULL), "
                + "count(*) FILTER (WHERE v.status = 'closed' AND v.closed_at <= v.deadline_at), "
                + "coalesce(sum(extract(epoch FROM v.closed_at - v.reported_at)) FILTER (WHERE v.status = 'closed'), 0)::bigint "
                + "FROM admin_area a JOIN violation v ON ST_Contains(a.geom, v.geom) WHERE v.status <> 'void' "
                + "GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4");
            List<String> actual = TestDatabase.rows("SELECT area_id, level, category_code, bucket_start, cases, closed, "
                + "closed_on_time, handling_seconds FROM agg_area_current WHERE bucket = '" + bucket + "' ORDER BY 1, 2, 3, 4");
            assertThat(actual).hasSizeGreaterThan(100).isEqualTo(expected);
        }
        // District totals, the ranking's headline numbers.
        assertThat(TestDatabase.rows("SELECT area_id, sum(cases) FROM agg_area_current WHERE level = 'district' "
            + "AND bucket = 'month' GROUP BY 1 ORDER BY 1")).hasSize(9).isEqualTo(TestDatabase.rows(
            "SELECT a.id, count(*) FROM admin_area a JOIN violation v ON ST_Contains(a.geom, v.geom) "
                + "WHERE a.level = 'district' AND v.status <> 'void' GROUP BY 1 ORDER BY 1"));
        // Mean handling hours is the exact sum over the closed count.
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM agg_area_current WHERE closed > 0 AND "
            + "mean_handling_hours <> handling_seconds::double precision / closed / 3600")).isZero();
        // Hour-of-week profiles: ISO day of week and hour in local time.
        assertThat(TestDatabase.rows("SELECT area_id, category_code, month_start, hour_of_week, cases FROM "
            + "agg_area_hour_current ORDER BY 1, 2, 3, 4")).isEqualTo(TestDatabase.rows(
            "SELECT a.id, v.category_code, date_trunc('month', v.reported_at AT TIME ZONE " + TZ + ")::date, "
                + "(extract(isodow FROM v.reported_at AT TIME ZONE " + TZ + ") - 1) * 24 + extract(hour FROM "
                + "v.reported_at AT TIME ZONE " + TZ + "), count(*) FROM admin_area a JOIN violation v "
                + "ON ST_Contains(a.geom, v.geom) WHERE v.status <> 'void' GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"));
    }

    @Test
    @Order(3)
    void studyAreaCellsCoverTheDistrictsIncludingZeroCells() throws Exception {
        for (int res = 7; res <= 10; res++) {
            // No gaps: the cell of every case inside a district is a study cell.
            assertThat(TestDatabase.queryLong("SELECT count(*) FROM (SELECT DISTINCT a.cell FROM agg_cell_current a "
                + "JOIN h3_cell h USING (cell) WHERE a.resolution = " + res + " AND EXISTS (SELECT 1 FROM admin_area d "
                + "WHERE d.level = 'district' AND ST_Intersects(d.geom, h.geom))) c "
                + "WHERE cell NOT IN (SELECT cell FROM agg_study_cell_current)")).isZero();
            // Every study cell touches a district and has its boundary stored.
            assertThat(TestDatabase.queryLong("SELECT count(*) FROM agg_study_cell_current s LEFT JOIN h3_cell h "
                + "USING (cell) WHERE s.resolution = " + res + " AND (h.cell IS NULL OR NOT EXISTS (SELECT 1 FROM "
                + "admin_area d WHERE ST_Intersects(d.geom, h.geom)))")).isZero();
        }
        long zeroCells = TestDatabase.queryLong("SELECT count(*) FROM agg_study_cell_current s WHERE s.resolution = 10 "
            + "AND NOT EXISTS (SELECT 1 FROM agg_cell_current a WHERE a.cell = s.cell)");
        assertThat(zeroCells).isGreaterThan(1000);
        // The districts' area (about 140 km2) over a resolution-10 cell (about 0.015 km2): some 9,000 cells.
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM agg_study_cell_current WHERE resolution = 10"))
            .isBetween(8_000L, 12_000L);
    }

    @Test
    @Order(4)
    void runningTwiceGivesIdenticalTables() throws Exception {
        Map<String, List<String>> first = snapshot();
        RunSummary again = AggregationJob.run(SparkTestSession.get(), cfg.withFull(true));
        assertThat(again.mode()).isEqualTo("full");
        assertThat(servedRun()).isEqualTo(again.runId());
        assertSameTables(snapshot(), first);
        // And an incremental run with nothing changed changes nothing.
        RunSummary nothing = AggregationJob.run(SparkTestSession.get(), cfg);
        assertThat(nothing.mode()).isEqualTo("incremental");
        assertThat(nothing.monthsRecomputed()).isZero();
        assertSameTables(snapshot(), first);
    }

    @Test
    @Order(5)
    void incrementalRunRecomputesTouchedMonthsOnlyAndEqualsAFullRun() throws Exception {
        String novemberWriters = "SELECT count(*) || '/' || max(valid_from) FROM agg_cell WHERE valid_to IS NULL "
            + "AND bucket = 'month' AND bucket_start = '2018-11-01'";
        List<String> novemberBefore = TestDatabase.rows(novemberWriters);
        // A day and a week of a touched month (December) that no change reaches: recomputing them would give the
        // same counts, so the run leaves their rows as they are (only changed days, their weeks and months move).
        String untouchedDecemberWriters = "SELECT bucket || ':' || count(*) || '/' || max(valid_from) FROM agg_cell "
            + "WHERE valid_to IS NULL AND ((bucket = 'day' AND bucket_start = '2018-12-05') "
            + "OR (bucket = 'week' AND bucket_start = '2018-12-03')) GROUP BY bucket ORDER BY bucket";
        List<String> untouchedDecemberBefore = TestDatabase.rows(untouchedDecemberWriters);
        assertThat(untouchedDecemberBefore).hasSize(2);
        // New cases on one January day, copies of existing ones.
        TestDatabase.execute("INSERT INTO violation (case_no, category_code, source, status, reported_at, closed_at, "
            + "deadline_at, geom) SELECT 'NEW-' || id, category_code, 'app', status, reported_at + interval '3 days', "
            + "closed_at + interval '3 days', deadline_at + interval '3 days', geom FROM violation "
            + "WHERE reported_at >= '2019-01-10T08:00:00Z' AND reported_at < '2019-01-11T08:00:00Z'");
        // Changes in place: category, time within the month, a December case moved into January, deletes.
        TestDatabase.execute("UPDATE violation SET category_code = '0510' WHERE id % 50 = 7 "
            + "AND reported_at >= '2019-01-06T00:00:00Z' AND reported_at < '2019-01-20T00:00:00Z'");
        TestDatabase.execute("UPDATE violation SET reported_at = reported_at + interval '26 hours', "
            + "closed_at = closed_at + interval '26 hours', deadline_at = deadline_at + interval '26 hours' "
            + "WHERE id % 61 = 3 AND reported_at >= '2019-01-06T00:00:00Z' AND reported_at < '2019-01-25T00:00:00Z'");
        TestDatabase.execute("UPDATE violation SET reported_at = reported_at + interval '20 days', "
            + "deadline_at = deadline_at + interval '20 days', "
            + "status = 'closed', closed_at = reported_at + interval '20 days 5 hours' "
            + "WHERE id % 97 = 5 AND reported_at >= '2018-12-20T08:00:00Z' AND reported_at < '2018-12-28T08:00:00Z'");
        TestDatabase.execute("UPDATE violation SET geom = ST_SetSRID(ST_MakePoint(ST_X(geom) + 0.01, ST_Y(geom)), 4326) "
            + "WHERE id % 89 = 1 AND reported_at >= '2019-01-01T08:00:00Z' AND reported_at < '2019-02-01T08:00:00Z'");
        TestDatabase.execute("DELETE FROM violation WHERE id % 73 = 2 AND reported_at >= '2019-01-08T00:00:00Z' "
            + "AND reported_at < '2019-01-28T00:00:00Z'");
        TestDatabase.execute("UPDATE violation SET status = 'void' WHERE id % 83 = 4 "
            + "AND reported_at >= '2019-01-08T00:00:00Z' AND reported_at < '2019-01-28T00:00:00Z'");

        RunSummary inc = AggregationJob.run(SparkTestSession.get(), cfg);
        System.out.println(inc);
        assertThat(inc.mode()).isEqualTo("incremental");
        assertThat(inc.monthsRecomputed()).isEqualTo(2); // December (cases left it) and January
        // It read only the cases of those months widened to whole ISO weeks: 2018-11-26 .. 2019-02-03 local.
        assertThat(inc.casesRead()).isLessThan(cases()).isEqualTo(TestDatabase.queryLong("SELECT count(*) FROM violation "
            + "WHERE status <> 'void' AND (reported_at AT TIME ZONE " + TZ + ")::date BETWEEN '2018-11-26' AND '2019-02-03'"));
        // Buckets outside the touched months keep the rows written before: they were not recomputed.
        assertThat(TestDatabase.rows(novemberWriters)).isEqualTo(novemberBefore);
        assertThat(TestDatabase.rows(untouchedDecemberWriters)).isEqualTo(untouchedDecemberBefore);
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM agg_cell WHERE valid_to IS NULL AND bucket = 'month' "
            + "AND bucket_start = '2019-01-01' AND valid_from = " + inc.runId())).isPositive();
        Map<String, List<String>> incremental = snapshot();
        assertThat(incremental.get("agg_cell")).isNotEqualTo(cellsAfterFirstRun);

        RunSummary full = AggregationJob.run(SparkTestSession.get(), cfg.withFull(true));
        assertThat(full.mode()).isEqualTo("full");
        assertSameTables(incremental, snapshot());
        cellCountsConserveCasesAtEveryResolutionAndBucket();
        areaCountsAndClosureFiguresEqualAPlainStContainsJoin();
    }

    @Test
    @Order(6)
    void aRunThatFailsAfterItsStagingWritesLeavesThePreviousResultsServed() throws Exception {
        long served = servedRun();
        Map<String, List<String>> before = snapshot();
        TestDatabase.execute("UPDATE violation SET category_code = '0102' WHERE id % 40 = 11 "
            + "AND reported_at < '2018-11-15T00:00:00Z'");

        assertThatThrownBy(() -> AggregationJob.run(SparkTestSession.get(), cfg.withFailAfterStaging(true)))
            .hasMessageContaining("fail-after-staging");
        long failed = TestDatabase.queryLong("SELECT max(run_id) FROM agg_run");
        assertThat(TestDatabase.rows("SELECT status FROM agg_run WHERE run_id = " + failed)).containsExactly("failed");
        // Its rows were written (the staging) yet readers see the previous run, whole.
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM agg_cell WHERE valid_from = " + failed)).isPositive();
        assertThat(servedRun()).isEqualTo(served);
        assertSameTables(snapshot(), before);

        // The next run removes the failed run's rows, picks up the same changes, and equals a full run.
        RunSummary next = AggregationJob.run(SparkTestSession.get(), cfg);
        assertThat(next.mode()).isEqualTo("incremental");
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM agg_cell WHERE valid_from = " + failed)).isZero();
        Map<String, List<String>> incremental = snapshot();
        AggregationJob.run(SparkTestSession.get(), cfg.withFull(true));
        assertSameTables(incremental, snapshot());
    }

    static long cases() throws Exception {
        return TestDatabase.queryLong("SELECT count(*) FROM violation WHERE status <> 'void'");
    }

    static long servedRun() throws Exception {
        return TestDatabase.queryLong("SELECT version FROM data_version");
    }

    static Map<String, List<String>> snapshot() throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : SERVED.entrySet()) {
            out.put(e.getKey(), TestDatabase.rows(e.getValue()));
        }
        return out;
    }

    /**
     * The served generation is partitioned by bucket (V42) and each of its leaves carries the indexes of
     * generation 0's leaf of the same bucket, which V42 made for the readers (time look-ups on every leaf, the
     * vector tiles' look-up by cell on day and month); built before the ATTACH, the leaves' valid_to indexes
     * are adopted by agg_cell_replaced_idx, which garbage collection and the switch use.
     */
    @Test
    @Order(7)
    void theServedGenerationIsPartitionedByBucketWithGenerationZerosIndexes() throws Exception {
        String table = "agg_cell_g" + TestDatabase.queryLong("SELECT base_run_id FROM agg_current");
        assertThat(TestDatabase.rows("SELECT c.relname || ' ' || pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i "
            + "JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = '" + table + "'::regclass ORDER BY 1"))
            .containsExactly(table + "_day FOR VALUES IN ('day')", table + "_month FOR VALUES IN ('month')",
                table + "_week FOR VALUES IN ('week')");
        String indexes = "SELECT regexp_replace(pg_get_indexdef(indexrelid), '^.* ON [^ ]+ ', '') FROM pg_index "
            + "WHERE indrelid = '%s'::regclass ORDER BY 1";
        for (String bucket : List.of("day", "week", "month")) {
            List<String> expected = TestDatabase.rows(indexes.formatted("agg_cell_g0_" + bucket));
            assertThat(expected).as(bucket).contains("USING btree (bucket_start, resolution, cell)",
                "USING btree (valid_to) WHERE (valid_to IS NOT NULL)");
            assertThat(TestDatabase.rows(indexes.formatted(table + "_" + bucket))).as(bucket).isEqualTo(expected);
        }
        assertThat(TestDatabase.rows(indexes.formatted("agg_cell_g0_month")))
            .contains("USING btree (resolution, cell, bucket_start)");
        assertThat(TestDatabase.rows("SELECT p.relname FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent "
            + "WHERE i.inhrelid = '" + table + "_day_replaced_idx'::regclass")).containsExactly(table + "_replaced_idx");
        assertThat(TestDatabase.rows("SELECT p.relname FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent "
            + "WHERE i.inhrelid = '" + table + "_replaced_idx'::regclass")).containsExactly("agg_cell_replaced_idx");
        assertThat(TestDatabase.rows("SELECT count(*) FROM pg_inherits WHERE inhparent = 'agg_cell'::regclass AND inhrelid = '"
            + table + "'::regclass")).containsExactly("1");
    }

    /**
     * Changes in every served month (a bulk load inside the watermark's overlap, a mass update) make the
     * run a full one into a new generation, not an incremental one that marks every served row replaced;
     * the result is that of a full run all the same.
     */
    @Test
    @Order(8)
    void changesInEveryServedMonthMakeTheRunFull() throws Exception {
        List<String> months = TestDatabase.rows("SELECT DISTINCT bucket_start FROM agg_cell_current WHERE bucket = 'month'");
        assertThat(months).hasSizeGreaterThan(2);
        TestDatabase.execute("UPDATE violation SET category_code = '0510' WHERE id % 53 = 9");
        assertThat(TestDatabase.rows("SELECT DISTINCT date_trunc('month', reported_at AT TIME ZONE " + TZ + ")::date "
            + "FROM violation WHERE id % 53 = 9")).containsAll(months);

        RunSummary run = AggregationJob.run(SparkTestSession.get(), cfg);
        assertThat(run.mode()).isEqualTo("full");
        assertThat(TestDatabase.rows("SELECT mode || ':' || (changes_since IS NULL) FROM agg_run WHERE run_id = " + run.runId()))
            .containsExactly("full:true");
        assertThat(TestDatabase.queryLong("SELECT base_run_id FROM agg_current")).isEqualTo(run.runId());
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM agg_cell WHERE valid_to = " + run.runId())).isZero();
        Map<String, List<String>> switched = snapshot();
        AggregationJob.run(SparkTestSession.get(), cfg.withFull(true));
        assertSameTables(switched, snapshot());
    }

    static void assertSameTables(Map<String, List<String>> actual, Map<String, List<String>> expected) {
        for (String table : expected.keySet()) {
            assertThat(actual.get(table)).as(table).isNotEmpty().isEqualTo(expected.get(table));
        }
    }
}
