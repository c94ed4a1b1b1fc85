package cn.cg.api.ranking;

import cn.cg.api.aggregate.AggregateFilters;
import cn.cg.api.aggregate.DataVersion;
import cn.cg.api.aggregate.Period;
import cn.cg.api.privacy.SmallCounts;
import cn.cg.api.system.CgProperties;
import cn.cg.api.system.HttpCaching;
import cn.cg.api.system.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RankingController {

    static final Set<String> PARAMETERS = Set.of("level", "period", "categories", "area", "sort", "order", "f");

    private final RankingService rankings;
    private final AggregateFilters filters;
    private final DataVersion version;
    private final CgProperties.Tiles settings;
    private final SmallCounts smallCounts;

    RankingController(RankingService rankings, AggregateFilters filters, DataVersion version, CgProperties properties,
                      SmallCounts smallCounts) {
        this.rankings = rankings;
        this.smallCounts = smallCounts;
        this.filters = filters;
        this.version = version;
        this.settings = properties.tiles();
    }

    @Operation(summary = "District and street rankings (街路评比)",
            description = "Per area of the level: cases, cases per km2, previous period's cases and the change, closure rate "
                    + "(结案率 = closed / cases), on-time closure rate (按期结案率 = closed on or before the deadline / cases), "
                    + "mean handling hours (report to closure, closed cases), the top three categories. Cases count in the "
                    + "period they were reported. period is a month or months (2025-01/2025-03); the previous period is the "
                    + "same number of months before. Sorted by sort (default casesPerKm2) and order (default desc); f=csv for CSV.")
    @GetMapping("/api/v1/rankings")
    ResponseEntity<?> rankings(@Parameter(hidden = true) @RequestParam Map<String, String> params,
                               @Parameter(description = "district or street", example = "street")
                               @RequestParam(required = false) String level,
                               @Parameter(description = "Month or first/last month (default: the latest month with data)", example = "2025-03")
                               @RequestParam(required = false) String period,
                               @Parameter(example = "vendor") @RequestParam(required = false) String categories,
                               @Parameter(description = "Parent area id or code: rank only its children", example = "440303")
                               @RequestParam(required = false) String area,
                               @Parameter(description = "cases, casesPerKm2, previousCases, change, changePct, closureRate, "
                                       + "onTimeClosureRate, meanHandlingHours, code, name", example = "closureRate")
                               @RequestParam(required = false) String sort,
                               @Parameter(description = "asc or desc", example = "desc") @RequestParam(required = false) String order,
                               @Parameter(description = "json (default) or csv") @RequestParam(required = false) String f,
                               @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        filters.rejectUnsupported(params);
        for (String p : params.keySet()) {
            if (!PARAMETERS.contains(p)) {
                throw new InvalidParameterException(p, "unknown parameter; known: " + String.join(", ", new java.util.TreeSet<>(PARAMETERS)));
            }
        }
        String lvl = level == null ? "district" : level;
        if (!List.of("district", "street").contains(lvl)) {
            throw new InvalidParameterException("level", "level is district or street");
        }
        String column = RankingSql.SORTS.get(sort == null ? "casesPerKm2" : sort);
        if (column == null) {
            throw new InvalidParameterException("sort", "sort is one of " + String.join(", ", new java.util.TreeSet<>(RankingSql.SORTS.keySet())));
        }
        String dir = order == null ? "desc" : order;
        if (!List.of("asc", "desc").contains(dir)) {
            throw new InvalidParameterException("order", "order is asc or desc");
        }
        String format = f == null ? "json" : f;
        if (!List.of("json", "csv").contains(format)) {
            throw new InvalidParameterException("f", "f is json or csv");
        }
        Period p = months(period);
        Set<String> cats = filters.parseCategories(categories);
        Long parent = filters.area(area);
        String etag = HttpCaching.etag(version.version(), "rankings|" + new TreeMap<>(params));
        if (HttpCaching.matches(ifNoneMatch, etag)) {
            return HttpCaching.notModified(etag, settings.maxAge());
        }
        List<Ranking> rows = rankings.rank(lvl, p, cats, parent, column, dir.equals("desc"));
        if (format.equals("csv")) {
            return HttpCaching.ok(etag, settings.maxAge()).contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rankings-" + lvl + ".csv\"")
                    .body(RankingCsv.write(rows));
        }
        return HttpCaching.ok(etag, settings.maxAge()).contentType(MediaType.APPLICATION_JSON)
                .body(new RankingPage(lvl, p.from() + "/" + p.toExclusive().minusDays(1),
                        p.previous().from() + "/" + p.previous().toExclusive().minusDays(1),
                        sort == null ? "casesPerKm2" : sort, dir, version.version(),
                        smallCounts.applies() ? rows.stream().map(r -> PublicRanking.of(r, smallCounts)).toList() : rows));
    }

    /** {@code areas} holds {@link Ranking}s, or for the public {@link PublicRanking}s. */
    record RankingPage(String level, String period, String previousPeriod, String sort, String order, long dataVersion,
                       List<?> areas) {
    }

    /** A month (2025-03) or first/last month (2025-01/2025-03); the area aggregates are by month. */
    private Period months(String value) {
        if (value == null || value.isBlank()) {
            return version.latestMonthPeriod();
        }
        String[] parts = value.trim().split("/", -1);
        if (parts.length > 2 || !parts[0].matches("\\d{4}-\\d{2}") || (parts.length == 2 && !parts[1].matches("\\d{4}-\\d{2}"))) {
            throw new InvalidParameterException("period", "period is a month (2025-03) or first/last month (2025-01/2025-03)");
        }
        try {
            return Period.parse(parts[0], parts.length == 2 ? parts[1] : parts[0], null);
        } catch (InvalidParameterException e) {
            throw new InvalidParameterException("period", e.getMessage());
        }
    }
}
