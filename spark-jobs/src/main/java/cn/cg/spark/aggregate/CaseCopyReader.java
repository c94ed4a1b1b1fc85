package cn.cg.spark.aggregate;

import cn.cg.geo.grid.H3Cells;
import cn.cg.spark.Jdbc;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.TaskCompletionListener;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

/**
 * Reads the cases to aggregate with {@code COPY ... TO STDOUT (FORMAT binary)}, one COPY per id range and
 * partition, on the executors, and locates each case as it arrives ({@link AggregationTransforms#located}):
 * rows of {@link AggregationTransforms#LOCATED}. The time window is part of each COPY's query.
 *
 * <p>Why not Spark's JDBC source: PostgreSQL hands out the 9.8M cases of the 10M-case city in 7 s by COPY,
 * but through JDBC's text protocol (timestamps formatted by the server, parsed by the driver, converted by
 * Spark) reading and locating them took 42 s. The binary form carries timestamps as microseconds and
 * coordinates as doubles, so nothing is formatted or parsed.
 */
final class CaseCopyReader {

    /** Microseconds from 1970-01-01 to PostgreSQL's epoch 2000-01-01 (UTC). */
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;
    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final int FIELDS = 8;

    private CaseCopyReader() {
    }

    /**
     * The located cases with ids in [{@code firstId}, {@code lastId}] matching {@code where} (SQL made by the job
     * from its own values, never user input), in {@code partitions} id ranges.
     */
    static Dataset<Row> located(SparkSession spark, String url, String where, long firstId, long lastId,
                                int partitions, ZoneId zone) {
        List<long[]> ranges = idRanges(firstId, lastId, partitions);
        String zoneId = zone.getId();
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(ranges, ranges.size())
            .mapPartitions((FlatMapFunction<Iterator<long[]>, Row>) it -> {
                long[] r = it.next(); // one range per partition
                return new CopyRows(url, query(where, r[0], r[1]), ZoneId.of(zoneId));
            });
        return spark.createDataFrame(rows, AggregationTransforms.LOCATED);
    }

    /** [from, to) id ranges covering [first, last] in about equal parts. */
    static List<long[]> idRanges(long first, long last, int parts) {
        long span = last - first + 1;
        int n = (int) Math.max(1, Math.min(parts, span));
        List<long[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new long[] {first + span * i / n, first + span * (i + 1) / n});
        }
        return out;
    }

    static String query(String where, long fromId, long toId) {
        return "COPY (SELECT id, category_code, status, reported_at, closed_at, deadline_at, ST_X(geom), ST_Y(geom) "
            + "FROM violation WHERE (" + where + ") AND id >= " + fromId + " AND id < " + toId + ") TO STDOUT (FORMAT binary)";
    }

    /** The rows of one COPY, read as they are iterated; the connection closes at the end or with the task. */
    private static final class CopyRows implements Iterator<Row> {
        private final H3Cells h3 = H3Cells.get();
        private final ZoneId zone;
        private final Map<String, String> strings = new HashMap<>(); // one String per category code and status
        private final Connection connection;
        private final DataInputStream in;
        private Row next;
        private boolean open = true;

        CopyRows(String url, String copySql, ZoneId zone) throws SQLException, IOException {
            this.zone = zone;
            this.connection = Jdbc.connect(url);
            TaskContext task = TaskContext.get();
            if (task != null) {
                task.addTaskCompletionListener((TaskCompletionListener) ctx -> close());
            }
            try {
                this.in = new DataInputStream(new BufferedInputStream(
                    new PGCopyInputStream(connection.unwrap(PGConnection.class), copySql), 1 << 16));
                byte[] signature = new byte[SIGNATURE.length];
                in.readFully(signature);
                if (!Arrays.equals(signature, SIGNATURE)) {
                    throw new IOException("not a binary COPY stream");
                }
                in.readInt(); // flags
                in.skipNBytes(in.readInt()); // header extension
                advance();
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        private void advance() throws IOException {
            short fields = in.readShort();
            if (fields == -1) {
                next = null;
                close();
                return;
            }
            if (fields != FIELDS) {
                throw new IOException("expected " + FIELDS + " fields per case, got " + fields);
            }
            fieldLength(8);
            long id = in.readLong();
            String category = text();
            String status = text();
            Instant reported = timestamp();
            Instant closedAt = timestamp();
            Instant deadline = timestamp();
            fieldLength(8);
            double lon = in.readDouble();
            fieldLength(8);
            double lat = in.readDouble();
            next = AggregationTransforms.located(h3, zone, id, category, status, reported, closedAt, deadline, lon, lat);
        }

        private void fieldLength(int expected) throws IOException {
            int len = in.readInt();
            if (len != expected) {
                throw new IOException("field of " + len + " bytes where " + expected + " were expected");
            }
        }

        private String text() throws IOException {
            byte[] b = new byte[in.readInt()];
            in.readFully(b);
            String s = new String(b, StandardCharsets.UTF_8);
            return strings.computeIfAbsent(s, x -> x);
        }

        private Instant timestamp() throws IOException {
            int len = in.readInt();
            if (len == -1) {
                return null;
            }
            if (len != 8) {
                throw new IOException("timestamp of " + len + " bytes where 8 were expected");
            }
            long micros = in.readLong() + PG_EPOCH_MICROS;
            return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Row next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            Row r = next;
            try {
                advance();
            } catch (IOException e) {
                close();
                throw new UncheckedIOException(e instanceof EOFException ? "the COPY of cases ended early"
                    : "reading the COPY of cases failed", e);
            }
            return r;
        }

        private void close() {
            if (!open) {
                return;
            }
            open = false;
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing after the last row, or after a failure that is already being reported
            }
        }
    }
}
