package input

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/input/inputtest"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// corpusFiles reads every page of a corpus into memory, sorted by path.
func corpusFiles(tb testing.TB, sub string) (paths []string, srcs [][]byte, total int) {
	tb.Helper()
	dir := inputtest.CorpusDir(tb, sub)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		paths = append(paths, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	sort.Strings(paths)
	for _, p := range paths {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			tb.Fatal(err)
		}
		srcs = append(srcs, b)
		total += len(b)
	}
	return paths, srcs, total
}

// BenchmarkGoldmarkOnly is the baseline of make bench: a plain goldmark
// parse (CommonMark + GFM tables, inline parsing included) of every
// graph-v1.0 page.
func BenchmarkGoldmarkOnly(b *testing.B) {
	_, srcs, total := corpusFiles(b, "graph-v1.0")
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	b.SetBytes(int64(total))
	b.ResetTimer()
	for range b.N {
		for _, src := range srcs {
			md.Parser().Parse(text.NewReader(src))
		}
	}
}

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
