package cn.cg.api.violation;

import java.util.Map;

/** One record as it stands in the file: its first line number and its values by source column name. */
record SourceRow(int line, Map<String, String> values) {

    String get(String column) {
        if (column == null) {
            return null;
        }
        String v = values.get(column);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
