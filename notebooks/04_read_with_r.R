# Reading a kfsim result file in R with ncdf4.
#
# A kfsim result is an HDF5 file laid out as netCDF-4, so R's ncdf4 package
# (Debian: r-cran-ncdf4) reads it directly: dimensions, variables with their
# units and long names, the label variables of the categorical dimensions, and
# the provenance in the global attributes.
#
#   Rscript notebooks/04_read_with_r.R [RESULT.h5] [OUTPUT_DIR]
#
# RESULT.h5 defaults to $KFSIM_BASELINE, else results/baseline.h5 (make it with
# `bash scripts/run-baseline.sh`, or `kfsim run scenarios/baseline.toml
# --replicates 5 -o results/baseline.h5`). The figures go to OUTPUT_DIR
# (default: the current directory) as kfsim_competence_gap.png,
# kfsim_gap_parts.png and kfsim_unemployment.png.
#
# Note on layout: ncdf4 returns arrays with the dimensions in the reverse of
# the order that `kfsim info` and Python list, so competence_gap(replicate,
# year, competence) arrives in R as an array [competence, year, replicate].
#
# The gap comes with its parts, each a variable of its own:
#   competence_gap = competence_shortage + competence_frictional
#                    - competence_surplus + competence_upgrading   (exactly)
# shortage: what positions vacant labour.shortage_months (3) or more and unmet
# demand ask for (people employers fail to find); frictional: positions vacant
# a shorter time; surplus: holders registered unemployed or employed below the
# competence; upgrading: filled jobs asking for the competence, held by people
# with another (mostly more education). Upgrading is not a shortage.

suppressPackageStartupMessages(library(ncdf4))

args <- commandArgs(trailingOnly = TRUE)
path <- if (length(args) >= 1) args[1] else Sys.getenv("KFSIM_BASELINE", "results/baseline.h5")
out_dir <- if (length(args) >= 2) args[2] else "."
if (!file.exists(path)) {
  stop(sprintf("%s does not exist: run `kfsim run scenarios/baseline.toml -o %s` first", path, path))
}
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)

nc <- nc_open(path)

# ---- dimensions ----------------------------------------------------------------
cat("File:", path, "\n\nDimensions:\n")
for (d in nc$dim) {
  values <- d$vals
  cat(sprintf("  %-18s %4d  %s .. %s  (%s)\n", d$name, d$len, format(values[1]),
              format(values[length(values)]), d$units))
}
cat(sprintf("\n%d variables, among them:\n", length(nc$var)))
for (name in c("population_end", "competence_gap", "competence_gap_mean", "competence_shortage",
                "competence_surplus", "unemployment_rate_monthly")) {
  v <- nc$var[[name]]
  dims <- rev(sapply(v$dim, function(d) d$name))   # in the order kfsim and Python list them
  cat(sprintf("  %s(%s) [%s]: %s\n", name, paste(dims, collapse = ", "), v$units, v$longname))
}

# ---- provenance ----------------------------------------------------------------
# ncdf4 prints a notice for 64-bit integer attributes (seed, replicates); it
# returns them as doubles, exact for these values. The notice is kept quiet here.
invisible(capture.output(attributes <- ncatt_get(nc, 0)))
cat("\nProvenance (global attributes):\n")
for (name in c("kfsim_scenario_name", "kfsim_seed", "kfsim_replicates", "kfsim_code_version",
               "kfsim_command_line", "kfsim_started_utc", "kfsim_finished_utc")) {
  value <- attributes[[name]]
  cat(sprintf("  %-20s %s\n", name, format(value, scientific = FALSE)))
}
scenario_lines <- strsplit(attributes[["kfsim_scenario"]], "\n")[[1]]
cat(sprintf("  kfsim_scenario       %d lines of resolved TOML; it begins:\n", length(scenario_lines)))
cat(paste0("    ", head(scenario_lines[nzchar(scenario_lines)], 8)), sep = "\n")

# ---- a variable with its labels --------------------------------------------------
years <- ncvar_get(nc, "year")
codes <- ncvar_get(nc, "competence")
labels <- ncvar_get(nc, "competence_name")                 # "BA_NURS: Bachelor: nursing", ...
short <- sub(":.*$", "", labels)
gap <- ncvar_get(nc, "competence_gap", collapse_degen = FALSE)   # [competence, year, replicate]
gap_mean <- ncvar_get(nc, "competence_gap_mean", collapse_degen = FALSE)   # [competence, year]
gap_p05 <- ncvar_get(nc, "competence_gap_p05", collapse_degen = FALSE)
gap_p95 <- ncvar_get(nc, "competence_gap_p95", collapse_degen = FALSE)
replicates <- dim(gap)[3]
last <- length(years)

# The stored mean is the mean over the replicate dimension.
stopifnot(isTRUE(all.equal(apply(gap, c(1, 2), mean), gap_mean, check.attributes = FALSE)))

table <- data.frame(competence = short, code = codes,
                    gap_mean = round(gap_mean[, last]),
                    gap_p05 = round(gap_p05[, last]),
                    gap_p95 = round(gap_p95[, last]))
table <- table[order(-table$gap_mean), ]
cat(sprintf("\nCompetence gap on 31 December %d (demand - supply, %s), %d replicates:\n",
            years[last], ncatt_get(nc, "competence_gap", "units")$value, replicates))
print(table, row.names = FALSE)

# ---- the gap in its parts ------------------------------------------------------------
part_names <- c("shortage", "frictional", "surplus", "upgrading")
part_signs <- c(1, 1, -1, 1)
parts <- lapply(part_names, function(p) ncvar_get(nc, paste0("competence_", p), collapse_degen = FALSE))
names(parts) <- part_names
# The identity holds in every replicate, year and group.
summed <- Reduce(`+`, Map(function(p, s) s * p, parts, part_signs))
stopifnot(isTRUE(all.equal(summed, gap, check.attributes = FALSE, tolerance = 1e-9)))
part_means <- sapply(parts, function(p) apply(p[, last, , drop = FALSE], 1, mean))   # [competence, part]
parts_table <- data.frame(competence = short, round(part_means, 1), gap = round(gap_mean[, last], 1))
parts_table <- parts_table[order(-parts_table$shortage), ]
cat(sprintf(paste0("\nCompetence gap in its parts on 31 December %d (means over %d replicates;\n",
                   "gap = shortage + frictional - surplus + upgrading; upgrading is not a shortage):\n"),
            years[last], replicates))
print(parts_table, row.names = FALSE)

# ---- figures (base graphics) -------------------------------------------------------
scenario <- attributes[["kfsim_scenario_name"]]

png(file.path(out_dir, "kfsim_competence_gap.png"), width = 900, height = 750, res = 110)
par(mar = c(5, 8, 4, 2))
o <- order(gap_mean[, last])
centres <- barplot(gap_mean[o, last], horiz = TRUE, names.arg = short[o], las = 1, cex.names = 0.7,
                   col = ifelse(gap_mean[o, last] > 0, "firebrick", "steelblue"),
                   xlim = range(c(0, gap_p05[, last], gap_p95[, last])),
                   main = sprintf("Competence gap on 31 December %d (%s)", years[last], scenario),
                   xlab = "Demand - supply (persons; > 0 more demand than supply)", ylab = "")
arrows(gap_p05[o, last], centres, gap_p95[o, last], centres, angle = 90, code = 3, length = 0.03)
mtext("Competence group (code)", side = 2, line = 6.5)
abline(v = 0, col = "grey40")
legend("bottomright", bty = "n", cex = 0.8,
       legend = c("demand exceeds supply", "supply exceeds demand",
                  sprintf("90 %% band over %d replicates", replicates)),
       fill = c("firebrick", "steelblue", NA), border = c("black", "black", NA),
       lty = c(NA, NA, 1))
invisible(dev.off())

# The parts stacked: to the right what adds to the gap, to the left what takes from it.
png(file.path(out_dir, "kfsim_gap_parts.png"), width = 900, height = 750, res = 110)
par(mar = c(5, 8, 4, 2))
o <- order(gap_mean[, last])
signed <- t(sweep(part_means[o, , drop = FALSE], 2, part_signs, `*`))   # [part, competence]
colours <- c("firebrick", "orange", "steelblue", "purple")
positive <- pmax(signed, 0)
negative <- pmin(signed, 0)
limits <- range(c(0, colSums(positive), colSums(negative)))
centres <- barplot(positive, horiz = TRUE, names.arg = short[o], las = 1, cex.names = 0.7,
                   col = colours, xlim = limits, border = NA,
                   main = sprintf("The gap in its parts on 31 December %d (%s)", years[last], scenario),
                   xlab = "Persons (> 0 adds to the gap, < 0 takes from it)", ylab = "")
barplot(negative, horiz = TRUE, col = colours, border = NA, add = TRUE, axes = FALSE, names.arg = rep("", length(o)))
points(gap_mean[o, last], centres, pch = "|", cex = 1.2)
mtext("Competence group (code)", side = 2, line = 6.5)
abline(v = 0, col = "grey40")
legend("bottomright", bty = "n", cex = 0.8, fill = c(colours, NA), border = c(rep("black", 4), NA),
       pch = c(rep(NA, 4), 124),
       legend = c("shortage", "frictional", "- surplus", "upgrading", "gap (their sum)"))
invisible(dev.off())

months <- ncvar_get(nc, "month")
rate <- ncvar_get(nc, "unemployment_rate_monthly_mean")
rate_p05 <- ncvar_get(nc, "unemployment_rate_monthly_p05")
rate_p95 <- ncvar_get(nc, "unemployment_rate_monthly_p95")
time <- months %/% 100 + (months %% 100 - 1) / 12
png(file.path(out_dir, "kfsim_unemployment.png"), width = 900, height = 500, res = 110)
plot(time, 100 * rate, type = "n", ylim = 100 * range(c(rate_p05, rate_p95)),
     main = sprintf("Registered unemployment rate, month by month (%s)", scenario),
     xlab = "Time (year)", ylab = "Job seekers (% of labour force)")
polygon(c(time, rev(time)), 100 * c(rate_p05, rev(rate_p95)), col = "grey85", border = NA)
lines(time, 100 * rate, col = "black", lwd = 1.5)
legend("topleft", bty = "n", legend = c("mean over replicates", "90 % band"),
       col = c("black", "grey85"), lwd = c(1.5, 8))
invisible(dev.off())

nc_close(nc)
cat(sprintf("\nWrote %s, %s and %s\n", file.path(out_dir, "kfsim_competence_gap.png"),
            file.path(out_dir, "kfsim_gap_parts.png"), file.path(out_dir, "kfsim_unemployment.png")))
