package cn.cg.api.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Every setting of the service with its default, in one place (prefix {@code cg}). */
@ConfigurationProperties("cg")
public record CgProperties(@DefaultValue Demo demo, @DefaultValue Imports imports, @DefaultValue MapPage map,
                           @DefaultValue Tiles tiles, @DefaultValue Features features) {

    /** The demo city loaded by {@code ./cg up} into an empty database. */
    public record Demo(@DefaultValue("300000") int cases, @DefaultValue("20250101") long seed) {
    }

    /**
     * Import limits. Rows are staged with COPY in batches; the whole file commits or nothing does.
     *
     * @param maxRows a file with more rows is refused before anything is written
     * @param maxUpload the largest upload {@code POST /api/v1/imports} accepts
     * @param maxRejectionsListed rejections beyond this are counted, not listed, in the answer
     */
    public record Imports(@DefaultValue("20000000") int maxRows,
                          @DefaultValue("512MB") DataSize maxUpload,
                          @DefaultValue("1000") int maxRejectionsListed) {
    }

    /**
     * Heatmap and vector tiles, legends and density surfaces.
     *
     * @param maxZoom highest tile zoom served
     * @param cacheMaxSize in-process cache of rendered tiles (bytes)
     * @param pointsCacheMaxSize in-process cache of each query's weighted cell centres (bytes)
     * @param maxAge Cache-Control max-age of tiles and surfaces (they are revalidated by ETag after it)
     * @param minBandwidth smallest bandwidth (metres) a request may ask for
     * @param maxBandwidth largest bandwidth (metres) a request may ask for
     * @param defaultBandwidthFloor Silverman's rule is clamped to at least this (coincident points give 0)
     * @param defaultBandwidthCeiling and to at most this
     * @param fineZoom from this zoom on heatmaps use resolution-10 cell centres, below it resolution 9
     * @param maxSurfacePixels largest GeoTIFF (width times height) a request may ask for
     */
    public record Tiles(@DefaultValue("22") int maxZoom,
                        @DefaultValue("256MB") DataSize cacheMaxSize,
                        @DefaultValue("256MB") DataSize pointsCacheMaxSize,
                        @DefaultValue("300s") java.time.Duration maxAge,
                        @DefaultValue("50") double minBandwidth,
                        @DefaultValue("10000") double maxBandwidth,
                        @DefaultValue("100") double defaultBandwidthFloor,
                        @DefaultValue("3000") double defaultBandwidthCeiling,
                        @DefaultValue("12") int fineZoom,
                        @DefaultValue("16777216") long maxSurfacePixels) {
    }

    /**
     * OGC API - Features.
     *
     * @param defaultLimit items per page when no limit is given
     * @param maxLimit largest limit accepted
     */
    public record Features(@DefaultValue("100") int defaultLimit, @DefaultValue("10000") int maxLimit) {
    }

    /**
     * The map page's base layer. Empty {@code baseUrl} = no base map (district boundaries and a light grid
     * still orient the user; the page then needs no internet). {@code crs} {@code gcj02} for AutoNavi or
     * Tencent tiles: overlays are then shifted to GCJ-02 so they line up.
     */
    public record MapPage(@DefaultValue("https://tile.openstreetmap.org/{z}/{x}/{y}.png") String baseUrl,
                          @DefaultValue("© OpenStreetMap contributors") String attribution,
                          @DefaultValue("wgs84") String crs) {
    }
}
