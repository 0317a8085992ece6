package input

// tableLine is one source line of a table, trimmed.
type tableLine struct{ start, end int }

// splitRow splits a trimmed table line into cell ranges: a leading and a
// trailing unescaped pipe are dropped, every other unescaped pipe splits
// (also inside code spans, as GFM does) and each cell is trimmed.
func splitRow(src []byte, s, e int) []piece {
	if s < e && src[s] == '|' {
		s++
	}
	if e > s && src[e-1] == '|' && !escapedAt(src, s, e-1) {
		e--
	}
	cells := make([]piece, 0, 4)
	start := s
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
	if ce == cs && ce < e {
		cs, ce = e, e
	}
	cells = append(cells, piece{cs, ce})
	return cells
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
	t := &Table{Rows: []*Row{}}
	hdr := splitRow(w.src, lines[0].start, lines[0].end)
	t.Header = make([]Cell, len(hdr))
	for i, p := range hdr {
		t.Header[i] = w.cell([]piece{p})
		if p.end > p.start {
			t.Columns++
		}
	}
	type pending struct {
		row   *Row
		cells []piece
		extra []piece // continuation lines of the last cell
	}
	var rows []pending
	for _, l := range lines[2:] {
		if len(rows) > 0 && isContinuation(w.src, l.start, l.end) {
			s, e := l.start, l.end
			if e > s && w.src[e-1] == '|' {
				e--
				s, e = trimSpaceRange(w.src, s, e)
			}
			p := &rows[len(rows)-1]
			p.row.Continued++
			if e > s {
				p.extra = append(p.extra, piece{s, e})
			}
			continue
		}
		rows = append(rows, pending{
			row:   &Row{Pos: w.pos(l.start)},
			cells: splitRow(w.src, l.start, l.end),
		})
	}
	for _, p := range rows {
		p.row.Cells = make([]Cell, len(p.cells))
		for i, c := range p.cells {
			if i == len(p.cells)-1 && len(p.extra) > 0 {
				ps := make([]piece, 0, 1+len(p.extra))
				if c.end > c.start {
					ps = append(ps, c)
				}
				ps = append(ps, p.extra...)
				cell := w.cell(ps)
				cell.Pos = w.pos(c.start)
				p.row.Cells[i] = cell
				continue
			}
			p.row.Cells[i] = w.cell([]piece{c})
		}
		t.Rows = append(t.Rows, p.row)
	}
	return t
}

// cell converts the pieces of one cell.
func (w *walker) cell(ps []piece) Cell {
	c := Cell{Pos: w.pos(ps[0].start)}
	if len(ps) == 1 {
		c.Raw = string(w.src[ps[0].start:ps[0].end])
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
	r := w.in.text(ps, true)
	c.Text, c.Links, c.Bold, c.Code = r.text, r.links, r.bold, r.code
	if len(ps) > 1 {
		c.Bold, c.Code = false, false
	}
	return c
}
