package cn.cg.geo.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SortedSet;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class H3CellsTest {

    private final H3Cells h3 = H3Cells.get();

    @Test
    void finestCellRollsUpToTheDocumentedResolution9Cell() {
        // The H3 documentation's example point and its resolution-9 index 8928308280fffff.
        long finest = H3Cells.finestCell(37.775938728915946, -122.41795063018799);
        assertThat(h3.resolution(finest)).isEqualTo(H3Cells.FINEST);
        assertThat(H3Cells.parentOf(finest, 9)).isEqualTo(0x8928308280fffffL);
        assertThat(H3Cells.parentOf(finest, 10)).isEqualTo(finest);
    }

    @Test
    void parentsAgreeWithDirectIndexingAtEveryResolution() {
        double lat = 22.5431, lng = 114.0579; // Shenzhen, Futian
        long finest = H3Cells.finestCell(lat, lng);
        for (int r = H3Cells.COARSEST; r <= H3Cells.FINEST; r++) {
            assertThat(H3Cells.parentOf(finest, r)).isEqualTo(h3.cell(lat, lng, r));
        }
    }

    @Test
    void parentByTheIndexLayoutEqualsH3sOwnCellToParent() throws java.io.IOException {
        // Outside truth: the native library's cellToParent, on cells all over the globe and at every
        // resolution pair, pentagons included (base cells 4, 14, 24, ... hold them).
        com.uber.h3core.H3Core reference = com.uber.h3core.H3Core.newInstance();
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            double lat = Math.toDegrees(Math.asin(2 * rnd.nextDouble() - 1)), lng = 360 * rnd.nextDouble() - 180;
            int res = rnd.nextInt(16);
            long cell = reference.latLngToCell(lat, lng, res);
            for (int p = 0; p <= res; p++) {
                assertThat(H3Cells.parentBits(cell, p)).isEqualTo(reference.cellToParent(cell, p));
            }
        }
        for (long pentagon : reference.getPentagons(10)) {
            for (int p = 0; p <= 10; p++) {
                assertThat(H3Cells.parentBits(pentagon, p)).isEqualTo(reference.cellToParent(pentagon, p));
            }
        }
        long finest = H3Cells.finestCell(22.5431, 114.0579);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> H3Cells.parentBits(finest, 11))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void boundaryIsAClosedLonLatPolygonContainingTheCentre() {
        long c = H3Cells.finestCell(39.915, 116.404);
        Polygon p = h3.boundary(c);
        assertThat(p.getSRID()).isEqualTo(4326);
        assertThat(p.getExteriorRing().isClosed()).isTrue();
        assertThat(p.getExteriorRing().getNumPoints()).isEqualTo(7);
        assertThat(p.getCentroid().getX()).isBetween(116.40, 116.41);
        // A resolution-10 hexagon averages 0.015 km2; sizes vary by location within a factor of about two.
        double m2 = p.getArea() * 111_320 * 111_320 * Math.cos(Math.toRadians(39.915));
        assertThat(m2).isBetween(8_000.0, 20_000.0);
    }

    @Test
    void coverHasNoGapsAndNoCellsFarOutside() throws ParseException {
        Geometry square = new WKTReader().read(
            "POLYGON((114.00 22.50, 114.02 22.50, 114.02 22.52, 114.00 22.52, 114.00 22.50))");
        SortedSet<Long> cells = h3.cover(square, 9);
        // Every point of the square lies in a covering cell (a 50 x 50 lattice probes it).
        for (int i = 0; i <= 50; i++) {
            for (int j = 0; j <= 50; j++) {
                double lng = 114.00 + 0.02 * i / 50, lat = 22.50 + 0.02 * j / 50;
                assertThat(cells).contains(h3.cell(lat, lng, 9));
            }
        }
        for (long c : cells) {
            assertThat(h3.boundary(c).intersects(square)).isTrue();
            assertThat(h3.resolution(c)).isEqualTo(9);
        }
    }

    @Test
    void aPolygonSmallerThanACellIsStillCovered() throws ParseException {
        Geometry tiny = new WKTReader().read(
            "POLYGON((114.0001 22.5001, 114.0002 22.5001, 114.0002 22.5002, 114.0001 22.5002, 114.0001 22.5001))");
        assertThat(h3.cover(tiny, 7)).containsExactly(h3.cell(22.50015, 114.00015, 7));
    }
}
