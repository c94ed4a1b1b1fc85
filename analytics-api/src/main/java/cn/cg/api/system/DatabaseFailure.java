package cn.cg.api.system;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Why a request could not use the database, read from an exception's causes: the database is
 * {@link #DOWN} (refused, restarting, connection lost), or it is up but {@link #BUSY} (no pooled
 * connection became free within the pool's timeout, or the server refuses more connections). Both
 * are 503s with Retry-After; a client or an operator acts differently on each, so they have their own
 * problem type. Anything else is not a database failure.
 */
public enum DatabaseFailure {

    DOWN, BUSY;

    /** SQLSTATEs of a server shutting down or starting: 57P01 admin shutdown, 57P02 crash, 57P03 cannot connect now. */
    private static final Set<String> SHUTTING_DOWN = Set.of("57P01", "57P02", "57P03");
    /** too_many_connections: the server is up and full. */
    private static final String TOO_MANY_CONNECTIONS = "53300";

    public static Optional<DatabaseFailure> of(Throwable e) {
        boolean resourceFailure = false;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            // Hikari's timeout carries the last failed connection attempt as its cause; none means every
            // connection it made works and all were in use for the whole timeout: the pool is exhausted.
            if (t instanceof SQLTransientConnectionException && t.getCause() == null) {
                return Optional.of(BUSY);
            }
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                if (state.equals(TOO_MANY_CONNECTIONS)) {
                    return Optional.of(BUSY);
                }
                // Class 08: connection exceptions (refused 08001, lost 08006, closed 08003).
                if (state.startsWith("08") || SHUTTING_DOWN.contains(state)) {
                    return Optional.of(DOWN);
                }
            }
            if (t instanceof ConnectException) {
                return Optional.of(DOWN);
            }
            resourceFailure |= t instanceof DataAccessResourceFailureException;
        }
        return resourceFailure ? Optional.of(DOWN) : Optional.empty();
    }
}
