package cn.cg.api.heatmap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The look-ups that fill a tile's arrays from memory ({@link CellBoundaries.Shapes}, {@link TileHotspots.Bins}):
 * what a cell without a row gets, since a wrong answer there would read as a bin of 0 or a cell drawn with
 * another's boundary. That the tiles made from them equal the one statement over the tables is CellTilesIT's.
 */
class TileArraysTest {

    @Test
    void binsAreTheCellsOwnAndNullWithoutARow() {
        TileHotspots.Bins bins = new TileHotspots.Bins(new long[] {3, 8, 600_000_000_000L}, new int[] {-2, 0, 3},
                new double[] {-2.4, Double.NaN, 3.9});
        Long[] asked = {600_000_000_000L, 5L, 3L, 8L, 1L, 700_000_000_000L};
        TileHotspots.Attributes hot = bins.of(asked, "vendor");
        assertThat(hot.bin()).containsExactly(3, null, -2, 0, null, null);
        // A row without z (NaN or NULL in hotspot_cell) keeps its bin and has no z, as nullif(z, 'NaN') gives.
        assertThat(hot.z()).containsExactly(3.9, null, -2.4, null, null, null);
        assertThat(hot.set()).containsExactly("vendor", null, "vendor", "vendor", null, null);
        hot.drop(2);
        assertThat(hot.bin()[2]).isNull();
        assertThat(hot.z()[2]).isNull();
        assertThat(hot.set()[2]).isNull();
        assertThat(TileHotspots.NONE.of(asked, "all").bin()).containsOnlyNulls();
        assertThat(TileHotspots.NONE.of(new Long[0], "all").z()).isEmpty();
    }

    @Test
    void boundariesAreTheCellsOwnOrNoneAtAll() {
        byte[] a = {1};
        byte[] b = {2};
        byte[] c = {3};
        CellBoundaries.Shapes shapes = new CellBoundaries.Shapes(new long[] {10, 20, 30}, new byte[][] {a, b, c});
        byte[][] picked = shapes.wkbOf(new Long[] {30L, 10L, 20L});
        assertThat(picked).hasDimensions(3, 1);
        assertThat(picked[0]).isSameAs(c);
        assertThat(picked[1]).isSameAs(a);
        assertThat(picked[2]).isSameAs(b);
        assertThat(shapes.wkbOf(new Long[0])).isEmpty();
        // One cell without a boundary here: none, so that the tile joins h3_cell instead of leaving the cell out.
        assertThat(shapes.wkbOf(new Long[] {10L, 25L})).isNull();
    }
}
