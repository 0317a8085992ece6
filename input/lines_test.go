package input

import (
	"math/rand"
	"sort"
	"testing"
)

// TestLineIndexLine checks the remembered-line shortcut of lineIndex.line
// against a plain search, for offsets in order, backwards and at random,
// including offsets before the start and past the end.
func TestLineIndexLine(t *testing.T) {
	src := []byte("a\n\nbc\r\ndef\n\n\nlast")
	want := func(ix *lineIndex, off int) int {
		return max(0, sort.Search(len(ix.starts), func(i int) bool { return int(ix.starts[i]) > off })-1)
	}
	ix, _, _ := newLineIndex(src)
	var offs []int
	for off := -2; off < len(src)+3; off++ {
		offs = append(offs, off)
	}
	for k := len(offs) - 1; k >= 0; k-- {
		offs = append(offs, offs[k])
	}
	r := rand.New(rand.NewSource(1))
	for range 200 {
		offs = append(offs, r.Intn(len(src)+4)-2)
	}
	for _, off := range offs {
		if got, w := ix.line(off), want(&ix, off); got != w {
			t.Fatalf("line(%d) = %d, want %d (after a lookup of line %d)", off, got, w, ix.last)
		}
	}
}
