package cn.cg.api.feature;

import cn.cg.api.system.InvalidParameterException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;

/** Sites planners propose (or the generator made) for new stations and vendor zones. No time dimension. */
@Component
class CandidateSiteCollection implements FeatureCollection {

    static final Set<String> KINDS = Set.of("service_station", "vendor_zone", "any");

    @Override
    public String id() {
        return "candidate-sites";
    }

    @Override
    public String title() {
        return "Candidate sites";
    }

    @Override
    public String description() {
        return "Sites proposed for new service stations or vendor zones; kind filters.";
    }

    @Override
    public List<String> properties() {
        return List.of("kind", "name", "capacity", "source", "notes");
    }

    @Override
    public Set<String> parameters() {
        return Set.of("kind");
    }

    @Override
    public boolean temporal() {
        return false;
    }

    @Override
    public Source source(Interval datetime, Map<String, String> params) {
        String kind = params.get("kind");
        if (kind != null && !KINDS.contains(kind)) {
            throw new InvalidParameterException("kind", "kind is one of " + String.join(", ", KINDS.stream().sorted().toList()));
        }
        return new Source(FeatureSql.CANDIDATE_SITES, List.of(new SqlParameterValue(Types.VARCHAR, kind),
                new SqlParameterValue(Types.VARCHAR, kind)));
    }
}
