package input

import (
	"bytes"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// fixturePages returns the page.md of every golden archive.
func fixturePages(tb testing.TB) map[string][]byte {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "parse", "*.txtar"))
	if err != nil {
		tb.Fatal(err)
	}
	out := map[string][]byte{}
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			tb.Fatal(err)
		}
		for _, f := range ar.Files {
			if f.Name == "page.md" {
				out[file] = f.Data
			}
		}
	}
	return out
}

// FuzzParse checks that Parse never panics, that every position it reports
// lies inside the file, that it is deterministic, and that a page reads the
// same with CRLF line endings.
func FuzzParse(f *testing.F) {
	for _, src := range fixturePages(f) {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		p := Parse("f.md", src)
		checkPositions(t, p, src)
		checkStructure(t, p)
		if q := Parse("f.md", src); !reflect.DeepEqual(p, q) {
			t.Fatal("two parses of the same bytes differ")
		}
		if bytes.IndexByte(src, '\r') < 0 {
			a, b := withoutCR(Parse("f.md", src)), withoutCR(Parse("f.md", toCRLF(src)))
			if !reflect.DeepEqual(a, b) {
				t.Fatalf("LF and CRLF versions differ:\nLF   %s\nCRLF %s", dump(t, a), dump(t, b))
			}
		}
	})
}

// TestLineEndings checks every fixture against its CRLF and LF twins.
func TestLineEndings(t *testing.T) {
	for name, src := range fixturePages(t) {
		base := withoutCR(Parse("p.md", src))
		for _, twin := range [][]byte{toCRLF(src), toLF(src)} {
			if got := withoutCR(Parse("p.md", twin)); !reflect.DeepEqual(base, got) {
				t.Errorf("%s: line endings change the page:\n%s\n%s", name, dump(t, base), dump(t, got))
			}
		}
	}
}

// checkStructure checks invariants of a page: blocks in document order,
// annotations pointing forward, sections covering every block.
func checkStructure(t testing.TB, p *Page) {
	t.Helper()
	for i, b := range p.Blocks {
		if i > 0 {
			prev := p.Blocks[i-1].Pos
			if b.Pos.Line < prev.Line || b.Pos.Line == prev.Line && b.Pos.Col < prev.Col {
				t.Errorf("block %d at %s comes before block %d at %s", i, b.Pos, i-1, prev)
			}
		}
		if b.Comment != nil && b.Comment.Annotation != nil {
			if n := b.Comment.Annotation.Next; n != -1 && n != i+1 {
				t.Errorf("annotation %d: Next = %d", i, n)
			}
		}
		if b.Table != nil && len(b.Table.Header) == 0 {
			t.Errorf("table %d without header cells", i)
		}
	}
	// The outermost sections, in order, hold every block once.
	next := 0
	for _, s := range p.Sections() {
		switch {
		case s.Heading == nil:
			next = len(s.Blocks)
		case s.Index == next:
			next = s.Index + 1 + len(s.Blocks)
		case s.Index > next:
			t.Errorf("section at block %d skips blocks from %d", s.Index, next)
		}
	}
	if next != len(p.Blocks) {
		t.Errorf("sections cover %d of %d blocks", next, len(p.Blocks))
	}
}
