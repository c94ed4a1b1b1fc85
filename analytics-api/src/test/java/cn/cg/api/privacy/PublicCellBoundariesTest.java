package cn.cg.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cg.geo.grid.H3Cells;
import java.util.Random;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKTReader;
import org.junit.jupiter.api.Test;

/**
 * The public cells' boundaries as text (CSV) and as WKB (what PostgreSQL is sent), read by JTS's readers
 * (outside truth): exactly the H3 boundary.
 */
class PublicCellBoundariesTest {

    @Test
    void boundaryTextIsExact() throws Exception {
        H3Cells h3 = H3Cells.get();
        WKTReader reader = new WKTReader();
        Random rnd = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            // The demo city and its surroundings, and anywhere on earth (negative, small and large ordinates).
            double lat = i % 2 == 0 ? 22.4 + 0.5 * rnd.nextDouble() : -80 + 160 * rnd.nextDouble();
            double lng = i % 2 == 0 ? 113.7 + 0.9 * rnd.nextDouble() : -179.9 + 359.8 * rnd.nextDouble();
            Polygon boundary = h3.boundary(h3.cell(lat, lng, 7 + i % 4));
            String wkt = PublicCells.wkt(PublicCells.ring(boundary));
            assertThat(reader.read(wkt).equalsExact(boundary)).as(wkt).isTrue();
            if (i % 2 == 0) {
                // JTS writes at most 16 decimals, so near 0 degrees its text can miss the last bit; where
                // ordinates have two or three integer digits (the study area) it is exact and the same text.
                assertThat(wkt).isEqualTo(boundary.toText());
            }
        }
    }

    /** The WKB reads back as exactly the boundary (JTS's reader) and as the same ring ({@link RingWkb#ring}). */
    @Test
    void boundaryWkbIsExact() throws Exception {
        H3Cells h3 = H3Cells.get();
        WKBReader reader = new WKBReader();
        Random rnd = new Random(5);
        for (int i = 0; i < 5_000; i++) {
            Polygon boundary = h3.boundary(h3.cell(-80 + 160 * rnd.nextDouble(), -179.9 + 359.8 * rnd.nextDouble(), 5 + i % 6));
            double[] ring = PublicCells.ring(boundary);
            byte[] wkb = RingWkb.polygon(ring);
            assertThat(reader.read(wkb).equalsExact(boundary)).as("cell %d", i).isTrue();
            assertThat(RingWkb.ring(wkb)).containsExactly(ring);
        }
    }
}
