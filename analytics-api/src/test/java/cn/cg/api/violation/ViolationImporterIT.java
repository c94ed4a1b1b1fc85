package cn.cg.api.violation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.cg.api.PostgisIT;
import cn.cg.geo.coord.ChinaCoordinates;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ViolationImporterIT extends PostgisIT {

    static final Path SF = Path.of("../testdata/sf-police-incidents-2018-12.csv");
    static final String HEADER = "case_no,category_code,source,status,reported_at,closed_at,deadline_at,lon,lat,address,weight\n";

    @Autowired
    ViolationImporter importer;

    ImportReport importText(String text, String format, String crs, String profile) {
        return importer.importCases(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                ImportRequest.of("test." + (format == null ? "csv" : format), format, crs, profile));
    }

    @Test
    void sanFranciscoFileCountsAgreeWithAPlainPostgresCopyOfTheSameFile() throws Exception {
        ImportReport r;
        try (InputStream in = Files.newInputStream(SF)) {
            r = importer.importCases(in, ImportRequest.of("sf.csv", "csv", "wgs84", "sf-incidents"));
        }
        assertThat(r.rowsRead()).isEqualTo(11_884);
        assertThat(r.accepted() + r.rejected() + r.duplicates()).isEqualTo(r.rowsRead());
        assertThat(r.duplicates()).isZero();
        assertThat(count("SELECT count(*) FROM violation")).isEqualTo(r.accepted());
        assertThat(r.rejections()).allSatisfy(rej -> assertThat(rej.reason()).isIn("missing coordinates"));
        assertThat(count("SELECT count(*) FROM import_run WHERE rows_read = 11884 AND accepted = ?", r.accepted())).isOne();
        String sha = java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(SF)));
        assertThat(jdbc.queryForObject("SELECT file_sha256 FROM import_run WHERE id = ?", String.class, r.importId())).isEqualTo(sha);
        // Every stored point lies in San Francisco.
        assertThat(count("SELECT count(*) FROM violation WHERE NOT ST_Intersects(geom, ST_MakeEnvelope(-122.52, 37.70, -122.35, 37.84, 4326))")).isZero();

        ImportReport again;
        try (InputStream in = Files.newInputStream(SF)) {
            again = importer.importCases(in, ImportRequest.of("sf.csv", "csv", "wgs84", "sf-incidents"));
        }
        assertThat(again.accepted()).isZero();
        assertThat(again.duplicates()).isEqualTo(r.accepted());
        assertThat(again.rejected()).isEqualTo(r.rejected());
        assertThat(count("SELECT count(*) FROM violation")).isEqualTo(r.accepted());
    }

    @Test
    void sanFranciscoRejectionsMatchTheRowsPostgresSeesWithoutCoordinates() throws Exception {
        String cols = String.join(",", java.util.stream.IntStream.rangeClosed(1, 26).mapToObj(i -> "c" + i + " text").toList());
        jdbc.execute("DROP TABLE IF EXISTS sf_raw");
        jdbc.execute("CREATE UNLOGGED TABLE sf_raw (" + cols + ")");
        try (java.sql.Connection c = jdbc.getDataSource().getConnection(); InputStream in = Files.newInputStream(SF)) {
            c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn("COPY sf_raw FROM STDIN (FORMAT csv, HEADER true)", in);
        }
        long withoutCoordinates = count("SELECT count(*) FROM sf_raw WHERE coalesce(c24, '') = '' OR coalesce(c25, '') = ''");
        long rows = count("SELECT count(*) FROM sf_raw");
        jdbc.execute("DROP TABLE sf_raw");
        ImportReport r;
        try (InputStream in = Files.newInputStream(SF)) {
            r = importer.importCases(in, ImportRequest.of("sf.csv", "csv", null, "sf-incidents"));
        }
        assertThat((long) r.rowsRead()).isEqualTo(rows);
        assertThat((long) r.rejected()).isEqualTo(withoutCoordinates).isBetween(500L, 700L);
    }

    @Test
    void everyRejectedRowIsReportedWithItsLineAndReason() {
        String file = HEADER
                + "A1,0501,patrol,closed,2025-03-01T18:22:00+08:00,2025-03-01T19:00:00+08:00,,114.05,22.54,\"福田区\n华强北路 1号\",1\n" // lines 2-3
                + "A2,0501,patrol,closed,2025-03-01T18:22:00+08:00,,,,22.54,,1\n"              // 4 missing lon
                + "A3,0501,patrol,closed,2025-03-01T18:22:00+08:00,,,214.05,22.54,,1\n"        // 5 out of range
                + "A4,0501,patrol,closed,2025-03-01T18:22:00+08:00,,,0,0,,1\n"                 // 6 (0,0)
                + "A5,0501,patrol,closed,2025-13-01T18:22:00+08:00,,,114.05,22.54,,1\n"        // 7 bad time
                + "A6,9999,patrol,closed,2025-03-01T18:22:00+08:00,,,114.05,22.54,,1\n"        // 8 unknown category
                + "A1,0501,patrol,closed,2025-03-01T18:22:00+08:00,,,114.05,22.54,,1\n"        // 9 duplicate of line 2
                + "A7,0505,巡查,结案,2025-03-02 08:00:00,,,114.06,22.55,,1\n"                    // 10 Chinese names, local time
                + "A8,0505,camera,closed,2025-03-02T08:00:00+08:00,2025-03-01T08:00:00+08:00,,114.06,22.55,,1\n" // 11 closed before reported
                + "A9,0505,camera\n";                                                           // 12 short row
        ImportReport r = importText(file, "csv", null, null);
        assertThat(r.rowsRead()).isEqualTo(10);
        assertThat(r.accepted()).isEqualTo(2);
        assertThat(r.rejected()).isEqualTo(8);
        assertThat(r.rejections()).extracting(Rejection::line).containsExactly(4, 5, 6, 7, 8, 9, 11, 12);
        Map<Integer, String> reasons = new java.util.HashMap<>();
        r.rejections().forEach(x -> reasons.put(x.line(), x.reason()));
        assertThat(reasons.get(4)).isEqualTo("missing coordinates");
        assertThat(reasons.get(5)).startsWith("coordinates out of range");
        assertThat(reasons.get(6)).contains("(0, 0)");
        assertThat(reasons.get(7)).startsWith("bad time");
        assertThat(reasons.get(8)).isEqualTo("unknown category '9999'");
        assertThat(reasons.get(9)).isEqualTo("duplicate case number A1 within the file (first at line 2)");
        assertThat(reasons.get(11)).contains("before reported_at");
        assertThat(reasons.get(12)).contains("has 3 fields");
        assertThat(jdbc.queryForObject("SELECT status || '/' || source || '/' || reported_at::text FROM violation WHERE case_no = 'A7'",
                String.class)).isEqualTo("closed/patrol/2025-03-02 00:00:00+00");
        assertThat(jdbc.queryForObject("SELECT address FROM violation WHERE case_no = 'A1'", String.class)).isEqualTo("福田区\n华强北路 1号");
    }

    @Test
    void aFileBrokenHalfwayLeavesNothingBehind() {
        String file = HEADER + "B1,0501,patrol,closed,2025-03-01T18:22:00+08:00,,,114.05,22.54,,1\n"
                + "B2,0501,patrol,closed,2025-03-01T18:22:00+08:00,,,114.05,22.54,\"never closed,1\n";
        assertThatThrownBy(() -> importText(file, "csv", null, null))
                .isInstanceOf(ImportException.class).hasMessageContaining("line 3");
        assertThat(count("SELECT count(*) FROM violation")).isZero();
        assertThat(count("SELECT count(*) FROM import_run")).isZero();
    }

    @Test
    void aChangedCaseIsUpdatedAndAnUnchangedOneIsADuplicate() {
        String v1 = HEADER + "C1,0501,patrol,registered,2025-03-01T18:22:00+08:00,,,114.05,22.54,,1\n"
                + "C2,0505,camera,registered,2025-03-01T09:00:00+08:00,,,114.06,22.55,,1\n";
        importText(v1, "csv", null, null);
        String v2 = HEADER + "C1,0501,patrol,closed,2025-03-01T18:22:00+08:00,2025-03-01T20:00:00+08:00,,114.05,22.54,,1\n"
                + "C2,0505,camera,registered,2025-03-01T09:00:00+08:00,,,114.06,22.55,,1\n"
                + "C3,0505,camera,registered,2025-03-01T09:00:00+08:00,,,114.06,22.55,,1\n";
        ImportReport r = importText(v2, "csv", null, null);
        assertThat(List.of(r.rowsRead(), r.accepted(), r.inserted(), r.updated(), r.duplicates())).containsExactly(3, 2, 1, 1, 1);
        assertThat(jdbc.queryForObject("SELECT status FROM violation WHERE case_no = 'C1'", String.class)).isEqualTo("closed");
        // The update logged the bucket the case left, for incremental aggregation.
        assertThat(count("SELECT count(*) FROM violation_change")).isOne();
    }

    @Test
    void gcj02AndBd09AreStoredAsWgs84() {
        double[] gcj = ChinaCoordinates.wgs84ToGcj02(114.0579, 22.5431);
        double[] bd = ChinaCoordinates.wgs84ToBd09(114.0579, 22.5431);
        importText(HEADER + "G1,0501,app,registered,2025-03-01T18:22:00+08:00,,," + gcj[0] + "," + gcj[1] + ",,1\n", "csv", "gcj02", null);
        importText(HEADER + "G2,0501,app,registered,2025-03-01T18:22:00+08:00,,," + bd[0] + "," + bd[1] + ",,1\n", "csv", "bd09", null);
        for (String no : List.of("G1", "G2")) {
            Map<String, Object> p = jdbc.queryForMap("SELECT ST_X(geom) x, ST_Y(geom) y FROM violation WHERE case_no = ?", no);
            assertThat((Double) p.get("x")).isCloseTo(114.0579, within(1e-6));
            assertThat((Double) p.get("y")).isCloseTo(22.5431, within(1e-6));
        }
    }

    @Test
    void gaussKrugerEastingNorthingIsTransformedWithGeoTools() {
        // Expected values from GDAL/PROJ: gdaltransform -s_srs EPSG:4547 -t_srs EPSG:4326 -output_xy
        ImportReport r = importText(HEADER + "K1,0501,app,registered,2025-03-01T18:22:00+08:00,,,412345.6,2523456.7,,1\n"
                + "K2,0501,app,registered,2025-03-01T18:22:00+08:00,,,500000,2500000,,1\n", "csv", "EPSG:4547", null);
        assertThat(r.accepted()).isEqualTo(2);
        Map<String, Object> k1 = jdbc.queryForMap("SELECT ST_X(geom) x, ST_Y(geom) y FROM violation WHERE case_no = 'K1'");
        assertThat((Double) k1.get("x")).isCloseTo(113.146252125283, within(1e-7));
        assertThat((Double) k1.get("y")).isCloseTo(22.8073548434376, within(1e-7));
        Map<String, Object> k2 = jdbc.queryForMap("SELECT ST_X(geom) x, ST_Y(geom) y FROM violation WHERE case_no = 'K2'");
        assertThat((Double) k2.get("x")).isCloseTo(114.0, within(1e-9));
        assertThat((Double) k2.get("y")).isCloseTo(22.5978229066729, within(1e-7));
    }

    @Test
    void geojsonFeaturesImportWithTheirLines() {
        String geojson = """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [114.05, 22.54]},
                   "properties": {"case_no": "J1", "category_code": "0510", "source": "patrol", "status": "closed",
                                  "reported_at": "2025-06-01T21:00:00+08:00"}},
                  {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[114.05, 22.54], [114.06, 22.55]]},
                   "properties": {"case_no": "J2", "category_code": "0510", "reported_at": "2025-06-01T21:00:00+08:00"}},
                  {"type": "Feature", "geometry": null, "properties": {"case_no": "J3"}}
                ]}
                """;
        ImportReport r = importText(geojson, "geojson", null, null);
        assertThat(r.accepted()).isOne();
        assertThat(r.rejections()).extracting(Rejection::line).containsExactly(5, 7);
        assertThat(r.rejections().get(0).reason()).contains("LineString");
        assertThat(r.rejections().get(1).reason()).contains("no geometry");
    }

    @Test
    void open311RequestsImport() {
        String json = """
                [
                  {"service_request_id": "311-1", "status": "open", "service_code": "0501", "service_name": "游商",
                   "requested_datetime": "2025-06-01T21:00:00+08:00", "lat": 22.54, "long": 114.05, "address": "福田"},
                  {"service_request_id": "311-2", "status": "closed", "service_code": "0505",
                   "requested_datetime": "2025-06-01T08:00:00+08:00", "updated_datetime": "2025-06-01T10:00:00+08:00",
                   "lat": 22.55, "long": 114.06},
                  {"service_request_id": "311-3", "status": "pending", "service_code": "0505",
                   "requested_datetime": "2025-06-01T08:00:00+08:00", "lat": 22.55, "long": 114.06}
                ]
                """;
        ImportReport r = importText(json, "open311", null, null);
        assertThat(r.accepted()).isEqualTo(2);
        assertThat(r.rejections()).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(7);
            assertThat(x.reason()).isEqualTo("unknown status 'pending'");
        });
        assertThat(jdbc.queryForObject("SELECT attrs->>'service_name' FROM violation WHERE case_no = '311-1'", String.class)).isEqualTo("游商");
    }

    @Test
    void invalidJsonIsRefusedWithItsLine() {
        assertThatThrownBy(() -> importText("[\n{\"service_request_id\": \"x\",\n oops}\n]", "open311", null, null))
                .isInstanceOf(ImportException.class).hasMessageStartingWith("line 3");
        assertThat(count("SELECT count(*) FROM import_run")).isZero();
    }
}
