package cn.cg.spark.hotspot;

import cn.cg.geo.hotspot.Kernel;
import java.io.Serializable;
import java.util.Locale;

/**
 * The hotspot job's settings, with every default here.
 *
 * @param dbUrl JDBC URL of the PostGIS database (required)
 * @param k the ring size, or 0 for the automatic scale ({@code --k auto}, the default)
 * @param autoKMax the largest ring the automatic scale tries (the API's default is the same, so both
 *     choose the same k for the same input)
 * @param kernel weights over the ring
 * @param fdr bins with the Benjamini-Hochberg correction
 * @param timeLag emerging hot spots: previous steps in a cell's space-time neighbourhood
 * @param master Spark master when spark-submit gave none
 * @param partitions shuffle partitions (groups are spread over them)
 */
public record HotspotConfig(String dbUrl, int k, int autoKMax, Kernel kernel, boolean fdr, int timeLag,
                            String master, int partitions) implements Serializable {

    public static final String DEFAULT_MASTER = "local[*]";
    public static final int DEFAULT_PARTITIONS = 8;
    public static final int DEFAULT_AUTO_K_MAX = 6;
    public static final Kernel DEFAULT_KERNEL = Kernel.BINARY;
    public static final boolean DEFAULT_FDR = true;
    public static final int DEFAULT_TIME_LAG = 1;

    public static final String USAGE = "HotspotJob --db-url JDBC [--k auto|N] [--auto-k-max 6] "
        + "[--kernel binary|uniform|triangular|quadratic|quartic|gaussian] [--fdr true|false] [--time-lag 1] "
        + "[--master local[*]] [--partitions 8]";

    public HotspotConfig {
        if (dbUrl == null || !dbUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--db-url must be a jdbc:postgresql: URL");
        }
        if (k < 0) {
            throw new IllegalArgumentException("--k must be 'auto' or at least 1");
        }
        if (autoKMax < 2) {
            throw new IllegalArgumentException("--auto-k-max must be at least 2");
        }
        if (timeLag < 0) {
            throw new IllegalArgumentException("--time-lag must be at least 0");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("--partitions must be at least 1");
        }
    }

    public static HotspotConfig of(String dbUrl) {
        return new HotspotConfig(dbUrl, 0, DEFAULT_AUTO_K_MAX, DEFAULT_KERNEL, DEFAULT_FDR, DEFAULT_TIME_LAG,
            DEFAULT_MASTER, DEFAULT_PARTITIONS);
    }

    public HotspotConfig withK(int newK) {
        return new HotspotConfig(dbUrl, newK, autoKMax, kernel, fdr, timeLag, master, partitions);
    }

    public HotspotConfig withKernel(Kernel newKernel) {
        return new HotspotConfig(dbUrl, k, autoKMax, newKernel, fdr, timeLag, master, partitions);
    }

    public HotspotConfig withFdr(boolean newFdr) {
        return new HotspotConfig(dbUrl, k, autoKMax, kernel, newFdr, timeLag, master, partitions);
    }

    public HotspotConfig withPartitions(int p) {
        return new HotspotConfig(dbUrl, k, autoKMax, kernel, fdr, timeLag, master, p);
    }

    public boolean autoK() {
        return k == 0;
    }

    /** 'auto' or the configured k, as recorded in hotspot_run.k_setting. */
    public String kSetting() {
        return autoK() ? "auto" : Integer.toString(k);
    }

    public static HotspotConfig parse(String... args) {
        String url = null;
        int k = 0;
        int kMax = DEFAULT_AUTO_K_MAX;
        Kernel kernel = DEFAULT_KERNEL;
        boolean fdr = DEFAULT_FDR;
        int lag = DEFAULT_TIME_LAG;
        String master = DEFAULT_MASTER;
        int partitions = DEFAULT_PARTITIONS;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--db-url" -> url = value(args, ++i, a);
                case "--k" -> {
                    String v = value(args, ++i, a);
                    k = v.equalsIgnoreCase("auto") ? 0 : positive(v, a);
                }
                case "--auto-k-max" -> kMax = positive(value(args, ++i, a), a);
                case "--kernel" -> kernel = Kernel.parse(value(args, ++i, a));
                case "--fdr" -> fdr = bool(value(args, ++i, a), a);
                case "--time-lag" -> lag = Integer.parseInt(value(args, ++i, a));
                case "--master" -> master = value(args, ++i, a);
                case "--partitions" -> partitions = positive(value(args, ++i, a), a);
                default -> throw new IllegalArgumentException("unknown argument '" + a + "'; usage: " + USAGE);
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("--db-url is required; usage: " + USAGE);
        }
        return new HotspotConfig(url, k, kMax, kernel, fdr, lag, master, partitions);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static int positive(String v, String flag) {
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException(flag + " must be a whole number of at least 1, got '" + v + "'");
    }

    private static boolean bool(String v, String flag) {
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(flag + " must be true or false, got '" + v + "'");
        };
    }
}
