package cn.cg.api.violation;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams the records of a GeoJSON FeatureCollection (one per Point feature: its properties plus
 * {@code lon}/{@code lat}) or of an Open311 GeoReport v2 answer (a JSON array of service requests),
 * each with the line its object starts on. Memory stays flat however long the file is.
 */
final class JsonRows implements Iterator<SourceRow> {

    static final String LON = "lon";
    static final String LAT = "lat";

    // Records are read one at a time from the middle of the stream, so what follows one is not an error.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final JsonParser parser;
    private final boolean geojson;
    private SourceRow next;

    JsonRows(InputStream in, CaseFileFormat format) {
        this.geojson = format == CaseFileFormat.GEOJSON;
        try {
            this.parser = MAPPER.createParser(in);
            if (geojson) {
                seekFeatures();
            } else if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw structure("an Open311 GeoReport v2 file is a JSON array of service requests");
            }
            advance();
        } catch (JacksonException e) {
            throw new ImportException("not valid JSON: " + e.getOriginalMessage(), lineOf(e), null);
        }
    }

    private void seekFeatures() {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw structure("a GeoJSON file must be a FeatureCollection object");
        }
        boolean collection = false;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken t = parser.nextToken();
            if ("type".equals(name)) {
                collection = "FeatureCollection".equals(parser.getValueAsString());
                if (!collection) {
                    throw structure("GeoJSON type is '" + parser.getValueAsString() + "', expected FeatureCollection");
                }
            } else if ("features".equals(name)) {
                if (t != JsonToken.START_ARRAY) {
                    throw structure("'features' must be an array");
                }
                return;
            } else {
                parser.skipChildren();
            }
        }
        throw structure("no 'features' array in the GeoJSON file");
    }

    private ImportException structure(String message) {
        return new ImportException(message, parser.currentTokenLocation().getLineNr(), null);
    }

    private static Integer lineOf(JacksonException e) {
        return e.getLocation() == null ? null : e.getLocation().getLineNr();
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public SourceRow next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        SourceRow r = next;
        try {
            advance();
        } catch (JacksonException e) {
            throw new ImportException("not valid JSON: " + e.getOriginalMessage(), lineOf(e), null);
        }
        return r;
    }

    private void advance() {
        JsonToken t = parser.nextToken();
        if (t == JsonToken.END_ARRAY || t == null) {
            next = null;
            return;
        }
        int line = parser.currentTokenLocation().getLineNr();
        if (t != JsonToken.START_OBJECT) {
            parser.skipChildren();
            next = malformed(line, "is not a JSON object");
            return;
        }
        JsonNode node = MAPPER.readTree(parser);
        next = geojson ? fromFeature(line, node) : fromRequest(line, node);
    }

    private static SourceRow malformed(int line, String reason) {
        Map<String, String> m = new HashMap<>();
        m.put(CaseValidator.MALFORMED, reason);
        return new SourceRow(line, m);
    }

    private static SourceRow fromFeature(int line, JsonNode feature) {
        JsonNode geometry = feature.get("geometry");
        if (geometry == null || geometry.isNull()) {
            return malformed(line, "feature has no geometry (missing coordinates)");
        }
        if (!"Point".equals(geometry.path("type").asString(""))) {
            return malformed(line, "geometry is a " + geometry.path("type").asString("?") + ", expected a Point");
        }
        JsonNode coords = geometry.get("coordinates");
        if (coords == null || !coords.isArray() || coords.size() < 2 || !coords.get(0).isNumber() || !coords.get(1).isNumber()) {
            return malformed(line, "Point coordinates must be [lon, lat] numbers");
        }
        Map<String, String> m = flatten(feature.path("properties"));
        m.put(LON, coords.get(0).asString());
        m.put(LAT, coords.get(1).asString());
        return new SourceRow(line, m);
    }

    private static SourceRow fromRequest(int line, JsonNode request) {
        return new SourceRow(line, flatten(request));
    }

    private static Map<String, String> flatten(JsonNode object) {
        Map<String, String> m = new HashMap<>();
        if (object != null && object.isObject()) {
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                JsonNode v = e.getValue();
                m.put(e.getKey(), v.isNull() ? null : v.isValueNode() ? v.asString() : v.toString());
            }
        }
        return m;
    }
}
