package cn.cg.api.heatmap;

import cn.cg.api.aggregate.AggregateFilter;
import cn.cg.api.aggregate.DataVersion;
import cn.cg.api.heatmap.WebMercator.Box;
import cn.cg.api.privacy.PublicCell;
import cn.cg.api.privacy.PublicCells;
import cn.cg.api.system.CgProperties;
import cn.cg.geo.density.KernelDensity;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Kernel density surfaces from the pre-aggregated cells: each cell with cases becomes a weighted point
 * at its centre, and {@link KernelDensity} evaluates the quartic kernel at pixel centres in Web
 * Mercator with ground distances (the point's cos(lat) scale). A tile reads every cell within one
 * bandwidth of its bounds, so contributions from beyond its edge are included and tiles join without
 * seams. Values are cases per km2 over the query's period.
 *
 * <p>Per query (filter, bandwidth, scale), once per data version: the bandwidth (Silverman's rule over
 * the query's resolution-10 cells when not given) and the colour scale (its top is the largest density
 * at any resolution-10 cell centre, rounded up to 1, 2 or 5 times a power of ten, unless the request
 * fixes it with {@code scaleMax}).
 */
@Service
class HeatmapService {

    static final int FINE = 10;
    static final int COARSE = 9;

    /** The per-query constants every tile of the query shares. */
    record QueryScale(double bandwidth, boolean bandwidthFromRule, double maxDensity, ColourScale colours, long points) {
    }

    private final DataVersion version;
    private final TileCache tiles;
    private final CgProperties.Tiles settings;
    private final Cache<String, QueryScale> scales = Caffeine.newBuilder().maximumSize(2_000).build();
    private final Cache<String, CellPoints> points;
    private final byte[] emptyTile;
    private final PublicCells publicCells;
    private final TileCellIndexes cells;

    HeatmapService(DataVersion version, TileCache tiles, CgProperties properties, PublicCells publicCells, TileCellIndexes cells) {
        this.cells = cells;
        this.publicCells = publicCells;
        this.version = version;
        this.tiles = tiles;
        this.settings = properties.tiles();
        this.emptyTile = png(new int[WebMercator.TILE * WebMercator.TILE]);
        this.points = Caffeine.newBuilder().maximumWeight(settings.pointsCacheMaxSize().toBytes())
                .weigher((String k, CellPoints v) -> (int) Math.min(Integer.MAX_VALUE, v.bytes())).build();
    }

    /** Forgets every query's scale and points (after the start-up warm-up). */
    void clear() {
        scales.invalidateAll();
        points.invalidateAll();
    }

    QueryScale scale(HeatmapQuery q, long dataVersion) {
        return scales.get(dataVersion + "|" + q.canonical(), k -> computeScale(q.filter(), q, dataVersion));
    }

    /**
     * The query's weighted cell centres at a resolution, read once per (filter, data version) and kept
     * in memory: tiles and surfaces then select the points near them without a database round trip. A token
     * holder's are the vector tiles' cells of the same query ({@link TileCellIndexes}), read once for both.
     */
    CellPoints points(HeatmapQuery q, int resolution, long dataVersion) {
        AggregateFilter f = q.filter();
        return points.get(dataVersion + "|" + f.canonical() + "|" + resolution + (q.suppressed() ? "|public" : ""),
                k -> q.suppressed() ? publicPoints(f, resolution, dataVersion) : cells.cells(f, resolution, dataVersion).points());
    }

    /**
     * A public query's points: the cells merged below k, each at its own centre (a merged pool at its
     * ancestor's centre), so a lone case is either pooled and smeared over the ancestor or left out.
     */
    private CellPoints publicPoints(AggregateFilter f, int resolution, long dataVersion) {
        List<PublicCell> cells = publicCells.cells(f, resolution, dataVersion);
        int n = cells.size();
        double[] lon = new double[n];
        double[] lat = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            lon[i] = cells.get(i).lon();
            lat[i] = cells.get(i).lat();
            w[i] = cells.get(i).cases();
        }
        return new CellPoints(lon, lat, w);
    }

    byte[] tile(HeatmapQuery q, long dataVersion, int z, int x, int y) {
        return tiles.get("heatmap|" + dataVersion + "|" + q.canonical() + "|" + z + "/" + x + "/" + y, () -> {
            QueryScale s = scale(q, dataVersion);
            Box box = WebMercator.tile(z, x, y);
            int n = WebMercator.TILE;
            float[] density = surface(points(q, z >= settings.fineZoom() ? FINE : COARSE, dataVersion), s.bandwidth(),
                    box, box.width() / n, n, n);
            int[] argb = new int[density.length];
            return s.colours().argb(density, argb) ? png(argb) : emptyTile;
        });
    }

    /**
     * Density in cases per km2 on a north-up raster in EPSG:3857 whose top-left corner is
     * (box.minX, box.maxY), cells of {@code cell} Mercator units.
     */
    static float[] surface(CellPoints points, double bandwidth, Box box, double cell, int width, int height) {
        Box raster = new Box(box.minX(), box.maxY() - height * cell, box.minX() + width * cell, box.maxY());
        double[][] p = points.within(WebMercator.growByMetres(raster, bandwidth));
        float[] out = new KernelDensity(p[0], p[1], p[2], p[3], bandwidth).raster(box.minX(), box.maxY(), cell, width, height);
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (out[i] * KernelDensity.PER_KM2);
        }
        return out;
    }

    private QueryScale computeScale(AggregateFilter f, HeatmapQuery q, long dataVersion) {
        CellPoints p = points(q, FINE, dataVersion);
        double h;
        boolean rule = q.bandwidth() == null;
        if (rule) {
            h = Math.min(settings.defaultBandwidthCeiling(), Math.max(settings.defaultBandwidthFloor(), silverman(p)));
        } else {
            h = q.bandwidth();
        }
        double max = p.size() == 0 ? 0 : new KernelDensity(p.x, p.y, p.w, p.scale, h).maxAtPoints() * KernelDensity.PER_KM2;
        double top = q.scaleMax() != null ? q.scaleMax() : ColourScale.niceCeil(max);
        return new QueryScale(h, rule, max, new ColourScale(top), p.size());
    }

    /** Silverman's rule in a local equirectangular projection around the weighted mean (metres). */
    private static double silverman(CellPoints p) {
        int n = p.size();
        if (n == 0) {
            return 0;
        }
        double sw = 0;
        double lon0 = 0;
        double lat0 = 0;
        for (int i = 0; i < n; i++) {
            sw += p.w[i];
            lon0 += p.w[i] * p.lon[i];
            lat0 += p.w[i] * p.lat[i];
        }
        lon0 /= sw;
        lat0 /= sw;
        double k = Math.toRadians(1) * WebMercator.RADIUS;
        double[] mx = new double[n];
        double[] my = new double[n];
        for (int i = 0; i < n; i++) {
            mx[i] = (p.lon[i] - lon0) * k * Math.cos(Math.toRadians(lat0));
            my[i] = (p.lat[i] - lat0) * k;
        }
        return KernelDensity.silvermanBandwidth(mx, my, p.w);
    }

    static byte[] png(int[] argb) {
        return TilePng.encode(argb, WebMercator.TILE, WebMercator.TILE);
    }

    /** The surface over a box (top-left anchored, cells of {@code cell} Mercator units) as a GeoTIFF. */
    byte[] geotiff(HeatmapQuery q, long dataVersion, Box box, double cell, int width, int height) {
        QueryScale s = scale(q, dataVersion);
        float[] density = surface(points(q, FINE, dataVersion), s.bandwidth(), box, cell, width, height);
        Box raster = new Box(box.minX(), box.maxY() - height * cell, box.minX() + width * cell, box.maxY());
        return GeoTiffs.write("density_cases_per_km2", density, width, height, raster);
    }

    long dataVersion() {
        return version.version();
    }
}
