# Golden values for Gi* (spdep::localG with include.self) and Moran's I (spdep::moran.test).
#
# Regenerate (from the repository root; needs R with spdep, e.g. Debian r-cran-spdep):
#   mvn -q -pl geo-core test -Dtest=GoldenExport -Dgolden.export=true -Dsurefire.failIfNoSpecifiedTests=false
#   Rscript geo-core/src/test/r/localg_golden.R geo-core/target/golden-input geo-core/src/test/resources/golden
#
# For every case in <golden>/cases.csv this reads <input>/<case>/cells.csv (id,h3,value) and
# pairs.csv (i,j,d: distinct cells within grid distance k), builds the neighbour list, computes the
# kernel weights from d with the formulas below (bandwidth k + 1), and writes
#   <golden>/<case>.csv        h3,value,z,p   (localG z and its two-sided p; 17 significant digits)
#   <golden>/<case>.moran.csv  style,test,I,expectation,variance,z  (no self; styles B and W)
suppressPackageStartupMessages(library(spdep))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 2) stop("usage: Rscript localg_golden.R <input dir> <golden dir>")
input_dir <- args[1]
golden_dir <- args[2]

kernels <- list(
  binary     = function(u) rep(1, length(u)),
  uniform    = function(u) rep(0.5, length(u)),
  triangular = function(u) 1 - u,
  quadratic  = function(u) 0.75 * (1 - u^2),
  quartic    = function(u) 15 / 16 * (1 - u^2)^2,
  gaussian   = function(u) exp(-u^2 / 2) / sqrt(2 * pi)
)

fmt <- function(v) sprintf("%.17g", v)

manifest <- read.csv(file.path(golden_dir, "cases.csv"), comment.char = "#",
                     stringsAsFactors = FALSE, colClasses = "character")

for (r in seq_len(nrow(manifest))) {
  case <- manifest[r, ]
  k <- as.integer(case$k)
  kern <- kernels[[case$kernel]]
  if (is.null(kern)) stop("unknown kernel ", case$kernel)
  dir <- file.path(input_dir, case$name)
  cells <- read.csv(file.path(dir, "cells.csv"), stringsAsFactors = FALSE,
                    colClasses = c("integer", "character", "numeric"))
  pairs <- read.csv(file.path(dir, "pairs.csv"), colClasses = "integer")
  n <- nrow(cells)
  stopifnot(all(cells$id == seq_len(n)))

  by_i <- split(pairs, factor(pairs$i, levels = seq_len(n)))
  nb <- lapply(by_i, function(p) { if (nrow(p) == 0) 0L else sort(p$j) })
  names(nb) <- NULL
  dist <- lapply(by_i, function(p) setNames(p$d, p$j))
  class(nb) <- "nb"
  attr(nb, "region.id") <- as.character(cells$id)
  attr(nb, "sym") <- TRUE
  stopifnot(is.symmetric.nb(nb, verbose = FALSE, force = TRUE))

  # Gi*: spdep's own include.self, then kernel weights by grid distance (0 for the cell itself).
  nbs <- include.self(nb)
  glist_self <- lapply(seq_len(n), function(i) {
    d <- ifelse(nbs[[i]] == i, 0, dist[[i]][as.character(nbs[[i]])])
    kern(d / (k + 1))
  })
  lws <- nb2listw(nbs, glist = glist_self, style = "B", zero.policy = TRUE)
  g <- localG(cells$value, lws, zero.policy = TRUE, return_internals = TRUE,
              alternative = "two.sided")
  p <- attr(g, "internals")[, 5]
  write.csv(data.frame(h3 = cells$h3, value = fmt(cells$value), z = fmt(as.numeric(g)), p = fmt(p)),
            file.path(golden_dir, paste0(case$name, ".csv")), row.names = FALSE, quote = FALSE)

  # Moran's I: neighbours without self, styles B and W, randomisation and normality.
  glist <- lapply(seq_len(n), function(i) {
    if (identical(nb[[i]], 0L)) numeric(0) else kern(dist[[i]][as.character(nb[[i]])] / (k + 1))
  })
  rows <- list()
  for (style in c("B", "W")) {
    lw <- nb2listw(nb, glist = glist, style = style, zero.policy = TRUE)
    for (rnd in c(TRUE, FALSE)) {
      mt <- moran.test(cells$value, lw, randomisation = rnd, zero.policy = TRUE)
      rows[[length(rows) + 1]] <- data.frame(
        style = style, test = ifelse(rnd, "randomisation", "normality"),
        I = fmt(mt$estimate[[1]]), expectation = fmt(mt$estimate[[2]]),
        variance = fmt(mt$estimate[[3]]), z = fmt(mt$statistic[[1]]))
    }
  }
  write.csv(do.call(rbind, rows), file.path(golden_dir, paste0(case$name, ".moran.csv")),
            row.names = FALSE, quote = FALSE)
  cat(sprintf("%s: %d cells, %d pairs, %d without neighbours\n", case$name, n, nrow(pairs),
              sum(card(nb) == 0)))
}
