package cn.cg.api.heatmap;

import cn.cg.api.aggregate.AggregateFilter;
import cn.cg.api.aggregate.AggregateFilters;
import cn.cg.api.aggregate.DataVersion;
import cn.cg.api.heatmap.WebMercator.Box;
import cn.cg.api.privacy.SmallCounts;
import cn.cg.api.system.CgProperties;
import cn.cg.api.system.InvalidParameterException;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Turns heatmap request parameters into a {@link HeatmapQuery}, with a 400 naming any bad one. */
@Component
class HeatmapRequests {

    private final AggregateFilters filters;
    private final DataVersion version;
    private final CgProperties.Tiles settings;
    private final SmallCounts smallCounts;

    HeatmapRequests(AggregateFilters filters, DataVersion version, CgProperties properties, SmallCounts smallCounts) {
        this.filters = filters;
        this.smallCounts = smallCounts;
        this.version = version;
        this.settings = properties.tiles();
    }

    /** Filter parameters; the period defaults to the latest month with data. */
    HeatmapQuery query(Map<String, String> params) {
        AggregateFilter f = filters.parse(params, version.latestMonthPeriod());
        Double h = number(params, "bandwidth");
        if (h != null && (h < settings.minBandwidth() || h > settings.maxBandwidth())) {
            throw new InvalidParameterException("bandwidth", "bandwidth is in metres, " + settings.minBandwidth()
                    + " to " + settings.maxBandwidth());
        }
        Double top = number(params, "scaleMax");
        if (top != null && !(top > 0)) {
            throw new InvalidParameterException("scaleMax", "scaleMax is a density in cases per km2 and must be positive");
        }
        return new HeatmapQuery(f, h, top, smallCounts.applies());
    }

    /** A lon/lat bbox as an EPSG:3857 box; within Web Mercator's latitudes, minimum before maximum. */
    static Box bbox(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidParameterException("bbox", "bbox is required: minLon,minLat,maxLon,maxLat");
        }
        String[] parts = value.split(",");
        if (parts.length != 4) {
            throw new InvalidParameterException("bbox", "bbox has four numbers: minLon,minLat,maxLon,maxLat");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InvalidParameterException("bbox", "'" + parts[i] + "' is not a number");
            }
            if (!Double.isFinite(v[i])) {
                throw new InvalidParameterException("bbox", "'" + parts[i] + "' is not a finite number");
            }
        }
        if (v[0] < -180 || v[2] > 180 || v[1] < -WebMercator.MAX_LAT || v[3] > WebMercator.MAX_LAT) {
            throw new InvalidParameterException("bbox", "bbox is outside Web Mercator's bounds (longitude -180..180, latitude -"
                    + WebMercator.MAX_LAT + ".." + WebMercator.MAX_LAT + ")");
        }
        if (!(v[0] < v[2] && v[1] < v[3])) {
            throw new InvalidParameterException("bbox", "bbox minimum must be below its maximum (minLon,minLat,maxLon,maxLat)");
        }
        return new Box(WebMercator.x(v[0]), WebMercator.y(v[1]), WebMercator.x(v[2]), WebMercator.y(v[3]));
    }

    static Double number(Map<String, String> params, String name) {
        String s = params.get(name);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(s.trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, "'" + s + "' is not a number");
        }
    }
}
