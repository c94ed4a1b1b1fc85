package cn.cg.api.feature;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.ObjectMapper;

/** The JSON documents of OGC API - Features (landing, collection, feature collection) and the CSV form. */
@Component
class FeatureDocuments {

    private final ObjectMapper json;

    FeatureDocuments(ObjectMapper json) {
        this.json = json;
    }

    static Map<String, Object> link(String href, String rel, String type, String title) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("href", href);
        l.put("rel", rel);
        l.put("type", type);
        l.put("title", title);
        return l;
    }

    Map<String, Object> landing(String base) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", "cg spatial analytics for city management");
        out.put("description", "Case aggregates per H3 cell and admin area, stations and candidate sites, as OGC API - Features.");
        out.put("links", List.of(
                link(base, "self", "application/json", "This document"),
                link(base.replaceFirst("/api/v1$", "") + "/v3/api-docs", "service-desc", "application/vnd.oai.openapi+json;version=3.0", "OpenAPI definition"),
                link(base.replaceFirst("/api/v1$", "") + "/swagger-ui.html", "service-doc", "text/html", "API documentation"),
                link(base + "/conformance", "conformance", "application/json", "Conformance classes"),
                link(base + "/collections", "data", "application/json", "Collections")));
        return out;
    }

    Map<String, Object> collection(String base, FeatureCollection c) {
        String self = base + "/collections/" + c.id();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", c.id());
        out.put("title", c.title());
        out.put("description", c.description());
        out.put("itemType", "feature");
        out.put("crs", List.of(FeaturesController.CRS84));
        out.put("links", List.of(
                link(self, "self", "application/json", c.title()),
                link(self + "/items", "items", "application/geo+json", "Features as GeoJSON"),
                link(self + "/items?f=csv", "items", "text/csv", "Features as CSV")));
        return out;
    }

    Map<String, Object> featureCollection(UriComponentsBuilder request, String base, FeatureCollection c,
                                          FeatureCollections.Request r, FeatureCollections.Page page) {
        List<Object> features = new ArrayList<>(page.items().size());
        for (FeatureCollections.Item item : page.items()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("type", "Feature");
            f.put("id", item.id());
            f.put("geometry", json.readTree(item.geojson()));
            f.put("properties", item.properties());
            features.add(f);
        }
        List<Object> links = new ArrayList<>();
        links.add(link(request.cloneBuilder().build().toUriString(), "self", "application/geo+json", "This page"));
        links.add(link(request.cloneBuilder().replaceQueryParam("f", "csv").build().toUriString(), "alternate", "text/csv", "This page as CSV"));
        long returned = page.items().size();
        if (r.offset() + returned < page.matched()) {
            links.add(link(request.cloneBuilder().replaceQueryParam("offset", r.offset() + returned)
                    .replaceQueryParam("limit", r.limit()).build().toUriString(), "next", "application/geo+json", "Next page"));
        }
        if (r.offset() > 0) {
            links.add(link(request.cloneBuilder().replaceQueryParam("offset", Math.max(0, r.offset() - r.limit()))
                    .replaceQueryParam("limit", r.limit()).build().toUriString(), "prev", "application/geo+json", "Previous page"));
        }
        links.add(link(base + "/collections/" + c.id(), "collection", "application/json", c.title()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "FeatureCollection");
        out.put("numberMatched", page.matched());
        out.put("numberReturned", returned);
        out.put("timeStamp", Instant.now().toString());
        out.put("links", links);
        out.put("features", features);
        return out;
    }

    /** One row per feature: id, the properties, then the geometry as WKT (lon/lat). */
    static String csv(FeatureCollection c, FeatureCollections.Page page) {
        StringBuilder sb = new StringBuilder();
        sb.append("id");
        for (String p : c.properties()) {
            sb.append(',').append(p);
        }
        sb.append(",wkt\n");
        for (FeatureCollections.Item item : page.items()) {
            sb.append(cell(item.id()));
            for (Object v : item.properties().values()) {
                sb.append(',').append(cell(v));
            }
            sb.append(',').append(cell(item.wkt())).append('\n');
        }
        return sb.toString();
    }

    static String cell(Object v) {
        if (v == null) {
            return "";
        }
        String s = v.toString();
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
