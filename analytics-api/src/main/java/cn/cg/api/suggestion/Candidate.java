package cn.cg.api.suggestion;

/**
 * A place a site may go, or an existing facility (always open).
 *
 * @param key stable identity across runs ({@code station:12}, {@code candidate:5}, {@code request:3},
 *     {@code cell:8a4...}); scenarios are compared by position, see {@link SuggestionCompare}
 * @param source {@code station}, {@code candidate_site}, {@code request} or {@code cell}
 * @param capacity the site's own capacity when the layer has one (informative), else null
 */
public record Candidate(String key, String name, String source, double lon, double lat, Integer capacity, boolean existing) {
}
