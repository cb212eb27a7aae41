# Two commands on a fresh machine: `make build` writes the shipped briefing
# into public/, `make test` runs every test.
GO ?= go

.PHONY: build test clean

build:
	$(GO) run ./cmd/gen build

test:
	$(GO) vet ./...
	$(GO) test ./...

clean:
	rm -rf public
