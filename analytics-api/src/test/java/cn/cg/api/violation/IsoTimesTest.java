package cn.cg.api.violation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast path must agree with java.time's own parsers wherever it answers, and decline the rest. */
class IsoTimesTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Test
    void agreesWithJavaTimeOnRandomTimes() {
        SplittableRandom r = new SplittableRandom(7);
        String[] offsets = {"+08:00", "Z", "-07:00", "+05:30", ""};
        for (int i = 0; i < 20_000; i++) {
            LocalDateTime t = LocalDateTime.of(1990 + r.nextInt(40), 1 + r.nextInt(12), 1 + r.nextInt(28),
                    r.nextInt(24), r.nextInt(60), r.nextInt(60));
            String off = offsets[r.nextInt(offsets.length)];
            String text = t.toString().length() == 16 ? t + ":00" : t.toString();
            text = (r.nextBoolean() ? text : text.replace('T', ' ')) + off;
            OffsetDateTime expected = off.isEmpty()
                    ? ZonedDateTime.of(t, CHINA).toOffsetDateTime()
                    : OffsetDateTime.parse(text.replace(' ', 'T'));
            assertThat(IsoTimes.parse(text, CHINA)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void declinesWhatItDoesNotKnow() {
        for (String s : new String[] {"2025-13-01T10:00:00+08:00", "2025-02-30T10:00:00", "2025/03/01 10:00:00",
                "2025-03-01T10:00:00.5+08:00", "2025-03-01T25:00:00", "2025-03-01", "yesterday", "2025-03-01T10:00:00+8"}) {
            assertThat(IsoTimes.parse(s, CHINA)).as(s).isNull();
        }
        assertThat(IsoTimes.parse("2025-03-01T10:00", CHINA)).isEqualTo(OffsetDateTime.parse("2025-03-01T10:00+08:00"));
    }
}
