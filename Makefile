# Two commands on a fresh machine: `make build` writes the shipped briefing
# into public/, `make test` runs every test.
GO ?= go

.PHONY: build test clean bench

build:
	$(GO) run ./cmd/gen build

test:
	$(GO) vet ./...
	$(GO) test ./...

clean:
	rm -rf public

# Go benchmarks of the build; compare runs with benchstat.
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
