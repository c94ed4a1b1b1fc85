package cn.cg.geo.hotspot;

import java.util.Arrays;

/**
 * H3 cell -> row index, open addressing on primitive longs. A study area of a million cells is
 * looked up about twenty million times while its k-ring weights are built; a HashMap of boxed
 * Long and Integer made that lookup (and its garbage) the larger part of Gi*.
 */
final class CellIndex {

  private static final long EMPTY = 0L; // never a valid H3 index (mode bits are 0)

  private final long[] keys;
  private final int[] values;
  private final int mask;

  CellIndex(int expected) {
    int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
    keys = new long[cap];
    values = new int[cap];
    mask = cap - 1;
  }

  /** Puts cell -> i; returns the previous index of the cell, or -1. */
  int put(long cell, int i) {
    if (cell == EMPTY) {
      throw new IllegalArgumentException("not a valid H3 cell: 0");
    }
    int slot = slot(cell);
    while (keys[slot] != EMPTY) {
      if (keys[slot] == cell) {
        int old = values[slot];
        values[slot] = i;
        return old;
      }
      slot = (slot + 1) & mask;
    }
    keys[slot] = cell;
    values[slot] = i;
    return -1;
  }

  /** The index of the cell, or -1. */
  int get(long cell) {
    int slot = slot(cell);
    long k;
    while ((k = keys[slot]) != EMPTY) {
      if (k == cell) {
        return values[slot];
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  private int slot(long cell) {
    long h = cell * 0x9E3779B97F4A7C15L; // Fibonacci hashing: H3 ids differ in their middle bits
    return (int) (h >>> 40) & mask;
  }

  @Override
  public String toString() {
    return "CellIndex[" + Arrays.stream(keys).filter(k -> k != EMPTY).count() + " cells]";
  }
}
