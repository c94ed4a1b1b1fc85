package cn.cg.api.ranking;

import java.util.List;
import java.util.stream.Collectors;

/** The ranking as CSV, one row per area, in rank order. */
final class RankingCsv {

    private RankingCsv() {
    }

    static String write(List<Ranking> rows) {
        StringBuilder sb = new StringBuilder("rank,id,code,name,level,parent_id,area_km2,cases,cases_per_km2,previous_cases,"
                + "change,change_pct,closed,closed_on_time,closure_rate,on_time_closure_rate,mean_handling_hours,top_categories\n");
        for (Ranking r : rows) {
            Object[] cells = {r.rank(), r.id(), r.code(), r.name(), r.level(), r.parentId(), r.areaKm2(), r.cases(), r.casesPerKm2(),
                r.previousCases(), r.change(), r.changePct(), r.closed(), r.closedOnTime(), r.closureRate(), r.onTimeClosureRate(),
                r.meanHandlingHours(), r.topCategories().stream().map(t -> t.code() + ":" + t.cases()).collect(Collectors.joining(" "))};
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(cell(cells[i]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        String s = v.toString();
        return s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
