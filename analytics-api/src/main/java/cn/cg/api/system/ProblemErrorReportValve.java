package cn.cg.api.system;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.res.StringManager;

/**
 * Tomcat's error page as a problem detail instead of its HTML: for what Tomcat refuses itself before
 * the application sees the request (a request line and headers past its buffer: 431; a malformed request: 400).
 * Errors the application answers are problem details already and pass untouched.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    /** Tomcat's message (in its locale) when the request line and headers overflow its buffer. */
    private static final String HEADER_TOO_LARGE =
            StringManager.getManager("org.apache.coyote.http11").getString("iib.requestheadertoolarge.error");

    private final int maxHeaderBytes;

    public ProblemErrorReportValve() {
        this(0);
    }

    ProblemErrorReportValve(int maxHeaderBytes) {
        this.maxHeaderBytes = maxHeaderBytes;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        Map<String, Object> p;
        if (status == 400 && throwable != null && HEADER_TOO_LARGE.equals(throwable.getMessage())) {
            // Tomcat's buffer for the request line and headers overflowed: the filter's 414/431 never ran.
            status = 431;
            response.setStatus(status);
            p = ProblemBodies.problem("headers-too-large", "The request headers are too large", status,
                    "The request line and headers together are longer than the " + maxHeaderBytes + " bytes the web server reads.", null);
            p.put("limit", maxHeaderBytes);
        } else {
            // The same types and details as the /error controller's (ErrorProblems): one vocabulary for refusals.
            p = ProblemBodies.problem(ErrorProblems.typeFor(status), "The request was refused", status,
                    status < 500 && response.getMessage() != null && !response.getMessage().isBlank()
                            ? response.getMessage() : ErrorProblems.detailFor(status), null);
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ProblemBodies.json(p));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response cannot take a body: nothing more to say.
        }
    }
}
