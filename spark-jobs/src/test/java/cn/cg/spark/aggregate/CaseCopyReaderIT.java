package cn.cg.spark.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cg.geo.grid.H3Cells;
import cn.cg.spark.SparkTestSession;
import cn.cg.spark.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The binary COPY reader against the driver's own decoding: the same cases read with a plain JDBC query
 * (text protocol, timestamps parsed by pgjdbc) and located by the same rule must give equal rows. The cases
 * probe what binary decoding can get wrong: microseconds, instants before PostgreSQL's epoch 2000-01-01
 * (negative microseconds), instants before 1970, missing closing times and deadlines, void cases left
 * out, and ids spread over several ranges.
 */
class CaseCopyReaderIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @AfterAll
    static void cleanUp() throws Exception {
        TestDatabase.clear();
    }

    @Test
    void readsWhatAPlainJdbcQueryReadsAndLocatesItAlike() throws Exception {
        TestDatabase.clear();
        TestDatabase.execute("""
            INSERT INTO violation (case_no, category_code, source, status, reported_at, closed_at, deadline_at, geom)
            VALUES
              ('R1', '0501', 'patrol', 'closed', '2025-03-31 23:59:59.999999+08', '2025-04-01 00:00:00.000001+08',
               '2025-04-02 12:00+08', ST_SetSRID(ST_MakePoint(114.0579, 22.5431), 4326)),
              ('R2', '0505', 'hotline', 'registered', '1999-12-31 23:59:59.5+00', NULL, NULL,
               ST_SetSRID(ST_MakePoint(113.9, 22.6), 4326)),
              ('R3', '0501', 'app', 'closed', '1969-07-20 20:17:40.123456+00', '1969-07-21 02:56:15+00', NULL,
               ST_SetSRID(ST_MakePoint(-122.4194, 37.7749), 4326)),
              ('R4', '0505', 'camera', 'void', '2025-01-01 10:00+08', NULL, NULL,
               ST_SetSRID(ST_MakePoint(114.1, 22.55), 4326))""");
        // More ids than ranges, so that several COPYs each read a part.
        TestDatabase.execute("""
            INSERT INTO violation (case_no, category_code, source, status, reported_at, closed_at, deadline_at, geom)
            SELECT 'G' || g, CASE WHEN g % 2 = 0 THEN '0501' ELSE '0505' END, 'patrol',
                   CASE WHEN g % 3 = 0 THEN 'closed' ELSE 'dispatched' END,
                   timestamptz '2025-06-01 00:00+08' + g * interval '37 minutes 13.000123 seconds',
                   CASE WHEN g % 3 = 0 THEN timestamptz '2025-06-01 00:00+08' + g * interval '41 minutes' END,
                   CASE WHEN g % 5 = 0 THEN timestamptz '2025-06-02 00:00+08' + g * interval '37 minutes' END,
                   ST_SetSRID(ST_MakePoint(113.8 + g * 0.0007, 22.45 + g * 0.0003), 4326)
            FROM generate_series(1, 500) g""");
        String where = "status <> 'void'";
        long first = TestDatabase.queryLong("SELECT min(id) FROM violation WHERE " + where);
        long last = TestDatabase.queryLong("SELECT max(id) FROM violation WHERE " + where);

        List<Row> read = new ArrayList<>(CaseCopyReader.located(SparkTestSession.get(), TestDatabase.url(), where,
            first, last, 3, SHANGHAI).collectAsList());
        read.sort(Comparator.comparingLong(r -> r.getLong(0)));

        List<Row> expected = new ArrayList<>();
        H3Cells h3 = H3Cells.get();
        try (Connection c = TestDatabase.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
            "SELECT id, category_code, status, reported_at, closed_at, deadline_at, ST_X(geom), ST_Y(geom) "
                + "FROM violation WHERE " + where + " ORDER BY id")) {
            while (rs.next()) {
                expected.add(AggregationTransforms.located(h3, SHANGHAI, rs.getLong(1), rs.getString(2), rs.getString(3),
                    instant(rs, 4), instant(rs, 5), instant(rs, 6), rs.getDouble(7), rs.getDouble(8)));
            }
        }
        assertThat(expected).hasSize(503);
        assertThat(read).isEqualTo(expected);
        // The microsecond before midnight is still March in Shanghai; the handling time is 0 whole seconds.
        Row r1 = read.get(0);
        assertThat(java.time.LocalDate.ofEpochDay(r1.getInt(5))).isEqualTo(java.time.LocalDate.of(2025, 3, 31));
        assertThat(r1.getLong(9)).isZero();
        assertThat(r1.getString(1)).isEqualTo("0501");
        // Before 1970 (negative epoch seconds as well): 6 h 38 min 34.876544 s -> 23,914 whole seconds.
        assertThat(read.get(2).getLong(9)).isEqualTo(23_914L);
    }

    private static Instant instant(ResultSet rs, int column) throws java.sql.SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
