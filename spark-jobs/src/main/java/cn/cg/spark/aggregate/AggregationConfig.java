package cn.cg.spark.aggregate;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The job's settings, with every default here.
 *
 * @param dbUrl JDBC URL of the PostGIS database (required)
 * @param since recompute the buckets of cases changed after this instant; empty = the stored watermark
 * @param full recompute everything, ignoring the watermark
 * @param master Spark master when spark-submit gave none
 * @param partitions JDBC read partitions and shuffle partitions
 * @param zone time zone of the local day, week and month buckets (the city's)
 * @param overlap how far before the stored watermark an incremental run looks again, for transactions
 *     that committed after the previous run read (recomputing is idempotent, so overlap costs only time)
 * @param failAfterStaging testing aid: throw after the staging writes, before the switch
 * @param indexConnections connections that build a full run's cell indexes at once (one index each)
 * @param indexMemory maintenance_work_mem of each of those connections (a PostgreSQL size such as 512MB),
 *     set for the job's sessions only; a larger sort spills to disk
 */
public record AggregationConfig(
    String dbUrl, Optional<Instant> since, boolean full, String master, int partitions, ZoneId zone,
    Duration overlap, boolean failAfterStaging, int indexConnections, String indexMemory) implements Serializable {

    public static final String DEFAULT_MASTER = "local[*]";
    public static final int DEFAULT_PARTITIONS = 8;
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    public static final Duration DEFAULT_OVERLAP = Duration.ofMinutes(10);
    public static final int DEFAULT_INDEX_CONNECTIONS = 2;
    public static final String DEFAULT_INDEX_MEMORY = "512MB";
    private static final Pattern MEMORY = Pattern.compile("[1-9][0-9]*(kB|MB|GB)");

    public AggregationConfig {
        if (dbUrl == null || !dbUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--db-url must be a jdbc:postgresql: URL");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("--partitions must be at least 1");
        }
        if (indexConnections < 1) {
            throw new IllegalArgumentException("--index-connections must be at least 1");
        }
        if (indexMemory == null || !MEMORY.matcher(indexMemory).matches()) {
            throw new IllegalArgumentException("--index-memory must be a size such as 512MB or 1GB");
        }
    }

    /** Defaults for everything but the database. */
    public static AggregationConfig of(String dbUrl) {
        return new AggregationConfig(dbUrl, Optional.empty(), false, DEFAULT_MASTER, DEFAULT_PARTITIONS,
            DEFAULT_ZONE, DEFAULT_OVERLAP, false,
            DEFAULT_INDEX_CONNECTIONS, DEFAULT_INDEX_MEMORY);
    }

    public AggregationConfig withFull(boolean f) {
        return new AggregationConfig(dbUrl, since, f, master, partitions, zone, overlap, failAfterStaging,
            indexConnections, indexMemory);
    }

    public AggregationConfig withSince(Instant s) {
        return new AggregationConfig(dbUrl, Optional.ofNullable(s), full, master, partitions, zone, overlap,
            failAfterStaging, indexConnections, indexMemory);
    }

    public AggregationConfig withZone(ZoneId z) {
        return new AggregationConfig(dbUrl, since, full, master, partitions, z, overlap, failAfterStaging,
            indexConnections, indexMemory);
    }

    public AggregationConfig withPartitions(int p) {
        return new AggregationConfig(dbUrl, since, full, master, p, zone, overlap, failAfterStaging,
            indexConnections, indexMemory);
    }

    public AggregationConfig withOverlap(Duration o) {
        return new AggregationConfig(dbUrl, since, full, master, partitions, zone, o, failAfterStaging,
            indexConnections, indexMemory);
    }

    public AggregationConfig withFailAfterStaging(boolean f) {
        return new AggregationConfig(dbUrl, since, full, master, partitions, zone, overlap, f, indexConnections,
            indexMemory);
    }

    public AggregationConfig withIndexing(int connections, String memory) {
        return new AggregationConfig(dbUrl, since, full, master, partitions, zone, overlap, failAfterStaging, connections,
            memory);
    }

    /**
     * Parses {@code --db-url URL [--since ISO] [--full] [--master M] [--partitions N] [--zone Z]
     * [--overlap PT10M] [--index-connections 2] [--index-memory 512MB] [--fail-after-staging]}. ISO accepts an offset date-time or an instant.
     */
    public static AggregationConfig parse(String... args) {
        String url = null;
        Instant since = null;
        boolean full = false, fail = false;
        String master = DEFAULT_MASTER;
        int partitions = DEFAULT_PARTITIONS;
        ZoneId zone = DEFAULT_ZONE;
        Duration overlap = DEFAULT_OVERLAP;
        int indexConnections = DEFAULT_INDEX_CONNECTIONS;
        String indexMemory = DEFAULT_INDEX_MEMORY;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--db-url" -> url = value(args, ++i, a);
                case "--since" -> since = OffsetDateTime.parse(value(args, ++i, a)).toInstant();
                case "--full" -> full = true;
                case "--master" -> master = value(args, ++i, a);
                case "--partitions" -> partitions = Integer.parseInt(value(args, ++i, a));
                case "--zone" -> zone = ZoneId.of(value(args, ++i, a));
                case "--overlap" -> overlap = Duration.parse(value(args, ++i, a));
                case "--index-connections" -> indexConnections = Integer.parseInt(value(args, ++i, a));
                case "--index-memory" -> indexMemory = value(args, ++i, a);
                case "--fail-after-staging" -> fail = true;
                default -> throw new IllegalArgumentException("unknown argument '" + a + "'; usage: " + USAGE);
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("--db-url is required; usage: " + USAGE);
        }
        if (since != null && full) {
            throw new IllegalArgumentException("--since and --full exclude each other");
        }
        return new AggregationConfig(url, Optional.ofNullable(since), full, master, partitions, zone, overlap, fail,
            indexConnections, indexMemory);
    }

    public static final String USAGE = "AggregationJob --db-url JDBC [--since ISO-TIME | --full] "
        + "[--master local[*]] [--partitions 8] [--zone Asia/Shanghai] [--overlap PT10M] "
        + "[--index-connections 2] [--index-memory 512MB]";

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }
}
