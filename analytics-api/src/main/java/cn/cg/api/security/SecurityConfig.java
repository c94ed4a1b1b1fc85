package cn.cg.api.security;

import cn.cg.api.system.CgProperties;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.http.HttpHeaders;

/**
 * Stateless bearer-token security: configured users' tokens (SHA-256 in configuration), and an OIDC
 * issuer's JWTs when {@code cg.security.oidc.issuer-uri} is set. No token = the public role. Every request
 * is decided by {@link AccessMatrix}.
 *
 * <p>No sessions, no form login, no HTTP Basic, no generated password. CSRF protection is off on purpose:
 * CSRF abuses credentials a browser attaches by itself (cookies, Basic auth); this API has none, the token
 * travels only in an Authorization header that a page of another origin cannot make the browser send.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // not in the command line (import, demo)
class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    /**
     * No Micrometer observations of the security filters, authentications and authorizations: with actuator on
     * the class path Spring Security wraps every filter of the chain in one, and under 50 clients they were 17 %
     * of the request threads' CPU samples (JFR, zoom-16 tiles; docs/heatmap-and-features.md, session 13) for
     * metrics no endpoint exposes. The request's own observation (http.server.requests) stays.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Besides being the chain's provider, a bean of this type keeps Spring Boot from creating its default
     * user with a generated password.
     */
    @Bean
    AuthenticationProvider configuredTokens(CgProperties properties) {
        TokenUsers users = new TokenUsers(properties.security().users());
        log.info("security: {} configured token users; OIDC issuer {}; public counts below {} suppressed", users.size(),
                properties.security().oidc().issuerUri().isBlank() ? "off" : properties.security().oidc().issuerUri(),
                properties.security().k());
        return new ConfiguredTokenProvider(users, !properties.security().oidc().issuerUri().isBlank());
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, AuthenticationProvider configuredTokens, CgProperties properties) {
        List<AuthenticationProvider> providers = new ArrayList<>(List.of(configuredTokens));
        CgProperties.Oidc oidc = properties.security().oidc();
        if (!oidc.issuerUri().isBlank()) {
            providers.add(jwtProvider(oidc));
        }
        ProviderManager manager = new ProviderManager(providers);
        ProblemResponses problems = new ProblemResponses();
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .oauth2ResourceServer(o -> o.authenticationManagerResolver(request -> manager)
                        .bearerTokenResolver(headerOnly())
                        .authenticationEntryPoint(problems))
                .addFilterAfter(new PublicViewerFilter(), BearerTokenAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // The forward to /error renders the refusal of a request that failed before a controller (a
                // malformed URL, a broken %-escape); it shows only that request's status and reason.
                .authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll().anyRequest().access((auth, ctx) ->
                        new AuthorizationDecision(Viewer.of(auth.get()).covers(AccessMatrix.required(ctx.getRequest())))));
        return http.build();
    }

    /**
     * A URL the firewall refuses (an encoded dot segment, a semicolon, a double slash) is a 400 problem that
     * says why, through the /error forward, instead of a bare 400.
     */
    @Bean
    RequestRejectedHandler rejectedAsProblem() {
        return (request, response, e) -> response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
    }

    /**
     * Tokens come only in the Authorization header (never in a query string, where they would end up in logs
     * and browser history). Any other Authorization scheme is a 401, not a silent fall-back to public.
     */
    private static BearerTokenResolver headerOnly() {
        DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
        return request -> {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header != null && !header.regionMatches(true, 0, "Bearer", 0, 6)) {
                throw new InvalidBearerTokenException("the Authorization header must be 'Bearer <token>'");
            }
            return bearer.resolve(request);
        };
    }

    private static AuthenticationProvider jwtProvider(CgProperties.Oidc oidc) {
        NimbusJwtDecoder decoder = (oidc.jwkSetUri().isBlank()
                ? NimbusJwtDecoder.withIssuerLocation(oidc.issuerUri())
                : NimbusJwtDecoder.withJwkSetUri(oidc.jwkSetUri())).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(oidc.issuerUri()));
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(jwt -> new JwtAuthenticationToken(jwt,
                List.of(new SimpleGrantedAuthority(roleOf(jwt, oidc.rolesClaim()).authority())), jwt.getSubject()));
        return provider;
    }

    /** The highest known role named by the claim (a string or a list of strings); none known = public. */
    static Role roleOf(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
        Collection<?> names = value instanceof Collection<?> c ? c : value == null ? List.of() : List.of(value);
        return Role.highest(names);
    }
}
