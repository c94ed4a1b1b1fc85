package cn.cg.api.ranking;

import cn.cg.api.privacy.SmallCounts;
import java.util.List;

/**
 * A ranking row as the public sees it (docs/security.md): figures from 1 to k-1 withheld (null) with
 * whatever they can be worked back from. Cases small: every figure. Previous cases small, or a change
 * smaller than k: the change. Closed or still open small: closed, its rate and the mean hours; on time
 * likewise. Top categories with fewer than k cases are left out. The rank order stays (it is the
 * ranking), so it says which area has more, never how many.
 */
record PublicRanking(int rank, long id, String code, String name, String level, Long parentId, double areaKm2, Long cases,
                     Double casesPerKm2, Long previousCases, Long change, Double changePct, Long closed, Long closedOnTime,
                     Double closureRate, Double onTimeClosureRate, Double meanHandlingHours,
                     List<Ranking.TopCategory> topCategories, boolean suppressed) {

    static PublicRanking of(Ranking r, SmallCounts s) {
        boolean small = s.small(r.cases());
        boolean changeSmall = small || s.small(r.previousCases()) || s.small(Math.abs(r.change()));
        boolean closedSmall = small || s.small(r.closed()) || s.small(r.cases() - r.closed());
        boolean onTimeSmall = small || s.small(r.closedOnTime()) || s.small(r.cases() - r.closedOnTime());
        return new PublicRanking(r.rank(), r.id(), r.code(), r.name(), r.level(), r.parentId(), r.areaKm2(),
                small ? null : r.cases(), small ? null : r.casesPerKm2(),
                s.small(r.previousCases()) ? null : r.previousCases(),
                changeSmall ? null : r.change(), changeSmall ? null : r.changePct(),
                closedSmall ? null : r.closed(), onTimeSmall ? null : r.closedOnTime(),
                closedSmall ? null : r.closureRate(), onTimeSmall ? null : r.onTimeClosureRate(),
                closedSmall ? null : r.meanHandlingHours(),
                r.topCategories().stream().filter(t -> !s.small(t.cases())).toList(),
                small || changeSmall || closedSmall || onTimeSmall || s.small(r.previousCases()));
    }
}
