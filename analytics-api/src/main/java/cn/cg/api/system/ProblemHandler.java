package cn.cg.api.system;

import cn.cg.api.violation.ImportException;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for every error: a stable {@code type} per kind of problem, a human
 * {@code title}, what went wrong in {@code detail}. A user's mistake is a 4xx that says what to fix.
 * Spring's own errors (unknown path, missing part, upload too large) come as problem details from the base class.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final CgProperties.Database database;
    private final long maxUpload;

    ProblemHandler(CgProperties properties) {
        this.database = properties.database();
        this.maxUpload = properties.imports().maxUpload().toBytes();
    }

    /** Spring's 413 for an upload past the multipart limit, naming the setting. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, "The upload is larger than the "
                + maxUpload + " bytes accepted; split the file (cg.imports.max-upload).");
        p.setType(type("upload-too-large"));
        p.setTitle("The upload is too large");
        p.setProperty("limit", maxUpload);
        p.setProperty("setting", "cg.imports.max-upload");
        return handleExceptionInternal(e, p, headers, HttpStatus.CONTENT_TOO_LARGE, request);
    }

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

    /**
     * Any exception whose causes say the database could not serve the request: 503 with Retry-After,
     * "database-unavailable" when it is down, "overloaded" when it is up but every connection stayed
     * busy. Anything else is rethrown, which leaves it to Spring's own handling.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> databaseFailure(Exception e) throws Exception {
        DatabaseFailure failure = DatabaseFailure.of(e).orElse(null);
        if (failure == null) {
            throw e;
        }
        boolean down = failure == DatabaseFailure.DOWN;
        log.warn(down ? "database unavailable: {}" : "no database connection free in time: {}", e.getMessage());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, down
                ? "The database is not reachable at the moment; try again shortly."
                : "The service is busy: every database connection stayed in use; try again shortly.");
        p.setType(type(down ? "database-unavailable" : "overloaded"));
        p.setTitle(down ? "Service temporarily unavailable" : "Service overloaded");
        Duration retryAfter = down ? database.retryAfterDown() : database.retryAfterBusy();
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(p);
    }
}
