#!/usr/bin/env bash
# Batch benchmark: `beian check DIR --format json` against a parse-only floor (read + toml
# parse of the same files on the same threads), at 10,000 and 100,000 generated drafts.
# Prints drafts per second, the ratio to the floor (medians of interleaved runs) and peak
# memory (/usr/bin/time -v).
#
#   bench/run.sh                 # sizes 10000 100000, jobs = cores
#   JOBS=2 bench/run.sh 10000    # one size, two threads
#   FORMAT=sarif bench/run.sh    # another report format
#
# Not part of `cargo test`. Needs /usr/bin/time (Debian package `time`).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("${@:-10000 100000}")
read -r -a SIZES <<<"${SIZES[*]}"
JOBS=${JOBS:-$(nproc)}
FORMAT=${FORMAT:-json}
RUNS=${RUNS:-9}
DATA=${BENCH_DIR:-${TMPDIR:-/tmp}/beian-bench}
cargo build --release --quiet --bin beian --example gen_drafts --example parse_floor
BIN=target/release

# "wall_seconds peak_kib" of one run of a command: wall time from the clock in nanoseconds
# (time(1) rounds to 10 ms, too coarse for a 0.1 s run), peak memory from time(1).
measure() {
  local log start end peak
  log=$(mktemp)
  start=$(date +%s%N)
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || true
  end=$(date +%s%N)
  peak=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  rm -f "$log"
  awk -v s="$start" -v e="$end" -v p="$peak" 'BEGIN { printf "%.4f %d\n", (e - s) / 1e9, p }'
}

# Median of a list of numbers.
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

printf '%-8s %-6s %10s %12s %10s %12s %8s %12s\n' drafts jobs floor_s floor_/s beian_s beian_/s ratio peak_MiB
declare -A PEAK
for n in "${SIZES[@]}"; do
  dir="$DATA/$n"
  if [ ! -f "$dir/.complete" ]; then
    rm -rf "$dir"
    "$BIN/examples/gen_drafts" "$dir" "$n" >/dev/null 2>&1
    touch "$dir/.complete"
  fi
  # Floor and beian take turns, so a machine that slows down or speeds up during the run
  # affects both alike; the median of $RUNS runs of each is reported.
  fws=() bws=() bp=0
  for _ in $(seq "$RUNS"); do
    read -r w _ < <(measure "$BIN/examples/parse_floor" "$dir" "$JOBS")
    fws+=("$w")
    read -r w p < <(measure "$BIN/beian" check "$dir" --format "$FORMAT" --jobs "$JOBS" --quiet --as-of 2026-12-01)
    bws+=("$w")
    [ "$p" -gt "$bp" ] && bp=$p
  done
  fw=$(median "${fws[@]}")
  bw=$(median "${bws[@]}")
  PEAK[$n]=$bp
  awk -v n="$n" -v j="$JOBS" -v fw="$fw" -v bw="$bw" -v bp="$bp" 'BEGIN {
    printf "%-8d %-6d %10.3f %12.0f %10.3f %12.0f %8.2f %12.1f\n", n, j, fw, n/fw, bw, n/bw, bw/fw, bp/1024 }'
done
if [ "${#SIZES[@]}" -ge 2 ]; then
  a=${SIZES[0]} b=${SIZES[-1]}
  awk -v a="$a" -v b="$b" -v pa="${PEAK[$a]}" -v pb="${PEAK[$b]}" 'BEGIN {
    printf "peak memory growth %d -> %d drafts: %.1f MiB, %.0f bytes per draft\n", a, b, (pb-pa)/1024, (pb-pa)*1024/(b-a) }'
fi
