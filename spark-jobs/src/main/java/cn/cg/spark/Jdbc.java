package cn.cg.spark;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Connections to PostgreSQL from the driver and the executors. Goes to the PostgreSQL driver
 * directly: under spark-submit the job jar (which carries the driver) sits in a child class loader
 * that {@link java.sql.DriverManager} does not search.
 */
public final class Jdbc {

    private static final org.postgresql.Driver DRIVER = new org.postgresql.Driver();

    private Jdbc() {
    }

    public static Connection connect(String url) throws SQLException {
        Connection c = DRIVER.connect(url, new Properties());
        if (c == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: " + url);
        }
        return c;
    }
}
