package input

import "bytes"

// tableLine is one source line of a table, trimmed.
type tableLine struct{ start, end int }

// pendingRow is a table row whose cells are split but not read yet.
type pendingRow struct {
	line        tableLine
	first, last int // cell pieces slab[first:last]
	extra       []piece
	continued   int
}

// splitRow splits a trimmed table line into cell ranges: a leading and a
// trailing unescaped pipe are dropped, every other unescaped pipe splits
// (also inside code spans, as GFM does) and each cell is trimmed.
func splitRow(cells []piece, src []byte, s, e int) []piece {
	if s < e && src[s] == '|' {
		s++
	}
	if e > s && src[e-1] == '|' && !escapedAt(src, s, e-1) {
		e--
	}
	start := s
	if bytes.IndexByte(src[s:e], '\\') < 0 {
		// No escapes: split at each pipe.
		for {
			k := bytes.IndexByte(src[start:e], '|')
			if k < 0 {
				break
			}
			cs, ce := trimSpaceRange(src, start, start+k)
			cells = append(cells, piece{cs, ce})
			start += k + 1
		}
		cs, ce := trimSpaceRange(src, start, e)
		return append(cells, piece{cs, ce})
	}
	for i := s; i < e; i++ {
		switch src[i] {
		case '\\':
			if i+1 < e && isASCIIPunct(src[i+1]) {
				i++
			}
		case '|':
			cs, ce := trimSpaceRange(src, start, i)
			cells = append(cells, piece{cs, ce})
			start = i + 1
		}
	}
	cs, ce := trimSpaceRange(src, start, e)
	return append(cells, piece{cs, ce})
}

// escapedAt reports whether the byte at i is escaped by an odd run of
// backslashes that starts at or after s.
func escapedAt(src []byte, s, i int) bool {
	n := 0
	for k := i - 1; k >= s && src[k] == '\\'; k-- {
		n++
	}
	return n%2 == 1
}

// pipeCount counts the unescaped pipes of a trimmed line.
func pipeCount(src []byte, s, e int) int {
	n := 0
	for i := s; i < e; i++ {
		switch src[i] {
		case '\\':
			if i+1 < e && isASCIIPunct(src[i+1]) {
				i++
			}
		case '|':
			n++
		}
	}
	return n
}

// isContinuation reports whether a body line continues the previous row:
// it has no unescaped pipe, or its only pipe ends it and it does not start
// with one (a description running over to the next line).
func isContinuation(src []byte, s, e int) bool {
	if s < e && src[s] == '|' {
		return false // most rows: a leading pipe is never a continuation
	}
	n := pipeCount(src, s, e)
	if n == 0 {
		return true
	}
	return n == 1 && src[s] != '|' && src[e-1] == '|'
}

// isDelimiterRow reports whether a trimmed line is a table alignment row
// such as "|:---|---|" (tabs and mixed colons allowed; it needs a '-' and a
// '|' or ':').
func isDelimiterRow(src []byte, s, e int) bool {
	dash, sep := false, false
	for _, c := range src[s:e] {
		switch c {
		case '-':
			dash = true
		case '|', ':':
			sep = true
		case ' ', '\t':
		default:
			return false
		}
	}
	return dash && sep
}

// buildTable splits the lines of a table (header, alignment row, body).
func (w *walker) buildTable(lines []tableLine) *Table {
	// Cell strings are slices of one string holding the whole table.
	w.tabBase = lines[0].start
	w.tabText = w.str[w.tabBase:lines[len(lines)-1].end]

	// First split every line into cell pieces (one slab for the table),
	// folding continuation lines into the row before them.
	slab := w.cellBuf[:0]
	rows := w.rowBuf[:0]
	defer func() {
		clear(rows) // drop the extra pieces
		w.rowBuf = rows[:0]
	}()
	for i, l := range lines {
		if i == 1 {
			continue // alignment row
		}
		if len(rows) > 1 && isContinuation(w.src, l.start, l.end) {
			s, e := l.start, l.end
			if e > s && w.src[e-1] == '|' {
				e--
				s, e = trimSpaceRange(w.src, s, e)
			}
			p := &rows[len(rows)-1]
			p.continued++
			if e > s {
				p.extra = append(p.extra, piece{s, e})
			}
			continue
		}
		first := len(slab)
		slab = splitRow(slab, w.src, l.start, l.end)
		rows = append(rows, pendingRow{line: l, first: first, last: len(slab)})
	}
	w.cellBuf = slab

	cells := make([]Cell, len(slab))
	for _, p := range rows {
		w.rowLine = w.ix.line(p.line.start)
		for k := p.first; k < p.last; k++ {
			c := slab[k]
			if k == p.last-1 && len(p.extra) > 0 {
				ps := make([]piece, 0, 1+len(p.extra))
				if c.end > c.start {
					ps = append(ps, c)
				}
				ps = append(ps, p.extra...)
				cells[k] = w.cell(ps)
				cells[k].Pos = w.ix.posOnLine(w.file, w.rowLine, c.start)
				continue
			}
			cells[k] = w.cell(slab[k : k+1])
		}
	}
	t := &Table{Header: cells[rows[0].first:rows[0].last:rows[0].last]}
	for _, c := range t.Header {
		if c.Raw != "" {
			t.Columns++
		}
	}
	body := make([]Row, len(rows)-1)
	t.Rows = make([]*Row, len(rows)-1)
	for i, p := range rows[1:] {
		body[i] = Row{Pos: w.ix.posOnLine(w.file, w.ix.line(p.line.start), p.line.start), Cells: cells[p.first:p.last:p.last], Continued: p.continued}
		t.Rows[i] = &body[i]
	}
	return t
}

// cell converts the pieces of one cell.
func (w *walker) cell(ps []piece) Cell {
	c := Cell{Pos: w.ix.posOnLine(w.file, w.rowLine, ps[0].start)}
	if len(ps) == 1 {
		c.Raw = w.tabText[ps[0].start-w.tabBase : ps[0].end-w.tabBase]
	} else {
		n := 0
		for _, p := range ps {
			n += p.end - p.start + 1
		}
		raw := make([]byte, 0, n)
		for i, p := range ps {
			if i > 0 {
				raw = append(raw, '\n')
			}
			raw = append(raw, w.src[p.start:p.end]...)
		}
		c.Raw = string(raw)
	}
	if c.Raw == "" {
		return c
	}
	if len(ps) == 1 && isPlain(w.src[ps[0].start:ps[0].end]) {
		c.Text = c.Raw
		return c
	}
	r := w.in.text(ps, true)
	c.Text, c.Links, c.Bold, c.Code = r.text, r.links, r.bold, r.code
	if len(ps) > 1 {
		c.Bold, c.Code = false, false
	}
	return c
}
