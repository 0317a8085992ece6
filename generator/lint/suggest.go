package lint

import (
	"sort"
	"strings"
)

func sortStrings(s []string) { sort.Strings(s) }

// levenshtein returns the edit distance between a and b (bytes).
func levenshtein(a, b string) int {
	if len(a) < len(b) {
		a, b = b, a
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

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
		d, buf = levenshteinWithin(s, c, limit, buf)
		if d < bestD && d > 0 && d*3 <= len(s) {
			best, bestD = c, d
		}
	}
	return best
}

// levenshteinWithin returns the edit distance between a and b when it is
// at most limit, and some number above limit otherwise. buf is scratch
// space, returned for reuse.
func levenshteinWithin(a, b string, limit int, buf []int) (int, []int) {
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(a)-len(b) > limit {
		return limit + 1, buf
	}
	n := len(b) + 1
	if cap(buf) < 2*n {
		buf = make([]int, 2*n)
	}
	prev, cur := buf[:n], buf[n:2*n]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1, buf // every later row is at least as large
		}
		prev, cur = cur, prev
	}
	return prev[len(b)], buf
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// containsFoldASCII reports whether strings.ToLower(s) contains word, a
// lower-case ASCII word, without allocating. The only non-ASCII letters
// that lower-case to ASCII are U+0130 (to i) and the Kelvin sign U+212A
// (to k); a text holding either takes the slow way.
func containsFoldASCII(s, word string) bool {
	if strings.Contains(s, "\u0130") || strings.Contains(s, "\u212a") {
		return strings.Contains(strings.ToLower(s), word)
	}
	n := len(word)
	if n == 0 {
		return true
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
			return true
		}
	}
	return false
}
