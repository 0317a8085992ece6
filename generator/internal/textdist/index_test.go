package textdist

import (
	"fmt"
	"math/rand"
	"testing"
)

// nearestScan is what Index.Nearest must return: the first word in order
// with the smallest distance in [minD, maxD].
func nearestScan(words []string, q string, minD, maxD int) (int, int) {
	best, bestD := -1, 0
	for i, w := range words {
		d := Distance(q, w)
		if d >= minD && d <= maxD && (best < 0 || d < bestD) {
			best, bestD = i, d
		}
	}
	return best, bestD
}

func TestIndexNearest(t *testing.T) {
	words := []string{"user", "users", "group", "usr", "User", "", "useraccount", "user"}
	x := NewIndex(words)
	for _, tc := range []struct {
		q          string
		minD, maxD int
		want, d    int
	}{
		{"user", 0, 2, 0, 0},
		{"user", 1, 2, 1, 1}, // "users" before "usr" (both 1): the first in order
		{"usre", 1, 1, 3, 1},
		{"gruop", 1, 1, -1, 0}, // a transposition is two edits
		{"gruop", 1, 2, 2, 2},
		{"grop", 1, 1, 2, 1},
		{"x", 1, 1, 5, 1}, // the empty word
		{"", 0, 0, 5, 0},
		{"user", 3, 2, -1, 0},
	} {
		w, d := x.Nearest(tc.q, tc.minD, tc.maxD)
		if w != tc.want || d != tc.d {
			t.Errorf("Nearest(%q, %d, %d) = %d, %d; want %d, %d", tc.q, tc.minD, tc.maxD, w, d, tc.want, tc.d)
		}
	}
	var empty *Index
	if w, _ := empty.Nearest("a", 0, 3); w != -1 {
		t.Errorf("nil index found %d", w)
	}
}

// TestIndexMatchesScan compares Nearest with a scan of every word on
// random word lists made of few letters, so that many words are near each
// other and ties are common.
func TestIndexMatchesScan(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	word := func() string {
		b := make([]byte, r.Intn(12))
		for i := range b {
			b[i] = "abcAB.-"[r.Intn(7)]
		}
		return string(b)
	}
	for round := 0; round < 200; round++ {
		words := make([]string, r.Intn(60))
		for i := range words {
			words[i] = word()
		}
		x := NewIndex(words)
		for k := 0; k < 30; k++ {
			q := word()
			minD, maxD := r.Intn(2), r.Intn(5)
			w, d := x.Nearest(q, minD, maxD)
			sw, sd := nearestScan(words, q, minD, maxD)
			if w != sw || d != sd {
				t.Fatalf("words %q, Nearest(%q, %d, %d) = %d, %d; a scan gives %d, %d", words, q, minD, maxD, w, d, sw, sd)
			}
		}
	}
}

// TestIndexWorkIndependentOfSize: a search visits the same trie nodes
// whether the index holds two thousand or twenty thousand words unlike the
// query, which a comparison with every word could not do.
func TestIndexWorkIndependentOfSize(t *testing.T) {
	near := []string{"widget.md", "widget-get.md", "widget-list.md", "gadget.md", "widgets.md"}
	with := func(n int) []string {
		words := append([]string(nil), near...)
		for i := 0; i < n; i++ {
			words = append(words, fmt.Sprintf("zz-page-%05d.md", i))
		}
		return words
	}
	few, many := NewIndex(with(2000)), NewIndex(with(20000))
	for _, q := range []string{"widgte.md", "widget-gte.md", "nothing-alike.md", "zz-page-x.md"} {
		w1, d1, v1 := few.nearest(q, 1, 2)
		w2, d2, v2 := many.nearest(q, 1, 2)
		if w1 != w2 || d1 != d2 {
			t.Errorf("%q: %d, %d among the few words, %d, %d among all", q, w1, d1, w2, d2)
		}
		if v2 != v1 {
			t.Errorf("%q: visited %d nodes among 20,005 words, %d among 2,005", q, v2, v1)
		}
	}
}
