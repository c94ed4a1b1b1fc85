package cn.cg.api.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.cg.api.PostgisIT;
import cn.cg.api.TestTokens;
import cn.cg.api.aggregate.AggregateFixture;
import cn.cg.api.aggregate.DataVersion;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class RankingsIT extends PostgisIT {

    /** As a researcher: this test is about the figures, which the public sees suppressed (docs/security.md). */
    @Override
    protected HttpResponse<String> get(String pathAndQuery) throws Exception {
        return get(pathAndQuery, TestTokens.RESEARCHER);
    }

    static final LocalDate MARCH = LocalDate.of(2025, 3, 1);
    static final LocalDate FEB = LocalDate.of(2025, 2, 1);

    @Autowired
    DataVersion dataVersion;

    final ObjectMapper json = new ObjectMapper();
    AggregateFixture fixture;
    long d1;
    long s1;
    long s2;
    long s3;

    @BeforeEach
    void data() {
        fixture = new AggregateFixture(jdbc);
        d1 = area("district", "440303", "罗湖区", null, "114.00 22.50, 114.10 22.50, 114.10 22.60, 114.00 22.60, 114.00 22.50");
        long d2 = area("district", "440304", "福田区", null, "114.10 22.50, 114.20 22.50, 114.20 22.60, 114.10 22.60, 114.10 22.50");
        s1 = area("street", "440303001", "桂园街道", d1, "114.00 22.50, 114.05 22.50, 114.05 22.60, 114.00 22.60, 114.00 22.50");
        s2 = area("street", "440303002", "黄贝街道", d1, "114.05 22.50, 114.10 22.50, 114.10 22.55, 114.05 22.55, 114.05 22.50");
        s3 = area("street", "440304001", "园岭街道", d2, "114.10 22.50, 114.20 22.50, 114.20 22.60, 114.10 22.60, 114.10 22.50");
        // S1 March: 0501 10 (8 closed, 6 on time, 8 x 10 h), 0504 5 (4 closed, 3 on time, 4 x 4 h); Feb 10.
        fixture.area(s1, "street", "0501", MARCH, 10, 8, 6, 8 * 36_000);
        fixture.area(s1, "street", "0504", MARCH, 5, 4, 3, 4 * 14_400);
        fixture.area(s1, "street", "0501", FEB, 10, 10, 10, 10 * 3_600);
        // S2 March: 0101 4 (4 closed, 4 on time, 4 x 2 h), 0501 6 (3 closed, 0 on time, 3 x 20 h); Feb 20.
        fixture.area(s2, "street", "0101", MARCH, 4, 4, 4, 4 * 7_200);
        fixture.area(s2, "street", "0501", MARCH, 6, 3, 0, 3 * 72_000);
        fixture.area(s2, "street", "0101", FEB, 20, 20, 20, 20 * 3_600);
        // S3: nothing in March, 7 in February.
        fixture.area(s3, "street", "0505", FEB, 7, 0, 0, 0);
        fixture.area(d1, "district", "0501", MARCH, 16, 11, 6, 0);
        dataVersion.refresh();
    }

    @AfterEach
    void clean() {
        fixture.close();
        dataVersion.refresh();
    }

    private long area(String level, String code, String name, Long parent, String ring) {
        return jdbc.queryForObject("INSERT INTO admin_area (level, code, name, parent_id, geom) "
                + "VALUES (?, ?, ?, ?, ST_Multi(ST_GeomFromText('POLYGON((' || ? || '))', 4326))) RETURNING id",
                Long.class, level, code, name, parent, ring);
    }

    @Test
    void streetFiguresEqualHandComputedValues() throws Exception {
        JsonNode body = json.readTree(get("/api/v1/rankings?level=street&period=2025-03&sort=closureRate&order=desc").body());
        assertThat(body.get("period").asText()).isEqualTo("2025-03-01/2025-03-31");
        assertThat(body.get("previousPeriod").asText()).isEqualTo("2025-02-01/2025-02-28");
        JsonNode areas = body.get("areas");
        assertThat(areas).hasSize(3);
        // S1 closure 12/15 = 0.8 > S2 7/10 = 0.7; S3 has no cases (rate null, last).
        JsonNode a = areas.get(0);
        assertThat(a.get("code").asText()).isEqualTo("440303001");
        assertThat(a.get("rank").asInt()).isEqualTo(1);
        assertThat(a.get("cases").asLong()).isEqualTo(15);
        assertThat(a.get("closed").asLong()).isEqualTo(12);
        assertThat(a.get("closureRate").asDouble()).isEqualTo(0.8);
        assertThat(a.get("onTimeClosureRate").asDouble()).isEqualTo(0.6);
        assertThat(a.get("meanHandlingHours").asDouble()).isCloseTo((8 * 10 + 4 * 4) / 12.0, within(1e-12));
        assertThat(a.get("previousCases").asLong()).isEqualTo(10);
        assertThat(a.get("change").asLong()).isEqualTo(5);
        assertThat(a.get("changePct").asDouble()).isEqualTo(50.0);
        assertThat(a.get("casesPerKm2").asDouble()).isCloseTo(15 / km2(s1), within(1e-9));
        assertThat(a.get("topCategories").toString()).isEqualTo("[{\"code\":\"0501\",\"cases\":10},{\"code\":\"0504\",\"cases\":5}]");
        JsonNode b = areas.get(1);
        assertThat(b.get("code").asText()).isEqualTo("440303002");
        assertThat(b.get("closureRate").asDouble()).isEqualTo(0.7);
        assertThat(b.get("onTimeClosureRate").asDouble()).isEqualTo(0.4);
        assertThat(b.get("meanHandlingHours").asDouble()).isCloseTo((4 * 2 + 3 * 20) / 7.0, within(1e-12));
        assertThat(b.get("change").asLong()).isEqualTo(-10);
        assertThat(b.get("changePct").asDouble()).isEqualTo(-50.0);
        JsonNode c = areas.get(2);
        assertThat(c.get("cases").asLong()).isZero();
        assertThat(c.get("closureRate").isNull()).isTrue();
        assertThat(c.get("changePct").asDouble()).isEqualTo(-100.0);

        // Every figure equals a direct SQL over agg_area for that street.
        for (JsonNode r : areas) {
            Map<String, Object> sql = jdbc.queryForMap("SELECT coalesce(sum(cases), 0) AS cases, coalesce(sum(closed), 0) AS closed, "
                    + "coalesce(sum(closed_on_time), 0) AS on_time FROM agg_area WHERE area_id = ? AND bucket = 'month' "
                    + "AND bucket_start = DATE '2025-03-01' AND valid_from = ?", r.get("id").asLong(), fixture.run());
            assertThat(r.get("cases").asLong()).isEqualTo(((Number) sql.get("cases")).longValue());
            assertThat(r.get("closed").asLong()).isEqualTo(((Number) sql.get("closed")).longValue());
            assertThat(r.get("closedOnTime").asLong()).isEqualTo(((Number) sql.get("on_time")).longValue());
        }
    }

    @Test
    void sortsFiltersAndCsv() throws Exception {
        List<String> byCasesAsc = codes("/api/v1/rankings?level=street&period=2025-03&sort=cases&order=asc");
        assertThat(byCasesAsc).containsExactly("440304001", "440303002", "440303001");
        assertThat(codes("/api/v1/rankings?level=street&period=2025-03&sort=change")).containsExactly("440303001", "440304001", "440303002");
        assertThat(codes("/api/v1/rankings?level=street&period=2025-03&area=440303")).hasSize(2);
        assertThat(codes("/api/v1/rankings?level=street&period=2025-03&categories=vendor&sort=cases"))
                .containsExactly("440303001", "440303002", "440304001");
        JsonNode vendor = json.readTree(get("/api/v1/rankings?level=street&period=2025-03&categories=vendor&sort=cases").body());
        assertThat(vendor.get("areas").get(0).get("cases").asLong()).isEqualTo(15);
        assertThat(vendor.get("areas").get(1).get("cases").asLong()).isEqualTo(6);
        JsonNode districts = json.readTree(get("/api/v1/rankings?period=2025-03").body());
        assertThat(districts.get("level").asText()).isEqualTo("district");
        assertThat(districts.get("areas").get(0).get("cases").asLong()).isEqualTo(16);
        // Two months against the two before.
        JsonNode two = json.readTree(get("/api/v1/rankings?level=street&period=2025-02/2025-03&sort=code&order=asc").body());
        assertThat(two.get("areas").get(0).get("cases").asLong()).isEqualTo(25);
        assertThat(two.get("previousPeriod").asText()).isEqualTo("2024-12-01/2025-01-31");

        HttpResponse<String> csv = get("/api/v1/rankings?level=street&period=2025-03&sort=closureRate&f=csv");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String[] lines = csv.body().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("rank,id,code,name,level,parent_id,area_km2,cases,cases_per_km2,previous_cases,change");
        assertThat(lines[1]).startsWith("1," + s1 + ",440303001,桂园街道,street," + d1 + ",").contains(",15,").endsWith(",0501:10 0504:5");
    }

    @Test
    void badParametersAreProblemsNamingThem() throws Exception {
        assertBad("/api/v1/rankings?level=grid", "level");
        assertBad("/api/v1/rankings?sort=bogus", "sort");
        assertBad("/api/v1/rankings?order=up", "order");
        assertBad("/api/v1/rankings?period=2025-3", "period");
        assertBad("/api/v1/rankings?period=2025-04/2025-03", "period");
        assertBad("/api/v1/rankings?period=2025-03-01", "period");
        assertBad("/api/v1/rankings?status=closed", "status");
        assertBad("/api/v1/rankings?categories=0599,9", "categories");
        assertBad("/api/v1/rankings?area=999999", "area");
        assertBad("/api/v1/rankings?f=xlsx", "f");
        assertBad("/api/v1/rankings?limit=3", "limit");
    }

    private void assertBad(String path, String parameter) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(400);
        assertThat(json.readTree(r.body()).get("errors").get(0).get("parameter").asText()).as(path).isEqualTo(parameter);
    }

    private List<String> codes(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        json.readTree(r.body()).get("areas").forEach(a -> out.add(a.get("code").asText()));
        return out;
    }

    private double km2(long id) {
        return jdbc.queryForObject("SELECT area_km2 FROM admin_area WHERE id = ?", Double.class, id);
    }
}
