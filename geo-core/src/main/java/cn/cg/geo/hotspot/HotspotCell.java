package cn.cg.geo.hotspot;

/**
 * The Gi* result of one cell.
 *
 * @param cell the H3 cell
 * @param value its input value
 * @param z the Gi* z-score, NaN when the cell has no neighbour in the study area
 * @param p the two-sided p-value of z (never adjusted), NaN with z
 * @param bin -3..+3: sign of z times 3/2/1 for significance at 99/95/90 % (plain or FDR), else 0
 * @param pseudoP the conditional-permutation pseudo p-value, NaN when not computed
 */
public record HotspotCell(long cell, double value, double z, double p, int bin, double pseudoP) {

  public boolean isHot() {
    return bin > 0;
  }

  public boolean isCold() {
    return bin < 0;
  }
}
