package cn.cg.geo.time;

import java.time.Duration;
import java.time.Instant;

/**
 * Closure figures of the district rankings, one rule for jobs and API: a case counts as closed when
 * its status is {@code closed} (结案) and it has a closing time; it was closed on time when it also
 * has a deadline and closed no later than it. Handling time runs from report to closure. Cases
 * without a deadline are closed but never "on time".
 */
public final class CaseClosure {

    public static final String CLOSED_STATUS = "closed";

    private CaseClosure() {
    }

    public static boolean isClosed(String status, Instant closedAt) {
        return CLOSED_STATUS.equals(status) && closedAt != null;
    }

    public static boolean isClosedOnTime(String status, Instant closedAt, Instant deadlineAt) {
        return isClosed(status, closedAt) && deadlineAt != null && !closedAt.isAfter(deadlineAt);
    }

    /** Whole seconds from report to closure for a closed case, else 0 (sums of these are exact). */
    public static long handlingSeconds(String status, Instant reportedAt, Instant closedAt) {
        return isClosed(status, closedAt) ? Duration.between(reportedAt, closedAt).getSeconds() : 0L;
    }

    /** Mean handling time in hours from an exact sum of seconds, or null when nothing closed. */
    public static Double meanHandlingHours(long handlingSecondsSum, long closed) {
        return closed == 0 ? null : handlingSecondsSum / (double) closed / 3600.0;
    }
}
