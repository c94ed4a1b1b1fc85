package cn.cg.api.map;

import cn.cg.api.aggregate.CategoryCatalog;
import cn.cg.api.system.CgProperties;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the map page needs to start: base map, categories, and the months the aggregates cover. */
@RestController
class MapConfigController {

    private static final String MONTHS = """
            SELECT DISTINCT to_char(bucket_start, 'YYYY-MM') FROM agg_cell_current
            WHERE bucket = 'month' AND resolution = 7 ORDER BY 1""";

    record MapConfig(String baseMapUrl, String baseMapAttribution, String baseMapCrs,
                     List<CategoryCatalog.Category> categories, List<String> months) {
    }

    private final CgProperties.MapPage page;
    private final CategoryCatalog categories;
    private final JdbcTemplate jdbc;

    MapConfigController(CgProperties properties, CategoryCatalog categories, JdbcTemplate jdbc) {
        this.page = properties.map();
        this.categories = categories;
        this.jdbc = jdbc;
    }

    @Operation(summary = "Settings of the map page", description = "Base map, event categories and the months with aggregates.")
    @GetMapping("/api/v1/config")
    MapConfig config() {
        return new MapConfig(page.baseUrl().isBlank() ? null : page.baseUrl(), page.attribution(), page.crs(),
                categories.all(), jdbc.queryForList(MONTHS, String.class));
    }
}
