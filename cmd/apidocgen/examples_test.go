package main

import (
	"bytes"
	"testing"
)

// TestExamplesFresh fails when the generated files committed under
// examples/ differ from what the docs there generate: the same check as
// "apidocgen generate -check -config examples/apidocgen.yaml".
func TestExamplesFresh(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"generate", "-check", "-config", "../../examples/apidocgen.yaml"}, nil, &stdout, &stderr)
	switch code {
	case exitOK:
	case exitFound:
		t.Errorf("examples/ is stale; run \"go generate ./examples\" (or make example) and commit:\n%s\n%s", stdout.String(), stderr.String())
	default:
		t.Errorf("apidocgen generate -check failed with exit code %d:\n%s", code, stderr.String())
	}
}

// TestExamplesLintClean keeps the example docs free of lint findings, so
// they can serve as a model of the format.
func TestExamplesLintClean(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"lint", "-dir", "../../examples/docs"}, nil, &stdout, &stderr); code != exitOK {
		t.Errorf("apidocgen lint -dir examples/docs: exit code %d\n%s%s", code, stdout.String(), stderr.String())
	}
}
