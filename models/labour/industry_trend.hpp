#pragma once
// Each industry's own growth trend fades towards the all-industry rate: a shift
// in the industry mix seen over a few years is not carried on for ever.

namespace kfsim {

// The yearly growth of an industry `years_run` years after the start, when its
// own rate `own` fades linearly to `all` over `fade_years` years. fade_years
// <= 0: the trend never fades and `own` is returned exactly.
double faded_growth(double own, double all, double years_run, double fade_years);

}  // namespace kfsim
