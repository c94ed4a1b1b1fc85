package cn.cg.api.violation;

/** What to import and how to read it. */
public record ImportRequest(String fileName, CaseFileFormat format, CoordinateSystem crs, ImportProfile profile) {

    /** Fills what was not said: the format from the file name, the profile from the format, WGS-84. */
    public static ImportRequest of(String fileName, String format, String crs, String profile) {
        CaseFileFormat f = format == null || format.isBlank() ? CaseFileFormat.guess(fileName) : CaseFileFormat.parse(format);
        ImportProfile p = profile == null || profile.isBlank() ? ImportProfiles.forFormat(f) : ImportProfiles.byName(profile);
        return new ImportRequest(fileName, f, CoordinateSystem.parse(crs), p);
    }
}
