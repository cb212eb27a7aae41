# Two commands on a fresh machine: `make build` writes the shipped briefing
# into public/, `make test` runs every test.
GO ?= go
# The address the site is published at, for canonical links, feeds and the
# sitemap: make build BASE_URL=https://owner.github.io/repo/
BASE_URL ?=

.PHONY: build serve test lint install fuzz tools clean bench

build:
	$(GO) run ./cmd/gen build $(if $(BASE_URL),-base-url "$(BASE_URL)")

# Preview at http://127.0.0.1:8080/, rebuilding and reloading on every save.
serve:
	$(GO) run ./cmd/gen serve

# gen into $(go env GOBIN), or $(go env GOPATH)/bin: put that folder on
# your PATH, then run gen from any briefing project.
install:
	$(GO) install ./cmd/gen

# Unit, browser, HTML-validity and accessibility tests. The checkers come
# from npm (make tools) and need Java and Chromium; without them those tests
# skip with a message, and under CI=true they fail.
test: lint
	$(GO) vet ./...
	$(GO) test ./...

# Hygiene: gofmt has nothing to change, go.mod and go.sum are tidy, and no
# function is unreachable from the commands and the tests (deadcode, run
# at a pinned version so a fresh machine needs nothing installed).
DEADCODE ?= $(GO) run golang.org/x/tools/cmd/deadcode@v0.52.0
lint:
	@out="$$(gofmt -l .)"; if [ -n "$$out" ]; then echo "gofmt -l: these files need gofmt -w:"; echo "$$out"; exit 1; fi
	$(GO) mod tidy -diff
	@out="$$($(DEADCODE) -test ./...)"; if [ -n "$$out" ]; then echo "$$out"; echo "deadcode: the functions above are called from nowhere: remove them, or call them"; exit 1; fi

# Each fuzz target for a bounded time (FUZZTIME, 30s by default).
FUZZTIME ?= 30s
fuzz:
	$(GO) test ./internal/content -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/annotate -run '^$$' -fuzz '^FuzzConvert$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/site -run '^$$' -fuzz '^FuzzArticle$$' -fuzztime $(FUZZTIME)

# The W3C Nu HTML Checker and axe-core, pinned in tools/package-lock.json.
tools:
	npm ci --prefix tools --no-audit --no-fund

clean:
	rm -rf public .public.gen

# A 10,000-article synthetic briefing built and measured (N= to change),
# then the Go benchmarks (compare runs with benchstat). bench/hugo.sh times
# Hugo on the same corpus.
bench:
	bench/bench.sh
