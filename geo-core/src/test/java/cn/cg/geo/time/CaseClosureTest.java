package cn.cg.geo.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CaseClosureTest {

    private static final Instant REPORTED = Instant.parse("2024-04-01T08:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2024-04-03T08:00:00Z");

    @Test
    void closedOnTimeNeedsStatusClosingTimeAndDeadline() {
        Instant early = Instant.parse("2024-04-02T08:00:00Z");
        assertThat(CaseClosure.isClosedOnTime("closed", early, DEADLINE)).isTrue();
        assertThat(CaseClosure.isClosedOnTime("closed", DEADLINE, DEADLINE)).isTrue();
        assertThat(CaseClosure.isClosedOnTime("closed", DEADLINE.plusSeconds(1), DEADLINE)).isFalse();
        assertThat(CaseClosure.isClosedOnTime("closed", early, null)).isFalse();
        assertThat(CaseClosure.isClosedOnTime("handled", early, DEADLINE)).isFalse();
        assertThat(CaseClosure.isClosed("closed", null)).isFalse();
    }

    @Test
    void handlingTimeIsExactSecondsAndMeanIsInHours() {
        Instant closed = Instant.parse("2024-04-01T14:30:00Z");
        assertThat(CaseClosure.handlingSeconds("closed", REPORTED, closed)).isEqualTo(6 * 3600 + 1800);
        assertThat(CaseClosure.handlingSeconds("registered", REPORTED, null)).isZero();
        assertThat(CaseClosure.meanHandlingHours(3 * 3600, 2)).isEqualTo(1.5);
        assertThat(CaseClosure.meanHandlingHours(0, 0)).isNull();
    }
}
