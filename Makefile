# Two commands on a fresh machine: `make build` writes the shipped briefing
# into public/, `make test` runs every test.
GO ?= go
# The address the site is published at, for canonical links, feeds and the
# sitemap: make build BASE_URL=https://owner.github.io/repo/
BASE_URL ?=

.PHONY: build serve test clean bench

build:
	$(GO) run ./cmd/gen build $(if $(BASE_URL),-base-url "$(BASE_URL)")

# Preview at http://127.0.0.1:8080/, rebuilding and reloading on every save.
serve:
	$(GO) run ./cmd/gen serve

test:
	$(GO) vet ./...
	$(GO) test ./...

clean:
	rm -rf public

# Go benchmarks of the build; compare runs with benchstat.
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
