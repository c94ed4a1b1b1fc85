package cn.cg.spark.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cg.geo.grid.H3Cells;
import cn.cg.geo.hotspot.GiStar;
import cn.cg.geo.hotspot.HotspotCell;
import cn.cg.geo.hotspot.HotspotOptions;
import cn.cg.geo.hotspot.Kernel;
import cn.cg.spark.SparkTestSession;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The job's transforms on small hand-made inputs, and its settings. */
class HotspotTransformsTest {

    static final LocalDate MARCH = LocalDate.of(2025, 3, 1);
    static final long C1 = H3Cells.get().cell(22.54, 114.05, 8);

    @Test
    void categorySetsSumAllCategoriesAndTheVendorOnes() {
        SparkSession spark = SparkTestSession.get();
        long c2 = H3Cells.get().cell(22.56, 114.07, 8);
        Dataset<Row> counts = spark.createDataFrame(List.of(
            RowFactory.create(8, C1, "0501", MARCH, 2L),
            RowFactory.create(8, C1, "0101", MARCH, 3L),
            RowFactory.create(8, c2, "0101", MARCH, 1L),
            RowFactory.create(8, c2, "0510", MARCH.plusMonths(1), 4L)), HotspotTransforms.COUNTS);
        Map<String, Double> got = new TreeMap<>();
        for (Row r : HotspotTransforms.categorySets(counts, Set.of("0501", "0510")).collectAsList()) {
            got.put(r.getString(1) + " " + r.get(2) + " " + (r.getLong(3) == C1 ? "c1" : "c2"), r.getDouble(4));
        }
        assertThat(got).containsExactlyInAnyOrderEntriesOf(Map.of(
            "all 2025-03-01 c1", 5.0, "all 2025-03-01 c2", 1.0, "all 2025-04-01 c2", 4.0,
            "vendor 2025-03-01 c1", 2.0, "vendor 2025-04-01 c2", 4.0));
    }

    @Test
    void monthlyGiStarIsGeoCoresOnTheStudyAreaFilledWithZeros() {
        SparkSession spark = SparkTestSession.get();
        long[] study = H3Cells.get().cover(H3Cells.get().boundary(H3Cells.get().cell(22.54, 114.05, 6)), 8)
            .stream().mapToLong(Long::longValue).toArray();
        Dataset<Row> sets = spark.createDataFrame(List.of(
            RowFactory.create(8, "all", MARCH, study[3], 9.0),
            RowFactory.create(8, "all", MARCH, study[4], 7.0),
            RowFactory.create(8, "all", MARCH, study[10], 1.0)), new org.apache.spark.sql.types.StructType()
            .add("resolution", "int").add("category_set", "string").add("bucket_start", "date")
            .add("cell", "long").add("value", "double"));
        var studyB = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(Map.of(8, study));
        HotspotConfig cfg = HotspotConfig.of("jdbc:postgresql://unused/db").withK(1).withKernel(Kernel.TRIANGULAR)
            .withPartitions(2);
        List<HotspotTransforms.GroupOut> out = HotspotTransforms.monthlyGiStar(sets, studyB, cfg, 42).collect();
        assertThat(out).hasSize(1);
        Row group = out.get(0).group();
        assertThat(group.getInt(6)).isEqualTo(1);
        assertThat(group.getString(7)).isEqualTo("configured");
        assertThat(group.getInt(10)).isEqualTo(study.length);
        assertThat(group.getLong(11)).isEqualTo(17);

        TreeMap<Long, Double> input = new TreeMap<>();
        for (long c : study) {
            input.put(c, 0.0);
        }
        input.put(study[3], 9.0);
        input.put(study[4], 7.0);
        input.put(study[10], 1.0);
        List<HotspotCell> direct = GiStar.analyse(input,
            HotspotOptions.ofK(1).withKernel(Kernel.TRIANGULAR).withFdr(true));
        List<Row> rows = out.get(0).rows();
        assertThat(rows).hasSize(direct.size());
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            assertThat(r.getLong(0)).isEqualTo(42);
            assertThat(r.getLong(4)).isEqualTo(direct.get(i).cell());
            assertThat(r.getDouble(5)).isEqualTo(direct.get(i).value());
            assertThat(r.isNullAt(6) ? Double.NaN : r.getDouble(6)).isEqualTo(direct.get(i).z());
            assertThat(r.getInt(8)).isEqualTo(direct.get(i).bin());
        }
        assertThat(rows.stream().filter(r -> r.getInt(8) > 0).count()).isPositive();
    }

    @Test
    void monthsAreContiguousFromFirstToLast() {
        assertThat(HotspotTransforms.months(LocalDate.of(2024, 11, 1), LocalDate.of(2025, 2, 1)))
            .containsExactly(LocalDate.of(2024, 11, 1), LocalDate.of(2024, 12, 1), LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 2, 1));
    }

    @Test
    void settingsParseWithDefaultsAndRefuseNonsense() {
        HotspotConfig c = HotspotConfig.parse("--db-url", "jdbc:postgresql://h/db");
        assertThat(c.autoK()).isTrue();
        assertThat(c.kSetting()).isEqualTo("auto");
        assertThat(c.autoKMax()).isEqualTo(6);
        assertThat(c.fdr()).isTrue();
        assertThat(c.kernel()).isEqualTo(Kernel.BINARY);
        HotspotConfig d = HotspotConfig.parse("--db-url", "jdbc:postgresql://h/db", "--k", "3", "--kernel", "quartic",
            "--fdr", "false");
        assertThat(d.k()).isEqualTo(3);
        assertThat(d.kernel()).isEqualTo(Kernel.QUARTIC);
        assertThat(d.fdr()).isFalse();
        assertThatThrownBy(() -> HotspotConfig.parse("--db-url", "jdbc:postgresql://h/db", "--k", "0"))
            .hasMessageContaining("--k");
        assertThatThrownBy(() -> HotspotConfig.parse("--db-url", "jdbc:postgresql://h/db", "--fdr", "maybe"))
            .hasMessageContaining("--fdr");
        assertThatThrownBy(() -> HotspotConfig.parse("--k", "2")).hasMessageContaining("--db-url");
        assertThatThrownBy(() -> HotspotConfig.parse("--db-url", "mysql://x")).hasMessageContaining("jdbc:postgresql");
    }
}
