package cn.cg.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cg.api.system.CgProperties;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenUsersTest {

    private static String sha(String token) {
        return HexFormat.of().formatHex(TokenUsers.sha256(token));
    }

    @Test
    void aTokenFindsItsUserByItsDigestOnly() {
        // The digest of "abc" is the FIPS 180-2 test vector.
        assertThat(sha("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        TokenUsers users = new TokenUsers(List.of(
                new CgProperties.User("ann", "Planner", sha("token-a")),
                new CgProperties.User("bo", "admin", sha("token-b").toUpperCase())));
        assertThat(users.find("token-a")).hasValueSatisfying(u -> {
            assertThat(u.name()).isEqualTo("ann");
            assertThat(u.role()).isEqualTo(Role.PLANNER);
        });
        assertThat(users.find("token-b").orElseThrow().role()).isEqualTo(Role.ADMIN);
        assertThat(users.find("token-c")).isEmpty();
        assertThat(users.find(sha("token-a"))).as("the digest itself is not a token").isEmpty();
    }

    @Test
    void aBrokenUserStopsTheStartWithItsName() {
        assertThatThrownBy(() -> new TokenUsers(List.of(new CgProperties.User("ann", "boss", sha("x")))))
                .hasMessageContaining("ann").hasMessageContaining("boss");
        assertThatThrownBy(() -> new TokenUsers(List.of(new CgProperties.User("bo", "admin", "plain-token"))))
                .hasMessageContaining("bo").hasMessageContaining("64 hex");
    }

    @Test
    void rolesAreOrderedAndParsedFromTheirNames() {
        assertThat(Role.LEADER.covers(Role.PLANNER)).isTrue();
        assertThat(Role.RESEARCHER.covers(Role.PLANNER)).isFalse();
        assertThat(Role.parse("ROLE_leader")).contains(Role.LEADER);
        assertThat(Role.parse("ROLE_ANONYMOUS")).isEmpty();
    }
}
