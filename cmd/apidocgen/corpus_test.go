package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/apidocgen/apidocgen/input/inputtest"
)

// TestCorpusGenerateThenCheck generates from graph-v1.0 into a temporary
// folder, then runs generate again and generate -check: both must find
// every file unchanged.
func TestCorpusGenerateThenCheck(t *testing.T) {
	docs := inputtest.CorpusDir(t, "graph-v1.0")
	if testing.Short() {
		t.Skip("corpus generation; skipped with -short")
	}
	dir := t.TempDir()
	cfg := filepath.Join(dir, "apidocgen.yaml")
	yaml := "docs: " + filepath.ToSlash(docs) + "\ngo:\n  dir: graph\nschema:\n  file: schema/graph.json\n"
	if err := os.WriteFile(cfg, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	summary := regexp.MustCompile(`(?m)^apidocgen: (\d+) pages, (\d+) types, .*; (\d+) (written|stale), (\d+) unchanged, (\d+) removed \(`)
	gen := func(args ...string) []string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		code := run(append([]string{"generate", "-config", cfg}, args...), nil, &stdout, &stderr)
		if code != exitOK {
			t.Fatalf("generate %v: exit %d\n%s\n%.2000s", args, code, stderr.String(), stdout.String())
		}
		if stdout.Len() > 0 {
			t.Errorf("generate %v printed on stdout:\n%.2000s", args, stdout.String())
		}
		m := summary.FindStringSubmatch(stderr.String())
		if m == nil {
			t.Fatalf("no summary line in:\n%s", stderr.String())
		}
		t.Logf("generate %v: %s", args, m[0])
		return m[1:]
	}
	first := gen()
	if first[2] == "0" || first[4] != "0" || first[5] != "0" {
		t.Errorf("first run into an empty folder: %v", first)
	}
	second := gen()
	if second[2] != "0" || second[4] != first[2] || second[5] != "0" {
		t.Errorf("second run changed files: %v", second)
	}
	check := gen("-check")
	if check[2] != "0" || check[4] != first[2] || check[5] != "0" {
		t.Errorf("check after generate: %v", check)
	}
}
