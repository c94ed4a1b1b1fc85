package cn.cg.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cg.api.PostgisIT;
import cn.cg.api.TestTokens;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.ObjectMapper;

/**
 * JWTs of an OIDC issuer: the issuer is stood in for by a key pair made here and its public half
 * served as a JWK set by a small HTTP server of the test (the external boundary); the API fetches and
 * checks signatures, issuer and expiry with Spring's resource server, and takes the role from the
 * configured claim. Configured tokens keep working beside it.
 */
class OidcTokenIT extends PostgisIT {

    static final String ISSUER = "https://issuer.cg.test/realms/city";
    static final RSAKey KEY = generate("issuer-key");
    static final RSAKey STRANGER = generate("stranger-key");
    static final HttpServer JWKS = serve();

    final ObjectMapper json = new ObjectMapper();

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        registry.add("cg.security.oidc.issuer-uri", () -> ISSUER);
        registry.add("cg.security.oidc.jwk-set-uri", () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks");
        registry.add("cg.security.oidc.roles-claim", () -> "cg_roles");
    }

    @AfterAll
    static void stop() {
        JWKS.stop(0);
    }

    @Test
    void aSignedJwtCarriesItsHighestKnownRole() throws Exception {
        String planner = jwt(KEY, ISSUER, new String[] {"viewer", "planner", "researcher"}, 300);
        assertThat(role(planner)).isEqualTo("planner");
        assertThat(get("/api/v1/suggestions", planner).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/jobs", planner).statusCode()).isEqualTo(403);

        String researcher = jwt(KEY, ISSUER, "researcher", 300);
        assertThat(role(researcher)).isEqualTo("researcher");
        assertThat(get("/api/v1/suggestions", researcher).statusCode()).isEqualTo(403);
        assertThat(role(jwt(KEY, ISSUER, new String[] {"somebody"}, 300))).isEqualTo("public");
        assertThat(role(TestTokens.ADMIN)).as("configured tokens still work").isEqualTo("admin");
    }

    @Test
    void aJwtThatFailsItsChecksIs401() throws Exception {
        for (String bad : new String[] {
                jwt(STRANGER, ISSUER, "admin", 300),                       // not the issuer's signature
                jwt(KEY, "https://elsewhere.test", "admin", 300),          // another issuer
                jwt(KEY, ISSUER, "admin", -120)}) {                        // expired
            HttpResponse<String> r = get("/api/v1/me", bad);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(json.readTree(r.body()).get("type").asText()).isEqualTo("urn:cg:problem:unauthorized");
            assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
        }
    }

    private String role(String token) throws Exception {
        HttpResponse<String> r = get("/api/v1/me", token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body()).get("role").asText();
    }

    private static String jwt(RSAKey key, String issuer, Object roles, long validSeconds) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject("someone@city").claim("cg_roles", roles)
                .issueTime(Date.from(now.minusSeconds(600))).expirationTime(Date.from(now.plusSeconds(validSeconds))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAKey generate(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serve() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
