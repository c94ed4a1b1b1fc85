package cn.cg.api.casework;

import cn.cg.api.aggregate.AggregateFilters;
import cn.cg.api.feature.FeatureCollection;
import cn.cg.api.feature.Interval;
import cn.cg.api.system.CgProperties;
import cn.cg.api.system.InvalidParameterException;
import cn.cg.api.violation.CaseStatuses;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;

/**
 * Case drill-down for leaders (OGC collection {@code cases}; the access matrix keeps it to leader and
 * admin): one point per case with its category, report time, status, source and district. Never the
 * complainant's name or phone, nor the address text.
 */
@Component
class CaseCollection implements FeatureCollection {

    private final AggregateFilters filters;
    private final String timeZone;

    CaseCollection(AggregateFilters filters, CgProperties properties) {
        this.filters = filters;
        this.timeZone = properties.suggestions().timeZone();
    }

    @Override
    public String id() {
        return "cases";
    }

    @Override
    public String title() {
        return "Cases (leaders' drill-down)";
    }

    @Override
    public String description() {
        return "One point per case: category_code, reported_at, status, source, district. datetime selects by local report "
                + "day; categories (codes, major codes, 'vendor') and status filter. Needs the leader role; complainant "
                + "details are never part of it.";
    }

    @Override
    public List<String> properties() {
        return List.of("category_code", "reported_at", "status", "source", "district_code", "district");
    }

    @Override
    public Set<String> parameters() {
        return Set.of("categories", "status");
    }

    @Override
    public boolean temporal() {
        return true;
    }

    @Override
    public Source source(Interval datetime, Map<String, String> params) {
        String status = params.get("status");
        if (status != null && !CaseStatuses.CODES.contains(status)) {
            throw new InvalidParameterException("status", "status is one of " + String.join(", ", CaseStatuses.CODES));
        }
        Object from = new SqlParameterValue(Types.DATE, datetime == null ? null : java.sql.Date.valueOf(datetime.period().from()));
        Object to = new SqlParameterValue(Types.DATE, datetime == null ? null : java.sql.Date.valueOf(datetime.period().toExclusive()));
        String c = params.get("categories");
        Object cats = c == null ? new SqlParameterValue(Types.ARRAY, null)
                : filters.parseCategories(c).stream().sorted().toArray(String[]::new);
        Object st = new SqlParameterValue(Types.VARCHAR, status);
        return new Source(CaseSql.CASES, List.of(from, from, timeZone, to, to, timeZone, cats, cats, st, st));
    }
}
