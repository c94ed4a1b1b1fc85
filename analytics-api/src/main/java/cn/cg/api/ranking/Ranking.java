package cn.cg.api.ranking;

import java.util.List;

/**
 * One area's row of the street evaluation (街路评比) for a period.
 *
 * @param casesPerKm2 cases / area_km2
 * @param change cases minus the previous period's cases
 * @param changePct 100 * change / previous cases, in percent (null when the previous period had none)
 * @param closureRate 结案率 = closed / cases: cases reported in the period that are closed (status closed with a closing time)
 * @param onTimeClosureRate 按期结案率 = closed_on_time / cases: closed no later than their deadline (no deadline = not on time)
 * @param meanHandlingHours mean of (closed_at - reported_at) over the closed cases
 * @param topCategories the three categories with most cases, most first
 */
record Ranking(int rank, long id, String code, String name, String level, Long parentId, double areaKm2, long cases,
               Double casesPerKm2, long previousCases, long change, Double changePct, long closed, long closedOnTime,
               Double closureRate, Double onTimeClosureRate, Double meanHandlingHours, List<TopCategory> topCategories) {

    record TopCategory(String code, long cases) {
    }
}
