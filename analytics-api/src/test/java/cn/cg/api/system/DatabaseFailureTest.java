package cn.cg.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;

/** The exceptions as Hikari, the PostgreSQL driver and Spring raise them, read as down, busy or neither. */
class DatabaseFailureTest {

    /** What Hikari throws when getConnection times out: the last failed attempt is its cause, if any. */
    private static SQLTransientConnectionException hikariTimeout(SQLException lastFailure) {
        SQLTransientConnectionException e = new SQLTransientConnectionException("HikariPool-1 - Connection is not available, "
                + "request timed out after 5000ms", lastFailure == null ? null : lastFailure.getSQLState(), lastFailure);
        if (lastFailure != null) {
            e.setNextException(lastFailure);
        }
        return e;
    }

    @Test
    void refusedConnectionsAreDown() {
        PSQLException refused = new PSQLException("Connection to 127.0.0.1:5432 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new ConnectException("Connection refused"));
        assertThat(DatabaseFailure.of(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", hikariTimeout(refused))))
                .contains(DatabaseFailure.DOWN);
    }

    @Test
    void anExhaustedPoolIsBusy() {
        assertThat(DatabaseFailure.of(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", hikariTimeout(null))))
                .contains(DatabaseFailure.BUSY);
        assertThat(DatabaseFailure.of(new IllegalStateException("import failed", new SQLException("too many clients", "53300")))).contains(DatabaseFailure.BUSY);
    }

    @Test
    void lostConnectionsAndShutdownsAreDown() {
        assertThat(DatabaseFailure.of(new UncategorizedSQLException("query", "SELECT 1",
                new SQLException("terminating connection due to administrator command", "57P01"))))
                .contains(DatabaseFailure.DOWN);
        assertThat(DatabaseFailure.of(new IllegalStateException("wrapped", new PSQLException("I/O error",
                PSQLState.CONNECTION_FAILURE)))).contains(DatabaseFailure.DOWN);
    }

    @Test
    void otherErrorsAreNeither() {
        assertThat(DatabaseFailure.of(new IllegalStateException("bug"))).isEmpty();
        assertThat(DatabaseFailure.of(new UncategorizedSQLException("query", "SELECT 1/0",
                new SQLException("division by zero", "22012")))).isEmpty();
        assertThat(DatabaseFailure.of(new UncategorizedSQLException("query", "SELECT pg_sleep(9)",
                new PSQLException("canceling statement due to statement timeout", PSQLState.QUERY_CANCELED)))).isEmpty();
    }
}
