package compile

import (
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/input"
	"github.com/apidocgen/apidocgen/input/inputtest"
)

// BenchmarkBuildModel parses every graph-v1.0 page (already in memory) and
// compiles the model, on one goroutine. make bench divides its time by
// input's BenchmarkGoldmarkOnly over the same files.
func BenchmarkBuildModel(b *testing.B) {
	dir := inputtest.CorpusDir(b, "graph-v1.0")
	fsys := os.DirFS(dir)
	type file struct {
		path string
		data []byte
	}
	var files []file
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		files = append(files, file{p, data})
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		pages := make([]*input.Page, len(files))
		for j, f := range files {
			pages[j] = input.Parse(f.path, f.data)
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
