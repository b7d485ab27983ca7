#!/usr/bin/env bash
# Builds the same generated clinic posts with ClinicPress (the release binary of `make release`) and Hugo (Debian's package), in
# alternation, and prints median wall time, peak memory and the ClinicPress/Hugo ratio for each size, then the same for a
# "floor" build (ClinicPress with templates that write next to nothing: what the build costs without its template engine,
# the least any engine could give), and the full build against Hugo with a typical theme's page features ("themed":
# Open Graph, Twitter and schema.org tags, menu, tags, table of contents, neighbour links; see generate.py). On the largest
# size it also measures: a rebuild with nothing changed (both tools, into their existing output), `clinicpress check`
# alone, and one-post edits through the preview server's own code path (Benchmarks/incremental.py).
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
# The binary deploys use (`make release`: the Swift runtime and Foundation linked in, as Hugo's Go runtime is).
scripts/release.sh --no-pack >/dev/null
clinicpress=$PWD/.build-release/release/clinicpress
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() { # prints "seconds peak_kb" of a command
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1 || true
  tail -n 1 "$work/time" # (time adds a first line when the command exits non-zero, as `check` does on findings)
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
column_median() { cut -d' ' -f"$1" "$2" | median; }
compare() { # label file-cp file-hugo n
  awk -v label="$1" -v n="$4" -v ct="$(column_median 1 "$2")" -v cm="$(column_median 2 "$2")" \
      -v ht="$(column_median 1 "$3")" -v hm="$(column_median 2 "$3")" 'BEGIN {
    printf "%-10s N=%-6d clinicpress %6.2f s %5.0f MB | hugo %6.2f s %5.0f MB | time ratio %.2f, memory ratio %.2f, clinicpress %.2f ms/post\n",
      label, n, ct, cm / 1024, ht, hm / 1024, ct / ht, cm / hm, ct * 1000 / n }'
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(hugo version | cut -d' ' -f1-2); clinicpress $(git rev-parse --short HEAD)"
for n in "${sizes[@]}"; do
  python3 Benchmarks/generate.py "$n" "$work/site-$n" >/dev/null
  : > "$work/cp-$n"; : > "$work/hugo-$n"; : > "$work/floor-$n"; : > "$work/hugo-theme-$n"
  # The same site with a theme whose templates write next to nothing (one character a page): every stage runs, each
  # post's HTML is made and every page is written, but the templates have almost no work left. No template engine can
  # make a build much faster than this.
  floor=$work/site-$n/floor
  mkdir -p "$floor/Templates"
  ln -s "$work/site-$n/clinicpress/Posts" "$floor/Posts"
  cp "$work/site-$n/clinicpress/site.yaml" "$floor/"
  for template in Templates/*.mustache; do echo "-" > "$floor/Templates/$(basename "$template")"; done
  echo "{{{content}}}" > "$floor/Templates/layout.mustache"
  for run in $(seq "$runs"); do
    # A full build into a new output folder, as a deploy from a fresh checkout does. Each run has its own folders, removed
    # only at the end: ext4 passes over inodes freed in the last half minute when it makes files, so a run right after
    # removing the last run's 10,000 files would mostly measure that (and whichever tool ran second less of it).
    measure "$clinicpress" build --site "$work/site-$n/clinicpress" --output "$work/out-cp-$n-$run" >> "$work/cp-$n"
    (cd "$work/site-$n/hugo" && measure hugo --quiet -d "$work/out-hugo-$n-$run") >> "$work/hugo-$n"
    measure "$clinicpress" build --site "$floor" --output "$work/out-floor-$n-$run" >> "$work/floor-$n"
    (cd "$work/site-$n/hugo" && measure hugo --quiet --config config-theme.toml --layoutDir layouts-theme \
      -d "$work/out-hugo-theme-$n-$run") >> "$work/hugo-theme-$n"
  done
  compare "full" "$work/cp-$n" "$work/hugo-$n" "$n"
  compare "floor" "$work/floor-$n" "$work/hugo-$n" "$n"
  compare "themed" "$work/cp-$n" "$work/hugo-theme-$n" "$n"
done

last=${sizes[${#sizes[@]}-1]}
site=$work/site-$last
# Nothing changed since the last build of each tool: build again into the same output.
: > "$work/cp-again"; : > "$work/hugo-again"
for _ in $(seq "$runs"); do
  measure "$clinicpress" build --site "$site/clinicpress" --output "$work/out-cp-$last-$runs" >> "$work/cp-again"
  (cd "$site/hugo" && measure hugo --quiet -d "$work/out-hugo-$last-$runs") >> "$work/hugo-again"
done
compare "no-change" "$work/cp-again" "$work/hugo-again" "$last"

: > "$work/check"
for _ in $(seq "$runs"); do measure "$clinicpress" check --site "$site/clinicpress" >> "$work/check"; done
awk -v n="$last" -v t="$(column_median 1 "$work/check")" -v m="$(column_median 2 "$work/check")" \
  'BEGIN { printf "check      N=%-6d clinicpress %6.2f s %5.0f MB\n", n, t, m / 1024 }'

echo "preview server (clinicpress serve), N=$last:"
python3 Benchmarks/incremental.py "$clinicpress" "$site/clinicpress" 9
