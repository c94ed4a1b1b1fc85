package cn.cg.spark.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;

import cn.cg.geo.grid.H3Cells;
import cn.cg.geo.time.CaseClosure;
import cn.cg.geo.time.TimeBuckets;
import cn.cg.geo.time.TimeBuckets.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;


/**
 * The job's pure Dataset -> Dataset steps. Grid and time rules come from geo-core ({@link H3Cells},
 * {@link TimeBuckets}, {@link CaseClosure}) so the API computes the same cells and buckets.
 *
 * <p>Input cases are rows of {@link #LOCATED}, as {@link CaseCopyReader} reads them ({@link #located}).
 */
public final class AggregationTransforms {

    private AggregationTransforms() {
    }

    /** Located cases: finest cell, local day / week / month as epoch days, hour of week, closure figures. */
    public static final StructType LOCATED = new StructType()
        .add("id", DataTypes.LongType, false)
        .add("category_code", DataTypes.StringType, false)
        .add("lon", DataTypes.DoubleType, false)
        .add("lat", DataTypes.DoubleType, false)
        .add("cell", DataTypes.LongType, false)
        .add("day", DataTypes.IntegerType, false)
        .add("hour_of_week", DataTypes.IntegerType, false)
        .add("closed", DataTypes.IntegerType, false)
        .add("closed_on_time", DataTypes.IntegerType, false)
        .add("handling_seconds", DataTypes.LongType, false);

    /** A case in one admin area it lies in (one row per containing area). */
    public static final StructType MEMBERSHIPS = new StructType()
        .add("area_id", DataTypes.LongType, false)
        .add("level", DataTypes.StringType, false)
        .add("category_code", DataTypes.StringType, false)
        .add("day", DataTypes.IntegerType, false)
        .add("hour_of_week", DataTypes.IntegerType, false)
        .add("closed", DataTypes.IntegerType, false)
        .add("closed_on_time", DataTypes.IntegerType, false)
        .add("handling_seconds", DataTypes.LongType, false);

    private static final StructType AREA_BUCKETS = new StructType()
        .add("area_id", DataTypes.LongType, false)
        .add("level", DataTypes.StringType, false)
        .add("category_code", DataTypes.StringType, false)
        .add("bucket", DataTypes.StringType, false)
        .add("bucket_day", DataTypes.IntegerType, false)
        .add("closed", DataTypes.IntegerType, false)
        .add("closed_on_time", DataTypes.IntegerType, false)
        .add("handling_seconds", DataTypes.LongType, false);

    private static final StructType BOUNDARIES = new StructType()
        .add("cell", DataTypes.LongType, false)
        .add("resolution", DataTypes.ShortType, false)
        .add("geom", DataTypes.StringType, false);

    /**
     * One case as a row of {@link #LOCATED}: its finest H3 cell (computed once; coarser cells are derived later
     * by parent), its local day and hour of week in {@code zone}, and its closure figures ({@link CaseCopyReader}
     * calls it for every case it reads).
     */
    static Row located(H3Cells h3, ZoneId zone, long id, String category, String status, Instant reported,
                       Instant closedAt, Instant deadline, double lon, double lat) {
        return RowFactory.create(id, category, lon, lat,
            h3.cell(lat, lon, H3Cells.FINEST),
            (int) TimeBuckets.day(reported, zone).toEpochDay(),
            TimeBuckets.hourOfWeek(reported, zone),
            CaseClosure.isClosed(status, closedAt) ? 1 : 0,
            CaseClosure.isClosedOnTime(status, closedAt, deadline) ? 1 : 0,
            CaseClosure.handlingSeconds(status, reported, closedAt));
    }

    /**
     * The located cases' (cell, category_code, day), in {@code partitions} partitions by their resolution-7
     * cell, so that every count's cell and all its cases live in one partition: each partition then counts all
     * twelve families (four resolutions by day, week and month) by itself ({@link CellTally}, {@link
     * CellCountWriter}). Why not Spark's groupBy: it shuffled twelve rows per case (one per family) for a
     * second aggregation, which with the COPY was most of the job.
     */
    static Dataset<Row> byCoarsestCell(Dataset<Row> located, int partitions) {
        return located.select(col("cell"), col("category_code"), col("day"))
            .repartition(partitions, udf((org.apache.spark.sql.api.java.UDF1<Long, Long>) c ->
                H3Cells.parentOf(c, H3Cells.COARSEST), DataTypes.LongType).apply(col("cell")));
    }

    /** One row per (case, admin area containing it), by point-in-polygon against the broadcast index. */
    public static Dataset<Row> memberships(Dataset<Row> located, Broadcast<AreaIndex> areas) {
        return located.flatMap((FlatMapFunction<Row, Row>) r -> {
            List<AreaIndex.Hit> hits = areas.value().containing(r.getDouble(2), r.getDouble(3));
            List<Row> out = new ArrayList<>(hits.size());
            for (AreaIndex.Hit h : hits) {
                out.add(RowFactory.create(h.id(), h.level(), r.getString(1), r.getInt(5), r.getInt(6), r.getInt(7),
                    r.getInt(8), r.getLong(9)));
            }
            return out.iterator();
        }, Encoders.row(MEMBERSHIPS));
    }

    /** Counts and closure figures per (admin area, category, week or month). */
    public static Dataset<Row> areaCounts(Dataset<Row> memberships) {
        Dataset<Row> bucketed = memberships.flatMap((FlatMapFunction<Row, Row>) r -> {
            LocalDate day = LocalDate.ofEpochDay(r.getInt(3));
            List<Row> out = new ArrayList<>(2);
            for (Kind k : List.of(Kind.WEEK, Kind.MONTH)) {
                out.add(RowFactory.create(r.getLong(0), r.getString(1), r.getString(2), k.sqlName(),
                    (int) TimeBuckets.start(k, day).toEpochDay(), r.getInt(5), r.getInt(6), r.getLong(7)));
            }
            return out.iterator();
        }, Encoders.row(AREA_BUCKETS));
        UserDefinedFunction mean = udf((UDF2<Long, Long, Double>) CaseClosure::meanHandlingHours, DataTypes.DoubleType);
        return bucketed.groupBy("area_id", "level", "category_code", "bucket", "bucket_day")
            .agg(count(lit(1)).as("cases"), sum("closed").as("closed"), sum("closed_on_time").as("closed_on_time"),
                sum("handling_seconds").as("handling_seconds"))
            .select(col("area_id"), col("level"), col("category_code"), col("bucket"),
                expr("date_from_unix_date(bucket_day)").as("bucket_start"),
                col("cases").cast(DataTypes.IntegerType).as("cases"),
                col("closed").cast(DataTypes.IntegerType).as("closed"),
                col("closed_on_time").cast(DataTypes.IntegerType).as("closed_on_time"),
                col("handling_seconds"),
                mean.apply(col("handling_seconds"), col("closed")).as("mean_handling_hours"));
    }

    /** Hour-of-week profiles per (admin area, category, month). */
    public static Dataset<Row> hourProfiles(Dataset<Row> memberships) {
        UserDefinedFunction monthStart = udf(
            (org.apache.spark.sql.api.java.UDF1<Integer, Integer>) d ->
                (int) TimeBuckets.monthStart(LocalDate.ofEpochDay(d)).toEpochDay(), DataTypes.IntegerType);
        return memberships.withColumn("month_day", monthStart.apply(col("day")))
            .groupBy("area_id", "level", "category_code", "month_day", "hour_of_week")
            .agg(count(lit(1)).as("cases"))
            .select(col("area_id"), col("level"), col("category_code"),
                expr("date_from_unix_date(month_day)").as("month_start"),
                col("hour_of_week").cast(DataTypes.ShortType).as("hour_of_week"),
                col("cases").cast(DataTypes.IntegerType).as("cases"));
    }

    /** Study-area cells at resolutions 7-10: every cell whose boundary intersects one of the areas. */
    public static Dataset<Row> studyCells(SparkSession spark, Collection<Geometry> topLevelAreas) {
        H3Cells h3 = H3Cells.get();
        List<Row> rows = new ArrayList<>();
        for (int res = H3Cells.COARSEST; res <= H3Cells.FINEST; res++) {
            SortedSet<Long> cells = new TreeSet<>();
            for (Geometry g : topLevelAreas) {
                cells.addAll(h3.cover(g, res));
            }
            for (long c : cells) {
                rows.add(RowFactory.create((short) res, c));
            }
        }
        StructType schema = new StructType().add("resolution", DataTypes.ShortType, false)
            .add("cell", DataTypes.LongType, false);
        return spark.createDataFrame(rows, schema);
    }

    /** Boundary polygons (EWKT, SRID 4326) of the distinct cells in column {@code cell}. */
    public static Dataset<Row> cellBoundaries(Dataset<Row> cells) {
        return cells.select("cell").distinct().mapPartitions((MapPartitionsFunction<Row, Row>) it -> {
            H3Cells h3 = H3Cells.get();
            WKTWriter wkt = new WKTWriter();
            return new MappingIterator<>(it, r -> {
                long c = r.getLong(0);
                return RowFactory.create(c, (short) h3.resolution(c), "SRID=4326;" + wkt.write(h3.boundary(c)));
            });
        }, Encoders.row(BOUNDARIES));
    }

    /** Lazily maps an iterator (mapPartitions must not buffer a whole partition). */
    private record MappingIterator<A, B>(Iterator<A> in, Function<A, B> f)
        implements Iterator<B> {
        @Override
        public boolean hasNext() {
            return in.hasNext();
        }

        @Override
        public B next() {
            return f.apply(in.next());
        }
    }
}
