package cn.cg.spark.aggregate;

import cn.cg.geo.time.TimeBuckets.Kind;
import cn.cg.spark.Jdbc;
import cn.cg.spark.PgCopyWriter;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Counts each partition's cases into agg_cell rows ({@link CellTally}) and COPYs them into PostgreSQL from
 * the executor, in one step: the rows never become a Dataset. A full run writes each bucket kind straight
 * into its leaf of the new generation (no routing per row); an incremental run writes the rows its {@link
 * BucketScope} recomputes into agg_cell. Each partition commits on its own, as {@code PgCopyWriter} does:
 * the rows stay invisible until the switch.
 *
 * <p>Why not a Dataset of counts and {@code PgCopyWriter}: 32 million rows at 10M cases went through Spark's
 * row encoder twice and a generic CSV writer, which took longer than PostgreSQL took to store them.
 */
final class CellCountWriter implements Serializable {

    /** The low 32 bits of an {@link #inBucketOrder} key: the tally slot. */
    static final long SLOT_MASK = 0xFFFF_FFFFL;
    /** Keeps sort keys of epoch days before 1970 positive: a day plus this fits in 21 bits. */
    private static final int DAY_OFFSET = 1 << 20;

    private static final long serialVersionUID = 1L;
    private static final String COLUMNS = "(resolution, cell, category_code, bucket, bucket_start, cases, valid_from, generation)";

    private final String jdbcUrl;
    private final String[] tableByKind;
    private final long runId;
    private final long generation;
    private final BucketScope.BucketFilter filter;

    /**
     * @param tableByKind target table of each {@link Kind} (by ordinal): the generation's leaves, or agg_cell
     * @param filter the rows to keep, or null for all
     */
    CellCountWriter(String jdbcUrl, String[] tableByKind, long runId, long generation, BucketScope.BucketFilter filter) {
        this.jdbcUrl = jdbcUrl;
        this.tableByKind = tableByKind.clone();
        this.runId = runId;
        this.generation = generation;
        this.filter = filter;
    }

    /**
     * Writes the counts of {@code byCoarsest}, cases with columns (cell, category_code, day) partitioned so that
     * all cases of a resolution-7 cell share a partition ({@link AggregationTransforms#byCoarsestCell}).
     * Returns the number of rows written.
     */
    long write(Dataset<Row> byCoarsest) {
        LongAccumulator written = byCoarsest.sparkSession().sparkContext().longAccumulator("agg_cell rows copied");
        byCoarsest.foreachPartition((ForeachPartitionFunction<Row>) it -> written.add(writePartition(it)));
        return written.value();
    }

    private long writePartition(Iterator<Row> it) throws SQLException {
        CellTally tally = CellTally.of(it);
        if (tally.size() == 0) {
            return 0;
        }
        // The kinds that go to each table, one COPY per table.
        Map<String, boolean[]> kindsByTable = new LinkedHashMap<>();
        for (Kind k : Kind.values()) {
            kindsByTable.computeIfAbsent(tableByKind[k.ordinal()], t -> new boolean[Kind.values().length])[k.ordinal()] = true;
        }
        long n = 0;
        try (Connection c = Jdbc.connect(jdbcUrl)) {
            for (Map.Entry<String, boolean[]> e : kindsByTable.entrySet()) {
                n += copy(c, e.getKey(), e.getValue(), tally);
            }
        }
        return n;
    }

    private long copy(Connection c, String table, boolean[] kinds, CellTally tally) throws SQLException {
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
            .copyIn("COPY " + table + " " + COLUMNS + " FROM STDIN (FORMAT csv)");
        long n = 0;
        try {
            CsvBytes out = new CsvBytes(copy);
            List<String> categories = tally.categories();
            byte[][] quoted = new byte[categories.size()][];
            for (int i = 0; i < quoted.length; i++) {
                quoted[i] = PgCopyWriter.csvText(categories.get(i)).getBytes(StandardCharsets.UTF_8);
            }
            byte[][] bucketNames = new byte[Kind.values().length][];
            for (Kind k : Kind.values()) {
                bucketNames[k.ordinal()] = k.sqlName().getBytes(StandardCharsets.US_ASCII);
            }
            byte[] tail = ("," + runId + "," + generation + "\n").getBytes(StandardCharsets.US_ASCII);
            Map<Integer, byte[]> dates = new HashMap<>();
            long[] order = inBucketOrder(tally, kinds, filter);
            for (long o : order) {
                int s = (int) (o & SLOT_MASK);
                Kind kind = tally.kind(s);
                int day = tally.bucketDay(s);
                out.number(tally.resolution(s)).comma().number(tally.cell(s)).comma()
                    .bytes(quoted[tally.categoryIndex(s)]).comma().bytes(bucketNames[kind.ordinal()]).comma()
                    .bytes(dates.computeIfAbsent(day, d -> LocalDate.ofEpochDay(d).toString().getBytes(StandardCharsets.US_ASCII)))
                    .comma().number(tally.cases(s)).bytes(tail);
                n++;
            }
            out.flush();
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        return n;
    }

    /**
     * The slots this table gets, ordered by (bucket day, resolution): each partition then writes a bucket's rows
     * together, so a bucket's rows sit in one run of pages per partition instead of on nearly every page of the
     * leaf. Readers of a period and resolution and the switch's UPDATE of a week read a few pages for it (in
     * hash order the incremental switch read 78,000 of the week leaf's pages for 124,390 rows at 10M cases).
     * A key is the day and resolution above the slot number, so one primitive sort does it; the slot is
     * {@code key & SLOT_MASK}.
     */
    static long[] inBucketOrder(CellTally tally, boolean[] kinds, BucketScope.BucketFilter filter) {
        long[] keys = new long[tally.size()];
        int m = 0;
        for (int s = 0; s < tally.slots(); s++) {
            if (!tally.occupied(s)) {
                continue;
            }
            Kind kind = tally.kind(s);
            int day = tally.bucketDay(s);
            if (!kinds[kind.ordinal()] || (filter != null && !filter.keeps(kind, day))) {
                continue;
            }
            keys[m++] = ((long) (day + DAY_OFFSET) << 36) | ((long) tally.resolution(s) << 32) | s;
        }
        Arrays.sort(keys, 0, m);
        return m == keys.length ? keys : Arrays.copyOf(keys, m);
    }

    /** A CSV line buffer written to COPY in 64 KiB pieces; numbers as ASCII digits without a String each. */
    private static final class CsvBytes {
        private final CopyIn copy;
        private final byte[] buf = new byte[1 << 16];
        private final byte[] digits = new byte[20];
        private int len;

        CsvBytes(CopyIn copy) {
            this.copy = copy;
        }

        CsvBytes bytes(byte[] b) throws SQLException {
            if (len + b.length > buf.length) {
                flush();
            }
            System.arraycopy(b, 0, buf, len, b.length);
            len += b.length;
            return this;
        }

        CsvBytes comma() throws SQLException {
            if (len == buf.length) {
                flush();
            }
            buf[len++] = ',';
            return this;
        }

        /** A non-negative number (resolutions, H3 indexes, counts). */
        CsvBytes number(long v) throws SQLException {
            if (v < 0) {
                throw new IllegalArgumentException("negative value " + v);
            }
            int d = digits.length;
            do {
                digits[--d] = (byte) ('0' + (v % 10));
                v /= 10;
            } while (v != 0);
            if (len + digits.length - d > buf.length) {
                flush();
            }
            System.arraycopy(digits, d, buf, len, digits.length - d);
            len += digits.length - d;
            return this;
        }

        void flush() throws SQLException {
            if (len > 0) {
                copy.writeToCopy(buf, 0, len);
                len = 0;
            }
        }
    }
}
