package cn.cg.api.suggestion;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The planners' layers in PostGIS: existing facilities, proposed sites, and the exclusion test. */
@Component
class SiteLayers {

    /** Keep-out buffers per kind of stored zone, in metres. */
    record Buffers(double schoolM, double hospitalM, double arterialRoadM, double customM) {
    }

    private final JdbcTemplate jdbc;

    SiteLayers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Candidate> existing(String kind, double[] bbox) {
        return jdbc.query(SuggestionSql.EXISTING, (rs, i) -> new Candidate("station:" + rs.getLong(1), rs.getString(2),
                "station", rs.getDouble(3), rs.getDouble(4), (Integer) rs.getObject(5), true), kind, bbox[0], bbox[1], bbox[2], bbox[3]);
    }

    List<Candidate> proposed(String kind, double[] bbox) {
        return jdbc.query(SuggestionSql.CANDIDATES, (rs, i) -> new Candidate("candidate:" + rs.getLong(1), rs.getString(2),
                "candidate_site", rs.getDouble(3), rs.getDouble(4), (Integer) rs.getObject(5), false), kind, bbox[0], bbox[1], bbox[2], bbox[3]);
    }

    /**
     * For each candidate inside an exclusion zone's buffer, the zone ("school: 实验小学"), by candidate
     * index. {@code storedZones = false} tests the request's zones only.
     */
    Map<Integer, String> excluded(List<Candidate> candidates, boolean storedZones, Buffers b, List<GeoJsonInput.Zone> custom) {
        Map<Integer, String> out = new LinkedHashMap<>();
        if (candidates.isEmpty()) {
            return out;
        }
        Double[] lon = candidates.stream().map(Candidate::lon).toArray(Double[]::new);
        Double[] lat = candidates.stream().map(Candidate::lat).toArray(Double[]::new);
        String[] wkt = custom.stream().map(GeoJsonInput.Zone::wkt).toArray(String[]::new);
        String[] names = custom.stream().map(GeoJsonInput.Zone::name).toArray(String[]::new);
        Double[] buffers = custom.stream().map(z -> z.bufferM() == null ? b.customM() : z.bufferM()).toArray(Double[]::new);
        jdbc.execute((java.sql.Connection con) -> {
            try (PreparedStatement ps = con.prepareStatement(SuggestionSql.EXCLUDED)) {
                ps.setArray(1, con.createArrayOf("float8", lon));
                ps.setArray(2, con.createArrayOf("float8", lat));
                ps.setBoolean(3, storedZones);
                ps.setDouble(4, b.schoolM());
                ps.setDouble(5, b.hospitalM());
                ps.setDouble(6, b.arterialRoadM());
                ps.setDouble(7, b.customM());
                ps.setArray(8, con.createArrayOf("text", wkt));
                ps.setArray(9, con.createArrayOf("text", names));
                ps.setArray(10, con.createArrayOf("float8", buffers));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getInt(1) - 1, rs.getString(2) + ": " + rs.getString(3));
                    }
                }
            }
            return null;
        });
        return out;
    }

    static List<String> kinds(Map<Integer, String> excluded) {
        List<String> k = new ArrayList<>();
        for (String v : excluded.values()) {
            k.add(v.substring(0, v.indexOf(':')));
        }
        return k;
    }
}
