package textdist

import "sort"

// An Index answers "which of these words is nearest to q" without
// measuring q against every word. The words are stored in tries, one per
// word length, and a search walks the tries of the lengths within reach
// with one row of the edit-distance table per trie level, leaving a branch
// as soon as no word below it can be near enough: every entry of its row
// plus the difference between what is left of q and of the word (known,
// as all the words of a trie have one length) exceeds the largest distance
// asked for. The work of a search depends on the length of q, the distance
// and how alike the words are, not on how many words there are, so
// suggesting a name for each of n unknown names among n known ones costs
// about n searches, not n*n comparisons.
//
// Nearest gives exactly the answer of comparing q with every word in
// order (Distance) and keeping the first of the nearest.
type Index struct {
	nodes []trieNode    // nodes[0] is unused: 0 means "none" below
	roots map[int]int32 // word length -> root of the trie of that length
	lens  []int         // the lengths, sorted
}

type trieNode struct {
	b           byte
	word        int32 // index of the first word ending here, -1 for none
	first, next int32 // first child, next sibling; 0 for none
}

// NewIndex indexes words; Nearest reports positions in this slice.
func NewIndex(words []string) *Index {
	x := &Index{nodes: make([]trieNode, 1, 1+len(words)), roots: map[int]int32{}}
	for i, w := range words {
		n, ok := x.roots[len(w)]
		if !ok {
			x.nodes = append(x.nodes, trieNode{word: -1})
			n = int32(len(x.nodes) - 1)
			x.roots[len(w)] = n
			x.lens = append(x.lens, len(w))
		}
		for j := 0; j < len(w); j++ {
			n = x.child(n, w[j])
		}
		if x.nodes[n].word < 0 {
			x.nodes[n].word = int32(i)
		}
	}
	sort.Ints(x.lens)
	return x
}

// child returns the child of node n for byte b, adding it when missing.
// Children are kept sorted by byte, so the tries, and the order a search
// visits them in, do not depend on the order of the words.
func (x *Index) child(n int32, b byte) int32 {
	prev, c := int32(0), x.nodes[n].first
	for c != 0 && x.nodes[c].b < b {
		prev, c = c, x.nodes[c].next
	}
	if c != 0 && x.nodes[c].b == b {
		return c
	}
	x.nodes = append(x.nodes, trieNode{b: b, word: -1, next: c})
	id := int32(len(x.nodes) - 1)
	if prev == 0 {
		x.nodes[n].first = id
	} else {
		x.nodes[prev].next = id
	}
	return id
}

// Nearest returns the position of the word whose edit distance d to q (in
// bytes, as Distance counts it) is smallest with minD <= d <= maxD, the
// first such word when several are equally near, and d; it returns -1
// when no word is in range.
func (x *Index) Nearest(q string, minD, maxD int) (word, d int) {
	word, d, _ = x.nearest(q, minD, maxD)
	return word, d
}

// nearest is Nearest, also returning how many trie nodes it visited.
func (x *Index) nearest(q string, minD, maxD int) (word, d, visits int) {
	if x == nil || maxD < minD || maxD < 0 {
		return -1, 0, 0
	}
	s := searcher{x: x, q: q, minD: max(minD, 0), maxD: maxD, best: -1, limit: maxD}
	row := make([]int, len(q)+1)
	for j := range row {
		row[j] = j
	}
	s.rows = append(s.rows, row)
	for _, l := range x.lens {
		if l-len(q) <= maxD && len(q)-l <= maxD {
			s.wordLen = l
			s.visit(x.roots[l], 0)
		}
	}
	if s.best < 0 {
		return -1, 0, s.visits
	}
	return int(s.best), s.limit, s.visits
}

type searcher struct {
	x          *Index
	q          string
	minD, maxD int
	wordLen    int // the length of the words of the trie being searched
	// rows[depth] holds the distances between the prefixes of q and the
	// trie path to the node being visited at that depth. Only the band of
	// entries within maxD of the diagonal is computed (an entry further
	// off is more than maxD); the entries just outside it hold maxD+1.
	rows [][]int
	best int32 // the word found so far, -1 for none
	// limit is the largest distance still of interest: maxD, then the
	// distance of the best word (an equal one can still win on order).
	limit  int
	visits int
}

// visit checks the word ending at node n (at the given depth, whose row is
// rows[depth]) and searches its children.
func (s *searcher) visit(n int32, depth int) {
	s.visits++
	q, row, big := s.q, s.rows[depth], s.maxD+1
	if w := s.x.nodes[n].word; w >= 0 && len(q)-depth <= s.maxD && depth-len(q) <= s.maxD {
		d := row[len(q)]
		if d >= s.minD && d <= s.limit && (s.best < 0 || d < s.limit || w < s.best) {
			s.best, s.limit = w, d
		}
	}
	nd := depth + 1
	if nd > s.wordLen {
		return
	}
	lo, hi := max(1, nd-s.maxD), min(len(q), nd+s.maxD)
	if lo > hi+1 {
		return // every entry of the next rows is beyond maxD
	}
	if nd >= len(s.rows) {
		s.rows = append(s.rows, make([]int, len(q)+1))
	}
	next := s.rows[nd]
	rest := s.wordLen - nd // bytes of the word after the child
	for c := s.x.nodes[n].first; c != 0; c = s.x.nodes[c].next {
		b := s.x.nodes[c].b
		left := big
		if lo == 1 {
			left = min(nd, big)
		}
		next[lo-1] = left
		// bound: the least distance between q and a word below c, which
		// is q[:j] edited into the path (next[j] edits) then q[j:] edited
		// into the rest of the word (at least the difference of lengths).
		bound := big
		if lo == 1 {
			bound = left + abs(len(q)-rest)
		}
		for j := lo; j <= hi; j++ {
			cost := 1
			if q[j-1] == b {
				cost = 0
			}
			v := min(row[j]+1, next[j-1]+1, row[j-1]+cost)
			next[j] = v
			bound = min(bound, v+abs(len(q)-j-rest))
		}
		if hi+1 <= len(q) {
			next[hi+1] = big
		}
		if bound <= s.limit {
			s.visit(c, nd)
		}
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
