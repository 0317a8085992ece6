# apidocgen — see README.md.
GO      ?= go
CORPUS  ?= ../shared/corpus
FUZZTIME ?= 60s

.PHONY: all build install test short golden fuzz bench lint example check-example clean

all: build test

build:
	$(GO) build -o bin/apidocgen ./cmd/apidocgen

# Install the command from this checkout into $(go env GOBIN), or
# $(go env GOPATH)/bin when GOBIN is not set.
install:
	$(GO) install ./cmd/apidocgen

# The test command of the README and of CI. Corpus tests run when the corpus
# is found at ../shared/corpus, or at $APIDOCGEN_CORPUS (CI sets it, and
# then they are mandatory); otherwise they skip, and go test, which hides
# what passing packages print, is followed by one line that says so.
test:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go' | grep -v /testdata/))" || (echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go' | grep -v /testdata/); exit 1)
	$(GO) test -shuffle=on -timeout 20m ./...
	@test -n "$$APIDOCGEN_CORPUS" || test -d ../shared/corpus/graph-v1.0 || echo "corpus tests skipped: ../shared/corpus/graph-v1.0 not found (set APIDOCGEN_CORPUS to run them)"

short:
	$(GO) test -short ./...

# Rewrite golden files after a deliberate change; review with git diff.
golden:
	$(GO) test ./input/... ./generator/... ./cmd/... -run Golden -update
	git diff --stat

# Fuzz the page reader, the annotation/example JSON reader, the CSDL
# metadata reader, the whole reader+compiler and the payload derivation for
# $(FUZZTIME) each; crashers land in testdata/fuzz/.
fuzz:
	$(GO) test ./input -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME)
	$(GO) test ./input/jsonx -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME)
	$(GO) test ./input/csdl -run '^$$' -fuzz '^FuzzRead$$' -fuzztime $(FUZZTIME)
	$(GO) test ./generator/compile -run '^$$' -fuzz '^FuzzCompile$$' -fuzztime $(FUZZTIME)
	$(GO) test ./generator/payload -run '^$$' -fuzz '^FuzzDerive$$' -fuzztime $(FUZZTIME)

bench:
	bash scripts/bench.sh

# Run the main job on the example docs shipped in the repo (the same as
# "go generate ./examples"), and check that the committed output is fresh.
example: build
	./bin/apidocgen generate -config examples/apidocgen.yaml

check-example: build
	./bin/apidocgen generate -check -config examples/apidocgen.yaml

clean:
	rm -rf bin
