package cn.cg.api.heatmap;

import cn.cg.api.aggregate.AggregateFilter;

/**
 * A heatmap request without its tile: the filter, the bandwidth in metres (null = Silverman's rule
 * over the query's cells) and the top of the colour scale in cases per km2 (null = from the query's
 * maximum). Everything a tile's pixels depend on besides the data version. {@code suppressed}: a public
 * request, whose surface is made from the cells merged below k (docs/security.md); it is part of the
 * canonical form, so public and full answers never share a cache entry or an ETag.
 */
record HeatmapQuery(AggregateFilter filter, Double bandwidth, Double scaleMax, boolean suppressed) {

    String canonical() {
        return filter.canonical() + "|h=" + (bandwidth == null ? "auto" : bandwidth) + "|top=" + (scaleMax == null ? "auto" : scaleMax)
                + (suppressed ? "|public" : "");
    }
}
