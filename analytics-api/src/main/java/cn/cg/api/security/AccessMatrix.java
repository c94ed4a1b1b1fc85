package cn.cg.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;

/**
 * The lowest role each request needs: the access matrix of docs/security.md as code, in one place, used
 * both to decide (403 below it) and to name the role needed in the problem details.
 *
 * <p>Writes need admin unless listed (imports: admin; suggestions: planner), so a new POST endpoint is
 * closed until someone places it here. Reads are public unless listed, so that an unknown path is still
 * a 404 for everybody; the feature collections are listed one by one and an unlisted collection needs
 * researcher (no suppression is applied to it, so it must not reach the public by accident).
 */
public final class AccessMatrix {

    /** Collections the public may read (as JSON; their counts suppressed below k). */
    static final Set<String> PUBLIC_COLLECTIONS = Set.of("cells-r7", "cells-r8", "cells-r9", "cells-r10", "areas", "hotspots");

    /** The other collections and the role each needs (an unlisted one needs researcher). */
    static final Map<String, Role> COLLECTIONS = Map.of(
            "stations", Role.RESEARCHER,
            "candidate-sites", Role.PLANNER,
            "suggestions", Role.PLANNER,
            "cases", Role.LEADER);

    private static final String ITEMS = "/api/v1/collections/";

    private AccessMatrix() {
    }

    public static Role required(HttpServletRequest request) {
        String path = path(request);
        String method = request.getMethod();
        boolean read = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
        if (!read) {
            if (under(path, "/api/v1/suggestions")) {
                return Role.PLANNER;
            }
            return Role.ADMIN;
        }
        if (under(path, "/api/v1/imports") || under(path, "/api/v1/jobs")) {
            return Role.ADMIN;
        }
        if (under(path, "/api/v1/suggestions")) {
            return Role.PLANNER;
        }
        if (under(path, "/api/v1/heatmap/surface.tif")) {
            return Role.RESEARCHER;
        }
        if (path.startsWith(ITEMS) && path.endsWith("/items") || path.startsWith(ITEMS) && path.endsWith("/items/")) {
            Role collection = collection(path.substring(ITEMS.length(), path.indexOf("/items", ITEMS.length())));
            return export(request) ? max(collection, Role.RESEARCHER) : collection;
        }
        if (under(path, "/api/v1/rankings") && export(request)) {
            return Role.RESEARCHER;
        }
        return Role.PUBLIC;
    }

    /** The lowest role that may read a collection's items (as JSON). */
    public static Role collection(String id) {
        return PUBLIC_COLLECTIONS.contains(id) ? Role.PUBLIC : COLLECTIONS.getOrDefault(id, Role.RESEARCHER);
    }

    /** Whether the current caller may read the collection's items: the collection list shows only those. */
    public static boolean readable(String collectionId) {
        return Viewer.role().covers(collection(collectionId));
    }

    /** Any {@code f} other than JSON is an export (CSV today); several f values count if any is one. */
    private static boolean export(HttpServletRequest request) {
        String[] fs = request.getParameterValues("f");
        if (fs == null) {
            return false;
        }
        for (String f : fs) {
            if (!f.equals("json") && !f.equals("geojson")) {
                return true;
            }
        }
        return false;
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/") || path.startsWith(prefix + ".") || path.equals(prefix + "/");
    }

    private static Role max(Role a, Role b) {
        return a.covers(b) ? a : b;
    }

    /** The path inside the application, decoded and normalised by the container (the firewall refuses tricks). */
    private static String path(HttpServletRequest request) {
        String p = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return p.isEmpty() ? "/" : p;
    }
}
