package generator

import (
	"context"
	"os"
	"testing"

	"github.com/apidocgen/apidocgen/input/inputtest"
)

// BenchmarkRunGraph runs the whole pipeline (read, compile, Go, schema) on
// graph-v1.0, in memory.
func BenchmarkRunGraph(b *testing.B) {
	dir := inputtest.CorpusDir(b, "graph-v1.0")
	fsys := os.DirFS(dir)
	cfg := Config{GoDir: "graph", Package: "graph", Schema: "schema.json"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Run(context.Background(), fsys, cfg); err != nil {
			b.Fatal(err)
		}
	}
}
