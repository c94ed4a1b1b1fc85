package cn.cg.api.security;

import java.util.Locale;
import java.util.Optional;

/**
 * The service's roles, lowest first. The order is the hierarchy: each role may do everything the roles
 * before it may ({@link #covers}), so the access matrix names only the lowest role an endpoint needs.
 */
public enum Role {
    /** No token: aggregates only, small counts suppressed. */
    PUBLIC,
    /** Aggregates without suppression, and exports (CSV, GeoTIFF). */
    RESEARCHER,
    /** Site suggestions and candidate uploads. */
    PLANNER,
    /** Dashboards and case drill-down (case points, never complainant details). */
    LEADER,
    /** Imports and job runs. */
    ADMIN;

    /** The Spring authority a principal of this role carries (one: the hierarchy is {@link #covers}). */
    public String authority() {
        return "ROLE_" + name();
    }

    public boolean covers(Role needed) {
        return ordinal() >= needed.ordinal();
    }

    /** Lower-case name as in configuration, tokens files and problem details. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The highest role among the names (authorities or claim values); unknown names count as public. */
    public static Role highest(Iterable<?> names) {
        Role best = PUBLIC;
        for (Object n : names) {
            Role r = parse(String.valueOf(n)).orElse(PUBLIC);
            if (r.covers(best)) {
                best = r;
            }
        }
        return best;
    }

    public static Optional<Role> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.startsWith("ROLE_")) {
            n = n.substring(5);
        }
        for (Role r : values()) {
            if (r.name().equals(n)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
