package cn.cg.spark.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cg.spark.SparkTestSession;
import cn.cg.spark.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Conservation and area counts on the demo city (Shenzhen districts, 20,000 generated cases in 2025). */
class DemoCityIT {

    @AfterAll
    static void cleanUp() throws Exception {
        TestDatabase.clear();
    }

    @Test
    void demoCityCountsAddUpAndMatchStContains() throws Exception {
        TestDatabase.clear();
        assertThat(DemoCityLoader.load(TestDatabase.url(), 20_000, 7)).isEqualTo(20_000);
        RunSummary s = AggregationJob.run(SparkTestSession.get(),
            AggregationConfig.of(TestDatabase.url()).withPartitions(4));
        long n = AggregationJobIT.cases();
        assertThat(s.casesRead()).isEqualTo(n);
        List<String> sums = TestDatabase.rows("SELECT resolution, bucket, sum(cases) FROM agg_cell_current GROUP BY 1, 2");
        assertThat(sums).hasSize(12).allSatisfy(row -> assertThat(row).endsWith("|" + n));
        assertThat(TestDatabase.rows("SELECT area_id, category_code, bucket_start, cases, closed, closed_on_time "
            + "FROM agg_area_current WHERE bucket = 'month' ORDER BY 1, 2, 3")).hasSizeGreaterThan(100)
            .isEqualTo(TestDatabase.rows("SELECT a.id, v.category_code, date_trunc('month', v.reported_at AT TIME ZONE "
                + "'Asia/Shanghai')::date, count(*), count(*) FILTER (WHERE v.status = 'closed' AND v.closed_at IS NOT NULL), "
                + "count(*) FILTER (WHERE v.status = 'closed' AND v.closed_at <= v.deadline_at) FROM admin_area a "
                + "JOIN violation v ON ST_Contains(a.geom, v.geom) WHERE v.status <> 'void' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"));
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM agg_study_cell_current s WHERE resolution = 10 AND NOT "
            + "EXISTS (SELECT 1 FROM agg_cell_current a WHERE a.cell = s.cell)")).isPositive();
    }
}
