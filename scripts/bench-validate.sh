#!/usr/bin/env bash
# Validator and schema benchmarks (see generator/gengo/validate_bench_test.go
# and generator/genschema/bench_test.go). Prints, for the same payloads, the
# time per payload of the generated Go validators (ValidateValue on the
# decoded payload, ValidateJSON on its text) and of jsonschema/v5 (on the
# decoded payload) and the ratios ("speedup"), then the schema generation
# and compile times.
# Figures are from one run on a shared machine: compare ratios, not times.
set -euo pipefail
cd "$(dirname "$0")/.."
export APIDOCGEN_CORPUS="${APIDOCGEN_CORPUS:-../shared/corpus}"
[ -d "$APIDOCGEN_CORPUS/graph-v1.0" ] || { echo "bench-validate: corpus not found at $APIDOCGEN_CORPUS (set APIDOCGEN_CORPUS)"; exit 2; }
N="${N:-20000}"
echo "== Go validators vs jsonschema/v5 (same payloads; jsonschema/v5 and ValidateValue on the decoded payloads, ValidateJSON on their text) =="
go test -run '^$' -bench '^BenchmarkValidate(Fixture|Corpus)$' -benchtime "${N}x" ./generator/gengo |
  grep -E '^Benchmark' | awk '{
    for (i = 3; i < NF; i++) m[$(i+1)] = $i
    printf "%-28s payloads %6d   ValidateValue %7.0f ns   ValidateJSON %7.0f ns   jsonschema %9.0f ns   speedup %5.1fx / %5.1fx\n", $1, m["payloads"], m["go-ns/payload"], m["gojson-ns/payload"], m["jsonschema-ns/payload"], m["speedup"], m["speedup-json"]
  }'
echo "== JSON Schema: generate the graph-v1.0 bundle, compile with jsonschema/v5 =="
go test -run '^$' -bench '^Benchmark(Generate|Compile)$' -benchtime 1x ./generator/genschema |
  grep -E '^Benchmark' | awk '{ printf "%-40s %10.0f ms\n", $1, $3/1e6 }'
