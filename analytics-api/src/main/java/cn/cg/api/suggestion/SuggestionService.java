package cn.cg.api.suggestion;

import cn.cg.api.aggregate.CategoryCatalog;
import cn.cg.api.aggregate.Period;
import cn.cg.api.system.CgProperties;
import cn.cg.api.system.InvalidParameterException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * One suggestion run: check the parameters, read demand and sites, drop excluded candidates, solve,
 * explain, save. Both endpoints come down to a {@link Spec}.
 */
@Service
class SuggestionService {

    /** Everything a run needs, defaults applied. */
    record Spec(String kind, String name, SiteSolver.Model model, int p, double radius, double capacity, double targetShare,
                String categoriesParam, Set<String> categories, Period period, int eveningFrom, int eveningTo,
                double eveningWeight, String candidateSource, JsonNode candidates, JsonNode exclusions,
                boolean storedExclusions, SiteLayers.Buffers buffers, double minSpacing, boolean includeExisting,
                double[] bbox, boolean bboxGiven, String stationKind, String siteWord) {
    }

    private static final double[] WORLD = {-180, -90, 180, 90};

    private final CgProperties.Suggestions cfg;
    private final CategoryCatalog catalog;
    private final DemandReader demandReader;
    private final SiteLayers layers;
    private final SuggestionStore store;
    private final ZoneId zone;

    SuggestionService(CgProperties properties, CategoryCatalog catalog, DemandReader demandReader, SiteLayers layers,
            SuggestionStore store) {
        this.cfg = properties.suggestions();
        this.catalog = catalog;
        this.demandReader = demandReader;
        this.layers = layers;
        this.store = store;
        this.zone = ZoneId.of(cfg.timeZone());
    }

    SuggestionAnswer vendorZones(VendorZoneRequest r) {
        VendorZoneRequest.Buffers b = r.buffers() == null ? new VendorZoneRequest.Buffers(null, null, null, null) : r.buffers();
        SiteLayers.Buffers buffers = new SiteLayers.Buffers(
                nonNegative("buffers.schoolM", b.schoolM(), cfg.schoolBufferM()),
                nonNegative("buffers.hospitalM", b.hospitalM(), cfg.hospitalBufferM()),
                nonNegative("buffers.arterialRoadM", b.arterialRoadM(), cfg.arterialRoadBufferM()),
                nonNegative("buffers.customM", b.customM(), cfg.customBufferM()));
        double capacity = r.capacity() == null ? Double.NaN : positive("capacity", r.capacity(), 0);
        String categories = r.categories() == null ? cfg.vendorCategories() : r.categories();
        Spec s = new Spec("vendor-zones", GeoJsonInput.text("name", "name", r.name()), Double.isNaN(capacity) ? SiteSolver.Model.COVERAGE : SiteSolver.Model.CAPACITATED,
                p(r.p()), positive("radiusM", r.radiusM(), cfg.vendorRadiusM()), capacity, Double.NaN,
                categories, catalog.parse("categories", categories), period(r.from(), r.to()),
                hour("eveningFromHour", r.eveningFromHour(), cfg.eveningFromHour()),
                hour("eveningToHour", r.eveningToHour(), cfg.eveningToHour()),
                nonNegative("eveningWeight", r.eveningWeight(), cfg.eveningWeight()), source(r.candidateSource(), r.candidates()),
                r.candidates(), r.exclusions(), true, buffers, nonNegative("minSpacingM", r.minSpacingM(), cfg.vendorMinSpacingM()),
                r.includeExisting() == null || r.includeExisting(), bbox(r.bbox()), r.bbox() != null, "vendor_zone", "zone");
        return run(s);
    }

    SuggestionAnswer serviceStations(ServiceStationRequest r) {
        String objective = r.objective() == null ? "coverage" : r.objective().trim().toLowerCase(Locale.ROOT);
        SiteSolver.Model model = switch (objective) {
            case "coverage" -> SiteSolver.Model.COVERAGE;
            case "p-median" -> SiteSolver.Model.P_MEDIAN;
            case "target" -> SiteSolver.Model.TARGET;
            default -> throw new InvalidParameterException("objective", "unknown objective '" + r.objective()
                    + "'; use coverage, p-median or target");
        };
        double target = Double.NaN;
        if (model == SiteSolver.Model.TARGET) {
            double pct = r.targetPct() == null ? 80 : r.targetPct();
            if (!(pct > 0 && pct <= 100)) {
                throw new InvalidParameterException("targetPct", "must be in (0, 100], was " + pct);
            }
            target = pct / 100;
        }
        double spacing = nonNegative("minSpacingM", r.minSpacingM(), 0);
        if (model == SiteSolver.Model.TARGET && spacing > 0) {
            throw new InvalidParameterException("minSpacingM", "minimum spacing is not supported with objective target");
        }
        Spec s = new Spec("service-stations", GeoJsonInput.text("name", "name", r.name()), model, model == SiteSolver.Model.TARGET ? 0 : p(r.p()),
                positive("radiusM", r.radiusM(), cfg.stationRadiusM()), Double.NaN, target,
                r.categories() == null ? "all" : r.categories(), catalog.parse("categories", r.categories()),
                period(r.from(), r.to()), 0, 0, 1.0, source(r.candidateSource(), r.candidates()), r.candidates(),
                r.exclusions(), false, new SiteLayers.Buffers(0, 0, 0, cfg.customBufferM()), spacing,
                r.includeExisting() == null || r.includeExisting(), bbox(r.bbox()), r.bbox() != null, "service_station", "station");
        return run(s);
    }

    private SuggestionAnswer run(Spec s) {
        long t0 = System.nanoTime();
        List<GeoJsonInput.Zone> custom = s.exclusions() == null || s.exclusions().isNull() ? List.of()
                : GeoJsonInput.zones("exclusions", s.exclusions());
        String dataVersion = demandReader.dataVersion();
        OffsetDateTime from = s.period() == null ? OffsetDateTime.of(1900, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                : s.period().from().atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = s.period() == null ? OffsetDateTime.of(3000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                : s.period().toExclusive().atStartOfDay(zone).toOffsetDateTime();
        int offset = zone.getRules().getOffset(from.toInstant()).getTotalSeconds();
        DemandGrid grid = demandReader.read(new DemandReader.Key(dataVersion, s.categories(), from, to, s.bbox(), offset));
        if (grid.cellCount() == 0) {
            throw new InvalidParameterException(s.period() == null ? "categories" : "from",
                    "there are no cases of categories " + s.categoriesParam() + (s.period() == null ? "" : " in " + periodText(s.period()))
                            + (s.bboxGiven() ? " in the bbox" : "") + ": nothing to cover");
        }
        if (grid.cellCount() > cfg.maxDemandCells()) {
            throw new InvalidParameterException("categories", String.format(Locale.ROOT,
                    "the demand spans %,d cells, more than the limit of %,d (cg.suggestions.max-demand-cells): "
                            + "narrow the period, the categories or the bbox", grid.cellCount(), cfg.maxDemandCells()));
        }
        DemandCells demand = grid.weigh(s.eveningFrom(), s.eveningTo(), s.eveningWeight());
        LocalProjection proj = LocalProjection.around(demand.lon(), demand.lat());

        List<Candidate> existing = s.includeExisting() ? layers.existing(s.stationKind(), s.bbox()) : List.of();
        List<Candidate> proposed = proposed(s, demand, proj);
        int proposedCount = proposed.size();
        Map<Integer, String> excluded = proposed.isEmpty() ? Map.of()
                : layers.excluded(proposed, s.storedExclusions(), s.buffers(), custom);
        Map<String, Integer> excludedByKind = new TreeMap<>();
        for (String k : SiteLayers.kinds(excluded)) {
            excludedByKind.merge(k, 1, Integer::sum);
        }
        List<Candidate> kept = new ArrayList<>();
        for (int j = 0; j < proposed.size(); j++) {
            if (!excluded.containsKey(j)) {
                kept.add(proposed.get(j));
            }
        }
        int generatedLimit = Math.min(cfg.generatedCandidates(), cfg.maxCandidates());
        boolean generated = !proposed.isEmpty() && proposed.get(0).source().equals("cell");
        if (generated && kept.size() > generatedLimit) {
            kept = new ArrayList<>(kept.subList(0, generatedLimit));
        }
        checkCandidates(s, proposedCount, kept, excluded);

        List<Candidate> all = new ArrayList<>(existing);
        all.addAll(kept);
        int[] required = new int[existing.size()];
        for (int k = 0; k < required.length; k++) {
            required[k] = k;
        }
        if (s.model() == SiteSolver.Model.P_MEDIAN && (long) demand.size() * all.size() > cfg.maxPMedianPairs()) {
            throw new InvalidParameterException("candidates", String.format(Locale.ROOT,
                    "p-median needs a %,d x %,d cost matrix, more than the limit of %,d pairs "
                            + "(cg.suggestions.max-p-median-pairs): use fewer candidates or narrow the demand",
                    demand.size(), all.size(), cfg.maxPMedianPairs()));
        }
        SiteSolver solver = new SiteSolver(proj.xs(demand.lon()), proj.ys(demand.lat()), demand.weight(),
                proj.xs(all.stream().mapToDouble(Candidate::lon).toArray()),
                proj.ys(all.stream().mapToDouble(Candidate::lat).toArray()), required)
                .effort(cfg.solverStarts(), cfg.boundIterations());
        SiteSolver.Solution sol = solver.solve(s.model(), s.p(), s.radius(), s.capacity(), s.targetShare(), s.minSpacing());
        AnswerBuilder.Built built = new AnswerBuilder(demand, all, proj, s.radius(), s.siteWord())
                .build(sol, s.model(), s.capacity(), proposedCount, excluded.size());

        Map<String, Object> params = parameters(s, proj, kept.size(), custom.size());
        params.put("solver", sol.parameters());
        SuggestionAnswer answer = new SuggestionAnswer(null, s.kind(), s.name(), null, dataVersion, sol.status().name(),
                sol.message(), sol.model(), params, built.totals().withTotalSeconds(AnswerBuilder.round((System.nanoTime() - t0) / 1e9, 3)),
                built.sites(), excludedByKind);
        return store.save(answer);
    }

    private List<Candidate> proposed(Spec s, DemandCells demand, LocalProjection proj) {
        return switch (s.candidateSource()) {
            case "request" -> {
                if (s.candidates() == null || s.candidates().isNull()) {
                    throw new InvalidParameterException("candidates", "candidateSource is request but no candidates were sent");
                }
                List<Candidate> c = GeoJsonInput.points("candidates", s.candidates());
                if (c.size() > cfg.maxCandidates()) {
                    throw tooMany(c.size());
                }
                yield c;
            }
            case "table" -> layers.proposed(s.stationKind(), s.bbox());
            case "cells" -> {
                yield generated(s, demand, proj);
            }
            default -> {
                // auto: the planners' table when it has sites here, else generated cells.
                List<Candidate> table = layers.proposed(s.stationKind(), s.bbox());
                if (!table.isEmpty()) {
                    yield table;
                }
                yield generated(s, demand, proj);
            }
        };
    }

    /** Only a few times the limit go to the exclusion test: the rest would be cut anyway. */
    private List<Candidate> generated(Spec s, DemandCells demand, LocalProjection proj) {
        List<Candidate> ranked = CellCandidates.ranked(demand, proj, s.radius());
        int keep = 3 * Math.min(cfg.generatedCandidates(), cfg.maxCandidates());
        return ranked.size() > keep ? ranked.subList(0, keep) : ranked;
    }

    private void checkCandidates(Spec s, int proposed, List<Candidate> kept, Map<Integer, String> excluded) {
        if (proposed == 0) {
            throw new InvalidParameterException("candidates", "there are no candidate sites"
                    + (s.candidateSource().equals("table") ? " in the candidate_site table for " + s.stationKind() : "")
                    + ": upload candidates or use candidateSource=cells");
        }
        if (kept.isEmpty()) {
            throw new InvalidParameterException("exclusions", "the exclusion zones cover every one of the " + proposed
                    + " candidate sites (e.g. " + excluded.values().iterator().next() + "): relax buffers or add candidates");
        }
        if (kept.size() > cfg.maxCandidates()) {
            throw tooMany(kept.size());
        }
        if (s.model() != SiteSolver.Model.TARGET && s.p() > kept.size()) {
            throw new InvalidParameterException("p", "p = " + s.p() + " new sites but only " + kept.size()
                    + " candidate sites remain (" + proposed + " proposed, " + excluded.size() + " in exclusion zones)");
        }
    }

    private InvalidParameterException tooMany(int n) {
        return new InvalidParameterException("candidates", String.format(Locale.ROOT,
                "%,d candidate sites are more than the limit of %,d (cg.suggestions.max-candidates)", n, cfg.maxCandidates()));
    }

    private Map<String, Object> parameters(Spec s, LocalProjection proj, int candidatesUsed, int customZones) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", switch (s.model()) {
            case COVERAGE -> "coverage";
            case CAPACITATED -> "capacitated-coverage";
            case P_MEDIAN -> "p-median";
            case TARGET -> "target";
        });
        if (s.model() != SiteSolver.Model.TARGET) {
            m.put("p", s.p());
        } else {
            m.put("targetPct", AnswerBuilder.round(100 * s.targetShare(), 4));
        }
        m.put("radiusM", s.radius());
        if (s.model() == SiteSolver.Model.CAPACITATED) {
            m.put("capacity", s.capacity());
        }
        m.put("categories", String.join(",", s.categories()));
        m.put("from", s.period() == null ? null : s.period().from().toString());
        m.put("to", s.period() == null ? null : s.period().toExclusive().minusDays(1).toString());
        m.put("timeZone", zone.getId());
        if (s.kind().equals("vendor-zones")) {
            m.put("eveningFromHour", s.eveningFrom());
            m.put("eveningToHour", s.eveningTo());
            m.put("eveningWeight", s.eveningWeight());
            m.put("buffers", Map.of("schoolM", s.buffers().schoolM(), "hospitalM", s.buffers().hospitalM(),
                    "arterialRoadM", s.buffers().arterialRoadM(), "customM", s.buffers().customM()));
        }
        m.put("storedExclusionZones", s.storedExclusions());
        m.put("requestExclusionZones", customZones);
        m.put("minSpacingM", s.minSpacing());
        m.put("candidateSource", s.candidateSource());
        m.put("candidatesUsed", candidatesUsed);
        m.put("includeExisting", s.includeExisting());
        m.put("bbox", s.bboxGiven() ? List.of(s.bbox()[0], s.bbox()[1], s.bbox()[2], s.bbox()[3]) : null);
        m.put("demandUnit", "H3 resolution 10 cells at the mean position of their cases");
        m.put("distance", String.format(Locale.ROOT, "straight line, local equirectangular metres around (%.5f, %.5f)",
                proj.lon0(), proj.lat0()));
        return m;
    }

    // ---------------------------------------------------------------- parameter checks

    private int p(Integer p) {
        int v = p == null ? 5 : p;
        if (v < 1) {
            throw new InvalidParameterException("p", "must be at least 1 new site, was " + v);
        }
        return v;
    }

    private static double positive(String name, Double value, double fallback) {
        double v = value == null ? fallback : value;
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new InvalidParameterException(name, "must be a number > 0, was " + v);
        }
        return v;
    }

    private static double nonNegative(String name, Double value, double fallback) {
        double v = value == null ? fallback : value;
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new InvalidParameterException(name, "must be a number >= 0, was " + v);
        }
        return v;
    }

    private static int hour(String name, Integer value, int fallback) {
        int v = value == null ? fallback : value;
        if (v < 0 || v > 24) {
            throw new InvalidParameterException(name, "must be an hour 0..24, was " + v);
        }
        return v;
    }

    private static String source(String value, JsonNode candidates) {
        if (value == null || value.isBlank()) {
            return candidates != null && !candidates.isNull() ? "request" : "auto";
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!Set.of("request", "table", "cells", "auto").contains(v)) {
            throw new InvalidParameterException("candidateSource", "unknown source '" + value + "'; use request, table, cells or auto");
        }
        return v;
    }

    private static Period period(String from, String to) {
        boolean noFrom = from == null || from.isBlank();
        boolean noTo = to == null || to.isBlank();
        if (noFrom && noTo) {
            return null;
        }
        if (noFrom || noTo) {
            throw new InvalidParameterException(noFrom ? "from" : "to", "give both from and to, or neither (all cases)");
        }
        return Period.parse(from, to, null);
    }

    private static String periodText(Period p) {
        return p.from() + " .. " + p.toExclusive().minusDays(1);
    }

    private static double[] bbox(List<Double> bbox) {
        if (bbox == null) {
            return WORLD;
        }
        if (bbox.size() != 4 || bbox.stream().anyMatch(v -> v == null || !Double.isFinite(v))) {
            throw new InvalidParameterException("bbox", "must be [minLon, minLat, maxLon, maxLat]");
        }
        double[] b = {bbox.get(0), bbox.get(1), bbox.get(2), bbox.get(3)};
        if (b[0] >= b[2] || b[1] >= b[3] || b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90) {
            throw new InvalidParameterException("bbox", "must be [minLon, minLat, maxLon, maxLat] in WGS-84 with min < max");
        }
        return b;
    }
}
