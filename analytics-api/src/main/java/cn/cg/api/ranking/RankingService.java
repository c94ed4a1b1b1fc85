package cn.cg.api.ranking;

import cn.cg.api.aggregate.Period;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Service;

/** Ranks the areas of a level by one of their figures, from the served area aggregates (month buckets). */
@Service
class RankingService {

    private final JdbcTemplate jdbc;

    RankingService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Ranking> rank(String level, Period period, Set<String> categories, Long parent, String sortColumn, boolean descending) {
        String[] cats = categories.stream().sorted().toArray(String[]::new);
        Period prev = period.previous();
        Object parentId = new SqlParameterValue(Types.BIGINT, parent);
        List<Ranking> rows = jdbc.query(RankingSql.ranking(sortColumn, descending), (rs, i) -> row(i + 1, rs),
                level, Date.valueOf(period.from()), Date.valueOf(period.toExclusive()), cats,
                level, Date.valueOf(prev.from()), Date.valueOf(prev.toExclusive()), cats,
                level, parentId, parentId);
        return rows;
    }

    private static Ranking row(int rank, ResultSet rs) throws SQLException {
        List<Ranking.TopCategory> top = new ArrayList<>();
        String t = rs.getString("top_categories");
        if (t != null) {
            for (String part : t.split(",")) {
                int colon = part.indexOf(':');
                top.add(new Ranking.TopCategory(part.substring(0, colon), Long.parseLong(part.substring(colon + 1))));
            }
        }
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new Ranking(rank, rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("level"),
                parentId, rs.getDouble("area_km2"), rs.getLong("cases"), nullable(rs, "cases_per_km2"),
                rs.getLong("previous_cases"), rs.getLong("change"), nullable(rs, "change_pct"), rs.getLong("closed"),
                rs.getLong("closed_on_time"), nullable(rs, "closure_rate"), nullable(rs, "on_time_closure_rate"),
                nullable(rs, "mean_handling_hours"), top);
    }

    private static Double nullable(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
