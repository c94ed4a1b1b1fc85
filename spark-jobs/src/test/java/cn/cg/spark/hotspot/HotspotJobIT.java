package cn.cg.spark.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cg.geo.hotspot.EmergingCell;
import cn.cg.geo.hotspot.EmergingHotSpots;
import cn.cg.geo.hotspot.EmergingOptions;
import cn.cg.geo.hotspot.GiStar;
import cn.cg.geo.hotspot.HotspotCell;
import cn.cg.geo.hotspot.HotspotOptions;
import cn.cg.geo.hotspot.HotspotScale;
import cn.cg.geo.hotspot.ScaleChoice;
import cn.cg.spark.SparkTestSession;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hotspot job on the fixture (demo city 福田区, resolutions 7-9, January-June 2025) in a schema of its
 * own: its numbers equal geo-core's GiStar / HotspotScale / EmergingHotSpots run directly on the same
 * aggregates read back with plain SQL; it switches whole runs; and its output is recorded in
 * {@code hotspot-fixture/job-output.csv}, which the API's HotspotApiIT compares the API with.
 */
class HotspotJobIT {

    static final String SCHEMA = "cg_hotspot_job_it";
    static final List<String> SETS = List.of("all", "vendor");
    static final List<LocalDate> MONTHS = HotspotTransforms.months(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 1));

    static SparkSession spark;
    static String url;
    static HotspotRunSummary first;

    @BeforeAll
    static void runJob() throws Exception {
        url = HotspotFixture.privateSchemaUrl(SCHEMA);
        HotspotFixture.load(url);
        spark = SparkTestSession.get();
        first = HotspotJob.run(spark, HotspotConfig.of(url).withPartitions(2));
    }

    @Test
    void everyGroupIsAnalysed() throws SQLException {
        // 3 resolutions x 2 category sets x 6 months of Gi*, and 3 x 2 emerging groups.
        assertThat(first.groups()).isEqualTo(3 * 2 * 6 + 3 * 2);
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(scalar(c, "SELECT count(*) FROM hotspot_group_current WHERE period = 'month'")).isEqualTo(36);
            assertThat(scalar(c, "SELECT count(*) FROM hotspot_group_current WHERE period = 'emerging' AND steps = 6"))
                .isEqualTo(6);
            // Every study cell of a resolution is in every month group of it (zeros included).
            assertThat(scalar(c, "SELECT count(*) FROM hotspot_cell_current h WHERE resolution = 9 AND category_set = "
                + "'vendor' AND period_start = '2025-03-01'"))
                .isEqualTo(scalar(c, "SELECT count(*) FROM agg_study_cell WHERE resolution = 9"));
            assertThat(scalar(c, "SELECT count(*) FROM hotspot_cell_current WHERE bin <> 0")).isPositive();
            assertThat(scalar(c, "SELECT count(*) FROM hotspot_emerging_current WHERE pattern <> 0")).isPositive();
        }
    }

    @Test
    void giStarEqualsGeoCoreOnTheSameInput() throws SQLException {
        int compared = 0;
        int significant = 0;
        try (Connection c = DriverManager.getConnection(url)) {
            for (int res = 7; res <= 9; res++) {
                for (String set : SETS) {
                    for (LocalDate month : MONTHS) {
                        TreeMap<Long, Double> input = input(c, res, set, "month", month, month.plusMonths(1));
                        ScaleChoice scale = HotspotScale.choose(input, HotspotConfig.DEFAULT_AUTO_K_MAX);
                        List<HotspotCell> direct = GiStar.analyse(input, HotspotOptions.ofK(scale.k()).withFdr(true));
                        Map<String, Object> group = group(c, res, set, "month", month);
                        assertThat(group.get("k")).as("k of %d %s %s", res, set, month).isEqualTo(scale.k());
                        assertThat(group.get("k_reason")).isEqualTo(scale.reason());
                        Map<Long, double[]> job = jobCells(c, res, set, month);
                        assertThat(job).hasSize(direct.size());
                        for (HotspotCell d : direct) {
                            double[] j = job.get(d.cell());
                            assertThat(j[0]).isEqualTo(d.value());
                            assertSame(j[1], d.z());
                            assertSame(j[2], d.p());
                            assertThat((int) j[3]).isEqualTo(d.bin());
                            compared++;
                            significant += d.bin() != 0 ? 1 : 0;
                        }
                    }
                }
            }
        }
        System.out.printf("HotspotJobIT: %d cell results equal geo-core's, %d of them in a significant bin%n",
            compared, significant);
        assertThat(significant).isPositive();
    }

    @Test
    void emergingEqualsGeoCoreOnTheSameInput() throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            for (int res = 7; res <= 9; res++) {
                for (String set : SETS) {
                    List<Map<Long, Double>> steps = new ArrayList<>();
                    TreeMap<Long, Double> total = input(c, res, set, "month", MONTHS.get(0), LocalDate.of(2025, 7, 1));
                    for (LocalDate m : MONTHS) {
                        TreeMap<Long, Double> step = input(c, res, set, "month", m, m.plusMonths(1));
                        steps.add(step);
                    }
                    ScaleChoice scale = HotspotScale.choose(total, HotspotConfig.DEFAULT_AUTO_K_MAX);
                    List<EmergingCell> direct = new EmergingHotSpots(steps, EmergingOptions.ofK(scale.k())).cells();
                    assertThat(group(c, res, set, "emerging", MONTHS.get(0)).get("k")).isEqualTo(scale.k());
                    Map<Long, Object[]> job = new TreeMap<>();
                    try (PreparedStatement ps = c.prepareStatement("SELECT cell, pattern, label, trend_z, hot_steps, "
                        + "cold_steps FROM hotspot_emerging_current WHERE resolution = ? AND category_set = ?")) {
                        ps.setInt(1, res);
                        ps.setString(2, set);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                job.put(rs.getLong(1), new Object[] {rs.getInt(2), rs.getString(3),
                                    rs.getObject(4) == null ? Double.NaN : rs.getDouble(4), rs.getInt(5), rs.getInt(6)});
                            }
                        }
                    }
                    assertThat(job).hasSize(direct.size());
                    for (EmergingCell d : direct) {
                        Object[] j = job.get(d.cell());
                        assertThat(j[0]).isEqualTo(d.pattern().code());
                        assertThat(j[1]).isEqualTo(d.pattern().label());
                        assertSame((double) j[2], d.trendZ());
                    }
                }
            }
        }
    }

    @Test
    void aSecondRunSwitchesWholeAndKeepsThePreviousReadable() throws Exception {
        long before;
        try (Connection c = DriverManager.getConnection(url)) {
            before = scalar(c, "SELECT run_id FROM hotspot_current");
            // A run that died before its switch: its rows are invisible, and the next run removes them.
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO hotspot_run (run_id, agg_run_id, status, k_setting, auto_k_max, kernel, fdr) "
                    + "VALUES (" + (before + 1000) + ", 1, 'running', '2', 6, 'binary', true)");
                st.execute("INSERT INTO hotspot_cell VALUES (" + (before + 1000) + ", 8, 'all', '2025-03-01', 1, 99, 9, "
                    + "0, 3)");
            }
            assertThat(scalar(c, "SELECT count(*) FROM hotspot_cell_current WHERE value = 99")).isZero();
        }
        HotspotRunSummary second = HotspotJob.run(spark, HotspotConfig.of(url).withK(2).withPartitions(2));
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(scalar(c, "SELECT run_id FROM hotspot_current")).isEqualTo(second.runId());
            assertThat(scalar(c, "SELECT previous_run_id FROM hotspot_current")).isEqualTo(before);
            assertThat(scalar(c, "SELECT count(*) FROM hotspot_cell WHERE run_id = " + (before + 1000))).isZero();
            assertThat(scalar(c, "SELECT status FROM hotspot_run WHERE run_id = " + (before + 1000), String.class))
                .isEqualTo("failed");
            assertThat(scalar(c, "SELECT count(DISTINCT k) FROM hotspot_group_current")).isEqualTo(1);
            assertThat(scalar(c, "SELECT min(k_reason) FROM hotspot_group_current", String.class)).isEqualTo("configured");
            // The previous run's rows stay for readers holding its id.
            assertThat(scalar(c, "SELECT count(*) FROM hotspot_cell WHERE run_id = " + before))
                .isEqualTo(first.cellRows());
            assertThat(second.cellRows()).isEqualTo(first.cellRows());
        }
        // Back to the recorded settings for the other tests, whatever the order.
        first = HotspotJob.run(spark, HotspotConfig.of(url).withPartitions(2));
    }

    /**
     * Compares the job's output with the recording in hotspot-fixture/ (resolution 8 every month, 9 for
     * March, emerging for 8 and 9), or writes it with -Dhotspot.fixture.write=true.
     */
    @Test
    void outputMatchesTheRecordingTheApiIsCheckedAgainst() throws SQLException, IOException {
        List<String> cells = new ArrayList<>();
        List<String> emerging = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT h.resolution, h.category_set, h.period_start, g.k, h.cell, "
                + "h.value, h.z, h.p, h.bin FROM hotspot_cell_current h JOIN hotspot_group_current g USING "
                + "(run_id, resolution, category_set, period_start) WHERE g.period = 'month' AND (h.resolution = 8 OR "
                + "(h.resolution = 9 AND h.period_start = '2025-03-01')) ORDER BY 1, 2, 3, 5")) {
                while (rs.next()) {
                    cells.add(rs.getInt(1) + "," + rs.getString(2) + "," + rs.getDate(3) + "," + rs.getInt(4) + ","
                        + Long.toHexString(rs.getLong(5)) + "," + rs.getDouble(6) + "," + rs.getObject(7) + ","
                        + rs.getObject(8) + "," + rs.getInt(9));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT e.resolution, e.category_set, g.k, e.cell, e.pattern, e.trend_z "
                + "FROM hotspot_emerging_current e JOIN hotspot_group_current g USING (run_id, resolution, category_set) "
                + "WHERE g.period = 'emerging' AND e.resolution IN (8, 9) ORDER BY 1, 2, 4")) {
                while (rs.next()) {
                    emerging.add(rs.getInt(1) + "," + rs.getString(2) + "," + rs.getInt(3) + ","
                        + Long.toHexString(rs.getLong(4)) + "," + rs.getInt(5) + "," + rs.getObject(6));
                }
            }
        }
        String cellHeader = "resolution,category_set,month,k,h3,value,z,p,bin";
        String emergingHeader = "resolution,category_set,k,h3,pattern,trend_z";
        if (Boolean.getBoolean("hotspot.fixture.write")) {
            write(HotspotFixture.JOB_OUTPUT, cellHeader, cells);
            write(HotspotFixture.JOB_EMERGING, emergingHeader, emerging);
        }
        List<String> recorded = Files.readAllLines(HotspotFixture.JOB_OUTPUT);
        assertThat(recorded.get(0)).isEqualTo(cellHeader);
        assertThat(recorded.subList(1, recorded.size())).containsExactlyElementsOf(cells);
        List<String> recordedEm = Files.readAllLines(HotspotFixture.JOB_EMERGING);
        assertThat(recordedEm.subList(1, recordedEm.size())).containsExactlyElementsOf(emerging);
    }

    // ------------------------------------------------------------------ plain SQL, independent of the job

    /** Study cells of the resolution at 0, plus the set's cases summed over [from, to). */
    static TreeMap<Long, Double> input(Connection c, int res, String set, String bucket, LocalDate from, LocalDate to)
        throws SQLException {
        TreeMap<Long, Double> m = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT cell FROM agg_study_cell_current WHERE resolution = ?")) {
            ps.setInt(1, res);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.put(rs.getLong(1), 0.0);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT a.cell, sum(a.cases) FROM agg_cell_current a "
            + "JOIN category k ON k.code = a.category_code WHERE a.resolution = ? AND a.bucket = ? "
            + "AND a.bucket_start >= ? AND a.bucket_start < ? AND (? = 'all' OR k.vendor_related) GROUP BY a.cell")) {
            ps.setInt(1, res);
            ps.setString(2, bucket);
            ps.setObject(3, from);
            ps.setObject(4, to);
            ps.setString(5, set);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.merge(rs.getLong(1), rs.getDouble(2), Double::sum);
                }
            }
        }
        return m;
    }

    private static Map<Long, double[]> jobCells(Connection c, int res, String set, LocalDate month) throws SQLException {
        Map<Long, double[]> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT cell, value, z, p, bin FROM hotspot_cell_current "
            + "WHERE resolution = ? AND category_set = ? AND period_start = ?")) {
            ps.setInt(1, res);
            ps.setString(2, set);
            ps.setObject(3, month);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new double[] {rs.getDouble(2),
                        rs.getObject(3) == null ? Double.NaN : rs.getDouble(3),
                        rs.getObject(4) == null ? Double.NaN : rs.getDouble(4), rs.getInt(5)});
                }
            }
        }
        return out;
    }

    private static Map<String, Object> group(Connection c, int res, String set, String period, LocalDate start)
        throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT k, k_reason, cells FROM hotspot_group_current "
            + "WHERE resolution = ? AND category_set = ? AND period = ? AND period_start = ?")) {
            ps.setInt(1, res);
            ps.setString(2, set);
            ps.setString(3, period);
            ps.setObject(4, start);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("group %d %s %s %s", res, set, period, start).isTrue();
                return Map.of("k", rs.getInt(1), "k_reason", rs.getString(2), "cells", rs.getInt(3));
            }
        }
    }

    /** Equal to the last bit (both are the same double computed the same way), NaN for NaN. */
    private static void assertSame(double job, double direct) {
        if (Double.isNaN(direct)) {
            assertThat(job).isNaN();
        } else {
            assertThat(job).isEqualTo(direct);
        }
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        return scalar(c, sql, Long.class);
    }

    private static <T> T scalar(Connection c, String sql, Class<T> type) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1, type);
        }
    }

    private static void write(java.nio.file.Path file, String header, List<String> lines) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(header + "\n");
            for (String l : lines) {
                w.write(l + "\n");
            }
        }
    }
}
