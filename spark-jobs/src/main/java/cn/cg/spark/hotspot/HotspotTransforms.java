package cn.cg.spark.hotspot;

import cn.cg.geo.hotspot.CellValues;
import cn.cg.geo.hotspot.EmergingCell;
import cn.cg.geo.hotspot.HotspotCell;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * The job's transforms, pure functions of Datasets (what the tests target). The statistics are
 * geo-core's, called per group through {@link GroupAnalysis}; Spark spreads the groups
 * (resolution, category set, month) and (resolution, category set) over its partitions.
 */
public final class HotspotTransforms {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HotspotTransforms.class);

    public static final String ALL = "all";
    public static final String VENDOR = "vendor";

    /** Month counts as read from agg_cell_current: resolution, cell, category_code, bucket_start, cases. */
    public static final StructType COUNTS = new StructType()
        .add("resolution", DataTypes.IntegerType, false)
        .add("cell", DataTypes.LongType, false)
        .add("category_code", DataTypes.StringType, false)
        .add("bucket_start", DataTypes.DateType, false)
        .add("cases", DataTypes.LongType, false);

    /** Rows of hotspot_cell. */
    public static final StructType CELL_ROWS = new StructType()
        .add("run_id", DataTypes.LongType, false)
        .add("resolution", DataTypes.IntegerType, false)
        .add("category_set", DataTypes.StringType, false)
        .add("period_start", DataTypes.DateType, false)
        .add("cell", DataTypes.LongType, false)
        .add("value", DataTypes.DoubleType, false)
        .add("z", DataTypes.DoubleType, true)
        .add("p", DataTypes.DoubleType, true)
        .add("bin", DataTypes.IntegerType, false);

    /** Rows of hotspot_emerging. */
    public static final StructType EMERGING_ROWS = new StructType()
        .add("run_id", DataTypes.LongType, false)
        .add("resolution", DataTypes.IntegerType, false)
        .add("category_set", DataTypes.StringType, false)
        .add("cell", DataTypes.LongType, false)
        .add("pattern", DataTypes.IntegerType, false)
        .add("label", DataTypes.StringType, false)
        .add("trend_z", DataTypes.DoubleType, true)
        .add("trend_p", DataTypes.DoubleType, true)
        .add("hot_steps", DataTypes.IntegerType, false)
        .add("cold_steps", DataTypes.IntegerType, false);

    /** Rows of hotspot_group. */
    public static final StructType GROUP_ROWS = new StructType()
        .add("run_id", DataTypes.LongType, false)
        .add("resolution", DataTypes.IntegerType, false)
        .add("category_set", DataTypes.StringType, false)
        .add("period", DataTypes.StringType, false)
        .add("period_start", DataTypes.DateType, false)
        .add("period_end", DataTypes.DateType, false)
        .add("k", DataTypes.IntegerType, false)
        .add("k_reason", DataTypes.StringType, false)
        .add("kernel", DataTypes.StringType, false)
        .add("fdr", DataTypes.BooleanType, false)
        .add("cells", DataTypes.IntegerType, false)
        .add("cases", DataTypes.LongType, false)
        .add("steps", DataTypes.IntegerType, true);

    /** The analysed rows of one group and the group's own row. */
    public record GroupOut(Row group, List<Row> rows) implements Serializable {
    }

    private HotspotTransforms() {
    }

    /**
     * Counts per (resolution, category set, month, cell): every category for 'all', the vendor-related
     * ones for 'vendor'.
     */
    public static Dataset<Row> categorySets(Dataset<Row> counts, Set<String> vendorCodes) {
        Dataset<Row> all = counts.withColumn("category_set", functions.lit(ALL));
        Dataset<Row> vendor = counts.filter(functions.col("category_code").isin(vendorCodes.toArray()))
            .withColumn("category_set", functions.lit(VENDOR));
        return all.unionByName(vendor)
            .groupBy("resolution", "category_set", "bucket_start", "cell")
            .agg(functions.sum("cases").cast(DataTypes.DoubleType).as("value"));
    }

    /**
     * Gi* per (resolution, category set, month): one {@link GroupOut} per group holding its
     * hotspot_cell rows. {@code study} maps a resolution to its study cells.
     */
    public static JavaRDD<GroupOut> monthlyGiStar(Dataset<Row> sets, Broadcast<Map<Integer, long[]>> study,
                                                 HotspotConfig cfg, long runId) {
        // A group's rows arrive together and sorted by cell through Spark's own shuffle and sort of
        // binary rows: groupByKey over Java-serialised tuples and a TreeMap per group were most of the
        // job for a group of a million cells.
        Dataset<Row> sorted = sets.select("resolution", "category_set", "bucket_start", "cell", "value")
            .repartition(cfg.partitions(), functions.col("resolution"), functions.col("category_set"),
                functions.col("bucket_start"))
            .sortWithinPartitions("resolution", "category_set", "bucket_start", "cell");
        return sorted.javaRDD().mapPartitions(it -> new MonthGroups(it, study.value(), cfg, runId));
    }

    /** Consecutive rows of one (resolution, set, month), sorted by cell, turned into one Gi* group each. */
    private static final class MonthGroups implements Iterator<GroupOut> {
        private final Iterator<Row> in;
        private final Map<Integer, long[]> study;
        private final HotspotConfig cfg;
        private final long runId;
        private Row pending;

        MonthGroups(Iterator<Row> in, Map<Integer, long[]> study, HotspotConfig cfg, long runId) {
            this.in = in;
            this.study = study;
            this.cfg = cfg;
            this.runId = runId;
            this.pending = in.hasNext() ? in.next() : null;
        }

        @Override
        public boolean hasNext() {
            return pending != null;
        }

        @Override
        public GroupOut next() {
            if (pending == null) {
                throw new NoSuchElementException();
            }
            MonthKey key = new MonthKey(pending.getInt(0), pending.getString(1), (LocalDate) pending.get(2));
            long[] cells = new long[1024];
            double[] counts = new double[1024];
            int n = 0;
            while (pending != null && key.matches(pending)) {
                if (n == cells.length) {
                    cells = Arrays.copyOf(cells, n * 2);
                    counts = Arrays.copyOf(counts, n * 2);
                }
                cells[n] = pending.getLong(3);
                counts[n++] = pending.getDouble(4);
                pending = in.hasNext() ? in.next() : null;
            }
            CellValues values = GroupAnalysis.fill(
                study.getOrDefault(key.resolution(), new long[0]), cells, counts, n);
            long t0 = System.nanoTime();
            GroupAnalysis.GiResult gi = GroupAnalysis.gi(values, cfg);
            LOG.info("Gi* {}: {} cells, k={}, {} s", key, values.size(), gi.scale().k(),
                String.format(Locale.ROOT, "%.2f", (System.nanoTime() - t0) / 1e9));
            List<Row> rows = new ArrayList<>(gi.cells().size());
            for (HotspotCell c : gi.cells()) {
                rows.add(RowFactory.create(runId, key.resolution(), key.set(), key.month(), c.cell(), c.value(),
                    finite(c.z()), finite(c.p()), c.bin()));
            }
            Row group = RowFactory.create(runId, key.resolution(), key.set(), "month", key.month(),
                key.month().plusMonths(1), gi.scale().k(), gi.scale().reason(),
                cfg.kernel().name().toLowerCase(Locale.ROOT), cfg.fdr(), gi.cells().size(), gi.cases(), null);
            return new GroupOut(group, rows);
        }
    }

    /**
     * Emerging hot spots per (resolution, category set) over the calendar months {@code months}
     * (oldest first, contiguous): one {@link GroupOut} per group holding its hotspot_emerging rows.
     */
    public static JavaRDD<GroupOut> emerging(Dataset<Row> sets, Broadcast<Map<Integer, long[]>> study,
                                             List<LocalDate> months, HotspotConfig cfg, long runId) {
        return sets.javaRDD()
            .mapToPair(r -> new Tuple2<>(new SetKey(r.getInt(0), r.getString(1)),
                new Tuple2<>((LocalDate) r.get(2), new Tuple2<>(r.getLong(3), r.getDouble(4)))))
            .groupByKey(cfg.partitions())
            .map(g -> {
                SetKey key = g._1();
                List<Map<Long, Double>> steps = new ArrayList<>();
                Map<LocalDate, Integer> index = new HashMap<>();
                for (LocalDate m : months) {
                    index.put(m, steps.size());
                    steps.add(new HashMap<>());
                }
                g._2().forEach(t -> steps.get(index.get(t._1())).merge(t._2()._1(), t._2()._2(), Double::sum));
                long[] cells = study.value().getOrDefault(key.resolution(), new long[0]);
                GroupAnalysis.EmergingResult em = GroupAnalysis.emerging(cells, steps, cfg);
                List<Row> rows = new ArrayList<>(em.cells().size());
                for (EmergingCell c : em.cells()) {
                    rows.add(RowFactory.create(runId, key.resolution(), key.set(), c.cell(), c.pattern().code(),
                        c.pattern().label(), finite(c.trendZ()), finite(c.trendP()),
                        GroupAnalysis.count(c.states(), 1), GroupAnalysis.count(c.states(), -1)));
                }
                Row group = RowFactory.create(runId, key.resolution(), key.set(), "emerging", months.get(0),
                    months.get(months.size() - 1).plusMonths(1), em.scale().k(), em.scale().reason(),
                    cfg.kernel().name().toLowerCase(Locale.ROOT), false, em.cells().size(), em.cases(), em.steps());
                return new GroupOut(group, rows);
            });
    }

    /** The contiguous calendar months from the first to the last month with cases. */
    public static List<LocalDate> months(LocalDate first, LocalDate last) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate m = first.withDayOfMonth(1); !m.isAfter(last); m = m.plusMonths(1)) {
            out.add(m);
        }
        return out;
    }

    public static Dataset<Row> rows(SparkSession spark, JavaRDD<GroupOut> groups, StructType schema) {
        return spark.createDataFrame(groups.flatMap(g -> g.rows().iterator()), schema);
    }

    /**
     * {@link #rows} spread round-robin over {@code partitions}, so that one large group's rows are
     * COPYed by several tasks at once rather than by the one task that analysed the group.
     */
    public static Dataset<Row> spreadRows(SparkSession spark, JavaRDD<GroupOut> groups, StructType schema,
                                          int partitions) {
        return rows(spark, groups, schema).repartition(partitions);
    }

    public static Dataset<Row> groupRows(SparkSession spark, JavaRDD<GroupOut> groups) {
        return spark.createDataFrame(groups.map(GroupOut::group), GROUP_ROWS);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    record MonthKey(int resolution, String set, LocalDate month) implements Serializable {
        boolean matches(Row r) {
            return r.getInt(0) == resolution && r.getString(1).equals(set) && r.get(2).equals(month);
        }
    }

    record SetKey(int resolution, String set) implements Serializable {
    }
}
