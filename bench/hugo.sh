#!/usr/bin/env bash
# The honest comparison (issue 15): gen and Hugo 0.160 build the same
# synthetic corpus (N articles, default 10,000) into fresh, empty folders,
# and beside them the floor, goldmark alone converting and writing the
# same bodies (bench/floor). Hugo's site is the one bench/corpus -format
# hugo writes: the plainest templates that make gen's pages.
#
# The three run in turn (gen, Hugo, floor, gen, Hugo, floor, ...), RUNS
# rounds after one warm-up, so that a shared machine's drift slows each
# alike; every run is printed with the load average, then each tool's
# median, least and greatest wall time, median user+sys CPU, peak RSS, the
# ratios, and the size and file count of each output.
#
#	N=1000 RUNS=5 bench/hugo.sh
#
# Needs Go and, when missing, installs Hugo with
# `go install github.com/gohugoio/hugo@v0.160.0` (a few minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${N:-10000}"
RUNS="${RUNS:-5}"
work="${BENCH_DIR:-/tmp/briefing-bench}"
mkdir -p "$work"

hugo="$(go env GOPATH)/bin/hugo"
if [ ! -x "$hugo" ] || ! "$hugo" version | grep -q 'v0\.160\.0'; then
  echo "Installing Hugo 0.160.0 (a few minutes) ..."
  go install github.com/gohugoio/hugo@v0.160.0
fi
for tool in gen:./cmd/gen floor:./bench/floor measure:./bench/measure; do
  go build -o "$work/${tool%%:*}" "${tool#*:}"
done
for format in gen hugo; do
  dir="$work/$format-corpus-$N"
  if [ ! -f "$dir/.done" ]; then
    rm -rf "$dir"
    go run ./bench/corpus -n "$N" -format "$format" -out "$dir"
    touch "$dir/.done"
  fi
done

# Each tool's output folder is $work/cmp-<tool>-$N, emptied before each
# of its runs (bench/measure passes the tool's label as $1).
gen_out="$work/cmp-gen-$N" hugo_out="$work/cmp-hugo-$N" floor_out="$work/cmp-floor-$N"
echo "$("$hugo" version | cut -d' ' -f1-2), $(go version | cut -d' ' -f3), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
# gen keeps a spare copy of the site beside it (.NAME.gen): cleared too.
"$work/measure" -runs "$RUNS" -warmup 1 \
  -prepare "rm -rf \"$work/cmp-\$1-$N\" \"$work/.cmp-\$1-$N.gen\"" \
  -label gen -label hugo -label floor -ratio gen/hugo -ratio gen/floor -ratio hugo/floor \
  -- "$work/gen" build -root "$work/gen-corpus-$N" -out "$gen_out" \
  -- "$hugo" --quiet --source "$work/hugo-corpus-$N" --destination "$hugo_out" \
  -- "$work/floor" -root "$work/gen-corpus-$N" -out "$floor_out"
echo "targets: gen/hugo wall ≤ 0.25 and peak RSS ≤ 0.25; gen/floor wall ≤ 1.5"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# What each wrote, on its last run.
for out in "$gen_out" "$hugo_out" "$floor_out"; do
  printf '%s: %s bytes (%s), %s files, %s HTML pages\n' "$(basename "$out")" \
    "$(du -sb "$out" | cut -f1)" "$(du -sh "$out" | cut -f1)" \
    "$(find "$out" -type f | wc -l)" "$(find "$out" -name '*.html' | wc -l)"
done
