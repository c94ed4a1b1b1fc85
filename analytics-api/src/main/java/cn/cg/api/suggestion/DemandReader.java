package cn.cg.api.suggestion;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the cases of a run into a {@link DemandGrid}: one streamed query over {@code violation}, H3 in
 * Java. Why not the aggregate tables: {@code agg_cell} has no hour of day per cell, and the evening
 * weighting needs it; and the answer should not wait for the next aggregation run. Why streaming and
 * not a GROUP BY: see {@link SuggestionSql#DEMAND}.
 *
 * <p>The last few grids are cached by (data version, categories, period, bbox): scenarios in a meeting
 * vary p, radius, spacing and evening weight, which all reuse one grid. A new case changes the data
 * version, so a cached grid is never stale.
 */
@Component
class DemandReader {

    record Key(String dataVersion, Set<String> categories, OffsetDateTime from, OffsetDateTime to, double[] bbox,
               int offsetSeconds) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.dataVersion.equals(dataVersion) && k.categories.equals(categories)
                    && k.from.equals(from) && k.to.equals(to) && java.util.Arrays.equals(k.bbox, bbox)
                    && k.offsetSeconds == offsetSeconds;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(dataVersion, categories, from, to, java.util.Arrays.hashCode(bbox), offsetSeconds);
        }
    }

    private static final int CACHED = 4;

    private final JdbcTemplate jdbc;
    private final Map<Key, DemandGrid> cache = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, DemandGrid> eldest) {
            return size() > CACHED;
        }
    };

    DemandReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    String dataVersion() {
        return jdbc.queryForObject(SuggestionSql.DATA_VERSION, String.class);
    }

    DemandGrid read(Key key) {
        synchronized (cache) {
            DemandGrid cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        DemandGrid grid = jdbc.execute((java.sql.Connection con) -> {
            // Streaming needs a transaction and a fetch size with the PostgreSQL driver.
            boolean auto = con.getAutoCommit();
            con.setAutoCommit(false);
            try (PreparedStatement ps = con.prepareStatement(SuggestionSql.DEMAND)) {
                ps.setFetchSize(20_000);
                Array codes = con.createArrayOf("varchar", key.categories().toArray());
                ps.setInt(1, key.offsetSeconds());
                ps.setArray(2, codes);
                ps.setObject(3, key.from());
                ps.setObject(4, key.to());
                for (int k = 0; k < 4; k++) {
                    ps.setDouble(5 + k, key.bbox()[k]);
                }
                DemandGrid g = new DemandGrid();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        g.add(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getInt(4));
                    }
                }
                con.commit();
                return g;
            } finally {
                con.setAutoCommit(auto);
            }
        });
        synchronized (cache) {
            cache.put(key, grid);
        }
        return grid;
    }
}
