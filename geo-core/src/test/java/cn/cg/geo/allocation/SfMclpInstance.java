package cn.cg.geo.allocation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the committed SF MCLP instance (see src/test/resources/mclp/generate.py). */
record SfMclpInstance(double[] dx, double[] dy, double[] w, double[] sx, double[] sy) {

    record Case(String name, double radius, int p, int[] required, double optimum) {
    }

    static SfMclpInstance load() throws IOException {
        List<String[]> demand = rows("demand.csv");
        List<String[]> sites = rows("sites.csv");
        double[] dx = new double[demand.size()];
        double[] dy = new double[demand.size()];
        double[] w = new double[demand.size()];
        for (int i = 0; i < demand.size(); i++) {
            String[] r = demand.get(i);
            dx[i] = Double.parseDouble(r[1]);
            dy[i] = Double.parseDouble(r[2]);
            w[i] = Double.parseDouble(r[3]);
        }
        double[] sx = new double[sites.size()];
        double[] sy = new double[sites.size()];
        for (int j = 0; j < sites.size(); j++) {
            sx[j] = Double.parseDouble(sites.get(j)[2]);
            sy[j] = Double.parseDouble(sites.get(j)[3]);
        }
        return new SfMclpInstance(dx, dy, w, sx, sy);
    }

    AllocationProblem problem() {
        return AllocationProblem.of(w, DistanceProvider.euclidean(dx, dy, sx, sy));
    }

    /** Golden optima written by glpsol (solve.sh). */
    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        for (String[] r : rows("golden.csv")) {
            int[] req = r[3].isBlank() ? new int[0]
                    : java.util.Arrays.stream(r[3].trim().split(" ")).mapToInt(Integer::parseInt).toArray();
            out.add(new Case(r[0], Double.parseDouble(r[1]), Integer.parseInt(r[2]), req, Double.parseDouble(r[4])));
        }
        return out;
    }

    private static List<String[]> rows(String name) throws IOException {
        try (InputStream in = SfMclpInstance.class.getResourceAsStream("/mclp/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource /mclp/" + name);
            }
            List<String[]> out = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int k = 1; k < lines.length; k++) {
                String line = lines[k];
                if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("id,")) {
                    out.add(line.split(",", -1));
                }
            }
            return out;
        }
    }
}
