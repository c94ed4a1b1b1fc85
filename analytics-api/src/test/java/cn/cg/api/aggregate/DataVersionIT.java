package cn.cg.api.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cg.api.PostgisIT;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The data version is read off the request path (a background read once the snapshot is older than
 * REFRESH), yet a switched run is still seen without anyone calling refresh(), and refresh() makes the
 * next reader see it at once.
 */
class DataVersionIT extends PostgisIT {

    @Autowired
    DataVersion dataVersion;

    AggregateFixture fixture;

    @AfterEach
    void clean() {
        if (fixture != null) {
            fixture.close();
        }
        dataVersion.refresh();
    }

    @Test
    void aSwitchedRunIsSeenWithinTheStaleLimitWithoutRefresh() throws Exception {
        dataVersion.refresh();
        long before = dataVersion.version();
        fixture = new AggregateFixture(jdbc); // a new run, served
        long switched = System.nanoTime();
        assertThat(fixture.run()).isNotEqualTo(before);
        long seen = before;
        while (seen != fixture.run() && System.nanoTime() - switched < DataVersion.STALE_LIMIT.plusSeconds(2).toNanos()) {
            seen = dataVersion.version();
            Thread.sleep(20);
        }
        assertThat(seen).as("the served run, seen without refresh()").isEqualTo(fixture.run());
        // The snapshot is at most REFRESH old when read and the background read takes milliseconds, so the switch
        // shows within REFRESH and a little; STALE_LIMIT is the bound even if the background read were lost.
        assertThat(Duration.ofNanos(System.nanoTime() - switched)).isLessThan(DataVersion.STALE_LIMIT.plusSeconds(1));
    }

    @Test
    void refreshMakesTheNextReaderSeeTheSwitchAtOnce() {
        dataVersion.refresh();
        long before = dataVersion.version();
        fixture = new AggregateFixture(jdbc);
        assertThat(dataVersion.version()).as("within REFRESH the snapshot is kept").isEqualTo(before);
        dataVersion.refresh();
        assertThat(dataVersion.version()).isEqualTo(fixture.run());
    }
}
