package cn.cg.api.suggestion;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Body of {@code POST /api/v1/suggestions/service-stations}. Existing service stations (station table)
 * are always open. Every field is optional; the answer lists every value used.
 *
 * @param objective coverage (default: most demand within radiusM), p-median (least mean distance), or
 *     target (fewest new stations reaching targetPct coverage)
 * @param p new stations (default 5; not used by target)
 * @param radiusM service radius (default 1000); p-median reports coverage within it too
 * @param targetPct target coverage in percent, (0, 100] (target only; default 80)
 * @param categories demand categories (default: all)
 * @param candidateSource request | table | cells (default as for vendor zones)
 * @param exclusions extra keep-out geometries (stored exclusion zones are vendor rules and do not apply)
 * @param minSpacingM least distance between stations (default 0 = none; not with target)
 */
public record ServiceStationRequest(String name, String objective, Integer p, Double radiusM, Double targetPct,
                                    String categories, String from, String to, JsonNode candidates,
                                    String candidateSource, JsonNode exclusions, Double minSpacingM,
                                    Boolean includeExisting, List<Double> bbox) {
}
