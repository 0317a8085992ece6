package input

import "strings"

// Sections groups the page's blocks by heading: one Section per heading,
// holding the blocks up to the next heading of the same or a higher level
// (so an H2 section includes its H3 subsections, which also get their own
// Section), preceded by a Section with a nil Heading for the blocks before
// the first heading when there are any.
func (p *Page) Sections() []Section {
	var out []Section
	first := len(p.Blocks)
	for i, b := range p.Blocks {
		if b.Kind == KindHeading {
			first = i
			break
		}
	}
	if first > 0 {
		out = append(out, Section{Index: -1, Blocks: p.Blocks[:first]})
	}
	for i := first; i < len(p.Blocks); i++ {
		h := p.Blocks[i]
		if h.Kind != KindHeading {
			continue
		}
		j := i + 1
		for j < len(p.Blocks) && !(p.Blocks[j].Kind == KindHeading && p.Blocks[j].Level <= h.Level) {
			j++
		}
		out = append(out, Section{Heading: h, Index: i, Blocks: p.Blocks[i+1 : j]})
	}
	return out
}

// Title returns the text and position of the page's first H1 (tab-group
// headings such as "# [HTTP](#tab/http)" are H1s too, but come later), or
// "" and the zero Pos when there is none.
func (p *Page) Title() (string, Pos) {
	for _, b := range p.Blocks {
		if b.Kind == KindHeading && b.Level == 1 {
			return b.Text, b.Pos
		}
	}
	return "", Pos{}
}

// PosAt returns the position of byte offset off of Body (as jsonx reports
// offsets in an annotation).
func (c *Comment) PosAt(off int) Pos {
	return offsetPos(c.Body, c.BodyPos, off)
}

// offsetPos maps offset off of text, which starts at start in the file and
// has "\n" line ends, to a file position.
func offsetPos(text string, start Pos, off int) Pos {
	if off < 0 {
		off = 0
	}
	if off > len(text) {
		off = len(text)
	}
	head := text[:off]
	nl := strings.Count(head, "\n")
	if nl == 0 {
		return Pos{File: start.File, Line: start.Line, Col: start.Col + off}
	}
	return Pos{File: start.File, Line: start.Line + nl, Col: off - strings.LastIndexByte(head, '\n')}
}

// PosAt returns the position of byte offset off of Body().
func (c *CodeBlock) PosAt(off int) Pos {
	for i, l := range c.Lines {
		if off <= len(l.Text) || i == len(c.Lines)-1 {
			if off > len(l.Text) {
				off = len(l.Text)
			}
			if off < 0 {
				off = 0
			}
			return Pos{File: l.Pos.File, Line: l.Pos.Line, Col: l.Pos.Col + off}
		}
		off -= len(l.Text) + 1
	}
	return Pos{}
}
