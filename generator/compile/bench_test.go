package compile

import (
	"os"
	"testing"

	"github.com/apidocgen/apidocgen/input"
	"github.com/apidocgen/apidocgen/input/inputtest"
)

// BenchmarkGoldmarkOnly is the baseline of make bench (see
// inputtest.BenchGoldmarkOnly), in this binary so both run side by side.
func BenchmarkGoldmarkOnly(b *testing.B) { inputtest.BenchGoldmarkOnly(b) }

// BenchmarkBuildModel parses every graph-v1.0 page (already in memory) and
// compiles the model, on one goroutine. make bench divides its time by
// input's BenchmarkGoldmarkOnly over the same files.
func BenchmarkBuildModel(b *testing.B) {
	paths, srcs, _ := inputtest.CorpusFiles(b, "graph-v1.0")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		pages := make([]*input.Page, len(srcs))
		for j, src := range srcs {
			pages[j] = input.Parse(paths[j], src)
		}
		Compile(pages)
	}
}

// BenchmarkCompileOnly compiles already-parsed graph-v1.0 pages: the
// compiler's share of BenchmarkBuildModel.
func BenchmarkCompileOnly(b *testing.B) {
	dir := inputtest.CorpusDir(b, "graph-v1.0")
	pages, err := input.Load(os.DirFS(dir))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Compile(pages)
	}
}
