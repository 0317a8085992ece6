#!/usr/bin/env bash
# bench-gengo: generate the Go package of graph-v1.0 into a temporary module
# and report how long a cold `go build` of it takes and how much memory the
# compiler needs (the standard library comes from the build cache; a
# comment line with the current time makes the package itself cold), then
# run the decode benchmarks of a real user and message payload.
#   VALIDATORS=1 scripts/bench-gengo.sh   also emit the validators
set -euo pipefail
cd "$(dirname "$0")/.."
export APIDOCGEN_CORPUS="${APIDOCGEN_CORPUS:-../shared/corpus}"
[ -d "$APIDOCGEN_CORPUS/graph-v1.0" ] || { echo "bench-gengo: corpus not found at $APIDOCGEN_CORPUS (set APIDOCGEN_CORPUS)"; exit 2; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
GENGO_WRITE_MODULE="$dir" GENGO_VALIDATORS="${VALIDATORS:-0}" go test -count=1 -run '^TestWriteCorpusModule$' ./generator/gengo >/dev/null
export GOFLAGS=-mod=mod GOPROXY=off GOWORK=off
cd "$dir"
files=$(ls *.go | wc -l)
bytes=$(cat *.go | wc -c)
types=$(grep -hcE '^type [A-Z]' *.go | awk '{s+=$1} END{print s}')
echo "generated: $files files, $bytes bytes, $types exported types"
go build ./ >/dev/null 2>&1 || true   # warm the standard library in the cache
echo "// bench $(date +%s%N)" >>apidocgen_doc.go
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "go build: %e s wall, %U s user, %S s sys, max RSS %M KB" go build ./
else
  time go build ./
fi
go test -run '^$' -bench 'Decode' -benchmem -count "${COUNT:-3}" ./
