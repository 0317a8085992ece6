# apidocgen — see README.md.
GO      ?= go
CORPUS  ?= ../shared/corpus
FUZZTIME ?= 60s
FUZZLONG ?= 10m

.PHONY: all build install test short golden fuzz fuzz-long kill-test bench lint example check-example clean

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
	$(GO) test $$(grep -rl --include='*_test.go' 'flag.Bool("update"' input generator cmd | xargs -n1 dirname | sort -u | sed 's|^|./|') -run Golden -update
	git diff --stat

# Fuzz the page reader, the annotation/example JSON reader, the CSDL
# metadata reader, the whole reader+compiler, the payload derivation, the
# apidocgen.yaml parser and the generated validators for $(FUZZTIME) each;
# crashers land in testdata/fuzz/ of the package.
fuzz:
	$(GO) test ./input -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME)
	$(GO) test ./input/jsonx -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME)
	$(GO) test ./input/csdl -run '^$$' -fuzz '^FuzzRead$$' -fuzztime $(FUZZTIME)
	$(GO) test ./generator/compile -run '^$$' -fuzz '^FuzzCompile$$' -fuzztime $(FUZZTIME)
	$(GO) test ./generator/payload -run '^$$' -fuzz '^FuzzDerive$$' -fuzztime $(FUZZTIME)
	$(GO) test ./generator -run '^$$' -fuzz '^FuzzParseConfig$$' -fuzztime $(FUZZTIME)
	$(GO) test ./generator/gengo -run '^$$' -fuzz '^FuzzValidators$$' -fuzztime $(FUZZTIME)

# The same targets for $(FUZZLONG) each (10 minutes by default).
fuzz-long:
	$(MAKE) fuzz FUZZTIME=$(FUZZLONG)

# Kill "apidocgen generate" of graph-v1.0 at random moments, KILLS times
# (default 60), and check after each that the output is all old or all new
# (cmd/apidocgen/kill_test.go; needs the corpus and a Unix system).
kill-test:
	APIDOCGEN_CORPUS=$(CORPUS) APIDOCGEN_KILLS=$(or $(KILLS),60) $(GO) test -tags faulthook -run '^TestKillGenerate$$' -count=1 -timeout 60m -v ./cmd/apidocgen

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
