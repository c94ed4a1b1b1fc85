package cn.cg.api.hotspot;

import cn.cg.api.aggregate.AggregateFilters;
import cn.cg.api.aggregate.DataVersion;
import cn.cg.api.feature.FeatureCollection;
import cn.cg.api.feature.Interval;
import cn.cg.api.privacy.SmallCounts;
import cn.cg.api.system.CgProperties;
import cn.cg.api.system.InvalidParameterException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;

/**
 * The Spark hotspot job's stored results as the OGC collection {@code hotspots}: Gi* per cell and month
 * (cases, z, p, bin -3..+3) with the cell's emerging hot-spot class, for one resolution and category set
 * per request. Public answers leave out the rows with 1 to k-1 cases (docs/security.md), so no small
 * cell shows up here with its count or its statistics.
 */
@Component
class HotspotCollection implements FeatureCollection {

    private final AggregateFilters filters;
    private final HotspotSets sets;
    private final SmallCounts smallCounts;
    private final DataVersion version;
    private final int defaultResolution;

    HotspotCollection(AggregateFilters filters, HotspotSets sets, SmallCounts smallCounts, DataVersion version,
                      CgProperties properties) {
        this.filters = filters;
        this.sets = sets;
        this.smallCounts = smallCounts;
        this.version = version;
        this.defaultResolution = properties.hotspots().defaultResolution();
    }

    @Override
    public String id() {
        return "hotspots";
    }

    @Override
    public String title() {
        return "Hot spots (Gi*) per cell and month";
    }

    @Override
    public String description() {
        return "The hotspot job's results for the served run: per H3 cell of the study area and month, cases, Getis-Ord "
                + "Gi* z and p, bin -3..+3 (99/95/90 % cold..hot, FDR-corrected when the run was) and the cell's emerging "
                + "hot-spot class over all months (emerging, emerging_code). resolution 7-10 (default "
                + defaultResolution + "); categories all (default) or vendor, the sets the job analyses; datetime selects "
                + "the months overlapping it. Public answers leave out cells with 1 to k-1 cases.";
    }

    @Override
    public List<String> properties() {
        return List.of("h3", "resolution", "category_set", "month", "cases", "z", "p", "bin", "emerging", "emerging_code");
    }

    @Override
    public Set<String> parameters() {
        return Set.of("resolution", "categories");
    }

    @Override
    public boolean temporal() {
        return true;
    }

    @Override
    public String version() {
        return "hotspots " + version.hotspotRun();
    }

    @Override
    public Source source(Interval datetime, Map<String, String> params) {
        int resolution = HotspotParameters.resolution(params.get("resolution"), defaultResolution);
        String set = sets.exactly(filters.parseCategories(params.get("categories"))).orElseThrow(() ->
                new InvalidParameterException("categories", "hot spots are stored for all categories ('all') and the "
                        + "vendor-related group ('vendor') only; use /api/v1/hotspots for other categories"));
        Object from = date(datetime == null ? null : datetime.period().from());
        Object to = date(datetime == null ? null : datetime.period().toExclusive());
        return new Source(HotspotSql.COLLECTION, List.of(resolution, set, from, to, from,
                smallCounts.applies(), smallCounts.k()));
    }

    private static SqlParameterValue date(java.time.LocalDate d) {
        return new SqlParameterValue(Types.DATE, d == null ? null : java.sql.Date.valueOf(d));
    }
}
