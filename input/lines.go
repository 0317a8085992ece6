package input

import "bytes"

// A lineIndex maps byte offsets of a file to 1-based lines and columns.
type lineIndex struct {
	starts []int32 // offset of the first byte of each line
	last   int     // the line the last lookup found: where the next one starts
}

// newLineIndex indexes src and reports whether any line ends in "\r\n"
// (crlf) and whether any ends in a bare "\n" (lf).
func newLineIndex(src []byte) (ix lineIndex, crlf, lf bool) {
	starts := make([]int32, 1, bytes.Count(src, nl)+1)
	for off := 0; ; {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			break
		}
		i += off
		if i > 0 && src[i-1] == '\r' {
			crlf = true
		} else {
			lf = true
		}
		starts = append(starts, int32(i+1))
		off = i + 1
	}
	return lineIndex{starts: starts}, crlf, lf
}

var nl = []byte{'\n'}

// line returns the 0-based line holding offset off.
func (ix *lineIndex) line(off int) int {
	// The walker reads a page from top to bottom, so most offsets are on
	// the line of the one before or on the next: try those first.
	if l := ix.last; l < len(ix.starts) && int(ix.starts[l]) <= off {
		if l+1 == len(ix.starts) || off < int(ix.starts[l+1]) {
			return l
		}
		if l+2 == len(ix.starts) || off < int(ix.starts[l+2]) {
			ix.last = l + 1
			return l + 1
		}
	}
	lo, hi := 0, len(ix.starts)
	for hi-lo > 1 {
		m := int(uint(lo+hi) >> 1)
		if int(ix.starts[m]) <= off {
			lo = m
		} else {
			hi = m
		}
	}
	ix.last = lo
	return lo
}

// pos returns the position of offset off in file.
func (ix *lineIndex) pos(file string, off int) Pos {
	if off < 0 {
		off = 0
	}
	l := ix.line(off)
	return Pos{File: file, Line: l + 1, Col: off - int(ix.starts[l]) + 1}
}

// posOnLine returns the position of offset off, known to be on 0-based
// line l.
func (ix *lineIndex) posOnLine(file string, l, off int) Pos {
	return Pos{File: file, Line: l + 1, Col: off - int(ix.starts[l]) + 1}
}

// lineBounds returns the offsets of the start of 0-based line l and of its
// end (before "\n" or "\r\n").
func (ix *lineIndex) lineBounds(src []byte, l int) (start, end int) {
	start = int(ix.starts[l])
	if l+1 < len(ix.starts) {
		end = int(ix.starts[l+1]) - 1
	} else {
		end = len(src)
	}
	if end > start && src[end-1] == '\r' && end < len(src) && src[end] == '\n' {
		end--
	}
	return start, end
}

// isBlankLine reports whether 0-based line l holds only white space.
func (ix *lineIndex) isBlankLine(src []byte, l int) bool {
	s, e := ix.lineBounds(src, l)
	for _, c := range src[s:e] {
		if c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v' {
			return false
		}
	}
	return true
}

// trimSpaceRange narrows [s, e) of src to exclude surrounding spaces, tabs,
// carriage returns and newlines.
func trimSpaceRange(src []byte, s, e int) (int, int) {
	for s < e && isSpaceByte(src[s]) {
		s++
	}
	for e > s && isSpaceByte(src[e-1]) {
		e--
	}
	return s, e
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'
}
