package cn.cg.api.system;

import cn.cg.api.Multipart;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Seeded bad case files for the importer: a valid seed in one of its three formats (the project's CSV,
 * GeoJSON Point features, Open311 GeoReport v2 JSON), then mutated. Row mutations break (or harmlessly
 * change) one field of a row and record whether the importer must reject that row; file mutations
 * (truncation, re-encoding, junk bytes, deep JSON, wrong options...) break the structure, after which only
 * the importer's invariants can be checked, not which rows survive.
 */
final class CaseFileFuzzer {

    enum Format { CSV, GEOJSON, OPEN311 }

    /**
     * One upload.
     *
     * @param intact     true when only row mutations were applied: the file must be imported (201) with exactly
     *                   the rows on {@code badLines} rejected
     * @param rows       records in the seed
     * @param lines      physical lines of the content (a rejection's line cannot be beyond)
     * @param goodCaseNos case numbers of rows that must be imported when the file is intact
     */
    record Upload(int index, Format format, String fileName, String query, byte[] content, List<String> mutations,
                  boolean intact, int rows, Set<Integer> badLines, Set<String> goodCaseNos, int lines,
                  Multipart.Broken envelope) {

        @Override
        public String toString() {
            return "#" + index + " " + format + " " + fileName + query + " " + mutations + " (" + content.length + " bytes)";
        }
    }

    private static final String[] CG_COLUMNS = {"case_no", "category_code", "source", "status", "reported_at", "closed_at",
            "deadline_at", "lon", "lat", "grid_code", "address", "weight"};
    private static final Map<String, String> OPEN311_COLUMNS = Map.of("case_no", "service_request_id",
            "category_code", "service_code", "status", "status", "reported_at", "requested_datetime",
            "closed_at", "updated_datetime", "deadline_at", "expected_datetime", "lon", "long", "lat", "lat",
            "address", "address");
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final OffsetDateTime FIRST = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8));

    private final SplittableRandom rnd;
    private final List<String> categories;
    /** Case numbers of earlier files, reused so that imports also update known cases. */
    private final List<String> earlier = new ArrayList<>();
    private int files;

    CaseFileFuzzer(long seed, List<String> categories) {
        this.rnd = new SplittableRandom(seed);
        this.categories = List.copyOf(categories);
    }

    /** Remembers the case numbers of a file the service took, for later files to reuse. */
    void imported(Upload u) {
        earlier.addAll(u.goodCaseNos());
    }

    private static final class Row {
        final Map<String, String> v = new LinkedHashMap<>();
        boolean bad;
        int fieldDelta; // CSV only: fields added (+) or dropped (-)
        int line; // where the record starts in the file, set when it is written
    }

    Upload next() {
        int index = ++files;
        Format format = Format.values()[rnd.nextInt(3)];
        int n = rnd.nextInt(10) < 2 ? rnd.nextInt(1, 400) : rnd.nextInt(1, 25);
        List<Row> rows = new ArrayList<>();
        Set<String> inFile = new HashSet<>();
        for (int i = 0; i < n; i++) {
            String caseNo = !earlier.isEmpty() && rnd.nextInt(10) == 0 ? earlier.get(rnd.nextInt(earlier.size()))
                    : "FZ" + index + "-" + i + "-" + Long.toString(rnd.nextLong() >>> 24, 36);
            if (!inFile.add(caseNo)) {
                caseNo = caseNo + "-" + i;
                inFile.add(caseNo);
            }
            rows.add(validRow(format, caseNo));
        }
        List<String> mutations = new ArrayList<>();
        // Each mutated row gets one mutation, so that no later one undoes an earlier one's harm.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        int rowMutations = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(1, Math.min(n, 6) + 1);
        for (int k = 0; k < rowMutations; k++) {
            int at = order.remove(rnd.nextInt(order.size()));
            mutations.add("row" + (at + 1) + ":" + mutateRow(format, rows, at));
        }
        // Which rows the importer must refuse: the broken ones, and a case number's second and later
        // occurrences among the rows it took (a refused row does not claim its case number).
        String text = switch (format) {
            case CSV -> csv(rows);
            case GEOJSON -> geojson(rows);
            case OPEN311 -> open311(rows);
        };
        Set<Integer> badLines = new HashSet<>();
        Set<String> good = new HashSet<>();
        for (Row r : rows) {
            String c = r.v.get("case_no").trim();
            // A duplicated case number may be one that another mutation broke (too long, a NUL inside).
            boolean badCaseNo = c.isEmpty() || c.length() > 64 || c.indexOf('\u0000') >= 0;
            if (r.bad || badCaseNo || good.contains(c)) {
                badLines.add(r.line);
            } else {
                good.add(c);
            }
        }
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        String fileName = "fuzz-" + index + switch (format) {
            case CSV -> ".csv";
            case GEOJSON -> ".geojson";
            case OPEN311 -> ".json";
        };
        String query = rnd.nextInt(4) == 0 ? "?format=" + format.name().toLowerCase() : "";
        boolean intact = true;
        int fileMutations = rnd.nextInt(10) < 5 ? 0 : rnd.nextInt(1, 3);
        for (int k = 0; k < fileMutations; k++) {
            FileMutation m = mutateFile(format, content, fileName, query);
            content = m.content();
            fileName = m.fileName();
            query = m.query();
            mutations.add(m.what());
            intact &= m.intact();
        }
        int lines = 1;
        for (byte b : content) {
            if (b == '\n' || b == '\r') {
                lines++;
            }
        }
        Multipart.Broken envelope = null;
        if (rnd.nextInt(25) == 0) {
            envelope = Multipart.Broken.values()[rnd.nextInt(Multipart.Broken.values().length)];
            mutations.add("envelope " + envelope);
            intact = false;
        }
        return new Upload(index, format, fileName, query, content, List.copyOf(mutations), intact, n, badLines, good, lines,
                envelope);
    }

    // ---------------------------------------------------------------- valid rows

    private Row validRow(Format format, String caseNo) {
        Row r = new Row();
        OffsetDateTime reported = FIRST.plusMinutes(rnd.nextLong(0, 690L * 24 * 60)).plusSeconds(rnd.nextInt(60));
        boolean closed = rnd.nextBoolean();
        r.v.put("case_no", caseNo);
        r.v.put("category_code", categories.get(rnd.nextInt(categories.size())));
        r.v.put("source", pick("patrol", "hotline", "camera", "app", "other", "巡查", "热线", "12345", ""));
        if (format == Format.OPEN311) {
            r.v.put("status", closed ? "closed" : pick("open", "Open", ""));
        } else {
            r.v.put("status", closed ? pick("closed", "结案", "CLOSED") : pick("registered", "立案", "dispatched", "handled", ""));
        }
        r.v.put("reported_at", time(format, reported));
        r.v.put("closed_at", closed ? time(format, reported.plusMinutes(rnd.nextInt(1, 5000))) : "");
        r.v.put("deadline_at", rnd.nextBoolean() ? time(format, reported.plusDays(rnd.nextInt(1, 8))) : "");
        r.v.put("lon", String.format("%.6f", 113.80 + rnd.nextDouble() * 0.6));
        r.v.put("lat", String.format("%.6f", 22.45 + rnd.nextDouble() * 0.35));
        r.v.put("grid_code", rnd.nextInt(4) == 0 ? "44030" + (1000 + rnd.nextInt(9000)) : "");
        r.v.put("address", pick("深圳市罗湖区人民南路" + rnd.nextInt(300) + "号", "Shennan Blvd " + rnd.nextInt(9000), "", "福田区 华强北"));
        r.v.put("weight", pick("1", "", "2.5", "0.5"));
        return r;
    }

    private String time(Format format, OffsetDateTime t) {
        int style = rnd.nextInt(format == Format.OPEN311 ? 2 : 3);
        return switch (style) {
            case 0 -> t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            case 1 -> t.atZoneSameInstant(ZoneOffset.ofHours(8)).toLocalDateTime().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            default -> t.atZoneSameInstant(ZoneOffset.ofHours(8)).toLocalDateTime().format(SPACED);
        };
    }

    private String pick(String... values) {
        return values[rnd.nextInt(values.length)];
    }

    // ---------------------------------------------------------------- row mutations

    /** Breaks or harmlessly changes one field of row {@code at}; returns what it did. */
    private String mutateRow(Format format, List<Row> rows, int at) {
        Row r = rows.get(at);
        int kind = rnd.nextInt(format == Format.CSV ? 17 : 15);
        switch (kind) {
            case 0 -> {
                r.v.put("lon", pick("NaN", "Infinity", "-Infinity", "1e999", "abc", "", "114,05", "0x", "--1", "1e-999x"));
                return bad(r, "lon not a number");
            }
            case 1 -> {
                if (rnd.nextBoolean()) {
                    r.v.put("lat", pick("91", "-90.5", "1e10", "-1e300"));
                } else {
                    String lon = r.v.get("lon");
                    r.v.put("lon", r.v.get("lat"));
                    r.v.put("lat", lon);
                }
                return bad(r, "lat out of range");
            }
            case 2 -> {
                r.v.put("lon", "0");
                r.v.put("lat", pick("0", "0.0", "-0"));
                return bad(r, "(0,0)");
            }
            case 3 -> {
                r.v.put("reported_at", pick("2025-13-01T00:00:00", "2025-02-30T10:00:00", "yesterday", "", "   ",
                        "1989-12-31T23:59:59+08:00", "2999-01-01T00:00:00Z", "2025-03-01T25:00:00",
                        "2025-03-01T10:00:00+25:00", "２０２５-03-01T10:00:00", "2025-03-01T10:00:00+08:00[Asia/Shanghai]x",
                        "0000-01-01T00:00:00", "+99999-01-01T00:00:00Z", "2025/03/01 10:00:00"));
                return bad(r, "bad reported_at");
            }
            case 4 -> {
                r.v.put("closed_at", "2023-12-31T00:00:00+08:00");
                return bad(r, "closed before reported");
            }
            case 5 -> {
                String field = rnd.nextBoolean() ? "closed_at" : "deadline_at";
                r.v.put(field, pick("+99999-01-01T00:00:00Z", "0000-01-01T00:00:00", "+294277-01-01T00:00:00Z",
                        "9999-12-31T23:59:59-18:00", "2025-99-01T00:00:00", "soon"));
                return bad(r, field + " unrepresentable or unreadable");
            }
            case 6 -> {
                r.v.put("category_code", pick("9999", "", "0501x", "' OR '1'='1", "vendor", "05 01", "\u0000501"));
                return bad(r, "unknown category");
            }
            case 7 -> {
                r.v.put("status", pick("finished", "'; DROP TABLE violation; --", "clo\u0000sed"));
                return bad(r, "unknown status");
            }
            case 8 -> {
                String c = r.v.get("case_no");
                r.v.put("case_no", pick("X".repeat(65), "", "   ", c.charAt(0) + "\u0000" + c.substring(1)));
                return bad(r, "bad case number");
            }
            case 9 -> {
                if (at == 0) {
                    return "none (no earlier row to duplicate)";
                }
                r.v.put("case_no", rows.get(rnd.nextInt(at)).v.get("case_no"));
                return "duplicate case number"; // refused unless the first row was
            }
            case 10 -> {
                if (rnd.nextBoolean()) {
                    r.v.put("address", "\u0000 "); // blank once trimmed: no address
                    return "NUL-only address";
                }
                r.v.put("address", "a\u0000b");
                return bad(r, "NUL in address");
            }
            case 11, 12 -> {
                r.v.put("address", pick("He said \"hi\", then left", "line one\nline two\r\nline three", "C:\\temp\\x\\",
                        "\\.", "$$ $tag$ $$", "tab\there", "😀🚧 摊贩", "x".repeat(5000), "'; DROP TABLE violation; --",
                        "\",\"\",\"", "\u2028\u2029\u00a0", "=cmd|' /C calc'!A0"));
                return "harmless address";
            }
            case 13 -> {
                r.v.put("lon", " " + r.v.get("lon") + " ");
                r.v.put("category_code", " " + r.v.get("category_code") + "\t");
                // GeoJSON coordinates must be numbers, and " 114.1 " is a string there.
                return format == Format.GEOJSON ? bad(r, "coordinate as a string") : "harmless spaces";
            }
            case 14 -> {
                if (format == Format.OPEN311) {
                    r.v.put("status", "closed\u0000x");
                    return bad(r, "unknown status");
                }
                if (rnd.nextBoolean()) {
                    r.v.put("weight", pick("0", "-1", "NaN", "abc", "Infinity", "1e999"));
                    return bad(r, "bad weight");
                }
                r.v.put("grid_code", pick("12ab", "123", "1234567890123456", "４４０３０３"));
                return bad(r, "bad grid code");
            }
            case 15 -> {
                r.fieldDelta = rnd.nextBoolean() ? 1 : -rnd.nextInt(1, 5);
                return bad(r, "wrong field count " + r.fieldDelta);
            }
            default -> {
                r.v.put("source", pick("telepathy", "巡逻车", "PATROL!"));
                return bad(r, "unknown source");
            }
        }
    }

    private static String bad(Row r, String what) {
        r.bad = true;
        return what;
    }

    // ---------------------------------------------------------------- serialisation

    private String csv(List<Row> rows) {
        StringBuilder sb = new StringBuilder(String.join(",", CG_COLUMNS)).append('\n');
        int line = 2;
        for (Row r : rows) {
            r.line = line;
            List<String> fields = new ArrayList<>();
            for (String c : CG_COLUMNS) {
                fields.add(csvField(r.v.get(c)));
            }
            if (r.fieldDelta > 0) {
                fields.add("extra");
            } else if (r.fieldDelta < 0) {
                fields = fields.subList(0, fields.size() + r.fieldDelta);
            }
            String record = String.join(",", fields);
            line += 1 + (int) record.chars().filter(ch -> ch == '\n').count(); // a quoted field may span lines
            sb.append(record).append('\n');
        }
        return sb.toString();
    }

    private String csvField(String v) {
        if (v.isEmpty() && rnd.nextInt(3) > 0) {
            return "";
        }
        boolean quote = v.isEmpty() || rnd.nextInt(8) == 0 || v.chars().anyMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r');
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    private String geojson(List<Row> rows) {
        StringBuilder sb = new StringBuilder("{\"type\": \"FeatureCollection\", \"name\": \"fuzz\",\n\"features\": [\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            r.line = 3 + i;
            sb.append("{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [")
                    .append(jsonNumberOrString(r.v.get("lon"))).append(", ").append(jsonNumberOrString(r.v.get("lat")))
                    .append("]}, \"properties\": {");
            boolean first = true;
            for (String c : CG_COLUMNS) {
                if (c.equals("lon") || c.equals("lat")) {
                    continue;
                }
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                jsonString(sb, c).append(": ");
                jsonString(sb, r.v.get(c));
            }
            sb.append("}}").append(i + 1 < rows.size() ? ",\n" : "\n");
        }
        return sb.append("]}\n").toString();
    }

    private String open311(List<Row> rows) {
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            r.line = 2 + i;
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, String> e : OPEN311_COLUMNS.entrySet()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                jsonString(sb, e.getValue()).append(": ");
                String v = r.v.get(e.getKey());
                if (e.getKey().equals("lon") || e.getKey().equals("lat")) {
                    sb.append(jsonNumberOrString(v));
                } else {
                    jsonString(sb, v);
                }
            }
            sb.append(", \"service_name\": \"Street vending\", \"description\": ");
            jsonString(sb, "reported by app, \"quoted\" \\ backslash");
            sb.append('}').append(i + 1 < rows.size() ? ",\n" : "\n");
        }
        return sb.append("]\n").toString();
    }

    private static String jsonNumberOrString(String v) {
        if (JSON_NUMBER.matcher(v).matches()) {
            return v;
        }
        return jsonString(new StringBuilder(), v).toString();
    }

    private static StringBuilder jsonString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }

    // ---------------------------------------------------------------- file mutations

    /** A file after one structural mutation; intact if its rows still read as before. */
    private record FileMutation(byte[] content, String fileName, String query, String what, boolean intact) {
    }

    private FileMutation mutateFile(Format format, byte[] content, String fileName, String query) {
        byte[] bytes = content;
        int kind = rnd.nextInt(17);
        String what;
        switch (kind) {
            case 0 -> {
                bytes = java.util.Arrays.copyOf(content, rnd.nextInt(content.length + 1));
                what = "truncated to " + bytes.length;
            }
            case 1 -> {
                bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, content);
                what = "UTF-8 BOM";
            }
            case 2 -> {
                String cs = pick("UTF-16", "UTF-16LE", "UTF-16BE", "GB18030", "ISO-8859-1", "UTF-32");
                bytes = new String(content, StandardCharsets.UTF_8).getBytes(Charset.forName(cs));
                what = "re-encoded " + cs;
            }
            case 3 -> {
                byte[][] invalid = {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        {(byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE4, (byte) 0xB8}};
                for (int k = rnd.nextInt(1, 6); k > 0; k--) {
                    bytes = insert(bytes, rnd.nextInt(bytes.length + 1), invalid[rnd.nextInt(invalid.length)]);
                }
                what = "invalid UTF-8";
            }
            case 4 -> {
                byte[] junk = new byte[rnd.nextInt(1, 300)];
                rnd.nextBytes(junk);
                bytes = insert(bytes, rnd.nextInt(bytes.length + 1), junk);
                what = "binary junk " + junk.length;
            }
            case 5 -> {
                bytes = new byte[rnd.nextInt(0, 5000)];
                rnd.nextBytes(bytes);
                what = "all junk " + bytes.length;
            }
            case 6 -> {
                bytes = pick("", "\n", "  \r\n\t", "\uFEFF", "null", "{}", "[]", "case_no\n", String.join(",", CG_COLUMNS))
                        .getBytes(StandardCharsets.UTF_8);
                what = "empty-ish '" + new String(bytes, StandardCharsets.UTF_8).replace("\n", "\\n") + "'";
            }
            case 7 -> {
                for (int k = rnd.nextInt(1, 6); k > 0; k--) {
                    bytes = insert(bytes, rnd.nextInt(bytes.length + 1), new byte[] {'"'});
                }
                what = "stray quotes";
            }
            case 8 -> {
                int from = rnd.nextInt(bytes.length + 1);
                int to = Math.min(bytes.length, from + rnd.nextInt(1, 200));
                bytes = concat(java.util.Arrays.copyOf(bytes, from), java.util.Arrays.copyOfRange(bytes, to, bytes.length));
                what = "deleted " + (to - from) + " bytes";
            }
            case 9 -> {
                String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
                StringBuilder sb = new StringBuilder();
                for (String l : lines) {
                    sb.append(l).append('\n');
                    if (rnd.nextInt(5) == 0) {
                        sb.append(lines[rnd.nextInt(lines.length)]).append('\n');
                    }
                }
                bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
                what = "lines repeated";
            }
            case 10 -> {
                String eol = pick("\r\n", "\r");
                bytes = new String(bytes, StandardCharsets.UTF_8).replace("\n", eol).getBytes(StandardCharsets.UTF_8);
                what = "line ends " + (eol.length() == 2 ? "CRLF" : "CR");
            }
            case 11 -> {
                int depth = rnd.nextInt(10) == 0 ? 200_000 : rnd.nextInt(100, 5000);
                String open = rnd.nextBoolean() ? "[" : "{\"a\":";
                String body = format == Format.GEOJSON
                        ? "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
                        + "\"coordinates\":[114.05,22.54]},\"properties\":{\"deep\":" + open.repeat(depth) + "1"
                        : open.repeat(depth) + "1";
                bytes = (body + (rnd.nextBoolean() ? (open.equals("[") ? "]" : "}").repeat(depth) : ""))
                        .getBytes(StandardCharsets.UTF_8);
                what = "deep JSON " + depth;
            }
            case 12 -> {
                String t = new String(bytes, StandardCharsets.UTF_8);
                t = switch (rnd.nextInt(6)) {
                    case 0 -> t.replace(",", "");
                    case 1 -> t.replace("}", "},");
                    case 2 -> t.replace("\"", "'");
                    case 3 -> "// comment\n" + t;
                    case 4 -> t.replace("[", "{").replace("]", "}");
                    default -> t + " trailing junk {";
                };
                bytes = t.getBytes(StandardCharsets.UTF_8);
                what = "broken JSON syntax";
            }
            case 13 -> {
                Format other = Format.values()[(format.ordinal() + rnd.nextInt(1, 3)) % 3];
                query = "?format=" + enc(pick(other.name().toLowerCase(), "xml", "", "CSV ", "geo json", "\u0000", "open311'--"));
                what = "format " + query;
            }
            case 14 -> {
                query = "?crs=" + enc(pick("gcj02", "bd09", "EPSG:4547", "EPSG:99999", "EPSG:4326", "mars", "EPSG:", "EPSG:-1",
                        "EPSG:999999999999", "epsg:4490", "' OR 1=1", "EPSG:4547\u0000", "EPSG:2000000"));
                what = "crs " + query;
            }
            case 15 -> {
                query = "?profile=" + enc(pick("sf-incidents", "open311", "cg", "nope", "", "CG", "../cg", "cg\u0000"));
                what = "profile " + query;
            }
            default -> {
                String ext = fileName.substring(fileName.lastIndexOf('.'));
                fileName = pick("", "../../etc/passwd" + ext, "x".repeat(3000) + ext, "名单" + ext, "a\u0000b" + ext,
                        "semi;colon" + ext, "%00" + ext, "x" + ext + ".exe");
                query = "?format=" + format.name().toLowerCase();
                what = "file name '" + (fileName.length() > 40 ? fileName.substring(0, 40) + "..." : fileName) + "'";
                // Tomcat refuses a file name with a NUL (a 400); an empty one is not a file part at all.
                return new FileMutation(bytes, fileName, query, what, !fileName.isEmpty() && fileName.indexOf('\u0000') < 0);
            }
        }
        return new FileMutation(bytes, fileName, query, what, false);
    }

    private static String enc(String v) {
        return java.net.URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] insert(byte[] a, int at, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, at);
        System.arraycopy(b, 0, out, at, b.length);
        System.arraycopy(a, at, out, at + b.length, a.length - at);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
