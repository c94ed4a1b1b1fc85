package cn.cg.api.suggestion;

import cn.cg.api.feature.FeatureCollection;
import cn.cg.api.feature.Interval;
import cn.cg.api.system.CgProperties;
import cn.cg.api.system.InvalidParameterException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;

/**
 * The saved suggestion runs' sites (table suggestion_run, written by {@link SuggestionStore}) as the OGC
 * collection {@code suggestions}, one point per site and run; the access matrix keeps it to planners and
 * above, like the runs themselves.
 */
@Component
class SuggestionCollection implements FeatureCollection {

    static final Set<String> KINDS = Set.of("vendor-zones", "service-stations");
    static final Set<String> ROLES = Set.of("existing", "new");

    private final JdbcTemplate jdbc;
    private final String timeZone;

    SuggestionCollection(JdbcTemplate jdbc, CgProperties properties) {
        this.jdbc = jdbc;
        this.timeZone = properties.suggestions().timeZone();
    }

    @Override
    public String id() {
        return "suggestions";
    }

    @Override
    public String title() {
        return "Suggested sites of the saved runs";
    }

    @Override
    public String description() {
        return "Every site of every saved suggestion run (vendor zones, service stations): the run (run_id, kind, run_name, "
                + "created_at, status, model) and the site's rank in pick order, role (existing or new), cases within reach, "
                + "coverage and the reason it was picked. kind, run and role filter; datetime selects runs by their local "
                + "creation day. Needs the planner role.";
    }

    @Override
    public List<String> properties() {
        return List.of("run_id", "kind", "run_name", "created_at", "status", "model", "rank", "role", "site_key", "name",
                "source", "cases_in_reach", "new_cases_in_reach", "coverage_pct", "cumulative_coverage_pct",
                "evening_share_pct", "reason");
    }

    @Override
    public Set<String> parameters() {
        return Set.of("kind", "run", "role");
    }

    @Override
    public boolean temporal() {
        return true;
    }

    @Override
    public String version() {
        return "suggestions " + jdbc.queryForObject(SuggestionSql.LAST_RUN, String.class);
    }

    @Override
    public Source source(Interval datetime, Map<String, String> params) {
        String kind = oneOf(params, "kind", KINDS);
        String role = oneOf(params, "role", ROLES);
        Long run = run(params.get("run"));
        Object from = new SqlParameterValue(Types.DATE, datetime == null ? null : java.sql.Date.valueOf(datetime.period().from()));
        Object to = new SqlParameterValue(Types.DATE, datetime == null ? null : java.sql.Date.valueOf(datetime.period().toExclusive()));
        Object k = new SqlParameterValue(Types.VARCHAR, kind);
        Object r = new SqlParameterValue(Types.BIGINT, run);
        Object ro = new SqlParameterValue(Types.VARCHAR, role);
        return new Source(SuggestionSql.COLLECTION, List.of(k, k, r, r, ro, ro, from, timeZone, from, timeZone, to));
    }

    private static String oneOf(Map<String, String> params, String name, Set<String> allowed) {
        String v = params.get(name);
        if (v != null && !allowed.contains(v)) {
            throw new InvalidParameterException(name, name + " is one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return v;
    }

    private static Long run(String v) {
        if (v == null) {
            return null;
        }
        try {
            long id = Long.parseLong(v.trim());
            if (id >= 1) {
                return id;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new InvalidParameterException("run", "'" + v + "' is not a suggestion run id (a whole number from 1)");
    }
}
