package cn.cg.api.heatmap;

import cn.cg.api.aggregate.AggregateFilter;
import cn.cg.api.aggregate.AggregateFilters;
import cn.cg.api.aggregate.DataVersion;
import cn.cg.api.privacy.SmallCounts;
import cn.cg.api.system.CgProperties;
import cn.cg.api.system.HttpCaching;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
class CellTileController {

    static final String MVT = "application/vnd.mapbox-vector-tile";

    private final CellTiles cells;
    private final AggregateFilters filters;
    private final DataVersion version;
    private final CgProperties.Tiles settings;
    private final SmallCounts smallCounts;

    CellTileController(CellTiles cells, AggregateFilters filters, DataVersion version, CgProperties properties,
                       SmallCounts smallCounts) {
        this.cells = cells;
        this.smallCounts = smallCounts;
        this.filters = filters;
        this.version = version;
        this.settings = properties.tiles();
    }

    @Operation(summary = "Vector tile of H3 cells with counts (MVT)",
            description = "Layer 'cells', extent 4096, attributes h3 (hex), cell (64-bit), resolution, cases (over the period), "
                    + "and when the period is one whole month and the hotspot job's served run analysed the served aggregation run: "
                    + "hotspot_bin (-3..+3), hotspot_z and hotspot_set (the request's category set if the job computed it, "
                    + "all or vendor, else all); cells without a result have none of these. Public tiles: only cells with k or "
                    + "more cases carry them. "
                    + "Resolution by zoom: 0-10 -> 7, 11-12 -> 8, 13-14 -> 9, 15+ -> 10. Cells without cases are left out. "
                    + "Made by ST_AsMVT in PostGIS; ETag and Cache-Control follow the data version.")
    @GetMapping(value = "/tiles/cells/{z}/{x}/{y}.mvt", produces = MVT)
    ResponseEntity<byte[]> tile(@PathVariable int z, @PathVariable int x, @PathVariable int y,
                                @Parameter(hidden = true) @RequestParam Map<String, String> params,
                                @Parameter(description = "Category codes, major codes, 'vendor' or 'all'", example = "05")
                                @RequestParam(required = false) String categories,
                                @Parameter(description = "First day or month (default: the latest month with data)", example = "2025-03")
                                @RequestParam(required = false) String from,
                                @Parameter(description = "Last day or month, inclusive", example = "2025-03")
                                @RequestParam(required = false) String to,
                                @Parameter(description = "Admin area id or code: cells whose centre lies inside")
                                @RequestParam(required = false) String area,
                                @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        WebMercator.checkTile(z, x, y, settings.maxZoom());
        AggregateFilter f = filters.parse(params, version.latestMonthPeriod());
        long v = version.version();
        long hotspotRun = version.hotspotRun();
        String etag = HttpCaching.etag(v, "cells|h" + hotspotRun + "|" + f.canonical() + "|" + z + "/" + x + "/" + y);
        if (HttpCaching.matches(ifNoneMatch, etag)) {
            return HttpCaching.notModified(etag, settings.maxAge());
        }
        return HttpCaching.ok(etag, settings.maxAge()).contentType(MediaType.parseMediaType(MVT))
                .body(cells.tile(f, v, hotspotRun, z, x, y, smallCounts.applies()));
    }
}
