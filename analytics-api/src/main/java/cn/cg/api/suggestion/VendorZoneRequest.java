package cn.cg.api.suggestion;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Body of {@code POST /api/v1/suggestions/vendor-zones}. Every field is optional; absent fields take the
 * defaults of {@code cg.suggestions.*}, and the answer lists every value used.
 *
 * @param p new zones to open (default 5)
 * @param radiusM walking radius (default 300)
 * @param categories codes, major codes or 'vendor' (default 0501,0503,0504,0510)
 * @param from first day or month, local (default: all cases)
 * @param to last day or month, inclusive
 * @param eveningWeight weight of a case reported in the evening band (default 1)
 * @param eveningFromHour first evening hour (default 18); eveningToHour: end, exclusive (default 23)
 * @param candidates GeoJSON FeatureCollection of Points (properties name, capacity)
 * @param candidateSource request | table | cells; default: request when candidates are given, else the
 *     candidate_site table when it has vendor-zone sites in the area, else generated cells
 * @param exclusions GeoJSON FeatureCollection of extra keep-out geometries (properties name, bufferM)
 * @param buffers keep-out distances per kind of stored zone (a stored row's own buffer_m wins when larger)
 * @param minSpacingM least distance between two zones, existing ones included (default 300; 0 = none)
 * @param capacity cases (demand weight) one zone absorbs; given: capacitated coverage
 * @param includeExisting existing vendor zones (station table) stay open and count first (default true)
 * @param bbox minLon, minLat, maxLon, maxLat: the study area (default: everything)
 */
public record VendorZoneRequest(String name, Integer p, Double radiusM, String categories, String from, String to,
                                Double eveningWeight, Integer eveningFromHour, Integer eveningToHour, JsonNode candidates,
                                String candidateSource, JsonNode exclusions, Buffers buffers, Double minSpacingM,
                                Double capacity, Boolean includeExisting, List<Double> bbox) {

    public record Buffers(Double schoolM, Double hospitalM, Double arterialRoadM, Double customM) {
    }
}
