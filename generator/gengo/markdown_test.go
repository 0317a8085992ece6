package gengo

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/apidocgen/apidocgen/generator/compile"
	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
	"github.com/apidocgen/apidocgen/output"
)

// markdownModel compiles the pages of a testdata/markdown/*.txtar fixture.
func markdownModel(t *testing.T, name string) *model.Model {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", "markdown", name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	var pages []*input.Page
	for _, f := range ar.Files {
		pages = append(pages, input.Parse(f.Name, f.Data))
	}
	return compile.Compile(pages)
}

// TestGoldenMarkdown emits the model compiled from a Markdown fixture.
func TestGoldenMarkdown(t *testing.T) {
	m := markdownModel(t, "library")
	res, err := Generate(m, Options{Package: "library"})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, filepath.Join("testdata", "golden", "markdown-library"), goldenFiles(res, false))
}

// TestMarkdownRoundTrip builds the package of the Markdown fixture with
// testdata/markdown/library_test.go.txt and round-trips every example of
// the fixture, which must come back unchanged.
func TestMarkdownRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated module")
	}
	m := markdownModel(t, "library")
	res, err := Generate(m, Options{Package: "library"})
	if err != nil {
		t.Fatal(err)
	}
	files := append(output.Files{}, res.Files...)
	for _, f := range []struct{ src, dst string }{
		{"testdata/markdown/library_test.go.txt", "library_test.go"},
		{"testdata/corpus/roundtrip_test.go.txt", "roundtrip_test.go"},
	} {
		data, err := os.ReadFile(filepath.FromSlash(f.src))
		if err != nil {
			t.Fatal(err)
		}
		data = bytes.Replace(data, []byte("package graph\n"), []byte("package library\n"), 1)
		files = append(files, output.File{Path: f.dst, Data: data})
	}
	dir := t.TempDir()
	writeModule(t, dir, "example.com/library", files)
	cases := exampleCases(m)
	if len(cases) < 4 {
		t.Fatalf("want the 4+ examples of the fixture, got %d", len(cases))
	}
	data, err := json.Marshal(cases)
	if err != nil {
		t.Fatal(err)
	}
	inPath, outPath := filepath.Join(t.TempDir(), "cases.json"), filepath.Join(t.TempDir(), "out.json")
	if err := os.WriteFile(inPath, data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("ROUNDTRIP_CASES", inPath)
	t.Setenv("ROUNDTRIP_OUT", outPath)
	goCmd(t, dir, "vet", "./...")
	goCmd(t, dir, "test", "-count=1", "./...")
	out, err := os.ReadFile(outPath)
	if err != nil {
		t.Fatal(err)
	}
	var results []rtResult
	if err := json.Unmarshal(out, &results); err != nil {
		t.Fatal(err)
	}
	for i, r := range results {
		for _, f := range classify(m, cases[i], r) {
			t.Errorf("%s: %s: %s %s", cases[i].pos, cases[i].Type, f.class, f.detail)
		}
	}
}
