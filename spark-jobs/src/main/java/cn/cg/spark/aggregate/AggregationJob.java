package cn.cg.spark.aggregate;

import cn.cg.geo.grid.H3Cells;
import cn.cg.spark.PgCopyWriter;
import cn.cg.spark.SparkSessions;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aggregates violations into H3 cells (resolutions 7-10) and admin areas per category and local
 * day / ISO week / month, with hour-of-week profiles and closure figures, and switches the result in
 * atomically (see V2__aggregates.sql). Full, or incremental from the stored watermark or {@code
 * --since}: an incremental run recomputes only the months that changed cases touch (widened to whole
 * weeks) and equals a full run.
 *
 * <pre>
 * spark-submit --class cn.cg.spark.aggregate.AggregationJob spark-jobs-*-job.jar --db-url JDBC [--since ISO | --full]
 * </pre>
 */
public final class AggregationJob {

    private static final Logger LOG = LoggerFactory.getLogger(AggregationJob.class);

    private AggregationJob() {
    }

    public static void main(String[] args) throws Exception {
        AggregationConfig cfg;
        try {
            cfg = AggregationConfig.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession spark = SparkSessions.create("cg-aggregation", cfg.master(), cfg.partitions());
        try {
            RunSummary s = run(spark, cfg);
            System.out.println(s);
        } finally {
            spark.stop();
        }
    }

    /** Extract -> transform -> load, then the switch. Returns what the run did. */
    public static RunSummary run(SparkSession spark, AggregationConfig cfg) throws SQLException {
        long t0 = System.nanoTime();
        try (AggregateStore store = AggregateStore.open(cfg.dbUrl())) {
            store.lock();
            store.removeUnswitchedRuns();
            Optional<AggregateStore.Current> current = store.current();
            Instant watermark = store.watermark();
            String fingerprint = store.areasFingerprint();

            BucketScope scope = null; // null: full
            Instant since = null;
            boolean canIncrement = current.isPresent() && !cfg.full()
                && cfg.zone().getId().equals(current.get().timeZone())
                && fingerprint.equals(current.get().areasFingerprint());
            if (canIncrement) {
                Instant stored = current.get().watermark();
                since = cfg.since().orElse(stored == null ? Instant.EPOCH : stored.minus(cfg.overlap()));
                SortedSet<LocalDate> days = store.changedDays(since, cfg.zone());
                scope = BucketScope.ofChangedDays(days);
                // Changes in every month (a bulk load inside the overlap, a mass update): an incremental run
                // would recompute everything anyway, and then mark every served row replaced in one UPDATE
                // (over 8 minutes at 10M cases) where a full run writes a new generation and moves the base.
                SortedSet<LocalDate> served = store.servedMonths();
                if (scope.months().containsAll(served)) {
                    LOG.info("full run instead of incremental: the changes since {} touch all {} served months", since,
                        served.size());
                    scope = null;
                    since = null;
                }
            } else if (cfg.since().isPresent()) {
                LOG.info("--since ignored: no comparable previous run (none, other zone or changed admin areas)");
            }
            String mode = scope == null ? "full" : "incremental";
            long runId = store.startRun(mode, cfg.zone(), since, watermark, fingerprint, scope);
            LOG.info("aggregation run {} ({}{})", runId, mode, scope == null ? "" : ", months " + scope.months());
            try {
                RunSummary s = aggregate(spark, cfg, store, runId, scope, t0);
                if (cfg.failAfterStaging()) {
                    throw new IllegalStateException("failing after the staging writes, as asked (--fail-after-staging)");
                }
                Map<String, Double> phases = new LinkedHashMap<>(s.phaseSeconds());
                long t = System.nanoTime();
                store.switchTo(runId, scope, s);
                phases.put("switch", (System.nanoTime() - t) / 1e9);
                t = System.nanoTime();
                store.collectGarbage();
                phases.put("gc", (System.nanoTime() - t) / 1e9);
                RunSummary done = new RunSummary(runId, mode, s.monthsRecomputed(), s.casesRead(), s.cellRows(),
                    s.areaRows(), s.profileRows(), s.studyCells(), s.newCellBoundaries(), (System.nanoTime() - t0) / 1e9,
                    phases);
                LOG.info("{}", done);
                return done;
            } catch (RuntimeException | SQLException e) {
                store.markFailed(runId, e);
                throw e;
            }
        }
    }

    private static RunSummary aggregate(SparkSession spark, AggregationConfig cfg, AggregateStore store, long runId,
                                        BucketScope scope, long t0) throws SQLException {
        String url = cfg.dbUrl();
        String where = "status <> 'void'" + (scope == null ? "" : " AND " + scope.reportedAtSql(cfg.zone()));
        List<Dataset<Row>> toRelease = new ArrayList<>();
        Map<String, Double> phases = new LinkedHashMap<>();
        long[] clock = {t0};
        try {
            Dataset<Row> located = keep(readLocated(spark, store, url, where, cfg.partitions(), cfg.zone()), toRelease);
            long casesRead = located.count();
            mark(phases, "read+locate", clock);

            Broadcast<AreaIndex> areas = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(new AreaIndex(store.areas(false)));
            Dataset<Row> memberships = keep(AggregationTransforms.memberships(located, areas), toRelease);
            // More partitions for large runs: each one holds its counting map in memory.
            int cellPartitions = (int) Math.max(cfg.partitions(), Math.min(512, casesRead / 250_000));
            Dataset<Row> byCoarsest = AggregationTransforms.byCoarsestCell(located, cellPartitions);
            Dataset<Row> areaCounts = AggregationTransforms.areaCounts(memberships);
            Dataset<Row> profiles = AggregationTransforms.hourProfiles(memberships);
            Dataset<Row> study = null;
            if (scope == null) {
                study = keep(AggregationTransforms.studyCells(spark, topLevelGeometries(store)), toRelease);
            } else {
                areaCounts = areaCounts.filter(scope.bucketRows());
                profiles = profiles.filter(scope.monthIn("month_start"));
            }

            mark(phases, "prepare", clock);
            // A full run fills a new generation table and indexes it once; an incremental run adds
            // its few rows to its base run's generation through agg_cell (V40).
            long generation = scope == null ? runId : store.generationOf(store.current().orElseThrow().baseRunId());
            String[] cellTables = scope == null ? AggregateStore.Leaf.byKind(store.createGeneration(runId))
                : new String[] {"agg_cell", "agg_cell", "agg_cell"};
            long cellRows = new CellCountWriter(url, cellTables, runId, generation, scope == null ? null : scope.bucketFilter())
                .write(byCoarsest);
            mark(phases, "cells", clock);
            if (scope == null) {
                store.attachGeneration(runId, cfg.indexConnections(), cfg.indexMemory());
                mark(phases, "cell index", clock);
            }
            long areaRows = PgCopyWriter.write(versioned(areaCounts, runId), url, "agg_area");
            mark(phases, "areas", clock);
            long profileRows = PgCopyWriter.write(versioned(profiles, runId), url, "agg_area_hour");
            mark(phases, "profiles", clock);
            long studyCells = study == null ? 0 : PgCopyWriter.write(versioned(study, runId), url, "agg_study_cell");
            mark(phases, "study", clock);

            // Boundaries of cells not yet in h3_cell: cells with counts, and the study area.
            // Every cell with a count is a cell of a case read or one of its parents. The distinct cells
            // go to PostgreSQL, which answers the ones h3_cell lacks from its key: reading all of h3_cell
            // into Spark for an anti join cost an incremental run seconds.
            Set<Long> distinct = new HashSet<>();
            H3Cells h3 = H3Cells.get();
            for (long finest : located.select("cell").distinct().as(Encoders.LONG()).collectAsList()) {
                for (int res = H3Cells.COARSEST; res <= H3Cells.FINEST; res++) {
                    distinct.add(h3.parent(finest, res));
                }
            }
            if (study != null) {
                distinct.addAll(study.select("cell").as(Encoders.LONG()).collectAsList());
            }
            List<Long> missingCells = store.cellsWithoutBoundary(new ArrayList<>(distinct));
            Dataset<Row> missing = spark.createDataset(missingCells, Encoders.LONG()).toDF("cell")
                .repartition(Math.max(1, Math.min(cfg.partitions(), missingCells.size() / 10_000)));
            long newBoundaries = missingCells.isEmpty() ? 0
                : PgCopyWriter.write(AggregationTransforms.cellBoundaries(missing), url, "h3_cell_load");
            store.mergeLoadedCells();
            mark(phases, "boundaries", clock);

            return new RunSummary(runId, scope == null ? "full" : "incremental",
                scope == null ? -1 : scope.months().size(), casesRead, cellRows, areaRows, profileRows, studyCells,
                newBoundaries, (System.nanoTime() - t0) / 1e9, phases);
        } finally {
            toRelease.forEach(Dataset::unpersist);
        }
    }

    /**
     * The cases matching {@code where}, located: read in parallel by binary COPY, one id range per partition,
     * with the time window in each COPY's query ({@link CaseCopyReader}).
     */
    static Dataset<Row> readLocated(SparkSession spark, AggregateStore store, String url, String where,
                                    int partitions, ZoneId zone) throws SQLException {
        Optional<long[]> range = store.idRange(where);
        if (range.isEmpty()) {
            return spark.createDataFrame(List.of(), AggregationTransforms.LOCATED);
        }
        return CaseCopyReader.located(spark, url, where, range.get()[0], range.get()[1], partitions, zone);
    }

    private static List<Geometry> topLevelGeometries(AggregateStore store) throws SQLException {
        WKBReader reader = new WKBReader();
        List<Geometry> out = new ArrayList<>();
        for (AreaIndex.Area a : store.areas(true)) {
            try {
                out.add(reader.read(a.wkb()));
            } catch (ParseException e) {
                throw new IllegalArgumentException("admin area " + a.id() + " has invalid WKB", e);
            }
        }
        return out;
    }

    private static void mark(Map<String, Double> phases, String name, long[] clock) {
        long now = System.nanoTime();
        phases.put(name, (now - clock[0]) / 1e9);
        clock[0] = now;
    }

    private static Dataset<Row> versioned(Dataset<Row> rows, long runId) {
        return rows.withColumn("valid_from", functions.lit(runId));
    }

    private static Dataset<Row> keep(Dataset<Row> ds, List<Dataset<Row>> toRelease) {
        toRelease.add(ds);
        return ds.persist(StorageLevel.MEMORY_AND_DISK());
    }
}
