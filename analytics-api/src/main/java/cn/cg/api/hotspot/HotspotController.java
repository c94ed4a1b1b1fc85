package cn.cg.api.hotspot;

import cn.cg.api.aggregate.CategoryCatalog;
import cn.cg.api.aggregate.Period;
import cn.cg.api.privacy.SmallCounts;
import cn.cg.geo.hotspot.EmergingCell;
import cn.cg.geo.hotspot.HotspotCell;
import cn.cg.geo.hotspot.Kernel;
import cn.cg.geo.hotspot.PeriodChange;
import cn.cg.geo.hotspot.Transition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hot spots computed on demand from the served aggregates: Gi* over a period, emerging hot spots over
 * weeks or months, and this period against the previous one. GeoJSON FeatureCollections with the
 * parameters actually used.
 */
@RestController
@RequestMapping(path = "/api/v1/hotspots", produces = {"application/geo+json", "application/json"})
class HotspotController {

    static final double ALPHA = 0.05;

    private final HotspotService service;
    private final CategoryCatalog categories;
    private final SmallCounts smallCounts;

    HotspotController(HotspotService service, CategoryCatalog categories, SmallCounts smallCounts) {
        this.service = service;
        this.categories = categories;
        this.smallCounts = smallCounts;
    }

    /**
     * Public answers withhold counts from 1 to k-1 (docs/security.md): the figure becomes null and the
     * feature says {@code suppressed}. The statistics (z, p, bin) stay: they describe a neighbourhood.
     */
    private void count(Map<String, Object> properties, String name, double value) {
        long n = Math.round(value);
        if (smallCounts.withheld(n)) {
            properties.put(name, null);
            properties.put("suppressed", true);
        } else {
            properties.put(name, value);
        }
    }

    private Object total(long cases) {
        return smallCounts.withheld(cases) ? null : cases;
    }

    @GetMapping
    Map<String, Object> hotspots(@RequestParam(required = false) String resolution,
                                 @RequestParam(required = false) String categories,
                                 @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String k, @RequestParam(required = false) String kernel,
                                 @RequestParam(required = false) String fdr, @RequestParam(required = false) String area) {
        Request r = request(resolution, categories, k, kernel, fdr, area);
        Period period = period(from, to, true);
        HotspotService.GiResult g = service.hotspots(r.resolution, r.codes, period, r.area, r.k, r.kernel, r.fdr);
        List<Map<String, Object>> features = new ArrayList<>(g.cells().size());
        long cases = 0;
        for (HotspotCell c : g.cells()) {
            Map<String, Object> p = new LinkedHashMap<>();
            count(p, "value", c.value());
            p.put("z", CellFeatures.number(c.z()));
            p.put("p", CellFeatures.number(c.p()));
            p.put("bin", c.bin());
            features.add(CellFeatures.feature(c.cell(), p));
            cases += Math.round(c.value());
        }
        Map<String, Object> params = parameters(r, categories, period, g.scale(), g.input().dataVersion());
        params.put("bucket", HotspotService.bucket(period));
        params.put("kernel", r.kernel.name().toLowerCase(Locale.ROOT));
        params.put("fdr", r.fdr);
        params.put("cells", g.cells().size());
        params.put("cases", total(cases));
        return CellFeatures.collection(params, features);
    }

    @GetMapping("/emerging")
    Map<String, Object> emerging(@RequestParam(required = false) String resolution,
                                 @RequestParam(required = false) String categories,
                                 @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String step, @RequestParam(required = false) String k,
                                 @RequestParam(required = false) String area) {
        Request r = request(resolution, categories, k, null, null, area);
        String s = HotspotParameters.step(step);
        Period period = period(from, to, false);
        HotspotService.EmergingResult e = service.emerging(r.resolution, r.codes, period, r.area, s, r.k);
        List<Map<String, Object>> features = new ArrayList<>(e.cells().size());
        for (EmergingCell c : e.cells()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("code", c.pattern().code());
            p.put("label", c.pattern().label());
            p.put("trend_z", CellFeatures.number(c.trendZ()));
            p.put("trend_p", CellFeatures.number(c.trendP()));
            int[] states = c.states();
            p.put("hot_steps", (int) java.util.Arrays.stream(states).filter(x -> x > 0).count());
            p.put("cold_steps", (int) java.util.Arrays.stream(states).filter(x -> x < 0).count());
            p.put("z", java.util.Arrays.stream(c.z()).mapToObj(CellFeatures::number).toList());
            features.add(CellFeatures.feature(c.cell(), p));
        }
        Map<String, Object> params = parameters(r, categories, period, e.scale(), e.dataVersion());
        params.put("step", s);
        params.put("steps", e.steps().stream().map(Object::toString).toList());
        params.put("kernel", "binary");
        params.put("timeLag", 1);
        params.put("alpha", ALPHA);
        params.put("cells", e.cells().size());
        params.put("cases", total(e.cases()));
        return CellFeatures.collection(params, features);
    }

    @GetMapping("/compare")
    Map<String, Object> compare(@RequestParam(required = false) String resolution,
                                @RequestParam(required = false) String categories,
                                @RequestParam(required = false) String period,
                                @RequestParam(required = false) String k, @RequestParam(required = false) String kernel,
                                @RequestParam(required = false) String fdr, @RequestParam(required = false) String area) {
        Request r = request(resolution, categories, k, kernel, fdr, area);
        Period current = isBlank(period) ? service.latestMonth() : periodParameter(period);
        HotspotService.CompareResult c = service.compare(r.resolution, r.codes, current, r.area, r.k, r.kernel, r.fdr);
        List<Map<String, Object>> features = new ArrayList<>(c.changes().size());
        Map<String, Integer> summary = new LinkedHashMap<>();
        for (PeriodChange ch : c.changes()) {
            Map<String, Object> p = new LinkedHashMap<>();
            count(p, "previous", ch.previous());
            count(p, "current", ch.current());
            count(p, "difference", ch.difference());
            p.put("ratio", p.containsKey("suppressed") ? null : CellFeatures.number(ch.ratio()));
            p.put("p", CellFeatures.number(ch.p()));
            p.put("significant", ch.isSignificant(ALPHA));
            p.put("previous_bin", ch.previousBin());
            p.put("current_bin", ch.currentBin());
            p.put("transition", name(ch.hot()));
            p.put("cold_transition", name(ch.cold()));
            features.add(CellFeatures.feature(ch.cell(), p));
            if (ch.hot() != Transition.NONE) {
                summary.merge("hot_" + name(ch.hot()), 1, Integer::sum);
            }
            if (ch.cold() != Transition.NONE) {
                summary.merge("cold_" + name(ch.cold()), 1, Integer::sum);
            }
            if (ch.isSignificant(ALPHA)) {
                summary.merge(ch.difference() > 0 ? "significant_increase" : "significant_decrease", 1, Integer::sum);
            }
        }
        Map<String, Object> params = parameters(r, categories, current, c.scale(), c.dataVersion());
        params.put("previousFrom", c.previous().from().toString());
        params.put("previousTo", c.previous().toExclusive().minusDays(1).toString());
        params.put("bucket", HotspotService.bucket(current));
        params.put("kernel", r.kernel.name().toLowerCase(Locale.ROOT));
        params.put("fdr", r.fdr);
        params.put("alpha", ALPHA);
        params.put("cells", c.changes().size());
        params.put("summary", summary);
        return CellFeatures.collection(params, features);
    }

    private record Request(int resolution, Set<String> codes, int k, Kernel kernel, boolean fdr,
                           HotspotService.Area area) {
    }

    private Request request(String resolution, String categoryParam, String k, String kernel, String fdr, String area) {
        int res = HotspotParameters.resolution(resolution, service.limits().defaultResolution());
        Set<String> codes = categories.parse("categories", categoryParam);
        int ring = HotspotParameters.k(k, service.limits().maxK());
        Kernel kern = HotspotParameters.kernel(kernel);
        boolean f = HotspotParameters.flag("fdr", fdr, true);
        return new Request(res, codes, ring, kern, f, service.area(area));
    }

    private static Map<String, Object> parameters(Request r, String categoryParam, Period period,
                                                  HotspotService.Scale scale, long dataVersion) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("resolution", r.resolution);
        p.put("categories", isBlank(categoryParam) ? "all" : categoryParam.trim());
        p.put("categoryCodes", List.copyOf(r.codes));
        p.put("from", period.from().toString());
        p.put("to", period.toExclusive().minusDays(1).toString());
        p.put("k", scale.k());
        p.put("kAuto", scale.auto());
        p.put("kReason", scale.reason());
        if (r.area != null) {
            p.put("area", Map.of("id", r.area.id(), "level", r.area.level(), "code", r.area.code(),
                "name", r.area.name()));
        }
        p.put("dataVersion", dataVersion);
        return p;
    }

    /** from/to as given; a missing end comes from the latest month with cases, or all months. */
    private Period period(String from, String to, boolean latestMonth) {
        if (!isBlank(from) && !isBlank(to)) {
            return Period.parse(from, to, null);
        }
        return Period.parse(from, to, latestMonth ? service.latestMonth() : service.allMonths());
    }

    private static Period periodParameter(String v) {
        try {
            return Period.parse(v, v, null);
        } catch (cn.cg.api.system.InvalidParameterException e) {
            throw new cn.cg.api.system.InvalidParameterException("period", e.getMessage());
        }
    }

    private static String name(Transition t) {
        return t.name().toLowerCase(Locale.ROOT);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
