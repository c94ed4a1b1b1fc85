package cn.cg.geo.allocation;

/**
 * The k smallest of m keyed items, ordered by (key, index), in O(m log k) with a bounded max-heap and no
 * boxing. The Lagrangian bounds pick the best p of thousands of sites every iteration; sorting all of
 * them as {@code Integer[]} with a comparator was a large share of their time.
 */
final class SmallestK {

    private SmallestK() {
    }

    /**
     * Writes to {@code out[0..k)} the indices among {@code candidates[0..count)} with the k smallest
     * {@code key[index]}, ascending (ties: lower index first). Returns how many were written
     * ({@code min(k, count)}).
     */
    static int select(double[] key, int[] candidates, int count, int k, int[] out) {
        int size = 0;
        for (int q = 0; q < count; q++) {
            int j = candidates[q];
            if (size < k) {
                out[size] = j;
                up(key, out, size++);
            } else if (size > 0 && less(key, j, out[0])) {
                out[0] = j;
                down(key, out, 0, size);
            }
        }
        for (int end = size - 1; end > 0; end--) {
            int t = out[0];
            out[0] = out[end];
            out[end] = t;
            down(key, out, 0, end);
        }
        return size;
    }

    private static boolean less(double[] key, int a, int b) {
        return key[a] < key[b] || (key[a] == key[b] && a < b);
    }

    private static void up(double[] key, int[] h, int pos) {
        while (pos > 0) {
            int parent = (pos - 1) / 2;
            if (!less(key, h[parent], h[pos])) {
                return;
            }
            int t = h[parent];
            h[parent] = h[pos];
            h[pos] = t;
            pos = parent;
        }
    }

    private static void down(double[] key, int[] h, int pos, int size) {
        while (true) {
            int l = 2 * pos + 1;
            if (l >= size) {
                return;
            }
            int big = l + 1 < size && less(key, h[l], h[l + 1]) ? l + 1 : l;
            if (!less(key, h[pos], h[big])) {
                return;
            }
            int t = h[pos];
            h[pos] = h[big];
            h[big] = t;
            pos = big;
        }
    }
}
