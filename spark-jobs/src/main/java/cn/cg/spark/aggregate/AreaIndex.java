package cn.cg.spark.aggregate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Point-in-polygon lookup of admin areas for the executors: an STR-tree over the areas' envelopes,
 * then an exact {@code contains} test on prepared polygons, the same predicate as PostGIS
 * {@code ST_Contains} (a point on an area's boundary is not in it). Broadcast once; each executor
 * builds its tree on first use from the WKB it was shipped.
 */
public final class AreaIndex implements Serializable {

    private static final long serialVersionUID = 1L;

    /** An admin area as read from {@code admin_area}. */
    public record Area(long id, String level, byte[] wkb) implements Serializable {
    }

    /** An area a point lies in. */
    public record Hit(long id, String level) implements Serializable {
    }

    private final List<Area> areas;
    private transient volatile STRtree tree;

    public AreaIndex(List<Area> areas) {
        this.areas = List.copyOf(areas);
    }

    public List<Area> areas() {
        return areas;
    }

    /** Every area that contains the point (lon, lat), in id order. */
    public List<Hit> containing(double lon, double lat) {
        STRtree t = tree();
        Point p = POINTS.createPoint(new Coordinate(lon, lat));
        List<Hit> out = new ArrayList<>(4);
        for (Object o : t.query(p.getEnvelopeInternal())) {
            Entry e = (Entry) o;
            if (e.polygon.contains(p)) {
                out.add(e.hit);
            }
        }
        out.sort((a, b) -> Long.compare(a.id(), b.id()));
        return out;
    }

    private static final GeometryFactory POINTS = new GeometryFactory();

    private record Entry(Hit hit, PreparedGeometry polygon) {
    }

    private STRtree tree() {
        STRtree t = tree;
        if (t == null) {
            synchronized (this) {
                if (tree == null) {
                    STRtree built = new STRtree();
                    WKBReader reader = new WKBReader();
                    for (Area a : areas) {
                        Geometry g;
                        try {
                            g = reader.read(a.wkb());
                        } catch (ParseException e) {
                            throw new IllegalArgumentException("admin area " + a.id() + " has invalid WKB", e);
                        }
                        built.insert(g.getEnvelopeInternal(),
                            new Entry(new Hit(a.id(), a.level()), PreparedGeometryFactory.prepare(g)));
                    }
                    built.build();
                    tree = built;
                }
                t = tree;
            }
        }
        return t;
    }
}
