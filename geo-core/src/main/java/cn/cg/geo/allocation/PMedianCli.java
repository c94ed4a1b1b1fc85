package cn.cg.geo.allocation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code PMedianCli FILE [--exact] [--starts N] [--seed S]}: solves an OR-Library p-median file and
 * prints the explanation; the LAST line is exactly {@code objective=<v> bound=<v> seconds=<s>} so
 * scripts ({@code ./cg pmedian FILE}) can parse it. Exit 0 on success, 2 on a bad file or bad usage.
 */
public final class PMedianCli {

    private PMedianCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Testable body of {@link #main}: returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String file = null;
        boolean exact = false;
        int starts = -1;
        long seed = 1;
        try {
            for (int k = 0; k < args.length; k++) {
                switch (args[k]) {
                    case "--exact" -> exact = true;
                    case "--starts" -> starts = Integer.parseInt(args[++k]);
                    case "--seed" -> seed = Long.parseLong(args[++k]);
                    default -> {
                        if (args[k].startsWith("--") || file != null) {
                            throw new IllegalArgumentException("unknown argument '" + args[k] + "'");
                        }
                        file = args[k];
                    }
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("missing FILE");
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            err.println("usage: pmedian FILE [--exact] [--starts N] [--seed S] (" + e.getMessage() + ")");
            return 2;
        }
        OrLibraryInstance instance;
        try {
            instance = OrLibraryInstance.read(Path.of(file));
        } catch (InstanceFormatException e) {
            err.println(file + ": " + e.getMessage());
            return 2;
        } catch (NoSuchFileException e) {
            err.println(file + ": no such file");
            return 2;
        } catch (IOException e) {
            err.println(file + ": cannot read: " + e.getMessage());
            return 2;
        }
        PMedian solver = new PMedian(instance.toProblem(), instance.p()).setExact(exact).setSeed(seed);
        if (starts > 0) {
            solver.setStarts(starts);
        }
        AllocationResult r = solver.solve();
        out.println(file + ": n=" + instance.nodes() + " edges=" + instance.edges() + " p=" + instance.p());
        out.println(r.explain());
        out.println("objective=" + AllocationResult.num(r.objective()) + " bound=" + AllocationResult.num(r.bound())
                + " seconds=" + String.format(Locale.ROOT, "%.3f", r.seconds()));
        return 0;
    }
}
