package cn.cg.geo.time;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cg.geo.time.TimeBuckets.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeBucketsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void dayIsTheLocalDate() {
        // 2024-03-31T16:30Z is 00:30 on 1 April in Beijing time.
        Instant t = Instant.parse("2024-03-31T16:30:00Z");
        assertThat(TimeBuckets.day(t, SHANGHAI)).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(TimeBuckets.day(t, ZoneId.of("UTC"))).isEqualTo(LocalDate.of(2024, 3, 31));
    }

    @Test
    void isoWeeksStartOnMondayAcrossYearEnds() {
        // 2021-01-01 is a Friday in ISO week 2020-W53, which starts on Monday 2020-12-28.
        assertThat(TimeBuckets.weekStart(LocalDate.of(2021, 1, 1))).isEqualTo(LocalDate.of(2020, 12, 28));
        assertThat(TimeBuckets.weekStart(LocalDate.of(2024, 4, 1))).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(TimeBuckets.weekStart(LocalDate.of(2024, 4, 7))).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(TimeBuckets.start(Kind.MONTH, LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(TimeBuckets.end(Kind.MONTH, LocalDate.of(2024, 2, 1))).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(TimeBuckets.end(Kind.WEEK, LocalDate.of(2020, 12, 28))).isEqualTo(LocalDate.of(2021, 1, 4));
    }

    @Test
    void hourOfWeekRunsFromMondayMidnightToSundayNight() {
        assertThat(TimeBuckets.hourOfWeek(Instant.parse("2024-03-31T16:30:00Z"), SHANGHAI)).isZero(); // Mon 00:30
        assertThat(TimeBuckets.hourOfWeek(Instant.parse("2024-04-07T15:59:59Z"), SHANGHAI)).isEqualTo(167); // Sun 23:59
        assertThat(TimeBuckets.hourOfWeek(Instant.parse("2024-04-03T11:00:00Z"), SHANGHAI)).isEqualTo(2 * 24 + 19); // Wed 19:00
    }

    @Test
    void sqlNamesRoundTrip() {
        for (Kind k : Kind.values()) {
            assertThat(Kind.ofSqlName(k.sqlName())).isEqualTo(k);
        }
        assertThat(Kind.WEEK.sqlName()).isEqualTo("week");
    }
}
