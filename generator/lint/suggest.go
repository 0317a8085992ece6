package lint

import "sort"

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
// lower-case ASCII word with no k and not ending in i, without allocating:
// the only non-ASCII letters that lower-case to ASCII are the Kelvin sign
// (to k) and the dotted capital I (to i followed by a combining dot, so
// that i can only end a match).
func containsFoldASCII(s, word string) bool {
	n := len(word)
	for i := 0; i+n <= len(s); i++ {
		j := 0
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
