package cn.cg.api.violation;

import static cn.cg.api.violation.ImportProfile.Field.*;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The built-in column-mapping profiles: the project's own CSV, Open311 GeoReport v2, San Francisco incidents. */
public final class ImportProfiles {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter LOCAL_ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive().append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ')
            .append(DateTimeFormatter.ISO_LOCAL_TIME).toFormatter(Locale.ROOT);

    /** The project's own CSV: the header written by {@code ./cg generate}. Times without offset are Beijing time. */
    public static final ImportProfile CG = new ImportProfile(
            "cg", "the project's own CSV (case_no, category_code, source, status, reported_at, ..., lon, lat)",
            columns(CASE_NO, "case_no", CATEGORY, "category_code", SOURCE, "source", STATUS, "status",
                    REPORTED_AT, "reported_at", CLOSED_AT, "closed_at", DEADLINE_AT, "deadline_at",
                    X, "lon", Y, "lat", GRID_CODE, "grid_code", ADDRESS, "address", WEIGHT, "weight",
                    REPORTER_NAME, "reporter_name", REPORTER_PHONE, "reporter_phone"),
            CHINA, List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME, DateTimeFormatter.ISO_LOCAL_DATE_TIME, LOCAL_ISO),
            Map.of(), null, Map.of(), "registered", "other", List.of());

    /** Open311 GeoReport v2 service requests (JSON). service_code must be one of our category codes. */
    public static final ImportProfile OPEN311 = new ImportProfile(
            "open311", "Open311 GeoReport v2 service requests (service_request_id, service_code, requested_datetime, lat, long, status)",
            columns(CASE_NO, "service_request_id", CATEGORY, "service_code", STATUS, "status",
                    REPORTED_AT, "requested_datetime", CLOSED_AT, "updated_datetime", DEADLINE_AT, "expected_datetime",
                    X, "long", Y, "lat", ADDRESS, "address"),
            CHINA, List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME, DateTimeFormatter.ISO_LOCAL_DATE_TIME),
            Map.of(), null, Map.of("open", "registered", "closed", "closed"), "registered", "app",
            List.of("service_name", "description", "agency_responsible", "status_notes"));

    /**
     * San Francisco police incident reports (DataSF). Police categories are not city-management events;
     * the few that resemble ours map to them, the rest to 0599 (other street-order issue) with the original
     * category kept in attrs. Row ID is unique per row (an incident with several codes has several rows).
     */
    public static final ImportProfile SF_INCIDENTS = new ImportProfile(
            "sf-incidents", "San Francisco police incident reports (DataSF, 26 columns)",
            columns(CASE_NO, "Row ID", CATEGORY, "Incident Category", STATUS, "Resolution",
                    REPORTED_AT, "Incident Datetime", X, "Longitude", Y, "Latitude", ADDRESS, "Intersection"),
            ZoneId.of("America/Los_Angeles"),
            List.of(new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("yyyy/MM/dd hh:mm:ss a")
                    .toFormatter(Locale.US)),
            sfCategories(), "0599",
            Map.of("open or active", "registered", "cite or arrest adult", "closed", "cite or arrest juvenile", "closed",
                    "exceptional adult", "closed", "exceptional juvenile", "closed", "unfounded", "void"),
            "registered", "other",
            List.of("Incident Category", "Incident Subcategory", "Incident Description", "Police District",
                    "Analysis Neighborhood"));

    private static final Map<String, ImportProfile> ALL = Map.of(
            CG.name(), CG, OPEN311.name(), OPEN311, SF_INCIDENTS.name(), SF_INCIDENTS);

    private ImportProfiles() {
    }

    public static ImportProfile byName(String name) {
        ImportProfile p = ALL.get(name.trim().toLowerCase(Locale.ROOT));
        if (p == null) {
            throw new ImportException("unknown profile '" + name + "'; built-in profiles: " + String.join(", ", ALL.keySet()));
        }
        return p;
    }

    /** The profile used when none is named: the format's own. */
    public static ImportProfile forFormat(CaseFileFormat format) {
        return format == CaseFileFormat.OPEN311 ? OPEN311 : CG;
    }

    private static Map<ImportProfile.Field, String> columns(Object... pairs) {
        Map<ImportProfile.Field, String> m = new EnumMap<>(ImportProfile.Field.class);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((ImportProfile.Field) pairs[i], (String) pairs[i + 1]);
        }
        return Map.copyOf(m);
    }

    private static Map<String, String> sfCategories() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Vandalism", "0199");
        m.put("Malicious Mischief", "0199");
        m.put("Traffic Violation Arrest", "0505");
        m.put("Vehicle Impounded", "0107");
        m.put("Recovered Vehicle", "0107");
        m.put("Vehicle Misplaced", "0107");
        m.put("Arson", "0199");
        return Map.copyOf(m);
    }
}
