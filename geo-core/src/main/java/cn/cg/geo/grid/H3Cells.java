package cn.cg.geo.grid;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The project's H3 analysis grid (design section 4): a case gets its cell at {@link #FINEST} once, and
 * coarser cells are its parents, never a second {@code latLngToCell}. Cells are H3 indexes stored as
 * BIGINT. Coordinates are WGS-84, geometries lon/lat (x = lon) with SRID 4326.
 *
 * <p>Thread-safe: the underlying {@link H3Core} keeps no state between calls.
 */
public final class H3Cells {

    /** Finest analysis resolution (edge about 66 m, the scale of a unit grid). */
    public static final int FINEST = 10;
    /** Coarsest analysis resolution (5.16 km2 cells). */
    public static final int COARSEST = 7;

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    private static volatile H3Cells shared;

    private final H3Core h3;

    private H3Cells(H3Core h3) {
        this.h3 = h3;
    }

    /** The process-wide instance (loads the native H3 library once). */
    public static H3Cells get() {
        H3Cells s = shared;
        if (s == null) {
            synchronized (H3Cells.class) {
                if (shared == null) {
                    try {
                        shared = new H3Cells(H3Core.newInstance());
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot load the H3 native library", e);
                    }
                }
                s = shared;
            }
        }
        return s;
    }

    /** The finest-resolution cell of a WGS-84 point. */
    public static long finestCell(double lat, double lng) {
        return get().cell(lat, lng, FINEST);
    }

    /** The parent of {@code cell} at {@code resolution} (the cell itself at its own resolution). */
    public static long parentOf(long cell, int resolution) {
        return get().parent(cell, resolution);
    }

    public long cell(double lat, double lng, int resolution) {
        return h3.latLngToCell(lat, lng, resolution);
    }

    public long parent(long cell, int resolution) {
        return parentBits(cell, resolution);
    }

    /**
     * The parent by the H3 index layout (resolution in bits 52-55, then 15 three-bit digits, the unused
     * ones 7), without a call into the native library: the aggregation job takes three parents of each
     * case's cell for every count, where the JNI call was most of the cost. Same answer as H3's
     * {@code cellToParent} for any valid cell ({@code H3CellsTest} compares them), and as H3 refuses a
     * parent finer than the cell.
     */
    static long parentBits(long cell, int resolution) {
        int own = (int) ((cell >>> 52) & 0xF);
        if (resolution < 0 || resolution > own) {
            throw new IllegalArgumentException("no parent at resolution " + resolution + " of a resolution-" + own + " cell");
        }
        long unusedDigits = (1L << (3 * (15 - resolution))) - 1;
        return (cell & ~(0xFL << 52)) | ((long) resolution << 52) | unusedDigits;
    }

    public int resolution(long cell) {
        return h3.getResolution(cell);
    }

    /** The cell's boundary as a closed lon/lat polygon, SRID 4326. */
    public Polygon boundary(long cell) {
        List<LatLng> ring = h3.cellToBoundary(cell);
        Coordinate[] cs = new Coordinate[ring.size() + 1];
        for (int i = 0; i < ring.size(); i++) {
            cs[i] = new Coordinate(ring.get(i).lng, ring.get(i).lat);
        }
        cs[ring.size()] = cs[0];
        LinearRing shell = WGS84.createLinearRing(cs);
        return WGS84.createPolygon(shell);
    }

    /**
     * All cells at {@code resolution} whose boundary intersects the (multi)polygon, i.e. a cover with
     * no gaps at the edges. H3's own polyfill keeps only cells whose centre lies inside; we polyfill a
     * polygon grown by two cell edges and keep the candidates that really intersect.
     */
    public SortedSet<Long> cover(Geometry polygonal, int resolution) {
        SortedSet<Long> out = new TreeSet<>();
        if (polygonal.isEmpty()) {
            return out;
        }
        PreparedGeometry target = PreparedGeometryFactory.prepare(polygonal);
        Envelope env = polygonal.getEnvelopeInternal();
        double midLat = Math.toRadians((env.getMinY() + env.getMaxY()) / 2);
        double edgeM = edgeLengthMetres(resolution);
        double growDeg = 2 * edgeM / (111_320.0 * Math.max(0.1, Math.cos(midLat)));
        Geometry grown = polygonal.buffer(growDeg, 2);
        for (int i = 0; i < grown.getNumGeometries(); i++) {
            Polygon p = (Polygon) grown.getGeometryN(i);
            List<List<LatLng>> holes = new ArrayList<>();
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                holes.add(latLngs(p.getInteriorRingN(h).getCoordinates()));
            }
            for (long c : h3.polygonToCells(latLngs(p.getExteriorRing().getCoordinates()), holes, resolution)) {
                if (target.intersects(boundary(c))) {
                    out.add(c);
                }
            }
        }
        // A polygon smaller than a cell may still be missed by the polyfill of its grown shape.
        Coordinate inside = polygonal.getInteriorPoint().getCoordinate();
        if (inside != null) {
            out.add(cell(inside.y, inside.x, resolution));
        }
        return out;
    }

    /** Average hexagon edge length in metres (H3's published table) for resolutions 0-15. */
    static double edgeLengthMetres(int resolution) {
        double[] km = {1281.256011, 483.0568391, 182.5129565, 68.97922179, 26.07175968, 9.854090990,
            3.724532667, 1.406475763, 0.531414010, 0.200786148, 0.075863783, 0.028663897, 0.010830188,
            0.004092010, 0.001546100, 0.000584169};
        return km[resolution] * 1000;
    }

    private static List<LatLng> latLngs(Coordinate[] cs) {
        List<LatLng> out = new ArrayList<>(cs.length);
        for (Coordinate c : cs) {
            out.add(new LatLng(c.y, c.x));
        }
        return out;
    }
}
