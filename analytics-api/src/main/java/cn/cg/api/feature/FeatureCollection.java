package cn.cg.api.feature;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One OGC API - Features collection. Adding a collection is one small class implementing this, made a
 * Spring bean: {@link FeatureCollections} serves every bean it finds.
 *
 * <p>{@link #source} returns a SELECT whose columns are {@code id}, {@code geom} (geometry, SRID 4326)
 * and the {@link #properties()} in order, with its bind values; the engine wraps it with the bbox
 * filter, ordering by id, limit and offset. SQL text comes from the collection's constants only.
 */
public interface FeatureCollection {

    String id();

    String title();

    String description();

    /** Property column names (SQL identifiers of the source), in output order. */
    List<String> properties();

    /** Query parameters this collection understands besides bbox, datetime, limit, offset and f. */
    default Set<String> parameters() {
        return Set.of();
    }

    /**
     * What the items depend on besides the served aggregation run (which every ETag carries already),
     * e.g. the hotspot job's run or the newest saved suggestion run: folded into the items' ETag so that
     * a change there is never answered 304.
     */
    default String version() {
        return "";
    }

    /** Whether {@code datetime} means anything here; a request with it on a collection without time is a 400. */
    boolean temporal();

    /**
     * The rows for a request.
     *
     * @param datetime the datetime parameter parsed to local days (null when not given)
     * @param params every query parameter (already checked against {@link #parameters()})
     */
    Source source(Interval datetime, Map<String, String> params);

    /** SQL text with its bind values. */
    record Source(String sql, List<Object> binds) {
    }
}
