package lint

import (
	"sort"
	"strings"

	"github.com/apidocgen/apidocgen/generator/internal/textdist"
)

func sortStrings(s []string) { sort.Strings(s) }

// closest returns the candidate nearest to s within max edits (ties go to
// the first in candidate order), or "".
func closest(s string, cands []string, max int) string {
	best, bestD := "", max+1
	var buf []int
	for _, c := range cands {
		if abs(len(c)-len(s)) > max {
			continue
		}
		// Only a distance d with 0 < d < bestD and d*3 <= len(s) is
		// taken, so the computation may stop once it must exceed that.
		limit := min(bestD-1, len(s)/3)
		if limit < 1 {
			break
		}
		var d int
		d, buf = textdist.Within(s, c, limit, buf)
		if d < bestD && d > 0 && d*3 <= len(s) {
			best, bestD = c, d
		}
	}
	return best
}

// A wordIndex answers closest(s, words, max) for a fixed list of words
// without comparing s with each of them (see textdist.Index), for the
// suggestions made once per broken link or unknown name, whose lists grow
// with the docs tree.
// The answers are remembered: many links name the same missing page.
type wordIndex struct {
	words []string
	x     *textdist.Index // made on first use
	memo  map[wordQuery]string
}

type wordQuery struct {
	s   string
	max int
}

func newWordIndex(words []string) *wordIndex { return &wordIndex{words: words} }

// closest returns what closest(s, w.words, max) returns.
func (w *wordIndex) closest(s string, max int) string {
	maxD := min(max, len(s)/3)
	if maxD < 1 {
		return ""
	}
	k := wordQuery{s, maxD}
	if best, ok := w.memo[k]; ok {
		return best
	}
	if w.x == nil {
		w.x = textdist.NewIndex(w.words)
		w.memo = map[wordQuery]string{}
	}
	best := ""
	if i, _ := w.x.Nearest(s, 1, maxD); i >= 0 {
		best = w.words[i]
	}
	w.memo[k] = best
	return best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// indexFoldASCII returns the index of the first occurrence of the
// lower-case ASCII word in s with ASCII letters of either case, or -1.
func indexFoldASCII(s, word string) int {
	n := len(word)
	if n == 0 {
		return 0
	}
	first, upper := word[0], word[0]
	if 'a' <= first && first <= 'z' {
		upper -= 'a' - 'A'
	}
	for i := 0; i+n <= len(s); i++ {
		if c := s[i]; c != first && c != upper {
			continue
		}
		j := 1
		for ; j < n; j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != word[j] {
				break
			}
		}
		if j == n {
			return i
		}
	}
	return -1
}

// containsFoldASCII reports whether strings.ToLower(s) contains word, a
// lower-case ASCII word, without allocating. The only non-ASCII letters
// that lower-case to ASCII are U+0130 (to i) and the Kelvin sign U+212A
// (to k); a text holding either takes the slow way.
func containsFoldASCII(s, word string) bool {
	if strings.Contains(s, "\u0130") || strings.Contains(s, "\u212a") {
		return strings.Contains(strings.ToLower(s), word)
	}
	return indexFoldASCII(s, word) >= 0
}
