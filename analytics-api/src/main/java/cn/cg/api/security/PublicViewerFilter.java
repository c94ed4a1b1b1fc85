package cn.cg.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request without a token is the public role, a role like the others rather than Spring's "anonymous":
 * a public caller asking for a planner's endpoint then gets 403 naming the role needed, the same answer
 * a researcher gets, instead of being sent to authenticate as if a token were merely missing.
 */
final class PublicViewerFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() == null) {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("public", null,
                    List.of(new SimpleGrantedAuthority(Role.PUBLIC.authority()))));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
