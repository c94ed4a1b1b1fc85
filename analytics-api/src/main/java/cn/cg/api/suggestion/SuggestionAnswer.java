package cn.cg.api.suggestion;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A suggestion run as answered and saved: what was asked (every parameter, defaults included), on which
 * data, what came out, and why. Numbers that do not apply are null rather than 0.
 *
 * @param status {@code OPTIMAL} (the bound proves it), {@code FEASIBLE} (gap below says how far from
 *     proven), {@code INFEASIBLE} (target coverage unreachable: {@code message} says the best reachable)
 */
public record SuggestionAnswer(Long id, String kind, String name, OffsetDateTime createdAt, String dataVersion,
                               String status, String message, String model, Map<String, Object> parameters,
                               Totals totals, List<Site> sites, Map<String, Integer> excluded) {

    public SuggestionAnswer withId(long newId, OffsetDateTime at) {
        return new SuggestionAnswer(newId, kind, name, at, dataVersion, status, message, model, parameters, totals, sites, excluded);
    }

    /**
     * @param rank pick order, existing sites first (1-based)
     * @param role {@code existing} or {@code new}
     * @param casesInReach cases of the demand cells within the radius of this site
     * @param newCasesInReach of which not within reach of any site earlier in pick order
     * @param coveragePct share of all demand newly within reach with this site (adds up to coverageAfterPct)
     * @param cumulativeCoveragePct share within reach of this site and all before it
     * @param demandServed demand the model credits to this site (capacitated: at most the capacity; p-median:
     *     demand for which it is the nearest site)
     * @param marginalGain improvement of the model's objective by this site given the sites before it
     *     (demand weight for coverage models, weighted metres for p-median)
     * @param eveningSharePct evening share of the cases in reach
     * @param nearestTopDecileCellM distance to the nearest demand cell among the top 10 % by demand weight:
     *     a stand-in for "nearest hotspot" until Gi* hotspot results are stored; 0 when the site is in one
     */
    public record Site(int rank, String role, String key, String name, String source, double lon, double lat,
                       long casesInReach, long newCasesInReach, double coveragePct, double cumulativeCoveragePct,
                       double demandServed, double marginalGain, Double eveningSharePct, double nearestTopDecileCellM,
                       String reason) {
    }

    /**
     * @param coverageBeforePct demand within the radius of existing sites only (null when there are none)
     * @param coverageAfterPct demand within the radius of any open site
     * @param servedPct capacitated model: demand the sites can absorb within their capacity
     * @param meanDistanceBeforeM demand-weighted mean distance to the nearest existing site
     * @param meanDistanceAfterM demand-weighted mean distance to the nearest open site
     * @param objective the model's objective (covered demand, weighted metres, or new sites for target)
     * @param bound proven bound on the best objective (upper when maximising, lower when minimising)
     * @param gapPct {@code |bound - objective| / objective} in percent
     */
    public record Totals(int demandCells, long cases, double demand, int candidates, int candidatesExcluded,
                         int existingSites, int newSites, Double coverageBeforePct, double coverageAfterPct,
                         Double servedPct, long casesInReachBefore, long casesInReachAfter, Double meanDistanceBeforeM,
                         Double meanDistanceAfterM, Double objective, Double bound, Double gapPct, double solverSeconds,
                         double totalSeconds, int rounds) {

        public Totals withTotalSeconds(double seconds) {
            return new Totals(demandCells, cases, demand, candidates, candidatesExcluded, existingSites, newSites,
                    coverageBeforePct, coverageAfterPct, servedPct, casesInReachBefore, casesInReachAfter,
                    meanDistanceBeforeM, meanDistanceAfterM, objective, bound, gapPct, solverSeconds, seconds, rounds);
        }
    }
}
