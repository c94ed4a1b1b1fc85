package cn.cg.api.violation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.ObjectMapper;

/**
 * An upload whose multipart body cannot be parsed (cut off, no boundary, a file name with a NUL) is the
 * sender's mistake: a 400 problem, not the 500 Spring gives any {@link MultipartException} nobody handles.
 * Consulted last, after the problem handler, which keeps answering a too-large upload with its 413.
 */
@Component
class UnreadableUploads implements HandlerExceptionResolver, Ordered {

    private final ObjectMapper json;

    UnreadableUploads(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        if (!(e instanceof MultipartException) || response.isCommitted()) {
            return null;
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "urn:cg:problem:invalid-import");
        p.put("title", "The file cannot be imported");
        p.put("status", HttpServletResponse.SC_BAD_REQUEST);
        p.put("detail", "the upload is not a readable multipart/form-data body with a 'file' part: " + root.getMessage());
        p.put("instance", request.getRequestURI());
        try {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(json.writeValueAsString(p));
        } catch (IOException io) {
            return null;
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
