package cn.cg.api.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is asking, as the features see it: the role of the current request's principal. The one seam
 * between Spring Security and the feature packages, which call {@link #role()} or {@link #isPublic()}
 * instead of reading the security context themselves.
 */
public final class Viewer {

    private Viewer() {
    }

    /** The highest role among the current principal's authorities; no principal (or none known) = public. */
    public static Role role() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public static boolean isPublic() {
        return role() == Role.PUBLIC;
    }

    static Role of(Authentication auth) {
        if (auth == null || !auth.isAuthenticated()) {
            return Role.PUBLIC;
        }
        return Role.highest(auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    }
}
