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
	for _, c := range cands {
		if abs(len(c)-len(s)) > max {
			continue
		}
		if d := levenshtein(s, c); d < bestD && d > 0 && d*3 <= len(s) {
			best, bestD = c, d
		}
	}
	return best
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
