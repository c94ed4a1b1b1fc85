package cn.cg.api.feature;

import cn.cg.api.system.CgProperties;
import cn.cg.api.system.InvalidParameterException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Serves every {@link FeatureCollection} bean: checks the common parameters (bbox, datetime, limit,
 * offset, f) and the collection's own, refuses unknown ones (OGC API - Features asks for a 400), and
 * pages through the collection's rows ordered by id.
 */
@Service
class FeatureCollections {

    static final Set<String> COMMON = Set.of("bbox", "datetime", "limit", "offset", "f");

    /** One page of features: each with id, geometry (GeoJSON text), WKT and the properties in order. */
    record Page(long matched, List<Item> items) {
    }

    record Item(Object id, String geojson, String wkt, Map<String, Object> properties) {
    }

    record Request(double[] bbox, Interval datetime, int limit, long offset) {
    }

    private final Map<String, FeatureCollection> byId = new LinkedHashMap<>();
    private final JdbcTemplate jdbc;
    private final CgProperties.Features settings;

    FeatureCollections(List<FeatureCollection> collections, JdbcTemplate jdbc, CgProperties properties) {
        collections.stream().sorted(Comparator.comparing(FeatureCollection::id)).forEach(c -> byId.put(c.id(), c));
        this.jdbc = jdbc;
        this.settings = properties.features();
    }

    List<FeatureCollection> all() {
        return List.copyOf(byId.values());
    }

    FeatureCollection get(String id) {
        FeatureCollection c = byId.get(id);
        if (c == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no collection '" + id + "'; see /api/v1/collections");
        }
        return c;
    }

    Request request(FeatureCollection c, Map<String, String> params) {
        Set<String> allowed = new TreeSet<>(COMMON);
        allowed.addAll(c.parameters());
        for (String p : params.keySet()) {
            if (!allowed.contains(p)) {
                throw new InvalidParameterException(p, "unknown parameter for collection " + c.id() + "; known: " + String.join(", ", allowed));
            }
        }
        Interval datetime = Interval.parse(params.get("datetime"));
        if (datetime != null && !c.temporal()) {
            throw new InvalidParameterException("datetime", "collection " + c.id() + " has no time dimension");
        }
        int limit = (int) Math.min(settings.maxLimit(), integer(params, "limit", settings.defaultLimit(), 1));
        long offset = integer(params, "offset", 0, 0);
        return new Request(bbox(params.get("bbox")), datetime, limit, offset);
    }

    Page page(FeatureCollection c, Request r, Map<String, String> params) {
        FeatureCollection.Source s = c.source(r.datetime(), params);
        boolean bbox = r.bbox() != null;
        List<Object> binds = new ArrayList<>(s.binds());
        if (bbox) {
            for (int k = 0; k < 2; k++) {
                for (double v : r.bbox()) {
                    binds.add(v);
                }
            }
        }
        Long matched = jdbc.queryForObject(FeatureSql.count(s.sql(), bbox), Long.class, binds.toArray());
        binds.add(r.limit());
        binds.add(r.offset());
        List<Item> items = jdbc.query(FeatureSql.items(s.sql(), bbox), (rs, i) -> item(c, rs), binds.toArray());
        return new Page(matched == null ? 0 : matched, items);
    }

    private static Item item(FeatureCollection c, ResultSet rs) throws SQLException {
        Map<String, Object> props = new LinkedHashMap<>();
        for (String p : c.properties()) {
            Object v = rs.getObject(p);
            if (v instanceof java.math.BigDecimal d) {
                v = d.doubleValue();
            } else if (v instanceof java.util.Date || v instanceof java.time.temporal.Temporal) {
                v = v.toString();
            }
            props.put(p, v);
        }
        return new Item(rs.getObject("id"), rs.getString("geojson"), rs.getString("wkt"), props);
    }

    private static long integer(Map<String, String> params, String name, long fallback, long min) {
        String v = params.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < min) {
                throw new InvalidParameterException(name, name + " must be at least " + min);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, "'" + v + "' is not a whole number");
        }
    }

    /** minLon,minLat,maxLon,maxLat in CRS84; the OGC bbox with six numbers (heights) is not supported. */
    static double[] bbox(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] parts = value.split(",");
        if (parts.length != 4) {
            throw new InvalidParameterException("bbox", "bbox has four numbers: minLon,minLat,maxLon,maxLat");
        }
        double[] b = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                b[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InvalidParameterException("bbox", "'" + parts[i] + "' is not a number");
            }
        }
        if (!(b[0] >= -180 && b[2] <= 180 && b[1] >= -90 && b[3] <= 90)) {
            throw new InvalidParameterException("bbox", "bbox is outside longitude -180..180, latitude -90..90");
        }
        if (!(b[0] <= b[2] && b[1] <= b[3])) {
            throw new InvalidParameterException("bbox", "bbox minimum must not exceed its maximum (minLon,minLat,maxLon,maxLat)");
        }
        return b;
    }
}
