#!/usr/bin/env bash
# Speed and memory of kfsim on this machine, in four parts:
#   --baseline  the end-to-end baseline run (2024-2050) with 1 thread and with every core,
#               three times each: the medians of wall time, person-months per second and
#               peak memory as kfsim reports them, and the parallel fraction that Amdahl's
#               law gives from the two medians;
#   --scaling   the baseline with a world 1, 2 and 4 times Østfold's
#               (scripts/scaled_scenario.py), on 1 thread to a shorter horizon
#               (KFSIM_BENCH_SCALING_END, default 2035-12): wall time, person-months per
#               second, peak memory, and the population and labour-market rates that show
#               the larger worlds are the same county, only larger;
#   --ensemble  a 20-replicate baseline ensemble with 1 thread and with every core (wall
#               time, speed-up, and the CPU use that shows whether every core was busy);
#               KFSIM_BENCH_REPLICATES (default 20) sets its size;
#   --micro     the Google Benchmark micro-benchmarks (tests/bench/*_bench.cpp);
#               KFSIM_BENCH_MONTHS (default 24) sets the months each process benchmark steps.
# With no part named, all four run. --ensemble-only is --ensemble. Arguments after `--` go to
# the micro-benchmarks (e.g. -- --benchmark_filter=Labour).
# A benchmark, not a test: figures vary with the machine and its load.
set -euo pipefail
cd "$(dirname "$0")/.."

parts=()
bench_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --baseline) parts+=(baseline) ;;
    --scaling) parts+=(scaling) ;;
    --ensemble | --ensemble-only) parts+=(ensemble) ;;
    --micro) parts+=(micro) ;;
    --) shift; bench_args=("$@"); break ;;
    --benchmark_*) bench_args+=("$1") ;;
    -h | --help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "benchmark.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[ ${#parts[@]} -gt 0 ] || parts=(baseline scaling ensemble micro)
wants() { [[ " ${parts[*]} " == *" $1 "* ]]; }

bash scripts/install-deps.sh
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DKFSIM_BUILD_TESTS=OFF -DKFSIM_BUILD_BENCHMARKS=ON >/dev/null
cmake --build build/bench -j"$(nproc)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
kfsim=./build/bench/sim/app/kfsim
python="${PYTHON:-/usr/bin/python3}"
cores="$(nproc)"
echo "== on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# kfsim's closing line: "wall time 9.02 s, 12.1 million person-months per second, peak
# memory 51.2 MiB (process 0)" -> "9.02 12.1 51.2".
speed_figures() {
  sed -nE 's/.*wall time ([0-9.]+) s, ([0-9.]+) million person-months per second, peak memory ([0-9.]+) MiB.*/\1 \2 \3/p'
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

if wants baseline; then
  declare -A median_wall
  for threads in 1 "$cores"; do
    echo "== baseline 2024-2050, ${threads} thread(s), 3 runs"
    : >"$out/runs.txt"
    for repeat in 1 2 3; do
      "$kfsim" run scenarios/baseline.toml -o "$out/b.h5" --force --threads "$threads" |
        speed_figures | tee -a "$out/runs.txt" |
        awk '{ printf "  run: wall time %s s, %s million person-months/s, peak memory %s MiB\n", $1, $2, $3 }'
    done
    wall="$(cut -d' ' -f1 "$out/runs.txt" | median)"
    speed="$(cut -d' ' -f2 "$out/runs.txt" | median)"
    memory="$(cut -d' ' -f3 "$out/runs.txt" | median)"
    echo "  median: wall time $wall s, $speed million person-months/s, peak memory $memory MiB"
    median_wall[$threads]="$wall"
    [ "$cores" -gt 1 ] || break
  done
  if [ "$cores" -gt 1 ]; then
    # Amdahl: T_n = T_1 ((1 - f) + f / n), so f = (1 - T_n / T_1) / (1 - 1 / n).
    awk -v t1="${median_wall[1]}" -v tn="${median_wall[$cores]}" -v n="$cores" 'BEGIN {
      f = (1 - tn / t1) / (1 - 1 / n)
      printf "  speed-up from 1 to %d threads: %.2f (medians); parallel fraction (Amdahl) f = %.2f\n", n, t1 / tn, f
      if (f <= 0) print "  no gain from the extra threads: the other cores were busy (see the load average); f means something only on an idle machine"
      else if (f < 1) printf "  Amdahl then bounds the speed-up on any number of threads by 1/(1-f) = %.1f\n", 1 / (1 - f)
    }'
  else
    echo "  one core: no parallel fraction to estimate"
  fi
fi

if wants scaling; then
  end="${KFSIM_BENCH_SCALING_END:-2035-12}"
  echo "== scaling with population: the baseline with every count that sets the size of the world"
  echo "   (residents, in-movers, jobs, in-commuters, programme places) x k; 1 thread, one run each,"
  echo "   2024-01 to ${end} (a shorter horizon than the baseline's 2050-12)"
  printf '  %-3s %11s %11s %9s %9s %9s %10s %8s %10s\n' k "pop. start" "pop. end" "unempl." "vacancy" "wall s" "Mpm/s" "MiB" "wall / k=1"
  wall_1=""
  for k in 1 2 4; do
    scenario="$("$python" scripts/scaled_scenario.py "$k" "$out")"
    "$kfsim" run "$scenario" -o "$out/s.h5" --force --threads 1 --set "end=$end" >"$out/scaled.txt"
    read -r wall speed memory < <(speed_figures <"$out/scaled.txt")
    pop_start="$(sed -nE 's/.*population [0-9]+ \(start\): *([0-9 ]+)$/\1/p' "$out/scaled.txt" | tr -d ' ')"
    pop_end="$(sed -nE 's/.*population [0-9]+ \(end\): *([0-9 ]+)$/\1/p' "$out/scaled.txt" | tr -d ' ')"
    unemployment="$(sed -nE 's/.*unemployment [0-9.]+ % -> ([0-9.]+ %).*/\1/p' "$out/scaled.txt")"
    vacancy="$(sed -nE 's/.*vacancy rate [0-9.]+ % -> ([0-9.]+ %).*/\1/p' "$out/scaled.txt")"
    [ -n "$wall_1" ] || wall_1="$wall"
    printf '  %-3s %11s %11s %9s %9s %9s %10s %8s %10s\n' "$k" "$pop_start" "$pop_end" "$unemployment" \
      "$vacancy" "$wall" "$speed" "$memory" "$(awk -v a="$wall" -v b="$wall_1" 'BEGIN { printf "%.2f", a / b }')"
  done
  echo "  (unemployment and vacancy rates in ${end%-*}; the same rates at every k show a larger copy of the county)"
fi

if wants ensemble; then
  replicates="${KFSIM_BENCH_REPLICATES:-20}"
  declare -A wall
  for threads in 1 "$cores"; do
    echo "== baseline ensemble, ${replicates} replicates, ${threads} thread(s)"
    # %e wall seconds, %P CPU use (200 % = two cores busy all the time), %M peak memory.
    /usr/bin/time -f "  time: %e s wall, CPU %P, peak %M KiB" -o "$out/time.txt" \
      "$kfsim" run scenarios/baseline.toml -o "$out/e.h5" --force --quiet \
      --replicates "$replicates" --threads "$threads"
    cat "$out/time.txt"
    wall[$threads]="$(sed -E 's/.*time: ([0-9.]+) s wall.*/\1/' "$out/time.txt")"
  done
  awk -v a="${wall[1]}" -v b="${wall[$cores]}" -v n="$cores" \
    'BEGIN { printf "  speed-up from 1 to %d threads: %.2f\n", n, a / b }'
fi

if wants micro; then
  echo "== micro-benchmarks (per-process figures: ${KFSIM_BENCH_MONTHS:-24} months of the baseline world each)"
  ./build/bench/tests/bench/kfsim_bench --benchmark_min_time=0.2 "${bench_args[@]}"
fi
