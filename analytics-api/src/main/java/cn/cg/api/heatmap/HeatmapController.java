package cn.cg.api.heatmap;

import cn.cg.api.heatmap.HeatmapService.QueryScale;
import cn.cg.api.heatmap.WebMercator.Box;
import cn.cg.api.system.CgProperties;
import cn.cg.api.system.HttpCaching;
import cn.cg.api.system.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class HeatmapController {

    private static final MediaType PNG = MediaType.IMAGE_PNG;
    private static final MediaType TIFF = MediaType.parseMediaType("image/tiff; application=geotiff");

    private final HeatmapService heatmaps;
    private final HeatmapRequests requests;
    private final CgProperties.Tiles settings;

    HeatmapController(HeatmapService heatmaps, HeatmapRequests requests, CgProperties properties) {
        this.heatmaps = heatmaps;
        this.requests = requests;
        this.settings = properties.tiles();
    }

    @Operation(summary = "Heatmap tile (PNG, 256 px, EPSG:3857 XYZ)",
            description = "Kernel density (quartic kernel, bandwidth in metres) of the query's cases in cases per km2 over "
                    + "the period, from the pre-aggregated H3 cells (resolution 10 from zoom 12, 9 below). The colour "
                    + "scale is fixed per query (see /api/v1/heatmap/legend with the same parameters); zero is transparent. "
                    + "ETag and Cache-Control follow the data version.")
    @GetMapping(value = "/tiles/heatmap/{z}/{x}/{y}.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> tile(@PathVariable int z, @PathVariable int x, @PathVariable int y,
                                @Parameter(hidden = true) @RequestParam Map<String, String> params,
                                @Parameter(description = "Category codes, major codes, 'vendor' or 'all'", example = "0501,0504")
                                @RequestParam(required = false) String categories,
                                @Parameter(description = "First day or month (default: the latest month with data)", example = "2025-03")
                                @RequestParam(required = false) String from,
                                @Parameter(description = "Last day or month, inclusive", example = "2025-03")
                                @RequestParam(required = false) String to,
                                @Parameter(description = "Admin area id, or its statutory code (6+ digits)", example = "440303")
                                @RequestParam(required = false) String area,
                                @Parameter(description = "Kernel radius in metres (default: Silverman's rule)", example = "300")
                                @RequestParam(required = false) String bandwidth,
                                @Parameter(description = "Top of the colour scale in cases per km2 (default: the query's maximum, "
                                        + "rounded up); fix it to compare periods colour for colour", example = "500")
                                @RequestParam(required = false) String scaleMax,
                                @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        WebMercator.checkTile(z, x, y, settings.maxZoom());
        HeatmapQuery q = requests.query(params);
        long v = heatmaps.dataVersion();
        String etag = HttpCaching.etag(v, "heatmap|" + q.canonical() + "|" + z + "/" + x + "/" + y);
        if (HttpCaching.matches(ifNoneMatch, etag)) {
            return HttpCaching.notModified(etag, settings.maxAge());
        }
        return HttpCaching.ok(etag, settings.maxAge()).contentType(PNG).body(heatmaps.tile(q, v, z, x, y));
    }

    /** The scale of a query. */
    record Legend(String unit, String period, List<String> categories, Long area, double bandwidthMetres,
                  String bandwidthSource, double maxDensity, double scaleTop, String scaleTopSource, String scale,
                  List<ColourScale.Stop> stops, String zero, long cells, long dataVersion) {
    }

    @Operation(summary = "Legend of a heatmap query",
            description = "The colour stops (cases per km2 over the period, logarithmic, three decades below the top), the "
                    + "bandwidth used and the query's maximum density. Same parameters as the tiles.")
    @GetMapping(value = "/api/v1/heatmap/legend", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Legend> legend(@Parameter(hidden = true) @RequestParam Map<String, String> params,
                                  @Parameter(example = "vendor") @RequestParam(required = false) String categories,
                                  @Parameter(example = "2025-03") @RequestParam(required = false) String from,
                                  @Parameter(example = "2025-03") @RequestParam(required = false) String to,
                                  @RequestParam(required = false) String area,
                                  @Parameter(example = "300") @RequestParam(required = false) String bandwidth,
                                  @RequestParam(required = false) String scaleMax,
                                  @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        HeatmapQuery q = requests.query(params);
        long v = heatmaps.dataVersion();
        String etag = HttpCaching.etag(v, "legend|" + q.canonical());
        if (HttpCaching.matches(ifNoneMatch, etag)) {
            return HttpCaching.notModified(etag, settings.maxAge());
        }
        QueryScale s = heatmaps.scale(q, v);
        var f = q.filter();
        Legend legend = new Legend("cases per km2", f.period().from() + "/" + f.period().toExclusive().minusDays(1),
                List.of(f.categoryArray()), f.areaId(), s.bandwidth(), s.bandwidthFromRule() ? "silverman" : "request",
                s.maxDensity(), s.colours().top(), q.scaleMax() == null ? "query-maximum" : "request", "log10",
                s.colours().stops(), "transparent", s.points(), v);
        return HttpCaching.ok(etag, settings.maxAge()).body(legend);
    }

    @Operation(summary = "Density surface as a GeoTIFF",
            description = "The heatmap's surface for a lon/lat bbox: single-band Float32, cases per km2 over the period, "
                    + "EPSG:3857 (the tiles' grid), pixel size cellSize ground metres at the bbox's centre latitude, "
                    + "from the resolution-10 cells. Opens as it is in GDAL and QGIS.")
    @GetMapping(value = "/api/v1/heatmap/surface.tif", produces = "image/tiff")
    ResponseEntity<byte[]> surface(@Parameter(hidden = true) @RequestParam Map<String, String> params,
                                   @Parameter(description = "minLon,minLat,maxLon,maxLat (WGS 84)", example = "114.00,22.50,114.10,22.58")
                                   @RequestParam(required = false) String bbox,
                                   @Parameter(description = "Pixel size in ground metres (default 50)", example = "50")
                                   @RequestParam(required = false) String cellSize,
                                   @Parameter(example = "vendor") @RequestParam(required = false) String categories,
                                   @Parameter(example = "2025-03") @RequestParam(required = false) String from,
                                   @Parameter(example = "2025-03") @RequestParam(required = false) String to,
                                   @RequestParam(required = false) String area,
                                   @Parameter(example = "300") @RequestParam(required = false) String bandwidth,
                                   @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        Box box = HeatmapRequests.bbox(bbox);
        Double size = HeatmapRequests.number(params, "cellSize");
        double metres = size == null ? 50 : size;
        if (metres < 1 || metres > 10_000) {
            throw new InvalidParameterException("cellSize", "cellSize is in metres, 1 to 10000");
        }
        double centreLat = WebMercator.lat((box.minY() + box.maxY()) / 2);
        double cell = metres / WebMercator.metresPerUnit(centreLat);
        long width = (long) Math.ceil(box.width() / cell - 1e-9);
        long height = (long) Math.ceil((box.maxY() - box.minY()) / cell - 1e-9);
        if (width * height > settings.maxSurfacePixels()) {
            throw new InvalidParameterException("bbox", "bbox is too large for cellSize " + metres + " m: " + width + " x "
                    + height + " pixels, at most " + settings.maxSurfacePixels() + " (cg.tiles.max-surface-pixels)");
        }
        HeatmapQuery q = requests.query(params);
        long v = heatmaps.dataVersion();
        String etag = HttpCaching.etag(v, "surface|" + q.canonical() + "|" + bbox + "|" + metres);
        if (HttpCaching.matches(ifNoneMatch, etag)) {
            return HttpCaching.notModified(etag, settings.maxAge());
        }
        byte[] tif = heatmaps.geotiff(q, v, box, cell, (int) width, (int) height);
        return HttpCaching.ok(etag, settings.maxAge()).contentType(TIFF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"density.tif\"").body(tif);
    }
}
