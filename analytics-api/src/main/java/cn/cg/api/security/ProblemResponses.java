package cn.cg.api.security;

import cn.cg.api.system.ProblemBodies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * RFC 9457 answers for the two security refusals, written by the filter chain (before any controller,
 * so the MVC problem handler never sees them): 401 for a token that is not accepted, with
 * {@code WWW-Authenticate: Bearer} (RFC 6750); 403 naming the role the request needs and the caller's.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {


    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        Map<String, Object> p = problem("unauthorized", "The bearer token is not accepted", HttpStatus.UNAUTHORIZED,
                "Send 'Authorization: Bearer <token>' with a token the service knows (see docs/security.md), or no "
                        + "Authorization header at all for the public view.", request);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"cg\", error=\"invalid_token\"");
        write(response, HttpStatus.UNAUTHORIZED, p);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        Role needed = AccessMatrix.required(request);
        Role role = Viewer.role();
        Map<String, Object> p = problem("forbidden", "This needs a higher role", HttpStatus.FORBIDDEN,
                "This request needs the role " + needed.label() + " (or higher); "
                        + (role == Role.PUBLIC ? "without a token you are public: sign in with a token." : "your role is " + role.label() + "."),
                request);
        p.put("requiredRole", needed.label());
        p.put("role", role.label());
        write(response, HttpStatus.FORBIDDEN, p);
    }

    private static Map<String, Object> problem(String type, String title, HttpStatus status, String detail, HttpServletRequest request) {
        return ProblemBodies.problem(type, title, status.value(), detail, request.getRequestURI());
    }

    private void write(HttpServletResponse response, HttpStatus status, Map<String, Object> body) throws IOException {
        ProblemBodies.write(response, status.value(), body);
    }
}
