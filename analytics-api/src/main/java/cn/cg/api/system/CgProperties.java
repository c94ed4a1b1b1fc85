package cn.cg.api.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Every setting of the service with its default, in one place (prefix {@code cg}). */
@ConfigurationProperties("cg")
public record CgProperties(@DefaultValue Demo demo, @DefaultValue Imports imports, @DefaultValue MapPage map,
                           @DefaultValue Tiles tiles, @DefaultValue Features features,
                           @DefaultValue Suggestions suggestions, @DefaultValue Hotspots hotspots,
                           @DefaultValue Security security, @DefaultValue Database database,
                           @DefaultValue Requests requests) {

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
     * @param pointsCacheMaxSize bound (bytes) of each of the in-process caches of per-query cells: the heatmap's weighted
     *                           cell centres, the public's merged cells, the vector tiles' cell indexes
     * @param maxAge Cache-Control max-age of tiles and surfaces (they are revalidated by ETag after it)
     * @param minBandwidth smallest bandwidth (metres) a request may ask for
     * @param maxBandwidth largest bandwidth (metres) a request may ask for
     * @param defaultBandwidthFloor Silverman's rule is clamped to at least this (coincident points give 0)
     * @param defaultBandwidthCeiling and to at most this
     * @param fineZoom from this zoom on heatmaps use resolution-10 cell centres, below it resolution 9
     * @param maxSurfacePixels largest GeoTIFF (width times height) a request may ask for
     * @param warmUp how long the server runs its tile paths on one thread after starting, before it reports
     *               ready ({@code cn.cg.api.heatmap.TileWarmUp}); 0 to skip
     * @param boundariesMaxSize largest resolution's cell boundaries the vector tiles keep in memory (bytes,
     *                          {@code cn.cg.api.heatmap.CellBoundaries}); a resolution with more cells is not
     *                          read, and its tiles join h3_cell for them instead
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
                        @DefaultValue("16777216") long maxSurfacePixels,
                        @DefaultValue("20s") java.time.Duration warmUp,
                        @DefaultValue("128MB") DataSize boundariesMaxSize) {
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
     * Site suggestions (vendor zones, service stations): defaults of the request parameters and the
     * limits that keep one solve within a meeting's patience and the heap.
     *
     * @param timeZone the city's zone: evening hours and period days are local to it
     * @param vendorCategories demand of vendor zones when the request names none
     * @param vendorRadiusM walking radius of a vendor zone
     * @param eveningFromHour first local hour of the evening band (18 = 18:00)
     * @param eveningToHour hour the evening band ends, exclusive (23 = up to 22:59)
     * @param eveningWeight weight of an evening case when the request names none (1 = no weighting)
     * @param vendorMinSpacingM least distance between two vendor zones (new or existing)
     * @param stationRadiusM service radius of a station (the 15-minute-walk circle)
     * @param schoolBufferM keep-out distance around school gates (a row's own buffer_m wins when larger)
     * @param hospitalBufferM keep-out distance around hospitals
     * @param arterialRoadBufferM keep-out distance around arterial roads
     * @param customBufferM keep-out distance around custom exclusion polygons
     * @param maxCandidates larger candidate sets are refused (400)
     * @param maxDemandCells larger demand (cells with cases) is refused (400): narrow period, categories or bbox
     * @param maxPMedianPairs p-median keeps a dense cells x candidates cost matrix (8 bytes a pair)
     * @param generatedCandidates how many demand cells become candidates when none are given
     * @param solverStarts multi-starts of MCLP and p-median (geo-core's default is 64; 8 loses little on
     *     city instances and answers several times faster, see docs/suggestions.md)
     * @param boundIterations subgradient iterations of the Lagrangian bounds (the gap's other side)
     */
    public record Suggestions(@DefaultValue("Asia/Shanghai") String timeZone,
                              @DefaultValue("0501,0503,0504,0510") String vendorCategories,
                              @DefaultValue("300") double vendorRadiusM,
                              @DefaultValue("18") int eveningFromHour,
                              @DefaultValue("23") int eveningToHour,
                              @DefaultValue("1") double eveningWeight,
                              @DefaultValue("300") double vendorMinSpacingM,
                              @DefaultValue("1000") double stationRadiusM,
                              @DefaultValue("100") double schoolBufferM,
                              @DefaultValue("50") double hospitalBufferM,
                              @DefaultValue("20") double arterialRoadBufferM,
                              @DefaultValue("0") double customBufferM,
                              @DefaultValue("5000") int maxCandidates,
                              @DefaultValue("50000") int maxDemandCells,
                              @DefaultValue("40000000") long maxPMedianPairs,
                              @DefaultValue("2000") int generatedCandidates,
                              @DefaultValue("8") int solverStarts,
                              @DefaultValue("600") int boundIterations) {
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

    /**
     * On-demand hot-spot limits ({@code /api/v1/hotspots}).
     *
     * @param maxCells a request whose study area holds more cells is refused (400 naming resolution)
     * @param maxCellSteps emerging hot spots: cells times time steps at most
     * @param autoKMax the largest ring {@code k=auto} tries; the Spark hotspot job's default is the same,
     *     so both choose the same k for the same input
     * @param maxK the largest ring a request may ask for
     * @param defaultResolution when the request names none
     */
    public record Hotspots(@DefaultValue("200000") int maxCells,
                           @DefaultValue("2000000") long maxCellSteps,
                           @DefaultValue("6") int autoKMax,
                           @DefaultValue("10") int maxK,
                           @DefaultValue("9") int defaultResolution) {
    }

    /**
     * Roles and privacy (docs/security.md).
     *
     * @param k the smallest count a public (anonymous) response may show: smaller cell counts are merged
     *     into their H3 parents, smaller area and ranking figures are withheld
     * @param coarsestMerge the coarsest H3 resolution small cells are pooled up to (6: about 36 km2); what is
     *     still below k there is left out of public answers
     * @param users API users with bearer tokens; only each token's SHA-256 is configured
     * @param oidc an OpenID Connect issuer whose JWTs are accepted too (off when its issuer is empty)
     */
    public record Security(@DefaultValue("5") int k, @DefaultValue("6") int coarsestMerge,
                           @DefaultValue java.util.List<User> users, @DefaultValue Oidc oidc) {
    }

    /**
     * One configured user.
     *
     * @param name shown in logs and problem details, never a secret
     * @param role public, researcher, planner, leader or admin
     * @param tokenSha256 lower-case hex SHA-256 of the UTF-8 token ({@code printf %s TOKEN | sha256sum})
     */
    public record User(String name, String role, String tokenSha256) {
    }

    /**
     * @param issuerUri the issuer ({@code iss}); its keys come from its discovery document unless jwkSetUri is set
     * @param jwkSetUri where the issuer's signing keys are (optional)
     * @param rolesClaim the claim holding the role name or a list of names (the highest known one counts)
     */
    public record Oidc(@DefaultValue("") String issuerUri, @DefaultValue("") String jwkSetUri,
                       @DefaultValue("roles") String rolesClaim) {
    }

    /**
     * What clients are told when the database cannot serve a request (docs/resilience.md). The pool's
     * own timeout ({@code spring.datasource.hikari.connection-timeout}, 5 s) bounds how long a request
     * waits for a connection before it is answered 503.
     *
     * @param retryAfterDown Retry-After when the database is down or restarting
     * @param retryAfterBusy Retry-After when the database is up but no pooled connection came free in time
     */
    public record Database(@DefaultValue("10s") java.time.Duration retryAfterDown,
                           @DefaultValue("2s") java.time.Duration retryAfterBusy) {
    }

    /**
     * Sizes of a request, checked before any other work ({@link RequestLimits}); each answered with a
     * problem naming its setting. Uploads have their own, {@code cg.imports.max-upload}.
     *
     * @param maxUrlLength longest path plus query string, in characters as sent (percent-encoded): 414 above
     * @param maxHeaderSize all request headers together (names, values, separators): 431 above
     * @param maxBody largest body of a request that is not a multipart upload (JSON posts such as site
     *     suggestions with their own candidates and exclusion zones): 413 above
     */
    public record Requests(@DefaultValue("8192") int maxUrlLength,
                           @DefaultValue("16KB") DataSize maxHeaderSize,
                           @DefaultValue("4MB") DataSize maxBody) {
    }
}
