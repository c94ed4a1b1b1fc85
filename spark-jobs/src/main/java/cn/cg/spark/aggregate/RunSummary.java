package cn.cg.spark.aggregate;

/**
 * What one run did.
 *
 * @param runId the run's id in agg_run
 * @param mode full or incremental
 * @param monthsRecomputed touched months (incremental), or -1 for a full run
 * @param casesRead cases read from violation
 * @param cellRows agg_cell rows written
 * @param areaRows agg_area rows written
 * @param profileRows agg_area_hour rows written
 * @param studyCells agg_study_cell rows written (full runs)
 * @param newCellBoundaries cells added to h3_cell
 * @param seconds wall time of the run
 * @param phaseSeconds where the time went, in order (read, cells, areas, ..., switch)
 */
public record RunSummary(long runId, String mode, int monthsRecomputed, long casesRead, long cellRows,
                         long areaRows, long profileRows, long studyCells, long newCellBoundaries, double seconds,
                         java.util.Map<String, Double> phaseSeconds) {

    @Override
    public String toString() {
        return String.format("run %d (%s%s): %d cases -> %d cell rows, %d area rows, %d profile rows, "
                + "%d study cells, %d new cell boundaries in %.1f s %s", runId, mode,
            monthsRecomputed >= 0 ? ", " + monthsRecomputed + " months" : "", casesRead, cellRows, areaRows,
            profileRows, studyCells, newCellBoundaries, seconds, phases());
    }

    /** Phase times as "read 1.2 s, cells 3.4 s, ...". */
    public String phases() {
        StringBuilder sb = new StringBuilder("(");
        phaseSeconds.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(String.format("%s %.1f s", k, v)));
        return sb.append(')').toString();
    }
}
