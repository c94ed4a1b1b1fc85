package cn.cg.geo.allocation;

/** The checks the solvers' settings share, so every solver refuses a bad setting with the same words. */
final class SettingChecks {

    private SettingChecks() {
    }

    static int starts(int starts) {
        if (starts < 1) {
            throw new IllegalArgumentException("starts must be >= 1, was " + starts);
        }
        return starts;
    }

    static int boundIterations(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("bound iterations must be >= 1, was " + iterations);
        }
        return iterations;
    }

    static double gapTolerance(double relativeGap) {
        if (!(relativeGap >= 0) || relativeGap >= 1) {
            throw new IllegalArgumentException("gap tolerance must be in [0, 1), was " + relativeGap);
        }
        return relativeGap;
    }
}
