package cn.cg.geo.allocation;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Exact p-median for small instances: depth-first Lagrangian branch-and-bound on the open/closed
 * status of sites (Beasley 1993 style).
 *
 * <p>At each node the Lagrangian bound is re-optimised from the parent's multipliers. Before branching,
 * reduced-cost tests fix sites: if forcing a closed site open (it replaces the weakest chosen free site)
 * or forcing a chosen site closed (the best unchosen free site replaces it) would lift the bound to the
 * incumbent, that choice cannot lead to a better solution and the site is fixed the other way. This
 * settles most sites at the root on OR-Library instances, so the tree stays small. Branching: the
 * chosen free site with the weakest reduced cost, open branch first.
 */
final class PMedianBranchAndBound {

    /** Outcome: whether the search finished, and a valid lower bound in either case. */
    record Outcome(boolean proven, double lowerBound, long nodes) {
    }

    private record Node(int[] fixed, double[] lambda, double parentBound) {
    }

    private final PMedianSearch search;
    private final PMedianLagrangian lag;

    PMedianBranchAndBound(PMedianSearch search, PMedianLagrangian lagrangian) {
        this.search = search;
        this.lag = lagrangian;
    }

    Outcome solve(int[] rootFixed, double rootBound, long maxNodes, long deadlineNanos) {
        int m = search.m;
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(new Node(rootFixed.clone(), lag.lambda.clone(), rootBound));
        long nodes = 0;
        while (!stack.isEmpty()) {
            if (nodes >= maxNodes || System.nanoTime() > deadlineNanos) {
                double lb = lag.upper;
                for (Node open : stack) {
                    lb = Math.min(lb, open.parentBound());
                }
                return new Outcome(false, lag.rounded(lb), nodes);
            }
            Node node = stack.pop();
            if (lag.closes(node.parentBound())) {
                continue;
            }
            nodes++;
            int[] fixed = node.fixed();
            System.arraycopy(node.lambda(), 0, lag.lambda, 0, lag.lambda.length);
            double bound = lag.run(fixed, nodes == 1 ? 3000 : 400);
            // Reduced-cost fixing, repeated while it keeps fixing sites.
            for (int round = 0; round < 5 && !lag.closes(bound); round++) {
                if (!reduce(fixed)) {
                    break;
                }
                bound = Math.max(bound, lag.run(fixed, 150));
            }
            if (lag.closes(bound)) {
                continue;
            }
            int branch = branchSite(fixed);
            if (branch < 0) {
                // Every site fixed: the node is a single solution, already evaluated by the heuristic.
                continue;
            }
            int[] closed = fixed.clone();
            closed[branch] = -1;
            int[] opened = fixed.clone();
            opened[branch] = 1;
            double[] lambda = lag.lambda.clone();
            stack.push(new Node(closed, lambda, bound));
            stack.push(new Node(opened, lambda, bound));
        }
        return new Outcome(true, lag.upper, nodes);
    }

    /** Reduced-cost tests at the best multipliers of the last run; returns whether anything was fixed. */
    private boolean reduce(int[] fixed) {
        int m = search.m;
        double worstChosen = Double.NEGATIVE_INFINITY;
        double bestUnchosen = Double.POSITIVE_INFINITY;
        int freeChosen = 0;
        for (int j = 0; j < m; j++) {
            if (fixed[j] != 0) {
                continue;
            }
            if (lag.bestChosen[j]) {
                worstChosen = Math.max(worstChosen, lag.bestRho[j]);
                freeChosen++;
            } else {
                bestUnchosen = Math.min(bestUnchosen, lag.bestRho[j]);
            }
        }
        boolean changed = false;
        double l = lag.bestBound;
        for (int j = 0; j < m; j++) {
            if (fixed[j] != 0) {
                continue;
            }
            if (lag.bestChosen[j]) {
                if (bestUnchosen < Double.POSITIVE_INFINITY && lag.closes(l - lag.bestRho[j] + bestUnchosen)) {
                    fixed[j] = 1;
                    changed = true;
                }
            } else if (freeChosen > 0 && lag.closes(l + lag.bestRho[j] - worstChosen)) {
                fixed[j] = -1;
                changed = true;
            }
        }
        return changed;
    }

    private int branchSite(int[] fixed) {
        int best = -1;
        for (int j = 0; j < search.m; j++) {
            if (fixed[j] == 0 && lag.bestChosen[j] && (best < 0 || lag.bestRho[j] > lag.bestRho[best])) {
                best = j;
            }
        }
        if (best < 0) {
            for (int j = 0; j < search.m; j++) {
                if (fixed[j] == 0) {
                    return j;
                }
            }
        }
        return best;
    }
}
