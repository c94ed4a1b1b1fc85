package cn.cg.api.system;

import cn.cg.api.violation.ImportException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for every error: a stable {@code type} per kind of problem, a human
 * {@code title}, what went wrong in {@code detail}. A user's mistake is a 4xx that says what to fix.
 * Spring's own errors (unknown path, missing part, upload too large) come as problem details from the base class.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    static URI type(String name) {
        return URI.create("urn:cg:problem:" + name);
    }

    @ExceptionHandler(ImportException.class)
    ProblemDetail invalidImport(ImportException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setType(type("invalid-import"));
        p.setTitle("The file cannot be imported");
        if (e.line() != null) {
            p.setProperty("line", e.line());
        }
        return p;
    }

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail invalidParameter(InvalidParameterException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.parameter() + ": " + e.getMessage());
        p.setType(type("bad-parameter"));
        p.setTitle("A parameter is not valid");
        p.setProperty("errors", java.util.List.of(java.util.Map.of("parameter", e.parameter(), "message", e.getMessage())));
        return p;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badParameter(IllegalArgumentException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setType(type("bad-parameter"));
        p.setTitle("A parameter is not valid");
        return p;
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class})
    ResponseEntity<ProblemDetail> databaseDown(RuntimeException e) {
        log.warn("database unavailable: {}", e.getMessage());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The database is not reachable at the moment; try again shortly.");
        p.setType(type("database-unavailable"));
        p.setTitle("Service temporarily unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(p);
    }
}
