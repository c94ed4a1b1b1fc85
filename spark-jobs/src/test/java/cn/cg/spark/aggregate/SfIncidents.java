package cn.cg.spark.aggregate;

import cn.cg.spark.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Test fixture: San Francisco police incidents (testdata/sf-police-incidents-2018-12.csv, DataSF,
 * PDDL) as city-management cases, and a grid of admin areas over the city.
 *
 * <ul>
 *   <li>Rows without coordinates are skipped (about 600).
 *   <li>{@code Incident Category} maps to one of our category codes by the small table below, else by
 *       a hash of the name (deterministic: {@link String#hashCode} is specified).
 *   <li>Status: Resolution "Open or Active" -> registered, anything else -> closed; a closed case
 *       closes (Row ID mod 97) hours after it was reported, with a 48-hour deadline.
 *   <li>Time: Incident Datetime in America/Los_Angeles. The file covers December 2018 only, so to give
 *       the tests several months, a third of the rows (Row ID mod 3 = 0) moves 35 days earlier and a
 *       third (mod 3 = 2) 35 days later.
 *   <li>Admin areas are a grid, not real boundaries: 3 x 3 districts over lon -122.50..-122.37, lat
 *       37.71..37.82 (a few cases fall outside every area), each split into 2 x 2 streets (parent =
 *       its district). Grid cells cannot overlap, so a case is in one district and one street.
 * </ul>
 */
public final class SfIncidents {

    public static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    public static final Path FILE = locate("testdata/sf-police-incidents-2018-12.csv");

    private static final Map<String, String> CATEGORIES = Map.ofEntries(
        Map.entry("Larceny Theft", "0501"), Map.entry("Other Miscellaneous", "0599"),
        Map.entry("Assault", "0502"), Map.entry("Non-Criminal", "0199"), Map.entry("Malicious Mischief", "0201"),
        Map.entry("Burglary", "0101"), Map.entry("Warrant", "0509"), Map.entry("Lost Property", "0102"),
        Map.entry("Motor Vehicle Theft", "0505"), Map.entry("Recovered Vehicle", "0107"),
        Map.entry("Drug Offense", "0503"), Map.entry("Vandalism", "0202"), Map.entry("Traffic Violation Arrest", "0506"));
    private static final String[] OTHER_CODES = {"0103", "0104", "0116", "0203", "0204", "0301", "0302", "0304",
        "0504", "0507", "0508", "0510", "0511"};
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy/MM/dd hh:mm:ss a", Locale.ROOT);

    private SfIncidents() {
    }

    /** One case as the fixture makes it. */
    public record Case(String caseNo, String category, String status, Instant reportedAt, Instant closedAt,
                       Instant deadlineAt, double lon, double lat) {
    }

    public static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(FILE, StandardCharsets.UTF_8)) {
            List<String> header = parseCsvLine(r.readLine());
            int cDatetime = header.indexOf("Incident Datetime"), cRowId = header.indexOf("Row ID");
            int cCategory = header.indexOf("Incident Category"), cResolution = header.indexOf("Resolution");
            int cLat = header.indexOf("Latitude"), cLon = header.indexOf("Longitude");
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                List<String> f = parseCsvLine(line);
                if (f.get(cLat).isBlank() || f.get(cLon).isBlank()) {
                    continue;
                }
                long rowId = Long.parseLong(f.get(cRowId));
                Instant incident = LocalDateTime.parse(f.get(cDatetime), DATETIME).atZone(ZONE).toInstant();
                Instant reported = incident.plus(Duration.ofDays(35 * (Math.floorMod(rowId, 3) - 1)));
                String category = f.get(cCategory);
                String code = CATEGORIES.getOrDefault(category,
                    OTHER_CODES[Math.floorMod(category.hashCode(), OTHER_CODES.length)]);
                boolean open = "Open or Active".equals(f.get(cResolution));
                Instant closed = open ? null : reported.plus(Duration.ofHours(Math.floorMod(rowId, 97)));
                out.add(new Case("SF-" + rowId, code, open ? "registered" : "closed", reported, closed,
                    reported.plus(Duration.ofHours(48)), Double.parseDouble(f.get(cLon)), Double.parseDouble(f.get(cLat))));
            }
        }
        return out;
    }

    /** Inserts the cases (source other). */
    public static int load() throws IOException, SQLException {
        return insert(cases());
    }

    public static int insert(List<Case> cases) throws SQLException {
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement(
            "INSERT INTO violation (case_no, category_code, source, status, reported_at, closed_at, deadline_at, geom) "
                + "VALUES (?, ?, 'other', ?, ?, ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326))")) {
            c.setAutoCommit(false);
            for (Case k : cases) {
                ps.setString(1, k.caseNo());
                ps.setString(2, k.category());
                ps.setString(3, k.status());
                ps.setTimestamp(4, Timestamp.from(k.reportedAt()));
                ps.setTimestamp(5, k.closedAt() == null ? null : Timestamp.from(k.closedAt()));
                ps.setTimestamp(6, Timestamp.from(k.deadlineAt()));
                ps.setDouble(7, k.lon());
                ps.setDouble(8, k.lat());
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        }
        return cases.size();
    }

    /** The 3 x 3 district grid and its 2 x 2 streets per district. */
    public static void loadAreas() throws SQLException {
        double lon0 = -122.50, lon1 = -122.37, lat0 = 37.71, lat1 = 37.82;
        double dLon = (lon1 - lon0) / 3, dLat = (lat1 - lat0) / 3;
        try (Connection c = TestDatabase.connect()) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    double x = lon0 + i * dLon, y = lat0 + j * dLat;
                    long district = insertArea(c, "district", "SFD" + i + j, null, x, y, dLon, dLat);
                    for (int a = 0; a < 2; a++) {
                        for (int b = 0; b < 2; b++) {
                            insertArea(c, "street", "SFD" + i + j + a + b, district, x + a * dLon / 2,
                                y + b * dLat / 2, dLon / 2, dLat / 2);
                        }
                    }
                }
            }
        }
    }

    private static long insertArea(Connection c, String level, String code, Long parent, double x, double y,
                                   double w, double h) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO admin_area (level, code, name, parent_id, geom) VALUES (?, ?, ?, ?, "
                + "ST_Multi(ST_MakeEnvelope(?, ?, ?, ?, 4326))) RETURNING id")) {
            ps.setString(1, level);
            ps.setString(2, code);
            ps.setString(3, level + " " + code);
            ps.setObject(4, parent);
            ps.setDouble(5, x);
            ps.setDouble(6, y);
            ps.setDouble(7, x + w);
            ps.setDouble(8, y + h);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** RFC 4180 fields of one line (quoted fields may hold commas and doubled quotes). */
    static List<String> parseCsvLine(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    sb.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    sb.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(ch);
            }
        }
        out.add(sb.toString());
        return out;
    }

    private static Path locate(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
