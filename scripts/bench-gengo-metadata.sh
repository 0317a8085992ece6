#!/usr/bin/env bash
# bench-gengo-metadata: the compile cost of the Go package generated from
# Graph's v1.0 metadata (apidocgen generate -metadata), measured as
# bench-gengo.sh measures the one generated from the docs.
set -euo pipefail
cd "$(dirname "$0")/.."
SOURCE=metadata DECODE=0 bash scripts/bench-gengo.sh
