package cn.cg.spark;

import org.apache.spark.sql.SparkSession;

/** One local Spark session for all tests in a JVM: two cores, four shuffle partitions, no UI. */
public final class SparkTestSession {

    private static SparkSession spark;

    private SparkTestSession() {
    }

    public static synchronized SparkSession get() {
        if (spark == null) {
            spark = SparkSession.builder().appName("cg-tests").master("local[2]")
                .config("spark.sql.shuffle.partitions", 4)
                .config("spark.default.parallelism", 4)
                .config("spark.sql.datetime.java8API.enabled", true)
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.ui.enabled", false)
                .config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
        }
        return spark;
    }
}
