package lint

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/apidocgen/apidocgen/generator/compile"
	"github.com/apidocgen/apidocgen/generator/metadata"
	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
	"github.com/apidocgen/apidocgen/input/csdl"
	"github.com/apidocgen/apidocgen/input/inputtest"
)

// BenchmarkGoldmarkOnly is the baseline of make bench (see
// inputtest.BenchGoldmarkOnly), in this binary so both run side by side.
func BenchmarkGoldmarkOnly(b *testing.B) { inputtest.BenchGoldmarkOnly(b) }

// BenchmarkLintGraph measures load + compile + lint (with genschema's
// example checks) of the graph-v1.0 corpus, the way apidocgen lint does it
// (input.Load, then Check); make bench prints its ratio to a goldmark-only
// parse.
func BenchmarkLintGraph(b *testing.B) {
	dir := inputtest.CorpusDir(b, "graph-v1.0")
	fsys := os.DirFS(dir)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		pages, err := input.Load(fsys)
		if err != nil {
			b.Fatal(err)
		}
		ds := Check(pages, Options{})
		if len(ds) == 0 {
			b.Fatal("no findings")
		}
	}
}

// BenchmarkLintGraphMetadata is BenchmarkLintGraph with -metadata, the way
// apidocgen lint -metadata does it: the metadata file is read and compiled
// while the docs are loaded, then the docs are linted and cross-checked.
// make bench prints its ratio to BenchmarkLintGraph.
func BenchmarkLintGraphMetadata(b *testing.B) {
	dir := inputtest.CorpusDir(b, "graph-v1.0")
	metaFile := filepath.Join(inputtest.CorpusDir(b, "metadata"), "graph-v1.0.xml")
	fsys := os.DirFS(dir)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		done := make(chan *model.Model, 1)
		go func() {
			f, err := os.Open(metaFile)
			if err != nil {
				b.Error(err)
				done <- nil
				return
			}
			defer f.Close()
			doc, err := csdl.Read("../metadata/graph-v1.0.xml", f)
			if err != nil {
				b.Error(err)
			}
			done <- metadata.Compile(doc)
		}()
		pages, err := input.Load(fsys)
		if err != nil {
			b.Fatal(err)
		}
		meta := <-done
		if meta == nil {
			b.FailNow()
		}
		if rep := CheckReport(pages, Options{Metadata: meta}); rep.Agreement == nil {
			b.Fatal("no agreement")
		}
	}
}

// BenchmarkLintChecks measures the linter's own checks (Run without
// genschema) on an already loaded and compiled graph-v1.0.
func BenchmarkLintChecks(b *testing.B) {
	dir := inputtest.CorpusDir(b, "graph-v1.0")
	pages, err := input.Load(os.DirFS(dir))
	if err != nil {
		b.Fatal(err)
	}
	m := compile.Compile(pages)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Run(pages, m, Options{Extra: noExtra})
	}
}
