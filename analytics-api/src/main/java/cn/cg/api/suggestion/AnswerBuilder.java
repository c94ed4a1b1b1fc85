package cn.cg.api.suggestion;

import cn.cg.geo.allocation.SiteChoice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns a solver's site list into the explainable answer: per site the cases in reach, what it adds in
 * pick order, its evening share, its distance to high demand and a sentence saying why it was picked;
 * totals before (existing sites) and after. Everything is recomputed here from the demand cells, so the
 * figures do not depend on how a solver books its internals.
 */
final class AnswerBuilder {

    private final DemandCells demand;
    private final double[] dx;
    private final double[] dy;
    private final List<Candidate> candidates;
    private final double[] sx;
    private final double[] sy;
    private final double radius;
    private final String siteWord;

    AnswerBuilder(DemandCells demand, List<Candidate> candidates, LocalProjection proj, double radius, String siteWord) {
        this.demand = demand;
        this.dx = proj.xs(demand.lon());
        this.dy = proj.ys(demand.lat());
        this.candidates = candidates;
        this.sx = proj.xs(candidates.stream().mapToDouble(Candidate::lon).toArray());
        this.sy = proj.ys(candidates.stream().mapToDouble(Candidate::lat).toArray());
        this.radius = radius;
        this.siteWord = siteWord;
    }

    record Built(List<SuggestionAnswer.Site> sites, SuggestionAnswer.Totals totals) {
    }

    Built build(SiteSolver.Solution sol, SiteSolver.Model model, double capacity, int candidateCount, int excludedCount) {
        int n = demand.size();
        double total = demand.totalWeight();
        long totalCases = demand.totalCases();
        boolean[] reached = new boolean[n];
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        double[] topX = topDecileX();
        double[] topY = topDecileY();
        List<SuggestionAnswer.Site> sites = new ArrayList<>();
        int existing = (int) sol.sites().stream().filter(SiteChoice::required).count();
        int newCount = sol.sites().size() - existing;
        double cumulative = 0;
        long cumulativeCases = 0;
        Double coverageBefore = null;
        long casesBefore = 0;
        Double meanBefore = null;
        int newRank = 0;
        for (SiteChoice s : sol.sites()) {
            int j = s.site();
            long inReach = 0;
            long fresh = 0;
            long evening = 0;
            double freshWeight = 0;
            double r2 = radius * radius;
            for (int i = 0; i < n; i++) {
                double ex = dx[i] - sx[j];
                double ey = dy[i] - sy[j];
                double d2 = ex * ex + ey * ey;
                double d = Math.sqrt(d2);
                if (d < nearest[i]) {
                    nearest[i] = d;
                }
                if (d2 <= r2) {
                    inReach += demand.cases()[i];
                    evening += demand.eveningCases()[i];
                    if (!reached[i]) {
                        reached[i] = true;
                        fresh += demand.cases()[i];
                        freshWeight += demand.weight()[i];
                    }
                }
            }
            cumulative += freshWeight;
            cumulativeCases += fresh;
            double hot = nearestTop(j, topX, topY);
            Candidate c = candidates.get(j);
            Double eveningShare = inReach == 0 ? null : round(100.0 * evening / inReach, 1);
            double pct = total == 0 ? 0 : 100 * freshWeight / total;
            double cumPct = total == 0 ? 0 : 100 * cumulative / total;
            String reason = s.required()
                    ? reasonExisting(inReach, fresh, pct)
                    : reasonNew(++newRank, newCount, model, s, inReach, fresh, pct, eveningShare, hot, capacity, total);
            sites.add(new SuggestionAnswer.Site(s.order(), s.required() ? "existing" : "new", c.key(), c.name(), c.source(),
                    c.lon(), c.lat(), inReach, fresh, round(pct, 2), round(cumPct, 2), round(s.demandServed(), 3),
                    round(s.marginalGain(), 3), eveningShare, Math.round(hot), reason));
            if (s.required() && s.order() == existing) {
                coverageBefore = total == 0 ? 0 : round(100 * cumulative / total, 2);
                casesBefore = cumulativeCases;
                meanBefore = round(meanDistance(nearest), 1);
            }
        }
        Double servedPct = model == SiteSolver.Model.CAPACITATED && sol.feasible() && total > 0
                ? round(100 * sol.objective() / total, 2) : null;
        double seconds = sol.seconds();
        SuggestionAnswer.Totals totals = new SuggestionAnswer.Totals(n, totalCases, round(total, 3), candidateCount,
                excludedCount, existing, newCount, existing == 0 ? null : coverageBefore,
                total == 0 ? 0 : round(100 * cumulative / total, 2), servedPct, casesBefore, cumulativeCases,
                existing == 0 ? null : meanBefore, sol.sites().isEmpty() ? null : round(meanDistance(nearest), 1),
                finite(sol.objective()), finite(sol.bound()), Double.isNaN(sol.gap()) || Double.isInfinite(sol.gap())
                        ? null : round(100 * sol.gap(), 4), round(seconds, 3), 0, sol.rounds());
        return new Built(sites, totals);
    }

    private String reasonExisting(long inReach, long fresh, double pct) {
        return String.format(Locale.ROOT, "Existing %s, always open: %,d cases within %s m%s.", siteWord, inReach,
                num(radius), fresh < inReach ? String.format(Locale.ROOT, " (%,d not reached by the existing ones before it)", fresh)
                        : String.format(Locale.ROOT, ", %.1f %% of demand", pct));
    }

    private String reasonNew(int rank, int of, SiteSolver.Model model, SiteChoice s, long inReach, long fresh, double pct,
            Double eveningShare, double hot, double capacity, double total) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "New %s %d of %d: ", siteWord, rank, of));
        switch (model) {
            case P_MEDIAN -> sb.append(s.marginalGain() > 0 && total > 0
                    ? String.format(Locale.ROOT, "lowers the mean distance to the nearest site by %.0f m; ", s.marginalGain() / total)
                    : "opens the set (the first site has no distance to improve on); ")
                    .append(String.format(Locale.ROOT, "nearest site for demand %s; ", num(s.demandServed())));
            case CAPACITATED -> sb.append(String.format(Locale.ROOT, "serves demand %s of its capacity %s; ",
                    num(s.demandServed()), num(capacity)));
            default -> { }
        }
        sb.append(String.format(Locale.ROOT, "%,d cases within %s m", inReach, num(radius)));
        if (eveningShare != null) {
            sb.append(String.format(Locale.ROOT, " (%.0f %% in the evening)", eveningShare));
        }
        sb.append(String.format(Locale.ROOT, ", %,d of them not reached by earlier sites (+%.1f %% coverage)", fresh, pct));
        sb.append(hot < 1 ? "; it lies in a top-10 % demand cell."
                : String.format(Locale.ROOT, "; %.0f m from the nearest top-10 %% demand cell.", hot));
        return sb.toString();
    }

    private double meanDistance(double[] nearest) {
        double s = 0;
        double w = 0;
        for (int i = 0; i < nearest.length; i++) {
            s += demand.weight()[i] * nearest[i];
            w += demand.weight()[i];
        }
        return w == 0 ? 0 : s / w;
    }

    private int[] topDecile() {
        int n = demand.size();
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(demand.weight()[b], demand.weight()[a]));
        int k = Math.max(1, (int) Math.ceil(n / 10.0));
        int[] out = new int[Math.min(k, n)];
        for (int q = 0; q < out.length; q++) {
            out[q] = idx[q];
        }
        return out;
    }

    private int[] top;

    private double[] topDecileX() {
        if (top == null) {
            top = topDecile();
        }
        return Arrays.stream(top).mapToDouble(i -> dx[i]).toArray();
    }

    private double[] topDecileY() {
        if (top == null) {
            top = topDecile();
        }
        return Arrays.stream(top).mapToDouble(i -> dy[i]).toArray();
    }

    /** Distance to the demand point of the nearest top-decile cell; 0 when the site lies in one. */
    private double nearestTop(int j, double[] tx, double[] ty) {
        long own = cn.cg.geo.grid.H3Cells.finestCell(candidates.get(j).lat(), candidates.get(j).lon());
        for (int i : top) {
            if (demand.cell()[i] == own) {
                return 0;
            }
        }
        double best = Double.POSITIVE_INFINITY;
        for (int q = 0; q < tx.length; q++) {
            double ex = tx[q] - sx[j];
            double ey = ty[q] - sy[j];
            best = Math.min(best, Math.sqrt(ex * ex + ey * ey));
        }
        return best;
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    private static Double finite(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : round(v, 3);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%,.1f", v);
    }
}
