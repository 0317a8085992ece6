#!/usr/bin/env bash
# bench-gengo: generate the Go package of graph-v1.0 into a temporary module
# and report how long a cold `go build` of it takes and how much memory the
# compiler needs (the standard library comes from the build cache; a
# comment line with the current time makes the package itself cold), then
# run its speed test (speed_test.go, with the default output): decode,
# encode and validate seven payload shapes against plain encoding/json structs
# and jsonschema/v5, in SPEED_ROUNDS rounds (default 9) that time the two
# sides of each ratio in alternating turns, in processor time.
# Two outputs are measured: the default of `apidocgen generate` (types and
# validators) and the types alone (go.validators: false), each as the
# command writes it inside a module: split into internal packages of 350
# struct types at most (gengo.DefaultPartTypes) behind the package users import.
# GENGO_PART_TYPES=-1 measures one package instead.
#   VALIDATORS=1 / VALIDATORS=0   measure only that one
#   SOURCE=metadata               generate from metadata/graph-v1.0.xml (apidocgen generate -metadata)
#   DECODE=0 or SPEED_ROUNDS=0    skip the speed test
set -euo pipefail
cd "$(dirname "$0")/.."
export APIDOCGEN_CORPUS="${APIDOCGEN_CORPUS:-../shared/corpus}"
[ -d "$APIDOCGEN_CORPUS/graph-v1.0" ] || { echo "bench-gengo: corpus not found at $APIDOCGEN_CORPUS (set APIDOCGEN_CORPUS)"; exit 2; }
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

# compileRSS GOPID: the summed resident memory (KB) of the compilers the go
# command GOPID is running at this moment.
compileRSS() {
  { ps -o rss=,comm= --ppid "$1" || true; } | awk '$2 == "compile" { s += $1 } END { print s + 0 }'
}

# measure VALIDATORS LABEL: generate, build cold, print the figures.
measure() {
  local dir="$root/v$1"
  mkdir -p "$dir"
  GENGO_SOURCE="${SOURCE:-docs}" GENGO_WRITE_MODULE="$dir" GENGO_VALIDATORS="$1" go test -count=1 -run '^TestWriteCorpusModule$' ./generator/gengo >/dev/null
  (
    export GOFLAGS=-mod=mod GOPROXY=off GOWORK=off
    cd "$dir"
    local srcs files bytes funcs structs pkgs
    srcs=$(find . -name '*.go' ! -name '*_test.go' | sort)
    files=$(echo "$srcs" | wc -l)
    bytes=$(cat $srcs | wc -c)
    funcs=$(cat $srcs | grep -c '^func ' || true)
    structs=$(cat $srcs | grep -cE '^type [A-Z][A-Za-z0-9_]* struct' || true)
    pkgs=$(echo "$srcs" | xargs -n1 dirname | sort -u)
    echo "$2: $(echo "$pkgs" | wc -l) package(s), $files files, $bytes bytes, $structs structs, $funcs functions"
    go build ./... >/dev/null 2>&1 || true   # warm the standard library in the cache
    # Make every generated package cold: a comment line with the time.
    for p in $pkgs; do
      f=$(ls "$p"/*.go | grep -v '_test.go$' | head -1)
      echo "// bench $(date +%s%N)" >>"$f"
    done
    if [ -x /usr/bin/time ]; then
      /usr/bin/time -f "%e %U %S %M" -o build.time go build ./ &
      local pid=$! peak=0 now gopid=""
      while kill -0 "$pid" 2>/dev/null; do
        [ -n "$gopid" ] || gopid=$(pgrep -P "$pid" -x go || true)
        if [ -n "$gopid" ]; then
          now=$(compileRSS "$gopid")
          if [ "$now" -gt "$peak" ]; then peak=$now; fi
        fi
        sleep 0.1
      done
      wait "$pid"
      read -r wall user sys rss <build.time
      echo "  go build: $wall s wall, $user s user, $sys s sys; max RSS of one process $rss KB, of the compilers running at once $peak KB (sampled)"
      # The reference: msgraph-sdk-go's models package, 2,474 structs, 130 s and
      # 4.4 GB on a 2-core machine (docs: go-model-anchors). Per struct:
      awk -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v n="$structs" 'BEGIN{
        wt=w/n*1000; cpu=(u+s)/n*1000; mem=r/1024/n; kt=130/2474*1000; km=4.4*1024/2474;
        printf "  per struct: %.1f ms wall (Kiota %.1f ms: %.1fx less; %.1f ms CPU), %.2f MB peak (Kiota %.2f MB: %.1fx less)\n", wt, kt, kt/wt, cpu, mem, km, km/mem }'
    else
      time go build ./
    fi
  )
}

case "${VALIDATORS:-both}" in
  1) measure 1 "default output (types + validators)" ; last=1 ;;
  0) measure 0 "types only (go.validators: false)" ; last=0 ;;
  *) measure 0 "types only (go.validators: false)"
     measure 1 "default output (types + validators)" ; last=1 ;;
esac
[ "${DECODE:-1}" = 0 ] && exit 0
if [ "$last" = 1 ] && [ "${SPEED_ROUNDS:-9}" != 0 ]; then
  cd "$root/v1"
  echo "== speed of the generated code (default output): generated / plain encoding/json structs, jsonschema/v5 / generated validators =="
  GOFLAGS=-mod=mod GOPROXY=off GOWORK=off go test -c -o speed.test .
  SPEED_ROUNDS="${SPEED_ROUNDS:-9}" SPEED_OUT=speed.txt ./speed.test -test.run '^TestSpeed$' >/dev/null
  cat speed.txt
fi
