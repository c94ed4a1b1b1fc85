package cn.cg.api.hotspot;

import cn.cg.geo.grid.H3Cells;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;

/** GeoJSON (lon/lat) for H3 cells: the cell polygon from h3-java and the caller's properties. */
final class CellFeatures {

    private CellFeatures() {
    }

    /** A Feature whose id and {@code h3} property are the hex cell id; {@code cell} is the BIGINT. */
    static Map<String, Object> feature(long cell, Map<String, Object> properties) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("h3", Long.toHexString(cell));
        props.put("cell", cell);
        props.putAll(properties);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("id", Long.toHexString(cell));
        f.put("geometry", polygon(cell));
        f.put("properties", props);
        return f;
    }

    static Map<String, Object> collection(Map<String, Object> parameters, List<Map<String, Object>> features) {
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        fc.put("parameters", parameters);
        fc.put("features", features);
        return fc;
    }

    /** NaN and infinities as JSON null. */
    static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Map<String, Object> polygon(long cell) {
        Coordinate[] cs = H3Cells.get().boundary(cell).getCoordinates();
        List<double[]> ring = new ArrayList<>(cs.length);
        for (Coordinate c : cs) {
            ring.add(new double[] {c.x, c.y});
        }
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("type", "Polygon");
        g.put("coordinates", List.of(ring));
        return g;
    }
}
