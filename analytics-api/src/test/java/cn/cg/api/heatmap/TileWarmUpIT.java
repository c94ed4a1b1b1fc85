package cn.cg.api.heatmap;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cg.api.PostgisIT;
import cn.cg.api.aggregate.AggregateFixture;
import cn.cg.api.aggregate.DataVersion;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The start-up warm-up (off in the other tests' contexts) run against the running server: it requests the
 * tiles of a district with cases without a failure, and leaves no tile behind.
 */
class TileWarmUpIT extends PostgisIT {

    @Autowired
    TileWarmUp warmUp;

    @Autowired
    TileCache tiles;

    @Autowired
    DataVersion dataVersion;

    AggregateFixture fixture;

    @BeforeEach
    void city() {
        fixture = new AggregateFixture(jdbc);
        LocalDate day = dataVersion.latestMonth().plusDays(3);
        fixture.cases(114.0500, 22.5400, "0501", day, 30);
        fixture.cases(114.0530, 22.5415, "0504", day, 12);
        fixture.cases(114.0600, 22.5450, "0501", day, 2);
        jdbc.update("INSERT INTO admin_area (level, code, name, geom) VALUES ('district', '449902', 'warm-up district', "
                + "ST_Multi(ST_MakeEnvelope(114.0450, 22.5350, 114.0650, 22.5500, 4326)))");
        dataVersion.refresh();
    }

    @AfterEach
    void clean() {
        fixture.close();
        dataVersion.refresh();
    }

    @Test
    void warmsUpOverHttpWithoutFailuresAndForgetsItsTiles() throws Exception {
        String tile = "14/" + WebMercator.tileX(114.0500, 14) + "/" + WebMercator.tileY(22.5400, 14);
        assertThat(get("/tiles/heatmap/" + tile + ".png").statusCode()).isEqualTo(200);
        assertThat(tiles.size()).as("a tile made before").isPositive();

        TileWarmUp.Summary s = warmUp.warmUp(Duration.ofSeconds(2));

        assertThat(s).isNotNull();
        // Per step of the first 40 %: two new tiles over HTTP (heatmap and cells) and one researcher tile in-process;
        // then the new tiles again from the cache.
        assertThat(s.requests()).isGreaterThan(40);
        assertThat(s.inProcessTiles()).isGreaterThan(5);
        assertThat(s.requests()).isGreaterThan(3 * s.inProcessTiles());
        assertThat(s.failures()).isZero();
        assertThat(s.inProcessTilesWithCells()).as("tiles that met the district's cases").isPositive();
        assertThat(s.took()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(30));
        assertThat(tiles.size()).as("tiles left by the warm-up").isZero();
        // And the server still answers as before.
        assertThat(get("/tiles/cells/" + tile + ".mvt").statusCode()).isEqualTo(200);
    }

    @Test
    void withoutDistrictsThereIsNothingToWarmUp() throws Exception {
        jdbc.update("DELETE FROM admin_area");

        assertThat(warmUp.warmUp(Duration.ofSeconds(2))).isNull();
    }
}
