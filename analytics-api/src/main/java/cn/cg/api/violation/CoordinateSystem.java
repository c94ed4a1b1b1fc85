package cn.cg.api.violation;

import cn.cg.geo.coord.ChinaCoordinates;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The coordinate system of an incoming file and its conversion to WGS-84 (lon, lat), which is all the
 * database stores. {@code wgs84}, {@code gcj02} and {@code bd09} are geographic; {@code EPSG:n} goes
 * through GeoTools, so projected layers (the CGCS2000 Gauss-Kruger zones EPSG:4534-4554) work too.
 */
public interface CoordinateSystem {

    /** The name as given back in import answers, e.g. {@code gcj02} or {@code EPSG:4547}. */
    String id();

    /** (x, y) in this system -> {lon, lat} in WGS-84. x is longitude or easting, y latitude or northing. */
    double[] toWgs84(double x, double y);

    CoordinateSystem WGS84 = named("wgs84", (x, y) -> new double[] {x, y});
    CoordinateSystem GCJ02 = named("gcj02", ChinaCoordinates::gcj02ToWgs84);
    CoordinateSystem BD09 = named("bd09", ChinaCoordinates::bd09ToWgs84);

    Pattern EPSG = Pattern.compile("(?i)EPSG:(\\d{4,6})");

    static CoordinateSystem parse(String value) {
        if (value == null || value.isBlank()) {
            return WGS84;
        }
        String v = value.trim().toLowerCase(Locale.ROOT).replace("-", "");
        switch (v) {
            case "wgs84", "epsg:4326", "cgcs2000", "epsg:4490":
                // CGCS2000 and WGS-84 differ by centimetres: below what case locations resolve.
                return WGS84;
            case "gcj02":
                return GCJ02;
            case "bd09":
                return BD09;
            default:
                Matcher m = EPSG.matcher(value.trim());
                if (m.matches()) {
                    return EpsgCoordinateSystem.of(Integer.parseInt(m.group(1)));
                }
                throw new ImportException("unknown coordinate system '" + value
                        + "'; use wgs84, gcj02, bd09 or an EPSG code such as EPSG:4547");
        }
    }

    private static CoordinateSystem named(String id, Conversion conversion) {
        return new CoordinateSystem() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public double[] toWgs84(double x, double y) {
                return conversion.apply(x, y);
            }
        };
    }

    @FunctionalInterface
    interface Conversion {
        double[] apply(double x, double y);
    }
}
