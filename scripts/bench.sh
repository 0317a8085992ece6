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

echo "== speed on graph-v1.0, as ratios to a goldmark-only parse of the same files =="
echo "   (each round runs the baseline and the measurement back to back in one test binary;"
echo "    the ratio printed is the median over $COUNT rounds of the per-round ratios)"
# roundratios PKG MEASURED [BASELINE]: build PKG's test binary once, then
# run BASELINE (default BenchmarkGoldmarkOnly) and MEASURED back to back
# COUNT times.
roundratios() {
  local pkg=$1 bench=$2 base=${3:-BenchmarkGoldmarkOnly} bin="$out/$(basename "$1").test"
  go test -c -o "$bin" "./$pkg"
  for _ in $(seq "$COUNT"); do
    (cd "$pkg" && "$bin" -test.run '^$' -test.bench "^($base|$bench)\$" -test.benchtime 3x) |
      awk -v m="$bench" -v g0="$base" '$1 ~ "^"g0"(-[0-9]+)?$" {g=$3} $1 ~ "^"m"(-[0-9]+)?$" {x=$3} END{ if (g>0 && x>0) printf "%s %s %.3f\n", g, x, x/g }'
  done >"$out/$bench.rounds"
  awk '{print $3}' "$out/$bench.rounds" | sort -g | awk '{a[NR]=$1} END{ if(NR%2) r=a[(NR+1)/2]; else r=(a[NR/2]+a[NR/2+1])/2; printf "%.2f", r }'
}
medcol() { awk -v c="$2" '{print $c}' "$out/$1.rounds" | sort -g | awk '{a[NR]=$1} END{ if(NR%2) v=a[(NR+1)/2]; else v=(a[NR/2]+a[NR/2+1])/2; printf "%.0f ms", v/1e6 }'; }

r=$(roundratios input BenchmarkParse)
echo "input.Parse (syntax model):        $(medcol BenchmarkParse 2) vs goldmark $(medcol BenchmarkParse 1)   ratio ${r}x"
r=$(roundratios generator/compile BenchmarkBuildModel)
echo "build model (parse + compile):     $(medcol BenchmarkBuildModel 2) vs goldmark $(medcol BenchmarkBuildModel 1)   ratio ${r}x   (goal <= 1.5x)"
r=$(roundratios generator/lint BenchmarkLintGraph)
echo "lint (load + compile + all rules): $(medcol BenchmarkLintGraph 2) vs goldmark $(medcol BenchmarkLintGraph 1)   ratio ${r}x   (goal <= 2x)"

echo "== the API's metadata (metadata/graph-v1.0.xml, 1.5 MB) =="
r=$(roundratios input/csdl BenchmarkRead BenchmarkXMLTokens)
echo "read it (input/csdl, in memory):   $(medcol BenchmarkRead 2) vs encoding/xml tokens only $(medcol BenchmarkRead 1)   ratio ${r}x"
r=$(roundratios generator/metadata BenchmarkLoad BenchmarkXMLTokens)
echo "read + build its model:            $(medcol BenchmarkLoad 2) vs encoding/xml tokens only $(medcol BenchmarkLoad 1)   ratio ${r}x"
r=$(roundratios generator/lint BenchmarkLintGraphMetadata BenchmarkLintGraph)
echo "lint -metadata (read it too):      $(medcol BenchmarkLintGraphMetadata 2) vs lint $(medcol BenchmarkLintGraphMetadata 1)   ratio ${r}x   (goal <= 1.3x)"
printf '   rounds:'; awk '{printf " %.2fx", $3}' "$out/BenchmarkLintGraphMetadata.rounds"; echo

echo "== peak memory (max RSS, /usr/bin/time) =="
go build -o "$out/apidocgen" ./cmd/apidocgen
if [ -x /usr/bin/time ]; then
  /usr/bin/time -v "$out/apidocgen" model "$APIDOCGEN_CORPUS/graph-v1.0" >/dev/null 2>"$out/model.time" || true
  echo "apidocgen model graph-v1.0: $(awk -F': ' '/Maximum resident/{printf "%.0f MiB", $2/1024}' "$out/model.time")"
  /usr/bin/time -v "$out/apidocgen" lint "$APIDOCGEN_CORPUS/graph-v1.0" >/dev/null 2>"$out/lint.time" || true
  echo "apidocgen lint graph-v1.0:  $(awk -F': ' '/Maximum resident/{printf "%.0f MiB", $2/1024}' "$out/lint.time")"
  /usr/bin/time -v "$out/apidocgen" lint -metadata "$APIDOCGEN_CORPUS/metadata/graph-v1.0.xml" "$APIDOCGEN_CORPUS/graph-v1.0" >/dev/null 2>"$out/lintmeta.time" || true
  echo "apidocgen lint -metadata:   $(awk -F': ' '/Maximum resident/{printf "%.0f MiB", $2/1024}' "$out/lintmeta.time")"
  /usr/bin/time -v "$out/apidocgen" model -metadata "$APIDOCGEN_CORPUS/metadata/graph-v1.0.xml" >/dev/null 2>"$out/modelmeta.time" || true
  echo "apidocgen model -metadata:  $(awk -F': ' '/Maximum resident/{printf "%.0f MiB", $2/1024}' "$out/modelmeta.time")"
fi

for extra in scripts/bench-*.sh; do
  [ -f "$extra" ] || continue
  echo "== $extra =="
  bash "$extra"
done
