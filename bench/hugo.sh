#!/usr/bin/env bash
# Side by side: gen and Hugo 0.160 build the same synthetic corpus (N
# articles, default 10,000; actors and topics as Hugo taxonomies), timed in
# the same run with hyperfine, then measured for peak memory. Prints the
# ratios the performance targets are set in.
#
# Needs hyperfine (apt-get install hyperfine), python3, and Hugo, which it installs
# with `go install github.com/gohugoio/hugo@v0.160.0` when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${N:-10000}"
RUNS="${RUNS:-3}"
work="${BENCH_DIR:-/tmp/briefing-bench}"
mkdir -p "$work"

command -v hyperfine >/dev/null || { echo "bench/hugo.sh needs hyperfine: apt-get install hyperfine" >&2; exit 1; }
hugo="$(go env GOPATH)/bin/hugo"
if [ ! -x "$hugo" ]; then
  echo "Installing Hugo 0.160.0 (a few minutes) ..."
  go install github.com/gohugoio/hugo@v0.160.0
fi
go build -o "$work/gen" ./cmd/gen
for format in gen hugo; do
  dir="$work/$format-corpus-$N"
  if [ ! -f "$dir/.done" ]; then
    rm -rf "$dir"
    go run ./bench/corpus -n "$N" -format "$format" -out "$dir"
    touch "$dir/.done"
  fi
done

gen_cmd="$work/gen build -root $work/gen-corpus-$N -out $work/gen-out"
hugo_cmd="$hugo --quiet --source $work/hugo-corpus-$N --destination $work/hugo-out"
# Both start from an empty output folder, as a first build does.
hyperfine --warmup 1 --runs "$RUNS" --export-json "$work/hyperfine.json" \
  --prepare "rm -rf $work/gen-out $work/.gen-out.gen $work/hugo-out" \
  -n gen "$gen_cmd" -n hugo "$hugo_cmd"

go run ./bench/measure -runs 1 -label gen -- sh -c "rm -rf $work/gen-out $work/.gen-out.gen && exec $gen_cmd" | tee "$work/mem.txt"
go run ./bench/measure -runs 1 -label hugo -- sh -c "rm -rf $work/hugo-out && exec $hugo_cmd" | tee -a "$work/mem.txt"

python3 - "$work/hyperfine.json" "$work/mem.txt" <<'PY'
import json, re, sys
runs = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
mem = dict(re.findall(r"^(\w+):.*peak RSS (\d+) MB", open(sys.argv[2]).read(), re.M))
print(f"wall time: gen {runs['gen']:.2f} s, hugo {runs['hugo']:.2f} s, ratio {runs['gen'] / runs['hugo']:.2f} (target 0.20)")
print(f"peak RSS:  gen {mem['gen']} MB, hugo {mem['hugo']} MB, ratio {int(mem['gen']) / int(mem['hugo']):.2f} (target 0.25)")
PY
