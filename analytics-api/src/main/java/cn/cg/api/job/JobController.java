package cn.cg.api.job;

import cn.cg.api.system.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins' read-only view of the job runs: imports and aggregation runs, latest first. */
@RestController
class JobController {

    private final JdbcTemplate jdbc;

    JobController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Operation(summary = "Import and aggregation runs (admin)",
            description = "The latest runs with their status and counts; limit (default 20, at most 500) per kind.")
    @GetMapping("/api/v1/jobs")
    Map<String, Object> jobs(@RequestParam(required = false) String limit) {
        int n = 20;
        if (limit != null) {
            try {
                n = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                throw new InvalidParameterException("limit", "'" + limit + "' is not a whole number");
            }
            if (n < 1 || n > 500) {
                throw new InvalidParameterException("limit", "limit is 1 to 500");
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("imports", rows(JobSql.IMPORTS, n));
        out.put("aggregations", rows(JobSql.AGGREGATIONS, n));
        return out;
    }

    private List<Map<String, Object>> rows(String sql, int limit) {
        return jdbc.queryForList(sql, limit);
    }
}
