# apidocgen — see README.md.
GO      ?= go
CORPUS  ?= ../shared/corpus
FUZZTIME ?= 60s

.PHONY: all build test short golden fuzz bench lint example check-example clean

all: build test

build:
	$(GO) build -o bin/apidocgen ./cmd/apidocgen

# The test command of the README and of CI. Corpus tests run when the corpus
# is found at $(CORPUS) (CI sets APIDOCGEN_CORPUS and then they are mandatory).
test:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go' | grep -v /testdata/))" || (echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go' | grep -v /testdata/); exit 1)
	$(GO) test -shuffle=on -timeout 20m ./...

short:
	$(GO) test -short ./...

# Rewrite golden files after a deliberate change; review with git diff.
golden:
	$(GO) test ./input/... ./generator/... ./cmd/... -run Golden -update
	git diff --stat

# Fuzz the page reader, the annotation/example JSON reader, the CSDL
# metadata reader and the whole reader+compiler for $(FUZZTIME) each; crashers land in testdata/fuzz/.
fuzz:
	$(GO) test ./input -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME)
	$(GO) test ./input/jsonx -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME)
	$(GO) test ./input/csdl -run '^$$' -fuzz '^FuzzRead$$' -fuzztime $(FUZZTIME)
	$(GO) test ./generator/compile -run '^$$' -fuzz '^FuzzCompile$$' -fuzztime $(FUZZTIME)

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
