package cn.cg.spark.hotspot;

import cn.cg.geo.demo.DemoCase;
import cn.cg.geo.demo.DemoCaseGenerator;
import cn.cg.geo.demo.DemoCity;
import cn.cg.geo.demo.DemoLayers;
import cn.cg.geo.grid.H3Cells;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;

/**
 * The hotspot fixture: aggregates as the aggregation job serves them, for the demo city's 福田区 (30,000
 * cases of {@code DemoCity.shenzhen(20250101)}, case seed 20250101; those in 福田区 in January-June 2025),
 * resolutions 7-9, month and week buckets, and the district's study cells (with their boundaries in h3_cell). The files in
 * {@code src/test/resources/hotspot-fixture/} are the one input of both {@link HotspotJobIT} and the API's
 * HotspotApiIT. Regenerate with {@code -Dhotspot.fixture.write=true -Dtest=HotspotFixture}.
 */
public class HotspotFixture {

    static final Path DIR = repositoryRoot().resolve("spark-jobs/src/test/resources/hotspot-fixture");
    static final Path AGG_CELL = DIR.resolve("agg-cell.csv");
    static final Path STUDY_CELL = DIR.resolve("study-cell.csv");
    /** The job's output for the fixture (k auto, binary, FDR), recorded by HotspotJobIT. */
    static final Path JOB_OUTPUT = DIR.resolve("job-output.csv");
    static final Path JOB_EMERGING = DIR.resolve("job-emerging.csv");

    static final long SEED = 20250101L;
    static final String DISTRICT = "福田区";

    @Test
    @EnabledIfSystemProperty(named = "hotspot.fixture.write", matches = "true")
    void write() throws IOException {
        DemoCity city = DemoCity.shenzhen(SEED);
        DemoLayers.District futian = city.districts().stream().filter(d -> d.name().equals(DISTRICT)).findFirst()
            .orElseThrow();
        Map<String, Integer> counts = new TreeMap<>();
        DemoCaseGenerator cases = new DemoCaseGenerator(city, SEED, 30_000);
        int kept = 0;
        while (cases.hasNext()) {
            DemoCase c = cases.next();
            LocalDate day = c.reportedAt().toLocalDate();
            if (day.getMonthValue() > 6 || !DISTRICT.equals(city.districtAt(c.lon(), c.lat()))) {
                continue;
            }
            kept++;
            long finest = H3Cells.finestCell(c.lat(), c.lon());
            LocalDate month = day.withDayOfMonth(1);
            LocalDate week = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            for (int res = 7; res <= 9; res++) {
                long cell = H3Cells.parentOf(finest, res);
                counts.merge(res + "," + cell + "," + c.categoryCode() + ",month," + month, 1, Integer::sum);
                counts.merge(res + "," + cell + "," + c.categoryCode() + ",week," + week, 1, Integer::sum);
            }
        }
        Files.createDirectories(DIR);
        try (Writer w = Files.newBufferedWriter(AGG_CELL, StandardCharsets.UTF_8)) {
            w.write("resolution,cell,category_code,bucket,bucket_start,cases\n");
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                w.write(e.getKey() + "," + e.getValue() + "\n");
            }
        }
        SortedSet<String> study = new TreeSet<>();
        for (int res = 7; res <= 9; res++) {
            for (long cell : H3Cells.get().cover(futian.geom(), res)) {
                study.add(res + "," + cell);
            }
        }
        try (Writer w = Files.newBufferedWriter(STUDY_CELL, StandardCharsets.UTF_8)) {
            w.write("resolution,cell\n");
            for (String s : study) {
                w.write(s + "\n");
            }
        }
        System.out.printf("fixture: %d cases in %s, %d count rows, %d study cells%n", kept, DISTRICT, counts.size(),
            study.size());
    }

    /**
     * A fresh schema of its own in the test database (the database is shared: this test touches only
     * that schema), with every migration of sql/ applied in version order; returns the JDBC URL that
     * works in it. (Flyway is not used here: its Jackson 3 clashes with Spark's Jackson 2 annotations.)
     */
    static String privateSchemaUrl(String schema) throws SQLException, IOException {
        String base = System.getProperty("cg.db.url", "jdbc:postgresql://127.0.0.1:55432/cg_test?user=cg");
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
        List<Path> migrations;
        try (var files = Files.list(repositoryRoot().resolve("sql/src/main/resources/db/migration"))) {
            migrations = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                .sorted(Comparator.comparingInt(f -> Integer.parseInt(f.getFileName().toString().split("__")[0].substring(1))))
                .toList();
        }
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            // PostGIS belongs in public: created from inside this schema it would land here, and the
            // other tests of the shared database would lose the geometry type when the schema goes.
            st.execute("CREATE EXTENSION IF NOT EXISTS postgis SCHEMA public");
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            st.execute("CREATE SCHEMA " + schema);
            for (Path m : migrations) {
                st.execute(Files.readString(m));
            }
        }
        return url;
    }

    /**
     * Loads the fixture as one served aggregation run (replacing any aggregates of the schema) with the
     * cell boundaries in h3_cell. Returns the run id.
     */
    static long load(String url) throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("TRUNCATE agg_current, agg_run, agg_cell, agg_study_cell, hotspot_current, hotspot_run, "
                    + "hotspot_cell, hotspot_emerging, hotspot_group CASCADE");
                st.execute("INSERT INTO agg_run (mode, status, time_zone, finished_at) "
                    + "VALUES ('full', 'succeeded', 'Asia/Shanghai', clock_timestamp())");
            }
            long run;
            try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT max(run_id) FROM agg_run")) {
                rs.next();
                run = rs.getLong(1);
            }
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TEMP TABLE fixture_cell (resolution smallint, cell bigint, category_code varchar(8), "
                    + "bucket varchar(5), bucket_start date, cases integer) ON COMMIT DROP");
                st.execute("CREATE TEMP TABLE fixture_study (resolution smallint, cell bigint) ON COMMIT DROP");
            }
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            try (Reader r = Files.newBufferedReader(AGG_CELL, StandardCharsets.UTF_8)) {
                copy.copyIn("COPY fixture_cell FROM STDIN (FORMAT csv, HEADER true)", r);
            }
            try (Reader r = Files.newBufferedReader(STUDY_CELL, StandardCharsets.UTF_8)) {
                copy.copyIn("COPY fixture_study FROM STDIN (FORMAT csv, HEADER true)", r);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO agg_cell (resolution, cell, category_code, "
                + "bucket, bucket_start, cases, valid_from) SELECT *, ? FROM fixture_cell")) {
                ps.setLong(1, run);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO agg_study_cell (resolution, cell, valid_from) SELECT *, ? FROM fixture_study")) {
                ps.setLong(1, run);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO h3_cell (cell, resolution, geom) "
                + "VALUES (?, ?, ST_GeomFromText(?, 4326)) ON CONFLICT (cell) DO NOTHING")) {
                for (String line : Files.readAllLines(STUDY_CELL).subList(1, Files.readAllLines(STUDY_CELL).size())) {
                    long cell = Long.parseLong(line.split(",")[1]);
                    ps.setLong(1, cell);
                    ps.setInt(2, H3Cells.get().resolution(cell));
                    ps.setString(3, H3Cells.get().boundary(cell).toText());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO agg_current (run_id, base_run_id) VALUES (?, ?)")) {
                ps.setLong(1, run);
                ps.setLong(2, run);
                ps.executeUpdate();
            }
            c.commit();
            return run;
        }
    }

    static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("testdata"))) {
                return p;
            }
        }
        throw new IllegalStateException("no testdata/ directory above " + Path.of("").toAbsolutePath());
    }
}
