package cn.cg.api.system;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Problem details (RFC 9457) for the errors that never reach a controller, so that every 4xx the service
 * sends says what was wrong in the same form as {@link ProblemHandler}'s:
 * <ul>
 *   <li>errors the servlet container or a filter raises with {@code sendError} (a query string with a broken
 *   %-escape, a URL the security firewall refuses) are forwarded to {@code /error}, answered here instead of by
 *   Spring Boot's plain JSON error controller;</li>
 *   <li>requests Tomcat refuses before any servlet runs (a NUL or an encoded slash in the path, headers past
 *   its buffer) are answered by {@link ProblemErrorReportValve}, in place of Tomcat's HTML error page.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ErrorProblems {

    private static final Logger log = LoggerFactory.getLogger(ErrorProblems.class);

    /** Title and detail for an error that carries no message of its own. */
    static String detailFor(int status) {
        return switch (status) {
            case 400 -> "The request cannot be read: its URL, query string or headers are malformed "
                    + "(for example a broken %-escape or a character that is not allowed there).";
            case 404 -> "There is nothing at this URL; the API starts at /api/v1.";
            case 405 -> "This URL does not take this HTTP method.";
            case 413 -> "The request is larger than the service accepts.";
            case 414 -> "The URL is longer than the service accepts.";
            case 431 -> "The request's headers are larger than the service accepts.";
            default -> status >= 500 ? "The service failed to answer this request; it has been logged."
                    : "The request was refused.";
        };
    }

    static String typeFor(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413, 414, 431 -> "too-large";
            default -> status >= 500 ? "internal-error" : "refused";
        };
    }

    /** Replaces Spring Boot's BasicErrorController: the {@code /error} forward becomes a problem. */
    @Hidden
    @RestController
    static class ProblemErrorController implements ErrorController {

        @RequestMapping("${server.error.path:/error}")
        ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            int status = code instanceof Integer i ? i : 404; // asked for /error itself: there is nothing here
            Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            Throwable cause = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            if (status >= 500) {
                log.error("{} on {}", status, uri, cause);
            }
            // A container's own message is safe to show for a 4xx (it describes the request); a 5xx's is not.
            String detail = status < 500 && message instanceof String m && !m.isBlank() ? m : detailFor(status);
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
            p.setType(ProblemHandler.type(typeFor(status)));
            if (uri instanceof String u) {
                p.setInstance(URI.create(encodePath(u)));
            }
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
    }

    /** The instance URI from a raw request path that may hold characters a URI may not. */
    private static String encodePath(String path) {
        StringBuilder sb = new StringBuilder();
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && "\"<>\\^`{|}%".indexOf(c) < 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }
}
