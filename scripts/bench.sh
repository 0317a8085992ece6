#!/usr/bin/env bash
# make bench: speed and memory figures, each as a ratio to a baseline
# measured in the same run (machines are shared and noisy: medians of
# COUNT runs are compared, never absolute times against a constant).
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT="${COUNT:-5}"
export APIDOCGEN_CORPUS="${APIDOCGEN_CORPUS:-../shared/corpus}"
[ -d "$APIDOCGEN_CORPUS/graph-v1.0" ] || { echo "bench: corpus not found at $APIDOCGEN_CORPUS (set APIDOCGEN_CORPUS)"; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# median NAME FILE: median ns/op of benchmark NAME in a go test output file.
median() {
  grep -E "^$1(-[0-9]+)?\s" "$2" | awk '{for(i=1;i<=NF;i++) if($(i+1)=="ns/op") print $i}' | sort -g |
    awk '{a[NR]=$1} END{ if(NR==0){print "NaN"; exit} if(NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if(b==0||a=="NaN"||b=="NaN") print "n/a"; else printf "%.2f", a/b }'; }
ms() { awk -v a="$1" 'BEGIN{ if(a=="NaN") print "n/a"; else printf "%.0f ms", a/1e6 }'; }

echo "== reading graph-v1.0 (median of $COUNT) =="
# Interleave the baseline and the measured benchmarks in one go test run
# per package so both see the same machine state.
go test -run '^$' -bench '^(BenchmarkGoldmarkOnly|BenchmarkParse)$' -benchmem -count "$COUNT" ./input >"$out/input.txt"
go test -run '^$' -bench '^BenchmarkBuildModel$' -benchmem -count "$COUNT" ./generator/compile >"$out/compile.txt"
gm=$(median BenchmarkGoldmarkOnly "$out/input.txt")
pa=$(median BenchmarkParse "$out/input.txt")
bm=$(median BenchmarkBuildModel "$out/compile.txt")
echo "goldmark-only parse:      $(ms "$gm")"
echo "input.Parse (syntax):     $(ms "$pa")   ratio $(ratio "$pa" "$gm")x"
echo "build model (parse+compile): $(ms "$bm")   ratio $(ratio "$bm" "$gm")x   (goal <= 1.5x)"

lintlist=$(go test -list '^BenchmarkLintGraph$' ./generator/lint 2>/dev/null || true)
if [[ "$lintlist" == *BenchmarkLintGraph* ]]; then
  go test -run '^$' -bench '^BenchmarkLintGraph$' -benchmem -count "$COUNT" ./generator/lint >"$out/lint.txt"
  li=$(median BenchmarkLintGraph "$out/lint.txt")
  echo "lint (load+compile+lint): $(ms "$li")   ratio $(ratio "$li" "$gm")x   (goal <= 2x)"
fi

echo "== peak memory (max RSS, /usr/bin/time) =="
go build -o "$out/apidocgen" ./cmd/apidocgen
if [ -x /usr/bin/time ]; then
  /usr/bin/time -v "$out/apidocgen" model "$APIDOCGEN_CORPUS/graph-v1.0" >/dev/null 2>"$out/model.time" || true
  echo "apidocgen model graph-v1.0: $(awk -F': ' '/Maximum resident/{printf "%.0f MiB", $2/1024}' "$out/model.time")"
  /usr/bin/time -v "$out/apidocgen" lint "$APIDOCGEN_CORPUS/graph-v1.0" >/dev/null 2>"$out/lint.time" || true
  echo "apidocgen lint graph-v1.0:  $(awk -F': ' '/Maximum resident/{printf "%.0f MiB", $2/1024}' "$out/lint.time")"
fi

for extra in scripts/bench-*.sh; do
  [ -f "$extra" ] || continue
  echo "== $extra =="
  bash "$extra"
done
