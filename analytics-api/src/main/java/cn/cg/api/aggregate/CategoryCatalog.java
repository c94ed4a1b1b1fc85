package cn.cg.api.aggregate;

import cn.cg.api.system.InvalidParameterException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The event categories of the {@code category} table, and the groups users filter by: a major class
 * code ({@code 05}), the vendor-related group ({@code vendor}) or {@code all}.
 */
@Component
public class CategoryCatalog {

    public static final String VENDOR_GROUP = "vendor";

    public record Category(String code, String majorCode, String majorNameZh, String majorNameEn,
                           String nameZh, String nameEn, boolean vendorRelated) {
    }

    private final JdbcTemplate jdbc;
    private volatile Map<String, Category> byCode;

    public CategoryCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Category> all() {
        return List.copyOf(categories().values());
    }

    /**
     * Parses a comma-separated list of codes, major codes and groups into category codes. Blank means
     * every category. Unknown entries are a 400 naming {@code parameter}.
     */
    public Set<String> parse(String parameter, String value) {
        Map<String, Category> cats = categories();
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("all")) {
            return new TreeSet<>(cats.keySet());
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String raw : value.split(",")) {
            String item = raw.trim();
            if (item.isEmpty()) {
                continue;
            }
            if (item.equalsIgnoreCase(VENDOR_GROUP)) {
                cats.values().stream().filter(Category::vendorRelated).map(Category::code).forEach(codes::add);
            } else if (cats.containsKey(item)) {
                codes.add(item);
            } else {
                Set<String> major = cats.values().stream().filter(c -> c.majorCode().equals(item))
                        .map(Category::code).collect(Collectors.toCollection(TreeSet::new));
                if (major.isEmpty()) {
                    throw new InvalidParameterException(parameter, "unknown category '" + item
                            + "'; use category codes such as 0501, major codes such as 05, 'vendor' or 'all'");
                }
                codes.addAll(major);
            }
        }
        if (codes.isEmpty()) {
            throw new InvalidParameterException(parameter, "no category given");
        }
        return new TreeSet<>(codes);
    }

    private Map<String, Category> categories() {
        Map<String, Category> m = byCode;
        if (m == null) {
            m = jdbc.query("SELECT code, major_code, major_name_zh, major_name_en, name_zh, name_en, vendor_related "
                            + "FROM category ORDER BY code",
                    (rs, i) -> new Category(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getBoolean(7)))
                    .stream().collect(Collectors.toMap(Category::code, Function.identity(), (a, b) -> a,
                            java.util.LinkedHashMap::new));
            byCode = m;
        }
        return m;
    }
}
