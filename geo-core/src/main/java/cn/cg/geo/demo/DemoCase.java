package cn.cg.geo.demo;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One synthetic city-management case, shaped like a row of the {@code violation} table.
 *
 * @param caseNo       unique and stable for a (seed, n): {@code SZ2025} + 8-digit sequence in time order
 * @param categoryCode event code from {@code event-categories.csv}, e.g. {@code 0501}
 * @param source       patrol, hotline, camera, app or other
 * @param status       reported, registered, dispatched, handled, verified, closed, suspended, extended,
 *                     reworked or void
 * @param reportedAt   in 2025, offset +08:00
 * @param closedAt     set only when {@code status} is closed; never before {@code reportedAt}
 * @param deadlineAt   {@code reportedAt} + the category's time limit (twice the limit when extended)
 * @param lon          WGS-84 longitude, 7 decimals, inside a district
 * @param lat          WGS-84 latitude, 7 decimals, inside a district
 * @param address      plausible text such as 福田区兴华路123号; may be null
 * @param weight       always 1.0 here
 */
public record DemoCase(
    String caseNo,
    String categoryCode,
    String source,
    String status,
    OffsetDateTime reportedAt,
    OffsetDateTime closedAt,
    OffsetDateTime deadlineAt,
    double lon,
    double lat,
    String address,
    double weight) {

  public DemoCase {
    Objects.requireNonNull(caseNo, "caseNo");
    Objects.requireNonNull(categoryCode, "categoryCode");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reportedAt, "reportedAt");
    Objects.requireNonNull(deadlineAt, "deadlineAt");
    if (closedAt != null && closedAt.isBefore(reportedAt)) {
      throw new IllegalArgumentException("closedAt before reportedAt: " + caseNo);
    }
  }
}
