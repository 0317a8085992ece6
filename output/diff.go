package output

import (
	"fmt"
	"strings"
)

// contextLines is the number of unchanged lines shown around a change.
const contextLines = 3

// maxEditDistance bounds the work of the line diff: past this many inserted
// plus deleted lines, the rest of the differing region is shown as one
// replacement instead of a minimal script.
const maxEditDistance = 4000

// Unified returns a unified diff of old and new with three lines of context
// and the headers "--- oldName" and "+++ newName", or "" when they are equal.
// A side whose last line has no newline is marked "\ No newline at end of
// file", as diff(1) and git do.
func Unified(oldName, newName string, old, new []byte) string {
	if string(old) == string(new) {
		return ""
	}
	a, b := splitLines(string(old)), splitLines(string(new))
	edits := diffLines(a, b)
	var sb strings.Builder
	fmt.Fprintf(&sb, "--- %s\n+++ %s\n", oldName, newName)
	for _, h := range hunks(edits) {
		writeHunk(&sb, a, b, edits[h.from:h.to])
	}
	return sb.String()
}

// splitLines splits s after each '\n'; the last line may lack one.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	n := strings.Count(s, "\n")
	if !strings.HasSuffix(s, "\n") {
		n++
	}
	out := make([]string, 0, n)
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}

// An edit is one step of a line edit script: keep a[A] (= b[B]), delete
// a[A], or insert b[B]. A and B are the positions in both sequences.
type edit struct {
	op   byte // ' ', '-', '+'
	a, b int
}

// diffLines returns a shortest edit script turning a into b (Myers, "An
// O(ND) difference algorithm and its variations", 1986), after trimming the
// common prefix and suffix.
func diffLines(a, b []string) []edit {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var out []edit
	for i := 0; i < pre; i++ {
		out = append(out, edit{' ', i, i})
	}
	out = append(out, myers(a[pre:len(a)-suf], b[pre:len(b)-suf], pre, pre)...)
	for i := 0; i < suf; i++ {
		out = append(out, edit{' ', len(a) - suf + i, len(b) - suf + i})
	}
	return out
}

// myers diffs a and b, whose first lines are at positions offA and offB of
// the whole sequences.
func myers(a, b []string, offA, offB int) []edit {
	n, m := len(a), len(b)
	// Map lines to small integers so the inner loop compares ints.
	ids := map[string]int32{}
	id := func(s string) int32 {
		v, ok := ids[s]
		if !ok {
			v = int32(len(ids))
			ids[s] = v
		}
		return v
	}
	ai, bi := make([]int32, n), make([]int32, m)
	for i, s := range a {
		ai[i] = id(s)
	}
	for i, s := range b {
		bi[i] = id(s)
	}
	max := n + m
	if max == 0 {
		return nil
	}
	limit := max
	if limit > maxEditDistance {
		limit = maxEditDistance
	}
	// v[k+max] is the furthest x reached on diagonal k. trace[d] holds
	// v[-d..d] after step d, for backtracking.
	v := make([]int32, 2*max+2)
	var trace [][]int32
	end := -1
	for d := 0; d <= limit && end < 0; d++ {
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[k-1+max] < v[k+1+max]) {
				x = int(v[k+1+max]) // down: insert
			} else {
				x = int(v[k-1+max]) + 1 // right: delete
			}
			y := x - k
			for x < n && y < m && ai[x] == bi[y] {
				x++
				y++
			}
			v[k+max] = int32(x)
			if x >= n && y >= m {
				end = d
			}
		}
		snap := make([]int32, 2*d+1)
		copy(snap, v[max-d:max+d+1])
		trace = append(trace, snap)
	}
	if end < 0 {
		// Too different: delete everything, then insert everything.
		out := make([]edit, 0, n+m)
		for i := 0; i < n; i++ {
			out = append(out, edit{'-', offA + i, offB})
		}
		for j := 0; j < m; j++ {
			out = append(out, edit{'+', offA + n, offB + j})
		}
		return out
	}
	// Backtrack from (n, m), collecting edits in reverse.
	var rev []edit
	x, y := n, m
	for d := end; d > 0; d-- {
		prev := trace[d-1] // v[-(d-1)..d-1]
		at := func(k int) int { return int(prev[k+d-1]) }
		k := x - y
		var pk int
		if k == -d || (k != d && at(k-1) < at(k+1)) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := at(pk)
		py := px - pk
		sx, sy := px, py
		if pk == k+1 {
			sy++ // inserted b[py]
		} else {
			sx++ // deleted a[px]
		}
		for x > sx && y > sy {
			x--
			y--
			rev = append(rev, edit{' ', offA + x, offB + y})
		}
		if pk == k+1 {
			rev = append(rev, edit{'+', offA + px, offB + py})
		} else {
			rev = append(rev, edit{'-', offA + px, offB + py})
		}
		x, y = px, py
	}
	for x > 0 && y > 0 {
		x--
		y--
		rev = append(rev, edit{' ', offA + x, offB + y})
	}
	out := make([]edit, len(rev))
	for i, e := range rev {
		out[len(rev)-1-i] = e
	}
	return out
}

type span struct{ from, to int } // edits[from:to]

// hunks groups the changes of edits with their context, merging groups
// whose context would touch or overlap.
func hunks(edits []edit) []span {
	var out []span
	i := 0
	for i < len(edits) {
		if edits[i].op == ' ' {
			i++
			continue
		}
		from := i - contextLines
		if from < 0 {
			from = 0
		}
		if len(out) > 0 && from <= out[len(out)-1].to {
			from = out[len(out)-1].from
			out = out[:len(out)-1]
		}
		// Advance past this run of changes.
		for i < len(edits) && edits[i].op != ' ' {
			i++
		}
		to := i + contextLines
		if to > len(edits) {
			to = len(edits)
		}
		out = append(out, span{from, to})
	}
	// Merge groups separated by at most 2*context unchanged lines: the
	// loop above merges when the next group's leading context reaches the
	// previous group's trailing context.
	return out
}

func writeHunk(sb *strings.Builder, a, b []string, es []edit) {
	startA, startB := es[0].a, es[0].b
	var na, nb int
	for _, e := range es {
		switch e.op {
		case ' ':
			na++
			nb++
		case '-':
			na++
		case '+':
			nb++
		}
	}
	fmt.Fprintf(sb, "@@ -%s +%s @@\n", hunkRange(startA, na), hunkRange(startB, nb))
	for _, e := range es {
		var line string
		switch e.op {
		case ' ', '-':
			line = a[e.a]
		case '+':
			line = b[e.b]
		}
		sb.WriteByte(e.op)
		sb.WriteString(line)
		if !strings.HasSuffix(line, "\n") {
			sb.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// hunkRange formats a 0-based start and a count as diff does: "l,n", "l"
// when n is 1, and the line before the gap with ",0" when n is 0.
func hunkRange(start, n int) string {
	switch n {
	case 0:
		return fmt.Sprintf("%d,0", start)
	case 1:
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}
