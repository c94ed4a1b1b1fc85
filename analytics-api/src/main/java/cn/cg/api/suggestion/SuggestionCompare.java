package cn.cg.api.suggestion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two saved runs side by side: parameters that differ, totals of each, and the new sites in common, only
 * in a and only in b. Sites are matched by position (to 1e-6 degrees, about 0.1 m), so the same place
 * matches whether it came from the candidate table, an upload or a generated cell.
 */
record SuggestionCompare(Side a, Side b, Map<String, List<Object>> parametersThatDiffer, Double coverageDifferencePct,
                         List<SuggestionAnswer.Site> inBoth, List<SuggestionAnswer.Site> onlyInA,
                         List<SuggestionAnswer.Site> onlyInB, boolean sameData) {

    record Side(long id, String kind, String name, String status, String model, String dataVersion,
                SuggestionAnswer.Totals totals) {
    }

    static SuggestionCompare of(SuggestionAnswer a, SuggestionAnswer b) {
        Map<String, SuggestionAnswer.Site> inA = newSites(a);
        Map<String, SuggestionAnswer.Site> inB = newSites(b);
        List<SuggestionAnswer.Site> both = new ArrayList<>();
        List<SuggestionAnswer.Site> onlyA = new ArrayList<>();
        List<SuggestionAnswer.Site> onlyB = new ArrayList<>();
        inA.forEach((k, s) -> (inB.containsKey(k) ? both : onlyA).add(s));
        inB.forEach((k, s) -> {
            if (!inA.containsKey(k)) {
                onlyB.add(s);
            }
        });
        Map<String, List<Object>> differ = new LinkedHashMap<>();
        for (String k : union(a.parameters(), b.parameters())) {
            if (k.equals("solver")) {
                continue;
            }
            Object va = a.parameters().get(k);
            Object vb = b.parameters().get(k);
            if (va == null ? vb != null : !va.equals(vb)) {
                differ.put(k, java.util.Arrays.asList(va, vb));
            }
        }
        Double diff = a.totals() == null || b.totals() == null ? null
                : AnswerBuilder.round(b.totals().coverageAfterPct() - a.totals().coverageAfterPct(), 2);
        return new SuggestionCompare(side(a), side(b), differ, diff, both, onlyA, onlyB,
                a.dataVersion().equals(b.dataVersion()));
    }

    private static Side side(SuggestionAnswer x) {
        return new Side(x.id(), x.kind(), x.name(), x.status(), x.model(), x.dataVersion(), x.totals());
    }

    private static List<String> union(Map<String, Object> a, Map<String, Object> b) {
        List<String> keys = new ArrayList<>(a.keySet());
        for (String k : b.keySet()) {
            if (!keys.contains(k)) {
                keys.add(k);
            }
        }
        return keys;
    }

    private static Map<String, SuggestionAnswer.Site> newSites(SuggestionAnswer x) {
        Map<String, SuggestionAnswer.Site> m = new LinkedHashMap<>();
        for (SuggestionAnswer.Site s : x.sites()) {
            if (s.role().equals("new")) {
                m.put(String.format(Locale.ROOT, "%.6f,%.6f", s.lon(), s.lat()), s);
            }
        }
        return m;
    }
}
