package cn.cg.geo.allocation;

/**
 * One open site in the answer, in pick order (required sites first, then each new site in the order a
 * greedy pass over the final set would add it, so the marginal gains add up to the objective).
 *
 * @param site candidate index
 * @param required an existing station (always open)
 * @param order 1-based position in pick order
 * @param marginalGain how much this site improves the objective given the sites before it: demand
 *     newly covered (coverage models) or reduction of total weighted distance (p-median; 0 for the very
 *     first site when nothing was open before, as there is no baseline)
 * @param objectiveAfter objective once this site and all before it are open
 * @param demandServed demand weight credited to this site: in p-median the weight of the demand points
 *     nearest to it; in coverage models demand it covers that no earlier site covers (capacitated: the
 *     demand assigned to it). These add up to the total served.
 * @param demandPoints number of demand points credited to this site (partially, for capacitated)
 */
public record SiteChoice(int site, boolean required, int order, double marginalGain, double objectiveAfter,
        double demandServed, int demandPoints) {
}
