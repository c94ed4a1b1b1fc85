package cn.cg.api.feature;

import cn.cg.api.aggregate.AggregateFilters;
import cn.cg.api.aggregate.Period;
import cn.cg.api.privacy.SmallCounts;
import cn.cg.api.system.InvalidParameterException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;

/** Admin areas with their figures over whole months (the area aggregates have month and week buckets). */
@Component
class AreaCollection implements FeatureCollection {

    static final Set<String> LEVELS = Set.of("district", "street", "community", "grid");

    private final AggregateFilters filters;
    private final SmallCounts smallCounts;

    AreaCollection(AggregateFilters filters, SmallCounts smallCounts) {
        this.filters = filters;
        this.smallCounts = smallCounts;
    }

    @Override
    public String id() {
        return "areas";
    }

    @Override
    public String title() {
        return "Admin areas with their figures";
    }

    @Override
    public String description() {
        return "Districts, streets, communities and unit grids with cases, cases per km2, closed (结案), closed on time "
                + "(按期结案), closure_rate = closed / cases, on_time_closure_rate = closed_on_time / cases and mean handling hours, "
                + "over the datetime period in whole months (all months without it). level and parent (an area id or code) filter.";
    }

    @Override
    public List<String> properties() {
        List<String> all = List.of("level", "code", "name", "parent_id", "area_km2", "cases", "cases_per_km2", "closed",
                "closed_on_time", "closure_rate", "on_time_closure_rate", "mean_handling_hours");
        if (!smallCounts.applies()) {
            return all;
        }
        // Public answers flag the areas whose small figures are withheld (docs/security.md).
        List<String> withFlag = new ArrayList<>(all);
        withFlag.add("suppressed");
        return withFlag;
    }

    @Override
    public Set<String> parameters() {
        return Set.of("categories", "level", "parent");
    }

    @Override
    public boolean temporal() {
        return true;
    }

    @Override
    public Source source(Interval datetime, Map<String, String> params) {
        LocalDate from = LocalDate.of(1, 1, 1);
        LocalDate to = LocalDate.of(9999, 1, 1);
        if (datetime != null) {
            Period p = datetime.period();
            if (p.from().getDayOfMonth() != 1 || p.toExclusive().getDayOfMonth() != 1) {
                throw new InvalidParameterException("datetime", "area figures are by month: give whole months, e.g. 2025-03/2025-05");
            }
            from = p.from();
            to = p.toExclusive();
        }
        String level = params.get("level");
        if (level != null && !LEVELS.contains(level)) {
            throw new InvalidParameterException("level", "level is one of " + String.join(", ", LEVELS.stream().sorted().toList()));
        }
        Long parent = filters.area(params.get("parent") == null ? null : params.get("parent"));
        List<Object> binds = new ArrayList<>(List.of(from, to));
        binds.add(filters.parseCategories(params.get("categories")).stream().sorted().toArray(String[]::new));
        binds.add(new SqlParameterValue(Types.VARCHAR, level));
        binds.add(new SqlParameterValue(Types.VARCHAR, level));
        binds.add(new SqlParameterValue(Types.BIGINT, parent));
        binds.add(new SqlParameterValue(Types.BIGINT, parent));
        if (smallCounts.applies()) {
            List<Object> suppressed = new ArrayList<>(java.util.Collections.nCopies(5, smallCounts.k()));
            suppressed.addAll(binds);
            return new Source(FeatureSql.publicAreas(FeatureSql.AREAS), suppressed);
        }
        return new Source(FeatureSql.AREAS, binds);
    }
}
