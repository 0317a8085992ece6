// Package textdist measures how far apart two strings are, for "did you
// mean" suggestions in diagnostics.
package textdist

// Distance returns the Levenshtein edit distance between a and b, counted
// in bytes.
func Distance(a, b string) int {
	d, _ := Within(a, b, len(a)+len(b), nil)
	return d
}

// Within returns the edit distance between a and b when it is
// at most limit, and some number above limit otherwise. buf is scratch
// space, returned for reuse.
func Within(a, b string, limit int, buf []int) (int, []int) {
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
