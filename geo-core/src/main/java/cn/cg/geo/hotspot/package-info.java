/**
 * Hot-spot statistics on H3 cells: Getis-Ord Gi* (the general-weights form used by ArcGIS and
 * R spdep::localG), confidence bins with an optional Benjamini-Hochberg FDR correction,
 * conditional-permutation pseudo p-values, global Moran's I and automatic scale selection,
 * Mann-Kendall trends, emerging hot spots and period comparison.
 *
 * <p>Conventions, shared by every class here (see docs/hotspots.md):
 * <ul>
 *   <li>The study area is exactly the cells given. A k-ring neighbour that is not among them is
 *       outside the study area; it is never read as a zero. Callers that want zeros fill the area
 *       with zero-valued cells first.</li>
 *   <li>p-values are two-sided, from an accurate normal tail ({@link cn.cg.geo.hotspot.Normal}).</li>
 *   <li>A cell whose neighbourhood holds nothing but itself gets no Gi* value (NaN).</li>
 * </ul>
 */
package cn.cg.geo.hotspot;
