package cn.cg.api;

/**
 * The plain bearer tokens of the test users that src/test/resources/config/application.properties configures
 * (by their SHA-256). No token at all is the public role.
 */
public final class TestTokens {

    public static final String RESEARCHER = "cg-test-researcher";
    public static final String PLANNER = "cg-test-planner";
    public static final String LEADER = "cg-test-leader";
    public static final String ADMIN = "cg-test-admin";

    private TestTokens() {
    }

    /** The Authorization header value for a token. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
