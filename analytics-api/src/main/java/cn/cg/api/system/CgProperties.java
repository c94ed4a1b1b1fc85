package cn.cg.api.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Every setting of the service with its default, in one place (prefix {@code cg}). */
@ConfigurationProperties("cg")
public record CgProperties(@DefaultValue Demo demo, @DefaultValue Imports imports, @DefaultValue MapPage map,
                           @DefaultValue Hotspots hotspots) {

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
}
