package cn.cg.spark.hotspot;

/**
 * What one hotspot run did.
 *
 * @param runId the run's id in hotspot_run (0 when there was nothing to analyse)
 * @param aggRunId the aggregation run analysed
 * @param groups (resolution, category set, period) groups analysed, emerging groups included
 * @param cellRows hotspot_cell rows written
 * @param emergingRows hotspot_emerging rows written
 * @param seconds wall time
 */
public record HotspotRunSummary(long runId, long aggRunId, long groups, long cellRows, long emergingRows,
                                double seconds) {

    @Override
    public String toString() {
        return String.format("hotspot run %d (aggregation run %d): %d groups -> %d cell rows, %d emerging rows "
            + "in %.1f s", runId, aggRunId, groups, cellRows, emergingRows, seconds);
    }
}
