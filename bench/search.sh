#!/bin/sh
# Reproduces the figures of "Search at scale (issue 13)" in
# docs/performance.md: what a one-word search downloads, and how soon its
# results show, with gen's index and with Pagefind 1.5.2's over the same
# built site, in the same headless Chromium, from a loopback server.
#
#	bench/search.sh                       # 10,000 articles in /tmp/c10k-search
#	N=3000 DIR=/tmp/c3k bench/search.sh
#
# Pagefind is installed with npm under $PF (not in the repository) and
# writes its index into the built site's pagefind/ folder, which gen's
# builds leave alone.
set -e
N=${N:-10000}
DIR=${DIR:-/tmp/c10k-search}
PF=${PF:-/tmp/pagefind-1.5.2}
WORDS=${WORDS:-"minister actor 123 9876 framework"}
cd "$(dirname "$0")/.."
[ -d "$DIR/content" ] || go run ./bench/corpus -n "$N" -out "$DIR"
go run ./cmd/gen build -root "$DIR" -out "$DIR/public"
echo "== gen, from a loopback server"
go run ./bench/searchbytes -site "$DIR/public" $WORDS
echo "== gen, from disk"
go run ./bench/searchbytes -site "$DIR/public" -disk $WORDS
if [ ! -x "$PF/node_modules/.bin/pagefind" ]; then
	mkdir -p "$PF"
	(cd "$PF" && npm init -y >/dev/null && npm install pagefind@1.5.2)
fi
[ -f "$DIR/public/pagefind/pagefind.js" ] || "$PF/node_modules/.bin/pagefind" --site "$DIR/public"
echo "== Pagefind 1.5.2, from a loopback server"
go run ./bench/searchbytes -site "$DIR/public" -pagefind $WORDS
