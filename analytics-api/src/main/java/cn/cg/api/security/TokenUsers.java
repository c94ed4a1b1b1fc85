package cn.cg.api.security;

import cn.cg.api.system.CgProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The configured users and their token hashes. Only SHA-256 digests are held, so a leaked configuration
 * does not hand out tokens; a presented token is hashed and compared with every user's digest in
 * constant time ({@link MessageDigest#isEqual}) and without an early exit, so timing says nothing about
 * how close a guess came or which user it nearly matched. Tokens are long random strings (see
 * {@code ./cg up}), so an unsalted fast hash is enough: there is no dictionary to try.
 */
final class TokenUsers {

    record User(String name, Role role, byte[] digest) {
    }

    private final List<User> users;

    TokenUsers(List<CgProperties.User> configured) {
        List<User> out = new ArrayList<>();
        for (CgProperties.User u : configured) {
            if (u.name() == null || u.name().isBlank()) {
                throw new IllegalStateException("cg.security.users: every user needs a name");
            }
            Role role = Role.parse(u.role()).orElseThrow(() -> new IllegalStateException(
                    "cg.security.users: user " + u.name() + " has role '" + u.role() + "'; roles are public, researcher, planner, leader, admin"));
            String hex = u.tokenSha256() == null ? "" : u.tokenSha256().trim().toLowerCase(java.util.Locale.ROOT);
            if (!hex.matches("[0-9a-f]{64}")) {
                throw new IllegalStateException("cg.security.users: user " + u.name() + " needs token-sha256, 64 hex digits");
            }
            out.add(new User(u.name(), role, HexFormat.of().parseHex(hex)));
        }
        this.users = List.copyOf(out);
    }

    Optional<User> find(String token) {
        byte[] d = sha256(token);
        User found = null;
        for (User u : users) {
            if (MessageDigest.isEqual(d, u.digest()) && found == null) {
                found = u;
            }
        }
        return Optional.ofNullable(found);
    }

    int size() {
        return users.size();
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
