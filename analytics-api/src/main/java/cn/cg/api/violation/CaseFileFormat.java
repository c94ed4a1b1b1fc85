package cn.cg.api.violation;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The file formats the importer reads. */
public enum CaseFileFormat {
    CSV, GEOJSON, OPEN311;

    public static CaseFileFormat parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ImportException("unknown format '" + value + "'; use one of "
                    + Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }
    }

    /** A guess from the file name, used when no format is given. */
    public static CaseFileFormat guess(String fileName) {
        String n = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".geojson")) {
            return GEOJSON;
        }
        if (n.endsWith(".json")) {
            return OPEN311;
        }
        return CSV;
    }
}
