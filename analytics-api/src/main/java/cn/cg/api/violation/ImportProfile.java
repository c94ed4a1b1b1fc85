package cn.cg.api.violation;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * How a file's columns map onto a case: which column holds what, the time zone and formats of its
 * times, and how its category, status and source values translate into ours.
 *
 * @param columns source column per field; a field without a column takes the default below
 * @param categories source value -> category code; values not listed must already be codes
 * @param fallbackCategory code for values neither listed nor known; null rejects them
 * @param statuses extra source value -> status, on top of the English keys and Chinese names
 * @param attrColumns source columns kept verbatim in {@code attrs}
 */
public record ImportProfile(
        String name,
        String description,
        Map<Field, String> columns,
        ZoneId zone,
        List<DateTimeFormatter> timeFormats,
        Map<String, String> categories,
        String fallbackCategory,
        Map<String, String> statuses,
        String defaultStatus,
        String defaultSource,
        List<String> attrColumns) {

    public enum Field {
        CASE_NO, CATEGORY, SOURCE, STATUS, REPORTED_AT, CLOSED_AT, DEADLINE_AT, X, Y,
        GRID_CODE, ADDRESS, WEIGHT, REPORTER_NAME, REPORTER_PHONE
    }

    /** Whether the profile's times are ISO-8601, so the fast parser may read them first. */
    public boolean isoTimes() {
        return timeFormats.stream().anyMatch(f -> f == DateTimeFormatter.ISO_OFFSET_DATE_TIME
                || f == DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    public String column(Field field) {
        return columns.get(field);
    }
}
