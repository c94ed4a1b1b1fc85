/* Maximal covering location problem (Church-ReVelle 1974) with required (existing) sites.
   p = number of NEW sites; required sites are open in addition. */
param p, integer, >= 0;
set I;                      /* demand points */
set J;                      /* candidate sites */
set REQ within J;           /* always-open sites */
param w {I} >= 0;           /* demand weight */
set N {I} within J;         /* sites within the radius of i */

var x {J} binary;           /* site open */
var y {I} >= 0, <= 1;       /* demand covered (integral at the optimum) */

maximize covered: sum {i in I} w[i] * y[i];
s.t. cover {i in I}: y[i] <= sum {j in N[i]} x[j];
s.t. count: sum {j in J} x[j] = p + card(REQ);
s.t. open_req {j in REQ}: x[j] = 1;
end;
