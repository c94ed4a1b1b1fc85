package cn.cg.api.aggregate;

import cn.cg.api.system.InvalidParameterException;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Parses the shared filter parameters: {@code categories} (codes, major codes, {@code vendor}),
 * {@code from}/{@code to} (day or month), {@code area} (an admin area id, or its statutory code of 6
 * or more digits). {@code source} and {@code status} are refused with a 400: the aggregates behind
 * tiles, features and rankings are counted by category and period only.
 */
@Component
public class AggregateFilters {

    /** Parameters every aggregate endpoint understands. */
    public static final List<String> PARAMETERS = List.of("categories", "from", "to", "area");

    private static final List<String> UNSUPPORTED = List.of("source", "status");

    private final CategoryCatalog categories;
    private final JdbcTemplate jdbc;

    public AggregateFilters(CategoryCatalog categories, JdbcTemplate jdbc) {
        this.categories = categories;
        this.jdbc = jdbc;
    }

    /** @param fallback the period when neither from nor to is given (null = all stored months) */
    public AggregateFilter parse(Map<String, String> params, Period fallback) {
        rejectUnsupported(params);
        String from = params.get("from");
        String to = params.get("to");
        if (fallback == null && blank(from) != blank(to)) {
            throw new InvalidParameterException(blank(from) ? "from" : "to", "give both from and to, or neither (all months)");
        }
        Period period = fallback == null && blank(from) ? null : Period.parse(from, to, fallback);
        return new AggregateFilter(categories.parse("categories", params.get("categories")), period, area(params.get("area")));
    }

    /** Just the categories parameter (blank = all). */
    public java.util.Set<String> parseCategories(String value) {
        return categories.parse("categories", value);
    }

    public void rejectUnsupported(Map<String, String> params) {
        for (String p : UNSUPPORTED) {
            if (params.containsKey(p)) {
                throw new InvalidParameterException(p, "the aggregates are counted by category, period and area only; "
                        + "filtering by " + p + " needs the raw cases, which this endpoint never reads");
            }
        }
    }

    /** An area id, or a statutory code (6+ digits: district 6, street 9, community 12, grid 14-15). */
    public Long area(String value) {
        if (blank(value)) {
            return null;
        }
        String v = value.trim();
        if (!v.matches("\\d{1,15}")) {
            throw new InvalidParameterException("area", "'" + value + "' is neither an area id nor an area code");
        }
        List<Long> ids = v.length() >= 6
                ? jdbc.queryForList("SELECT id FROM admin_area WHERE code = ?", Long.class, v)
                : jdbc.queryForList("SELECT id FROM admin_area WHERE id = ?", Long.class, Long.parseLong(v));
        if (ids.size() != 1) {
            throw new InvalidParameterException("area", ids.isEmpty() ? "no admin area '" + v + "'"
                    : "area code '" + v + "' is not unique");
        }
        return ids.get(0);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
