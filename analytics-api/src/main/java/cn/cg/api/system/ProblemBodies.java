package cn.cg.api.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 bodies written straight to the servlet response, for refusals made before Spring MVC (its
 * {@link ProblemHandler} answers everything after): security filters, request limits, the web server's
 * own errors. Same members as the handler's: type, title, status, detail, instance.
 */
public final class ProblemBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemBodies() {
    }

    public static Map<String, Object> problem(String type, String title, int status, String detail, String instance) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", ProblemHandler.type(type).toString());
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        if (instance != null) {
            p.put("instance", instance);
        }
        return p;
    }

    public static String json(Map<String, Object> problem) {
        return JSON.writeValueAsString(problem);
    }

    public static void write(HttpServletResponse response, int status, Map<String, Object> problem) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        // A refusal may depend on the caller: never let a shared cache hand it to someone else.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.getWriter().write(json(problem));
    }
}
