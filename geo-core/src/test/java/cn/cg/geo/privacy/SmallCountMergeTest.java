package cn.cg.geo.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cg.geo.grid.H3Cells;
import cn.cg.geo.privacy.SmallCountMerge.Cell;
import cn.cg.geo.privacy.SmallCountMerge.Result;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SmallCountMergeTest {

    private final H3Cells h3 = H3Cells.get();

    /** Resolution-10 cells around a point of Futian, Shenzhen: the centre child and its siblings. */
    private final long parent9 = h3.cell(22.5431, 114.0579, 9);

    /** The index-th (in id order) resolution-10 child of a resolution-9 cell, found by indexing nearby points. */
    private long child(long parent, int index) {
        java.util.TreeSet<Long> children = new java.util.TreeSet<>();
        for (int i = -20; i <= 20; i++) {
            for (int j = -20; j <= 20; j++) {
                long c = h3.cell(22.5431 + i * 0.0002, 114.0579 + j * 0.0002, 10);
                if (h3.parent(c, 9) == parent) {
                    children.add(c);
                }
            }
        }
        assertThat(children).hasSize(7);
        return children.stream().skip(index).findFirst().orElseThrow();
    }

    @Test
    void aLargeCellStaysAndSmallSiblingsPoolIntoTheirParent() {
        long big = child(parent9, 0);
        Map<Long, Long> counts = Map.of(big, 7L, child(parent9, 2), 2L, child(parent9, 3), 2L, child(parent9, 4), 1L);
        Result r = SmallCountMerge.merge(counts, 5, 6);
        assertThat(r.cells()).containsExactly(new Cell(big, 10, 7, false), new Cell(parent9, 9, 5, true));
        assertThat(r.droppedCases()).isZero();
    }

    @Test
    void anIsolatedCaseClimbsToTheCoarsestResolutionAndIsDropped() {
        long far = h3.cell(22.80, 114.50, 10);
        Result r = SmallCountMerge.merge(Map.of(child(parent9, 0), 9L, far, 1L), 5, 6);
        assertThat(r.cells()).containsExactly(new Cell(child(parent9, 0), 10, 9, false));
        assertThat(r.droppedCases()).isEqualTo(1);
        assertThat(r.droppedPools()).isEqualTo(1);
    }

    @Test
    void poolsClimbSeveralResolutionsUntilTheyReachK() {
        long parent8 = h3.parent(parent9, 8);
        // Two small cells in different resolution-9 parents under one resolution-8 parent: 3 + 3 meet at 8.
        long a = h3.cell(22.5431, 114.0579, 10);
        long b = -1;
        for (double d = 0.001; b < 0; d += 0.001) {
            long c = h3.cell(22.5431 + d, 114.0579, 10);
            if (h3.parent(c, 9) != parent9 && h3.parent(c, 8) == parent8) {
                b = c;
            }
        }
        Result r = SmallCountMerge.merge(Map.of(a, 3L, b, 3L), 5, 6);
        assertThat(r.cells()).containsExactly(new Cell(parent8, 8, 6, true));
    }

    @Test
    void kOfOnePublishesEveryCellAsItIs() {
        Map<Long, Long> counts = Map.of(child(parent9, 0), 1L, child(parent9, 2), 3L);
        assertThat(SmallCountMerge.merge(counts, 1, 6).cells()).hasSize(2).allMatch(c -> !c.merged());
    }

    @Test
    void randomCityNeverPublishesACountBelowKAndConservesCases() {
        Random rnd = new Random(7);
        Map<Long, Long> counts = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            double lat = 22.45 + rnd.nextDouble() * 0.3;
            double lon = 113.85 + rnd.nextDouble() * 0.5;
            counts.merge(h3.cell(lat, lon, 10), (long) (1 + rnd.nextInt(rnd.nextInt(10) < 8 ? 2 : 12)), Long::sum);
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        for (int k : List.of(2, 5, 11)) {
            Result r = SmallCountMerge.merge(counts, k, 6);
            assertThat(r.cells()).allMatch(c -> c.count() >= k);
            assertThat(r.cells().stream().mapToLong(Cell::count).sum() + r.droppedCases()).isEqualTo(total);
            assertThat(r.cells()).allMatch(c -> c.merged() ? c.resolution() < 10 && c.resolution() >= 6 : c.resolution() == 10);
            // Unmerged cells are exactly the input cells with at least k.
            assertThat(r.cells().stream().filter(c -> !c.merged()).count())
                    .isEqualTo(counts.values().stream().filter(n -> n >= k).count());
        }
    }
}
