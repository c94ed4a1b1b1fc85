package cn.cg.api.feature;

import cn.cg.api.system.InvalidParameterException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;

/** Existing service stations, vendor zones and markets; datetime filters by opening day. */
@Component
class StationCollection implements FeatureCollection {

    static final Set<String> KINDS = Set.of("service_station", "vendor_zone", "market");

    @Override
    public String id() {
        return "stations";
    }

    @Override
    public String title() {
        return "Stations, vendor zones and markets";
    }

    @Override
    public String description() {
        return "Existing facilities (城市服务驿站, 摊贩疏导点, markets). kind filters; datetime selects by opening day.";
    }

    @Override
    public List<String> properties() {
        return List.of("kind", "name", "capacity", "opened_at");
    }

    @Override
    public Set<String> parameters() {
        return Set.of("kind");
    }

    @Override
    public boolean temporal() {
        return true;
    }

    @Override
    public Source source(Interval datetime, Map<String, String> params) {
        String kind = params.get("kind");
        if (kind != null && !KINDS.contains(kind)) {
            throw new InvalidParameterException("kind", "kind is one of " + String.join(", ", KINDS.stream().sorted().toList()));
        }
        Object from = new SqlParameterValue(Types.DATE, datetime == null ? null : java.sql.Date.valueOf(datetime.period().from()));
        Object to = new SqlParameterValue(Types.DATE, datetime == null ? null : java.sql.Date.valueOf(datetime.period().toExclusive()));
        return new Source(FeatureSql.STATIONS, List.of(new SqlParameterValue(Types.VARCHAR, kind),
                new SqlParameterValue(Types.VARCHAR, kind), from, from, to));
    }
}
