package cn.cg.spark.aggregate;

import cn.cg.geo.grid.H3Cells;
import cn.cg.geo.time.TimeBuckets;
import cn.cg.geo.time.TimeBuckets.Kind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * The agg_cell counts of one partition's cases: per (resolution 7-10, cell, category, bucket kind, bucket
 * start), each case adding one to the twelve rows of its finest cell's parents and its day, ISO week and
 * month ({@link H3Cells}, {@link TimeBuckets}: the rules the API shares). An open-addressing table of
 * primitive keys: the job's first counter kept a {@code HashMap} of record keys, which allocated twelve
 * objects per case (120 million at 10M cases) and was most of the job's counting time.
 *
 * <p>A key is the cell (its H3 index carries its resolution) and a tag: kind in the top two bits, the
 * category's index in this partition's dictionary, and the bucket's first day as an epoch day.
 */
final class CellTally {

    private static final Kind[] KINDS = Kind.values();
    private static final int MAX_CATEGORIES = 1 << 28;

    private final List<String> categories = new ArrayList<>();
    private final Map<String, Integer> categoryIndex = new HashMap<>();
    private final Map<Integer, int[]> bucketStarts = new HashMap<>(); // day -> start of its day, week, month
    private long[] cells;
    private long[] tags;
    private int[] counts;
    private int size;
    private int lastDay = Integer.MIN_VALUE;
    private int[] lastStarts;

    CellTally() {
        allocate(1 << 12);
    }

    /** The counts of one partition of {@link AggregationTransforms#byCoarsestCell}: rows (cell, category_code, day). */
    static CellTally of(Iterator<Row> byCoarsest) {
        CellTally tally = new CellTally();
        while (byCoarsest.hasNext()) {
            Row r = byCoarsest.next();
            tally.add(r.getLong(0), r.getString(1), r.getInt(2));
        }
        return tally;
    }

    /** Counts one case: its finest cell, category code and local day (epoch day). */
    void add(long finestCell, String category, int day) {
        Integer cat = categoryIndex.get(category);
        if (cat == null) {
            if (categories.size() == MAX_CATEGORIES) {
                throw new IllegalStateException("more than " + MAX_CATEGORIES + " categories in one partition");
            }
            cat = categories.size();
            categories.add(category);
            categoryIndex.put(category, cat);
        }
        if (day != lastDay) {
            lastStarts = bucketStarts.computeIfAbsent(day, CellTally::starts);
            lastDay = day;
        }
        for (int res = H3Cells.COARSEST; res <= H3Cells.FINEST; res++) {
            long cell = res == H3Cells.FINEST ? finestCell : H3Cells.parentOf(finestCell, res);
            for (int k = 0; k < KINDS.length; k++) {
                increment(cell, ((long) k << 62) | ((long) cat << 32) | (lastStarts[k] & 0xFFFFFFFFL));
            }
        }
    }

    private static int[] starts(int day) {
        int[] out = new int[KINDS.length];
        for (int k = 0; k < KINDS.length; k++) {
            out[k] = (int) TimeBuckets.start(KINDS[k], LocalDate.ofEpochDay(day)).toEpochDay();
        }
        return out;
    }

    private void increment(long cell, long tag) {
        int mask = cells.length - 1;
        int i = slot(cell, tag) & mask;
        while (counts[i] != 0) {
            if (cells[i] == cell && tags[i] == tag) {
                counts[i]++;
                return;
            }
            i = (i + 1) & mask;
        }
        cells[i] = cell;
        tags[i] = tag;
        counts[i] = 1;
        if (++size > cells.length / 2) {
            grow();
        }
    }

    private static int slot(long cell, long tag) {
        long h = (cell ^ Long.rotateLeft(tag, 29)) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }

    private void allocate(int capacity) {
        cells = new long[capacity];
        tags = new long[capacity];
        counts = new int[capacity];
    }

    private void grow() {
        long[] oldCells = cells, oldTags = tags;
        int[] oldCounts = counts;
        allocate(cells.length * 2);
        int mask = cells.length - 1;
        for (int j = 0; j < oldCells.length; j++) {
            if (oldCounts[j] != 0) {
                int i = slot(oldCells[j], oldTags[j]) & mask;
                while (counts[i] != 0) {
                    i = (i + 1) & mask;
                }
                cells[i] = oldCells[j];
                tags[i] = oldTags[j];
                counts[i] = oldCounts[j];
            }
        }
    }

    /** Number of distinct rows. */
    int size() {
        return size;
    }

    /** The slots, for {@link #occupied}: rows are read slot by slot, in no particular order. */
    int slots() {
        return cells.length;
    }

    boolean occupied(int slot) {
        return counts[slot] != 0;
    }

    long cell(int slot) {
        return cells[slot];
    }

    int resolution(int slot) {
        return (int) ((cells[slot] >>> 52) & 0xF);
    }

    Kind kind(int slot) {
        return KINDS[(int) (tags[slot] >>> 62)];
    }

    /** Index of the slot's category in {@link #categories()}. */
    int categoryIndex(int slot) {
        return (int) ((tags[slot] >>> 32) & (MAX_CATEGORIES - 1));
    }

    /** First day of the slot's bucket, as an epoch day. */
    int bucketDay(int slot) {
        return (int) tags[slot];
    }

    int cases(int slot) {
        return counts[slot];
    }

    /** The category codes met, by index. */
    List<String> categories() {
        return categories;
    }
}
