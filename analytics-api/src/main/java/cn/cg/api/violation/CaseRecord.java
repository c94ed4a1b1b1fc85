package cn.cg.api.violation;

import java.time.OffsetDateTime;

/** A validated case in WGS-84, ready to be staged. {@code attrs} is a JSON object text. */
record CaseRecord(
        int line,
        String caseNo,
        String categoryCode,
        String source,
        String status,
        OffsetDateTime reportedAt,
        OffsetDateTime closedAt,
        OffsetDateTime deadlineAt,
        double lon,
        double lat,
        String gridCode,
        String address,
        double weight,
        String attrs,
        String reporterName,
        String reporterPhone) {
}
