package cn.cg.spark.aggregate;

import cn.cg.geo.demo.DemoCase;
import cn.cg.geo.demo.DemoCaseGenerator;
import cn.cg.geo.demo.DemoCity;
import cn.cg.geo.demo.DemoLayers;
import cn.cg.spark.Jdbc;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Iterator;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Fills violation and admin_area with the demo city (geo-core {@code cn.cg.geo.demo}): its districts as
 * level-district areas and {@code n} generated cases, by COPY. For the benchmark and the demo-data tests.
 */
public final class DemoCityLoader {

    private DemoCityLoader() {
    }

    /** Loads the districts (if admin_area is empty) and {@code n} cases numbered from {@code prefix}. */
    public static long load(String jdbcUrl, long n, long seed) throws SQLException {
        DemoCity city = DemoCity.shenzhen(DemoCity.DEFAULT_SEED);
        try (Connection c = Jdbc.connect(jdbcUrl)) {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM admin_area")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    insertDistricts(c, city);
                }
            }
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY violation (case_no, category_code, source, status, reported_at, closed_at, deadline_at, geom, "
                    + "address) FROM STDIN (FORMAT csv)");
            long rows = 0;
            StringBuilder sb = new StringBuilder(1 << 16);
            for (Iterator<DemoCase> it = new DemoCaseGenerator(city, seed, n); it.hasNext(); rows++) {
                DemoCase d = it.next();
                sb.append(d.caseNo()).append(',').append(d.categoryCode()).append(',').append(d.source()).append(',')
                    .append(d.status()).append(',').append(d.reportedAt()).append(',').append(ts(d.closedAt()))
                    .append(',').append(d.deadlineAt()).append(",SRID=4326;POINT(").append(d.lon()).append(' ')
                    .append(d.lat()).append("),");
                if (d.address() != null) {
                    sb.append('"').append(d.address().replace("\"", "\"\"")).append('"');
                }
                sb.append('\n');
                if (sb.length() > 60_000) {
                    byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(b, 0, b.length);
                    sb.setLength(0);
                }
            }
            byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(b, 0, b.length);
            copy.endCopy();
            return rows;
        }
    }

    private static String ts(OffsetDateTime t) {
        return t == null ? "" : t.toString();
    }

    private static void insertDistricts(Connection c, DemoCity city) throws SQLException {
        WKBWriter wkb = new WKBWriter();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO admin_area (level, code, name, geom) "
            + "VALUES ('district', ?, ?, ST_Multi(ST_SetSRID(ST_GeomFromWKB(?), 4326)))")) {
            int i = 1;
            for (DemoLayers.District d : city.districts()) {
                ps.setString(1, String.format("4403%02d", i++));
                ps.setString(2, d.name());
                ps.setBytes(3, wkb.write(d.geom()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
