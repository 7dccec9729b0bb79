# The readxl peer of `npm run bench`: read the Caseload sheet with readxl, timed inside R (R's own
# start-up and library loading excluded). Prints the size read, then the elapsed seconds as the last line.
#
#     Rscript bench/readxl_caseload.R division.xlsx
suppressPackageStartupMessages(library(readxl))
path <- commandArgs(trailingOnly = TRUE)[[1]]
t0 <- proc.time()[["elapsed"]]
caseload <- read_excel(path, sheet = "Caseload")
elapsed <- proc.time()[["elapsed"]] - t0
cat(nrow(caseload), "rows,", ncol(caseload), "columns\n")
cat(sprintf("%.4f\n", elapsed))
