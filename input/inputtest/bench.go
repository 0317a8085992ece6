package inputtest

import (
	"bytes"
	"encoding/xml"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// CorpusFiles reads every page of corpus subfolder sub into memory, sorted
// by slash path, for benchmarks that must not time the disk.
func CorpusFiles(tb testing.TB, sub string) (paths []string, srcs [][]byte, total int) {
	tb.Helper()
	dir := CorpusDir(tb, sub)
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

// BenchGoldmarkOnly is the baseline every speed goal of make bench is a
// ratio to: a plain goldmark parse (CommonMark + GFM tables, inline parsing
// included) of every graph-v1.0 page, on one goroutine. Each package with
// a measured benchmark declares a BenchmarkGoldmarkOnly that calls it, so
// the baseline and the measurement run in the same test binary.
func BenchGoldmarkOnly(b *testing.B) {
	_, srcs, total := CorpusFiles(b, "graph-v1.0")
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	b.SetBytes(int64(total))
	b.ResetTimer()
	for range b.N {
		for _, src := range srcs {
			md.Parser().Parse(text.NewReader(src))
		}
	}
}

// MetadataFile reads the corpus's CSDL metadata of graph-v1.0 into memory.
func MetadataFile(tb testing.TB) []byte {
	tb.Helper()
	src, err := os.ReadFile(filepath.Join(CorpusDir(tb, "metadata"), "graph-v1.0.xml"))
	if err != nil {
		tb.Fatal(err)
	}
	return src
}

// BenchXMLTokens is the baseline of the metadata reading figures of make
// bench: encoding/xml's tokenizer (Decoder.Token) run over the whole
// graph-v1.0 metadata, in memory, with nothing done with the tokens.
func BenchXMLTokens(b *testing.B) {
	src := MetadataFile(b)
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for range b.N {
		d := xml.NewDecoder(bytes.NewReader(src))
		for {
			if _, err := d.Token(); err != nil {
				if err != io.EOF {
					b.Fatal(err)
				}
				break
			}
		}
	}
}
