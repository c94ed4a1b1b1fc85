package cn.cg.api.security;

import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Authenticates a bearer token against the configured users. A token no user holds is refused (401)
 * unless an OIDC issuer is configured and the token has the shape of a JWT: then the JWT provider that
 * follows in the chain decides.
 */
final class ConfiguredTokenProvider implements AuthenticationProvider {

    private final TokenUsers users;
    private final boolean jwtFollows;

    ConfiguredTokenProvider(TokenUsers users, boolean jwtFollows) {
        this.users = users;
        this.jwtFollows = jwtFollows;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        var user = users.find(token);
        if (user.isPresent()) {
            return UsernamePasswordAuthenticationToken.authenticated(user.get().name(), null,
                    List.of(new SimpleGrantedAuthority(user.get().role().authority())));
        }
        if (jwtFollows && token.chars().filter(c -> c == '.').count() == 2) {
            return null;
        }
        throw new InvalidBearerTokenException("the bearer token is not known");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
