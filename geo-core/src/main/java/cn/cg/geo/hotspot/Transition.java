package cn.cg.geo.hotspot;

/** How a cell's hot (or cold) status changed from one period to the next. */
public enum Transition {
  /** Not a hot (cold) spot before, one now. */
  NEW,
  /** A hot (cold) spot in both periods. */
  PERSISTING,
  /** A hot (cold) spot before, not now. */
  GONE,
  /** Neither period. */
  NONE;

  /** The transition between two statuses. */
  public static Transition of(boolean before, boolean now) {
    return before ? (now ? PERSISTING : GONE) : (now ? NEW : NONE);
  }
}
