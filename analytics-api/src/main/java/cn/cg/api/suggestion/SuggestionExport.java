package cn.cg.api.suggestion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A saved run as GeoJSON (RFC 7946, lon/lat) or CSV: one row per site, existing and new. */
final class SuggestionExport {

    private static final String[] COLUMNS = {"rank", "role", "key", "name", "source", "lon", "lat", "cases_in_reach",
        "new_cases_in_reach", "coverage_pct", "cumulative_coverage_pct", "demand_served", "marginal_gain",
        "evening_share_pct", "nearest_top_decile_cell_m", "reason"};

    private SuggestionExport() {
    }

    static Map<String, Object> geoJson(SuggestionAnswer a) {
        List<Object> features = new ArrayList<>();
        for (SuggestionAnswer.Site s : a.sites()) {
            Map<String, Object> props = new LinkedHashMap<>();
            Object[] values = values(s);
            for (int k = 0; k < COLUMNS.length; k++) {
                if (k != 5 && k != 6) {
                    props.put(COLUMNS[k], values[k]);
                }
            }
            props.put("suggestion_id", a.id());
            features.add(Map.of("type", "Feature", "id", s.rank(),
                    "geometry", Map.of("type", "Point", "coordinates", List.of(s.lon(), s.lat())),
                    "properties", props));
        }
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        fc.put("name", "suggestion-" + a.id());
        fc.put("status", a.status());
        fc.put("model", a.model());
        fc.put("dataVersion", a.dataVersion());
        fc.put("totals", a.totals());
        fc.put("features", features);
        return fc;
    }

    static String csv(SuggestionAnswer a) {
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (SuggestionAnswer.Site s : a.sites()) {
            Object[] v = values(s);
            for (int k = 0; k < v.length; k++) {
                if (k > 0) {
                    sb.append(',');
                }
                sb.append(cell(v[k]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static Object[] values(SuggestionAnswer.Site s) {
        return new Object[] {s.rank(), s.role(), s.key(), s.name(), s.source(), s.lon(), s.lat(), s.casesInReach(),
            s.newCasesInReach(), s.coveragePct(), s.cumulativeCoveragePct(), s.demandServed(), s.marginalGain(),
            s.eveningSharePct(), s.nearestTopDecileCellM(), s.reason()};
    }

    /** RFC 4180 quoting; numbers in plain decimal (no exponent), as GIS tools expect. */
    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return new java.math.BigDecimal(d).setScale(7, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }
        String t = v.toString();
        if (t.contains(",") || t.contains("\"") || t.contains("\n")) {
            return '"' + t.replace("\"", "\"\"") + '"';
        }
        return t;
    }

    static String fileName(SuggestionAnswer a, String ext) {
        return String.format(Locale.ROOT, "suggestion-%d-%s.%s", a.id(), a.kind(), ext);
    }
}
