package cn.cg.api.suggestion;

import cn.cg.api.system.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import tools.jackson.databind.JsonNode;

/**
 * Reads the GeoJSON a planner uploads with a request (WGS-84 lon/lat, RFC 7946): candidate sites as a
 * FeatureCollection of Points, custom exclusion zones as a FeatureCollection of any geometries (usually
 * polygons). Every fault is a 400 naming the parameter and the feature.
 */
final class GeoJsonInput {

    /** A custom exclusion zone from the request, as WKT for PostGIS. */
    record Zone(String name, String wkt, Double bufferM) {
    }

    private GeoJsonInput() {
    }

    static List<Candidate> points(String parameter, JsonNode collection) {
        List<JsonNode> features = features(parameter, collection);
        List<Candidate> out = new ArrayList<>();
        for (int k = 0; k < features.size(); k++) {
            JsonNode f = features.get(k);
            String where = "feature " + k;
            JsonNode g = f.get("geometry");
            if (g == null || !g.isObject() || !"Point".equals(g.path("type").asString(""))) {
                throw new InvalidParameterException(parameter, where + ": geometry must be a Point, found "
                        + (g == null || g.isNull() ? "none" : g.path("type").asString("?")));
            }
            double[] ll = lonLat(parameter, where, g.get("coordinates"));
            JsonNode props = f.path("properties");
            String name = props.path("name").isValueNode() ? text(parameter, where + ": properties.name", props.path("name").asString())
                    : "site " + (k + 1);
            Integer capacity = props.path("capacity").isNumber() ? props.path("capacity").asInt() : null;
            String id = f.path("id").isValueNode() ? text(parameter, where + ": id", f.path("id").asString()) : Integer.toString(k + 1);
            out.add(new Candidate("request:" + id, name, "request", ll[0], ll[1], capacity, false));
        }
        return out;
    }

    /**
     * Free text that will be saved with the answer: PostgreSQL text and jsonb cannot hold the NUL character,
     * so a value with one is the caller's mistake (a 400), not a failed save (a 500).
     */
    static String text(String parameter, String where, String value) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw new InvalidParameterException(parameter, where + " contains a NUL character (0x00), which text cannot hold");
        }
        return value;
    }

    static List<Zone> zones(String parameter, JsonNode collection) {
        List<JsonNode> features = features(parameter, collection);
        List<Zone> out = new ArrayList<>();
        GeoJsonReader reader = new GeoJsonReader();
        for (int k = 0; k < features.size(); k++) {
            JsonNode f = features.get(k);
            String where = "feature " + k;
            JsonNode g = f.get("geometry");
            if (g == null || !g.isObject()) {
                throw new InvalidParameterException(parameter, where + " has no geometry");
            }
            Geometry geom;
            try {
                geom = reader.read(g.toString());
            } catch (ParseException | RuntimeException e) {
                throw new InvalidParameterException(parameter, where + ": not a GeoJSON geometry (" + e.getMessage() + ")");
            }
            if (geom.isEmpty()) {
                throw new InvalidParameterException(parameter, where + ": the geometry is empty");
            }
            for (Coordinate c : geom.getCoordinates()) {
                checkLonLat(parameter, where, c.x, c.y);
            }
            TopologyValidationError error = new IsValidOp(geom).getValidationError();
            if (error != null) {
                throw new InvalidParameterException(parameter, where + ": invalid " + geom.getGeometryType() + " ("
                        + error.getMessage() + " at " + error.getCoordinate() + ")");
            }
            JsonNode props = f.path("properties");
            Double buffer = null;
            if (!props.path("bufferM").isMissingNode() && !props.path("bufferM").isNull()) {
                if (!props.path("bufferM").isNumber() || props.path("bufferM").asDouble() < 0) {
                    throw new InvalidParameterException(parameter, where + ": properties.bufferM must be a number >= 0");
                }
                buffer = props.path("bufferM").asDouble();
            }
            String name = props.path("name").isValueNode() ? text(parameter, where + ": properties.name", props.path("name").asString())
                    : "custom zone " + (k + 1);
            out.add(new Zone(name, geom.toText(), buffer));
        }
        return out;
    }

    /** A FeatureCollection's features; a single Feature is a collection of one. */
    private static List<JsonNode> features(String parameter, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidParameterException(parameter, "must be a GeoJSON FeatureCollection object");
        }
        String type = node.path("type").asString("");
        List<JsonNode> out = new ArrayList<>();
        if (type.equals("Feature")) {
            out.add(node);
        } else if (type.equals("FeatureCollection")) {
            JsonNode fs = node.get("features");
            if (fs == null || !fs.isArray()) {
                throw new InvalidParameterException(parameter, "a FeatureCollection needs a 'features' array");
            }
            for (JsonNode f : fs) {
                if (!f.isObject() || !"Feature".equals(f.path("type").asString(""))) {
                    throw new InvalidParameterException(parameter, "feature " + out.size() + " is not a GeoJSON Feature");
                }
                out.add(f);
            }
        } else {
            throw new InvalidParameterException(parameter, "must be a GeoJSON FeatureCollection, found type '" + type + "'");
        }
        return out;
    }

    private static double[] lonLat(String parameter, String where, JsonNode c) {
        if (c == null || !c.isArray() || c.size() < 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
            throw new InvalidParameterException(parameter, where + ": coordinates must be [lon, lat] numbers");
        }
        double lon = c.get(0).asDouble();
        double lat = c.get(1).asDouble();
        checkLonLat(parameter, where, lon, lat);
        return new double[] {lon, lat};
    }

    private static void checkLonLat(String parameter, String where, double lon, double lat) {
        if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
            throw new InvalidParameterException(parameter, String.format(Locale.ROOT,
                    "%s: (%s, %s) is not a WGS-84 lon/lat position (GeoJSON puts longitude first)", where, lon, lat));
        }
    }
}
