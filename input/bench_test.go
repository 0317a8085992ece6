package input

import (
	"testing"

	"github.com/apidocgen/apidocgen/input/inputtest"
)

// corpusFiles reads every page of a corpus into memory, sorted by path.
func corpusFiles(tb testing.TB, sub string) (paths []string, srcs [][]byte, total int) {
	return inputtest.CorpusFiles(tb, sub)
}

// BenchmarkGoldmarkOnly is the baseline of make bench (see
// inputtest.BenchGoldmarkOnly).
func BenchmarkGoldmarkOnly(b *testing.B) { inputtest.BenchGoldmarkOnly(b) }

// BenchmarkParse builds the syntax model of the same pages with Parse.
func BenchmarkParse(b *testing.B) {
	paths, srcs, total := corpusFiles(b, "graph-v1.0")
	b.SetBytes(int64(total))
	b.ResetTimer()
	for range b.N {
		for i, src := range srcs {
			Parse(paths[i], src)
		}
	}
}
