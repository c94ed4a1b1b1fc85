package cn.cg.geo.allocation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * An OR-Library p-median instance (Beasley 1990, {@code pmed1..pmed40}): first line {@code n m p},
 * then {@code m} lines {@code i j cost} of an undirected graph on nodes {@code 1..n}. Every node is
 * both a demand point (weight 1) and a candidate site; distances are all-pairs shortest paths
 * (Floyd-Warshall). When an edge appears more than once the LAST occurrence holds, which is the rule
 * under which the published optima are reached (taking the minimum gives pmed1 = 5718 < 5819).
 */
public final class OrLibraryInstance {

    private final int nodes;
    private final int edges;
    private final int p;
    private final double[][] distances;

    private OrLibraryInstance(int nodes, int edges, int p, double[][] distances) {
        this.nodes = nodes;
        this.edges = edges;
        this.p = p;
        this.distances = distances;
    }

    public static OrLibraryInstance read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in);
        }
    }

    /** Parses and checks the whole file; a fault throws {@link InstanceFormatException} with its line. */
    public static OrLibraryInstance read(Reader reader) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        int lineNo = 0;
        String line;
        long[] header = null;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (!line.isBlank()) {
                header = integers(line, 3, lineNo, "header 'n m p'");
                break;
            }
        }
        if (header == null) {
            throw new InstanceFormatException(lineNo, "file is empty: expected header 'n m p'");
        }
        int n = (int) header[0];
        long m = header[1];
        int p = (int) header[2];
        if (header[0] < 1 || header[0] > 20_000) {
            throw new InstanceFormatException(lineNo, "node count n must be 1..20000, was " + header[0]);
        }
        if (m < 0) {
            throw new InstanceFormatException(lineNo, "edge count m must be >= 0, was " + m);
        }
        if (header[2] < 1 || header[2] > n) {
            throw new InstanceFormatException(lineNo, "p must be 1..n (" + n + "), was " + header[2]);
        }
        double[][] d = new double[n][n];
        for (double[] row : d) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        long read = 0;
        while (read < m && (line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            if (f.length != 3) {
                throw new InstanceFormatException(lineNo, "expected 'i j cost' (3 fields), found " + f.length + ": '" + line.trim() + "'");
            }
            int i = node(f[0], n, lineNo);
            int j = node(f[1], n, lineNo);
            double cost;
            try {
                cost = Double.parseDouble(f[2]);
            } catch (NumberFormatException e) {
                throw new InstanceFormatException(lineNo, "cost '" + f[2] + "' is not a number");
            }
            if (!(cost >= 0) || Double.isInfinite(cost)) {
                throw new InstanceFormatException(lineNo, "cost must be finite and >= 0, was " + f[2]);
            }
            // Last occurrence wins (overwrite, not min): see class comment.
            d[i][j] = cost;
            d[j][i] = cost;
            read++;
        }
        if (read < m) {
            throw new InstanceFormatException(lineNo, "header announces " + m + " edges but the file ends after " + read);
        }
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (!line.isBlank()) {
                throw new InstanceFormatException(lineNo, "unexpected data after the " + m + " edges announced in the header");
            }
        }
        for (int i = 0; i < n; i++) {
            d[i][i] = 0;
        }
        floydWarshall(d);
        for (int j = 1; j < n; j++) {
            if (Double.isInfinite(d[0][j])) {
                throw new InstanceFormatException(0, "graph is disconnected: node " + (j + 1) + " cannot be reached from node 1");
            }
        }
        return new OrLibraryInstance(n, (int) m, p, d);
    }

    private static void floydWarshall(double[][] d) {
        int n = d.length;
        for (int k = 0; k < n; k++) {
            double[] dk = d[k];
            for (int i = 0; i < n; i++) {
                double[] di = d[i];
                double dik = di[k];
                if (Double.isInfinite(dik)) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    double v = dik + dk[j];
                    if (v < di[j]) {
                        di[j] = v;
                    }
                }
            }
        }
    }

    private static long[] integers(String line, int count, int lineNo, String what) {
        String[] f = line.trim().split("\\s+");
        if (f.length != count) {
            throw new InstanceFormatException(lineNo, "expected " + what + " (" + count + " integers), found " + f.length + " fields");
        }
        long[] out = new long[count];
        for (int k = 0; k < count; k++) {
            try {
                out[k] = Long.parseLong(f[k]);
            } catch (NumberFormatException e) {
                throw new InstanceFormatException(lineNo, "'" + f[k] + "' in " + what + " is not an integer");
            }
        }
        return out;
    }

    private static int node(String s, int n, int lineNo) {
        long v;
        try {
            v = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new InstanceFormatException(lineNo, "node '" + s + "' is not an integer");
        }
        if (v < 1 || v > n) {
            throw new InstanceFormatException(lineNo, "node " + v + " is outside 1.." + n);
        }
        return (int) v - 1;
    }

    public int nodes() {
        return nodes;
    }

    public int edges() {
        return edges;
    }

    public int p() {
        return p;
    }

    /** Shortest-path distance between 0-based nodes. */
    public double distance(int from, int to) {
        return distances[from][to];
    }

    /** Every node a demand point of weight 1 and a candidate site, nothing required. */
    public AllocationProblem toProblem() {
        return AllocationProblem.unweighted(DistanceProvider.of(distances));
    }
}
