#!/usr/bin/env bash
# make bench: build a synthetic briefing of N articles (default 10,000) with
# gen and print the wall time, pages per second and peak memory; then run
# the Go benchmarks of parsing, linking and rendering.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${N:-10000}"
RUNS="${RUNS:-3}"
work="${BENCH_DIR:-/tmp/briefing-bench}"
mkdir -p "$work"

go build -o "$work/gen" ./cmd/gen
# The same folder as bench/hugo.sh writes gen's corpus to, so the two share it.
if [ ! -f "$work/gen-corpus-$N/.done" ]; then
  echo "Writing a corpus of $N articles into $work/gen-corpus-$N ..."
  rm -rf "$work/gen-corpus-$N"
  go run ./bench/corpus -n "$N" -out "$work/gen-corpus-$N"
  touch "$work/gen-corpus-$N/.done"
fi

# Each run builds into a fresh folder, as a first build does.
cat > "$work/build.sh" <<SCRIPT
#!/usr/bin/env bash
rm -rf "$work/out-$N" "$work/.out-$N.gen" # the site and gen's spare copy beside it
exec "$work/gen" build -root "$work/gen-corpus-$N" -out "$work/out-$N"
SCRIPT
chmod +x "$work/build.sh"
go run ./bench/measure -runs "$RUNS" -label "gen build, $N articles" -- "$work/build.sh" | tee "$work/result.txt"
pages=$(find "$work/out-$N" -name '*.html' | wc -l)
median=$(sed -n 's/.*median \([0-9.]*\) s.*/\1/p' "$work/result.txt")
echo "$pages pages: $(awk -v p="$pages" -v s="$median" 'BEGIN { printf "%.0f", p / s }') pages per second"
# What a reader downloads: the heaviest pages (issue 13 holds each under 1 MB).
echo "The heaviest pages (bytes):"
find "$work/out-$N" -name '*.html' -printf '%s %P\n' | sort -n | tail -5

# The floor: goldmark alone on the same bodies, writing one file each.
go run ./bench/floor -root "$work/gen-corpus-$N" -out "$work/floor-$N" | tee -a "$work/result.txt"
floor=$(sed -n 's/.*in \([0-9.]*\) s$/\1/p' "$work/result.txt")
echo "gen over the floor: $(awk -v g="$median" -v f="$floor" 'BEGIN { printf "%.1f", g / f }') x (aim under 1.5)"

go test -run '^$' -bench . -benchmem ./internal/site ./internal/network
# Growth with input size (docs/performance.md, "Linear time"): each doubling
# should about double the time per op, never quadruple it.
go test -run '^$' -bench . -benchtime 3x ./internal/annotate ./internal/markdown
# gen serve's case on the same corpus: one article edited (a word, then a
# mention) and rebuilt incrementally.
go test -run '^$' -bench RebuildOneArticle -benchtime 10x ./internal/site -args -corpus "$work/gen-corpus-$N"
