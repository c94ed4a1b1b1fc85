package cn.cg.api.suggestion;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Saved runs (table suggestion_run): every answer is kept with its parameters and data version. */
@Component
class SuggestionStore {

    /** One line of the scenario list. */
    record Summary(long id, String kind, String name, OffsetDateTime createdAt, String status, String model, int newSites,
                   Double coveragePct, Double objective, Double bound, Double gapPct, String dataVersion) {
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    SuggestionStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    SuggestionAnswer save(SuggestionAnswer a) {
        SuggestionAnswer.Totals t = a.totals();
        Map<String, Object> row = jdbc.queryForMap(SuggestionSql.INSERT_RUN, a.kind(), a.name(), a.status(), a.model(),
                t.newSites(), t.coverageAfterPct(), t.objective(), t.bound(), t.gapPct(), a.dataVersion(),
                json.writeValueAsString(a.parameters()), json.writeValueAsString(a));
        long id = ((Number) row.get("id")).longValue();
        OffsetDateTime at = ((Timestamp) row.get("created_at")).toInstant().atOffset(ZoneOffset.UTC);
        SuggestionAnswer saved = a.withId(id, at);
        jdbc.update(SuggestionSql.UPDATE_ANSWER, json.writeValueAsString(saved), id);
        return saved;
    }

    List<Summary> list(String kind, int limit) {
        return jdbc.query(SuggestionSql.LIST_RUNS, (rs, i) -> new Summary(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getTimestamp(4).toInstant().atOffset(ZoneOffset.UTC), rs.getString(5), rs.getString(6), rs.getInt(7),
                (Double) rs.getObject(8), (Double) rs.getObject(9), (Double) rs.getObject(10), (Double) rs.getObject(11),
                rs.getString(12)), kind, kind, limit);
    }

    /** The stored answer JSON as written, or null. */
    String json(long id) {
        List<String> r = jdbc.queryForList(SuggestionSql.GET_ANSWER, String.class, id);
        return r.isEmpty() ? null : r.get(0);
    }

    SuggestionAnswer answer(long id) {
        String text = json(id);
        return text == null ? null : json.readValue(text, SuggestionAnswer.class);
    }
}
