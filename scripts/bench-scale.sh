#!/usr/bin/env bash
# Complexity of the model and the linter on trees where references break
# (generator/lint/scale_bench_test.go), as ratios measured in one process:
#   - BenchmarkScale: a made-up tree of n and of 4n resource + API pages
#     whose links, includes, anchors and types mostly fail; the ratio 4n/n
#     is about 4 when the work grows linearly (goal <= 5);
#   - BenchmarkHalf: a random half of graph-v1.0 (a new seed each round)
#     against the whole, in elapsed and processor time per page; goal <= 1
#     (a half, where many references break, costs no more per page than
#     the whole). The processor time (all cores, from getrusage) varies
#     less than the elapsed time on a shared machine.
# Each round runs both sizes back to back; the median and the range of the
# per-round ratios over COUNT rounds are printed.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT="${COUNT:-5}"
export APIDOCGEN_CORPUS="${APIDOCGEN_CORPUS:-../shared/corpus}"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
bin="$out/lint.test"
go test -c -o "$bin" ./generator/lint

# stats FILE: "median M (range LO-HI)" of the numbers in FILE.
stats() {
  sort -g "$1" | awk '{a[NR]=$1} END{ if(NR%2) m=a[(NR+1)/2]; else m=(a[NR/2]+a[NR/2+1])/2; printf "median %.2fx (rounds %.2fx-%.2fx)", m, a[1], a[NR] }'
}

echo "== complexity: model and lint on a tree where references break, 4n pages vs n =="
for f in model4 lint4 model4c lint4c; do : >"$out/$f"; done
for _ in $(seq "$COUNT"); do
  (cd generator/lint && "$bin" -test.run '^$' -test.bench '^BenchmarkScale$' -test.benchtime 3x) >"$out/scale.txt"
  awk '$1 ~ /^BenchmarkScale\/model\// {m[++i]=$3; mc[i]=$5} $1 ~ /^BenchmarkScale\/lint\// {l[++j]=$3; lc[j]=$5}
       END{ printf "%.3f\n", m[2]/m[1] >> "'"$out/model4"'"; printf "%.3f\n", l[2]/l[1] >> "'"$out/lint4"'"
            printf "%.3f\n", mc[2]/mc[1] >> "'"$out/model4c"'"; printf "%.3f\n", lc[2]/lc[1] >> "'"$out/lint4c"'" }' "$out/scale.txt"
done
sizes=$(awk -F'[=-]' '/^BenchmarkScale\/model\//{printf "%s%s", s, $2; s=" and "}' "$out/scale.txt")
echo "tree sizes n: $sizes resource pages (as many API pages)"
echo "model (load + compile), 4n / n: elapsed $(stats "$out/model4"); processor $(stats "$out/model4c")   (goal <= 5)"
echo "lint (load + compile + checks), 4n / n: elapsed $(stats "$out/lint4"); processor $(stats "$out/lint4c")   (goal <= 5)"

echo "== a random half of graph-v1.0 vs the whole, time per page =="
if [ -d "$APIDOCGEN_CORPUS/graph-v1.0" ]; then
  for f in modelh linth modelc lintc; do : >"$out/$f"; done
  for r in $(seq "$COUNT"); do
    (cd generator/lint && APIDOCGEN_HALF_SEED="$r" "$bin" -test.run '^$' -test.bench '^BenchmarkHalf$' -test.benchtime 3x) >"$out/half.txt"
    awk '{ for (i = 3; i < NF; i++) { if ($(i+1) == "ns/page") v[$1] = $i; if ($(i+1) == "cpu-ns/page") c[$1] = $i } }
         END{ for (k in v) { split(k, p, "/"); sub(/-[0-9]+$/, "", p[3]); x[p[2] "/" p[3]] = v[k]; y[p[2] "/" p[3]] = c[k] }
              printf "%.3f\n", x["model/half"]/x["model/whole"] >> "'"$out/modelh"'"
              printf "%.3f\n", x["lint/half"]/x["lint/whole"] >> "'"$out/linth"'"
              printf "%.3f\n", y["model/half"]/y["model/whole"] >> "'"$out/modelc"'"
              printf "%.3f\n", y["lint/half"]/y["lint/whole"] >> "'"$out/lintc"'" }' "$out/half.txt"
  done
  echo "model, per page, half / whole: elapsed $(stats "$out/modelh"); processor $(stats "$out/modelc")   (goal <= 1)"
  echo "lint, per page, half / whole:  elapsed $(stats "$out/linth"); processor $(stats "$out/lintc")   (goal <= 1)"
else
  echo "corpus not found at $APIDOCGEN_CORPUS: skipped"
fi
