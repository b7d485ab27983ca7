#!/usr/bin/env bash
# Builds the same generated clinic posts with ClinicPress (release build) and Hugo (Debian's package), in
# alternation, and prints median wall time, peak memory and the ClinicPress/Hugo ratio for each size; then
# `clinicpress check` alone on the largest size.
#
# Usage: Benchmarks/run.sh [SIZES…]      (default: 1000 10000; RUNS=3 runs per tool and size)
# Not a test: CI does not judge speed. Results go to stdout; copy them into Benchmarks/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
runs=${RUNS:-3}

scripts/bootstrap.sh
command -v hugo >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo >/dev/null; }
swift build -c release --product clinicpress >/dev/null
clinicpress=$PWD/.build/release/clinicpress
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() { # prints "seconds peak_kb" of a command
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1 || true
  tail -n 1 "$work/time" # (time adds a first line when the command exits non-zero, as `check` does on findings)
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(hugo version | cut -d' ' -f1-2); clinicpress $(git rev-parse --short HEAD)"
for n in "${sizes[@]}"; do
  python3 Benchmarks/generate.py "$n" "$work/site-$n"
  : > "$work/cp-$n"; : > "$work/hugo-$n"
  for _ in $(seq "$runs"); do
    measure "$clinicpress" build --site "$work/site-$n/clinicpress" --output "$work/out-cp" >> "$work/cp-$n"
    (cd "$work/site-$n/hugo" && measure hugo --quiet -d "$work/out-hugo") >> "$work/hugo-$n"
  done
  cp_time=$(cut -d' ' -f1 "$work/cp-$n" | median); cp_mem=$(cut -d' ' -f2 "$work/cp-$n" | median)
  hugo_time=$(cut -d' ' -f1 "$work/hugo-$n" | median); hugo_mem=$(cut -d' ' -f2 "$work/hugo-$n" | median)
  awk -v n="$n" -v ct="$cp_time" -v cm="$cp_mem" -v ht="$hugo_time" -v hm="$hugo_mem" 'BEGIN {
    printf "N=%-6d clinicpress %6.2f s %6.0f MB | hugo %6.2f s %6.0f MB | time ratio %.2f, memory ratio %.2f, clinicpress %.2f ms/post\n",
      n, ct, cm / 1024, ht, hm / 1024, ct / ht, cm / hm, ct * 1000 / n }'
done
last=${sizes[${#sizes[@]}-1]}
check=$(measure "$clinicpress" check --site "$work/site-$last/clinicpress" | cut -d' ' -f1)
echo "check alone, N=$last: $check s"
