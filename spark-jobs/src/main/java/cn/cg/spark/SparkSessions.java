package cn.cg.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Builds the session of a job: the master given by spark-submit if any, else the job's default. */
public final class SparkSessions {

    private SparkSessions() {
    }

    /**
     * A session for {@code appName}. When spark-submit (or -Dspark.master) set no master, {@code
     * defaultMaster} is used, e.g. {@code local[*]}. Java 8 time types are on, so timestamps arrive as
     * {@link java.time.Instant} and dates as {@link java.time.LocalDate}.
     */
    public static SparkSession create(String appName, String defaultMaster, int shufflePartitions) {
        SparkConf conf = new SparkConf(true);
        SparkSession.Builder b = SparkSession.builder().appName(appName)
            .config("spark.sql.shuffle.partitions", shufflePartitions)
            .config("spark.sql.datetime.java8API.enabled", true)
            .config("spark.sql.session.timeZone", "UTC");
        if (!conf.contains("spark.master")) {
            b = b.master(defaultMaster).config("spark.ui.enabled", false);
        }
        return b.getOrCreate();
    }
}
