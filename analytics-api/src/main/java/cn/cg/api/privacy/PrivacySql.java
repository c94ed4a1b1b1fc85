package cn.cg.api.privacy;

import cn.cg.api.aggregate.CellSums;

/** The statements of public (suppressed) answers. Values are always bound. */
final class PrivacySql {

    private PrivacySql() {
    }

    /**
     * Cases per cell of one resolution for a query, before merging. Binds: resolution, categories, the six
     * bucket dates, area twice (NULL = everywhere; else cells whose centre lies in it, as the other readers).
     */
    static final String CELL_COUNTS = "SELECT s.cell, s.cases" + CellSums.FROM;
}
