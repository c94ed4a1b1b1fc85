package cn.cg.api.violation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.referencing.CRS;
import org.geotools.referencing.crs.DefaultGeographicCRS;

/**
 * Any EPSG system, transformed to WGS-84 with GeoTools referencing. The EPSG database puts northing
 * first for the CGCS2000 Gauss-Kruger zones; we decode with longitude (easting) first, so files give
 * x = easting and y = northing, as surveyors' tables and GIS exports do.
 */
final class EpsgCoordinateSystem implements CoordinateSystem {

    private static final Map<Integer, EpsgCoordinateSystem> CACHE = new ConcurrentHashMap<>();

    private final String id;
    private final MathTransform toWgs84;

    private EpsgCoordinateSystem(int code) {
        this.id = "EPSG:" + code;
        try {
            CoordinateReferenceSystem source = CRS.decode(id, true);
            this.toWgs84 = CRS.findMathTransform(source, DefaultGeographicCRS.WGS84, true);
        } catch (Exception e) {
            throw new ImportException("coordinate system " + id + " is not known to the EPSG database: " + e.getMessage());
        }
    }

    static EpsgCoordinateSystem of(int code) {
        return CACHE.computeIfAbsent(code, EpsgCoordinateSystem::new);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public double[] toWgs84(double x, double y) {
        double[] out = new double[2];
        try {
            toWgs84.transform(new double[] {x, y}, 0, out, 0, 1);
        } catch (Exception e) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return out;
    }
}
