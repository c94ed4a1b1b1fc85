package cn.cg.api.feature;

import cn.cg.api.aggregate.DataVersion;
import cn.cg.api.security.AccessMatrix;
import cn.cg.api.system.CgProperties;
import cn.cg.api.system.HttpCaching;
import cn.cg.api.system.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** OGC API - Features (Part 1: Core, GeoJSON, OpenAPI 3.0) over the aggregates and planning layers. */
@RestController
@RequestMapping("/api/v1")
class FeaturesController {

    static final MediaType GEOJSON = MediaType.parseMediaType("application/geo+json");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    private final FeatureCollections collections;
    private final FeatureDocuments documents;
    private final DataVersion version;
    private final CgProperties.Tiles tiles;

    FeaturesController(FeatureCollections collections, FeatureDocuments documents, DataVersion version, CgProperties properties) {
        this.collections = collections;
        this.documents = documents;
        this.version = version;
        this.tiles = properties.tiles();
    }

    @Operation(summary = "Landing page (OGC API - Features)")
    @GetMapping({"", "/"})
    Map<String, Object> landing() {
        return documents.landing(base());
    }

    @Operation(summary = "Conformance classes")
    @GetMapping("/conformance")
    Map<String, Object> conformance() {
        return Map.of("conformsTo", List.of(
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30"));
    }

    @Operation(summary = "Collections: cells-r7..cells-r10, areas, hotspots, stations, candidate-sites, suggestions, cases")
    @GetMapping("/collections")
    Map<String, Object> list() {
        String base = base();
        List<Object> all = new ArrayList<>();
        // Only what the caller's role may read (docs/security.md), so clients such as GDAL do not trip over 403s.
        collections.all().stream().filter(c -> AccessMatrix.readable(c.id())).forEach(c -> all.add(documents.collection(base, c)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("links", List.of(FeatureDocuments.link(base + "/collections", "self", "application/json", "Collections")));
        out.put("collections", all);
        return out;
    }

    @Operation(summary = "One collection")
    @GetMapping("/collections/{id}")
    Map<String, Object> collection(@PathVariable String id) {
        return documents.collection(base(), collections.get(id));
    }

    @Operation(summary = "Features of a collection (GeoJSON, lon/lat; CSV with f=csv)",
            description = "Paged by limit and offset with next/prev links, numberMatched and numberReturned. bbox is "
                    + "minLon,minLat,maxLon,maxLat (CRS84). datetime is a day, a month or start/end (inclusive). Cell and "
                    + "area collections also take categories; cells area; areas level and parent; stations and sites kind; "
                    + "hotspots resolution and categories (all or vendor); suggestions kind, run and role. "
                    + "Unknown parameters are a 400.")
    @GetMapping("/collections/{id}/items")
    ResponseEntity<?> items(@PathVariable String id,
                            @Parameter(hidden = true) @RequestParam Map<String, String> params,
                            @Parameter(description = "minLon,minLat,maxLon,maxLat", example = "113.9,22.5,114.1,22.6")
                            @RequestParam(required = false) String bbox,
                            @Parameter(description = "Day, month or start/end", example = "2025-03-01/2025-03-31")
                            @RequestParam(required = false) String datetime,
                            @Parameter(example = "100") @RequestParam(required = false) String limit,
                            @Parameter(example = "0") @RequestParam(required = false) String offset,
                            @Parameter(description = "json (GeoJSON, default) or csv", example = "csv")
                            @RequestParam(required = false) String f,
                            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        FeatureCollection c = collections.get(id);
        FeatureCollections.Request r = collections.request(c, params);
        String format = f == null ? "json" : f;
        if (!List.of("json", "geojson", "csv").contains(format)) {
            throw new InvalidParameterException("f", "f is json (GeoJSON) or csv");
        }
        String etag = HttpCaching.etag(version.version(), "items|" + id + "|" + c.version() + "|" + new java.util.TreeMap<>(params));
        if (HttpCaching.matches(ifNoneMatch, etag)) {
            return HttpCaching.notModified(etag, tiles.maxAge());
        }
        FeatureCollections.Page page = collections.page(c, r, params);
        if (format.equals("csv")) {
            return HttpCaching.ok(etag, tiles.maxAge()).contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + ".csv\"")
                    .body(FeatureDocuments.csv(c, page));
        }
        return HttpCaching.ok(etag, tiles.maxAge()).contentType(GEOJSON)
                .body(documents.featureCollection(ServletUriComponentsBuilder.fromCurrentRequest(), base(), c, r, page));
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1").build().toUriString();
    }
}
