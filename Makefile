# Two commands on a fresh machine: `make build` writes the shipped briefing
# into public/, `make test` runs every test.
GO ?= go

.PHONY: build serve test clean bench

build:
	$(GO) run ./cmd/gen build

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
