package cn.cg.spark.hotspot;

import cn.cg.spark.PgCopyWriter;
import cn.cg.spark.SparkSessions;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After aggregation: Gi* for every month and emerging hot-spot classes over the months, for every
 * resolution (7-10) and the category sets 'all' and 'vendor', from the served aggregation run
 * (agg_cell_current month buckets, zeros from agg_study_cell_current), switched into PostGIS
 * atomically (V20__hotspots.sql). The statistics are geo-core's; Spark spreads the groups.
 *
 * <pre>
 * spark-submit --class cn.cg.spark.hotspot.HotspotJob spark-jobs-*-job.jar --db-url JDBC [--k auto|N] [--kernel K] [--fdr true]
 * </pre>
 */
public final class HotspotJob {

    private static final Logger LOG = LoggerFactory.getLogger(HotspotJob.class);

    static final String COUNTS_SQL = "(SELECT resolution::int AS resolution, cell, category_code, bucket_start, "
        + "cases::bigint AS cases, run_id FROM agg_cell_current WHERE bucket = 'month') c";
    static final String STUDY_SQL = "(SELECT resolution::int AS resolution, cell, run_id FROM agg_study_cell_current) s";

    private HotspotJob() {
    }

    public static void main(String[] args) throws Exception {
        HotspotConfig cfg;
        try {
            cfg = HotspotConfig.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession spark = SparkSessions.create("cg-hotspots", cfg.master(), cfg.partitions());
        try {
            System.out.println(run(spark, cfg));
        } finally {
            spark.stop();
        }
    }

    /** Extract -> transform -> load, then the switch. Returns what the run did. */
    public static HotspotRunSummary run(SparkSession spark, HotspotConfig cfg) throws SQLException {
        long t0 = System.nanoTime();
        try (HotspotStore store = HotspotStore.open(cfg.dbUrl())) {
            store.lock();
            store.removeUnswitchedRuns();
            var agg = store.aggregationRun();
            if (agg.isEmpty()) {
                LOG.info("no aggregation run is served yet: nothing to analyse");
                return new HotspotRunSummary(0, 0, 0, 0, 0, (System.nanoTime() - t0) / 1e9);
            }
            long aggRun = agg.get().runId();
            long runId = store.startRun(aggRun, cfg);
            LOG.info("hotspot run {} over aggregation run {} (k={}, kernel={}, fdr={})", runId, aggRun,
                cfg.kSetting(), cfg.kernel(), cfg.fdr());
            try {
                HotspotRunSummary s = analyse(spark, cfg, store, runId, aggRun, t0);
                store.switchTo(runId, s);
                store.collectGarbage();
                return new HotspotRunSummary(runId, aggRun, s.groups(), s.cellRows(), s.emergingRows(),
                    (System.nanoTime() - t0) / 1e9);
            } catch (RuntimeException | SQLException e) {
                store.markFailed(runId, e);
                throw e;
            }
        }
    }

    private static HotspotRunSummary analyse(SparkSession spark, HotspotConfig cfg, HotspotStore store, long runId,
                                             long aggRun, long t0) throws SQLException {
        String url = cfg.dbUrl();
        Properties props = new Properties();
        props.setProperty("driver", "org.postgresql.Driver");
        props.setProperty("fetchsize", "10000");
        // Only the rows of the run chosen above; if the aggregation switches meanwhile, the check below fails the run.
        Dataset<Row> counts = spark.read().jdbc(url, COUNTS_SQL, props)
            .filter(functions.col("run_id").equalTo(aggRun)).drop("run_id")
            .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> studyRows = spark.read().jdbc(url, STUDY_SQL, props)
            .filter(functions.col("run_id").equalTo(aggRun)).drop("run_id");
        try {
            counts.count();
            Map<Integer, long[]> study = studyCells(studyRows.collectAsList());
            if (!store.aggregationRun().map(a -> a.runId() == aggRun).orElse(false)) {
                throw new IllegalStateException("aggregation run " + aggRun + " was replaced while it was read; run again");
            }
            Row span = counts.agg(functions.min("bucket_start"), functions.max("bucket_start")).first();
            if (span.isNullAt(0)) {
                return new HotspotRunSummary(runId, aggRun, 0, 0, 0, (System.nanoTime() - t0) / 1e9);
            }
            List<LocalDate> months = HotspotTransforms.months((LocalDate) span.get(0), (LocalDate) span.get(1));
            Set<String> vendor = store.vendorCodes();
            Broadcast<Map<Integer, long[]>> studyB = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(study);

            Dataset<Row> sets = HotspotTransforms.categorySets(counts, vendor).persist(StorageLevel.MEMORY_AND_DISK());
            JavaRDD<HotspotTransforms.GroupOut> gi = HotspotTransforms.monthlyGiStar(sets, studyB, cfg, runId)
                .persist(StorageLevel.MEMORY_AND_DISK());
            // Emerging hot spots need at least two time steps.
            JavaRDD<HotspotTransforms.GroupOut> em = (months.size() < 2
                ? JavaSparkContext.fromSparkContext(spark.sparkContext()).<HotspotTransforms.GroupOut>emptyRDD()
                : HotspotTransforms.emerging(sets, studyB, months, cfg, runId)).persist(StorageLevel.MEMORY_AND_DISK());
            try {
                long cellRows = PgCopyWriter.write(
                    HotspotTransforms.spreadRows(spark, gi, HotspotTransforms.CELL_ROWS, cfg.partitions()),
                    url, "hotspot_cell");
                long emergingRows = PgCopyWriter.write(
                    HotspotTransforms.rows(spark, em, HotspotTransforms.EMERGING_ROWS), url, "hotspot_emerging");
                long groups = PgCopyWriter.write(HotspotTransforms.groupRows(spark, gi.union(em)), url, "hotspot_group");
                return new HotspotRunSummary(runId, aggRun, groups, cellRows, emergingRows,
                    (System.nanoTime() - t0) / 1e9);
            } finally {
                gi.unpersist();
                em.unpersist();
                sets.unpersist();
                studyB.destroy();
            }
        } finally {
            counts.unpersist();
        }
    }

    /** Study cells per resolution, sorted. */
    static Map<Integer, long[]> studyCells(List<Row> rows) {
        Map<Integer, List<Long>> by = new HashMap<>();
        for (Row r : rows) {
            by.computeIfAbsent(r.getInt(0), k -> new java.util.ArrayList<>()).add(r.getLong(1));
        }
        Map<Integer, long[]> out = new HashMap<>();
        by.forEach((res, cells) -> out.put(res, cells.stream().mapToLong(Long::longValue).sorted().toArray()));
        return out;
    }
}
