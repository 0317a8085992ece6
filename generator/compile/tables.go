package compile

import (
	"strings"

	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
)

// tableShape says what a table looks like from its header and rows,
// whatever heading it stands under. Where a table stands decides what it
// is read as (see readResourceTable, readOperation).
type tableShape int

const (
	shapeText       tableShape = iota // no name and type or member columns: prose in a grid
	shapeProperties                   // a name column and a Type column, or property rows under another header
	shapeTypeList                     // a Type column first: types with descriptions (derived types), or properties without a name column
	shapeMembers                      // a Member, Name or Value column first and no Type column
	shapeMethods                      // Method | Return Type | Description, rows linking to API pages
)

// tableLayout is a table's shape and the columns that matter.
type tableLayout struct {
	shape   tableShape
	typeCol int // the Type column of a property table; -1 when there is none
	// header is the header row as written, joined with " | ", when it names
	// other columns than the rows hold (property rows under "Method |
	// Return Type | Description"); "" otherwise.
	wrongHeader string
}

// memberHeads are the first header cells of enum member tables.
var memberHeads = []string{"member", "members", "name", "value", "values", "enum value", "enumeration value", "member name"}

// layoutOf classifies a table by its header row, and by its rows when the
// header does not say (docs input-format §3, §8).
func layoutOf(t *input.Table) tableLayout {
	if len(t.Header) == 0 {
		return tableLayout{typeCol: -1}
	}
	for i, h := range t.Header {
		if lowerEq(strings.TrimSpace(h.Text), "type") {
			if i == 0 {
				return tableLayout{shape: shapeTypeList, typeCol: 0}
			}
			return tableLayout{shape: shapeProperties, typeCol: i}
		}
	}
	h0 := strings.TrimSpace(t.Header[0].Text)
	// A second column that names some type ("Return Type", "Data type")
	// over rows that are properties: the header is wrong, the rows decide.
	if len(t.Header) >= 2 && lowerContains(t.Header[1].Text, "type") && rowsAreProperties(t) {
		var hs []string
		for _, h := range t.Header {
			hs = append(hs, strings.TrimSpace(h.Text))
		}
		return tableLayout{shape: shapeProperties, typeCol: 1, wrongHeader: strings.Join(hs, " | ")}
	}
	for _, w := range memberHeads {
		if lowerEq(h0, w) {
			return tableLayout{shape: shapeMembers, typeCol: -1}
		}
	}
	if lowerHasSuffix(h0, " value") || lowerHasSuffix(h0, " values") {
		// "displayAs value", "Type value": the values of a property.
		return tableLayout{shape: shapeMembers, typeCol: -1}
	}
	if lowerEq(h0, "method") || lowerEq(h0, "methods") || lowerEq(h0, "function") || lowerEq(h0, "functions") || rowsLinkAPIPages(t) {
		return tableLayout{shape: shapeMethods, typeCol: -1}
	}
	return tableLayout{shape: shapeText, typeCol: -1}
}

// rowsAreProperties reports whether every row of t reads as a property
// row: an identifier, then a type cell naming a primitive or a linked type
// (at least one row) or another single word.
func rowsAreProperties(t *input.Table) bool {
	typed := 0
	for _, r := range t.Rows {
		if len(r.Cells) < 2 {
			return false
		}
		name := reNameDecor.ReplaceAllString(strings.Trim(strings.TrimSpace(r.Cells[0].Text), "`* "), "")
		if len(r.Cells[0].Links) > 0 || !isPropName(name) {
			return false
		}
		tc := parseTypeCell(r.Cells[1])
		if tc.problem != "" || tc.name == "" {
			return false
		}
		if primitive(tc.name) != "" || tc.target != "" || tc.collection {
			typed++
		}
	}
	return typed > 0
}

// rowsLinkAPIPages reports whether the first cell of some row links to an
// API page: a Methods table whatever its header says.
func rowsLinkAPIPages(t *input.Table) bool {
	for _, r := range t.Rows {
		if len(r.Cells) == 0 {
			continue
		}
		for _, l := range r.Cells[0].Links {
			if strings.Contains(l.Target, "api/") {
				return true
			}
		}
	}
	return false
}

// addTable records what a table of the page was read as.
func (c *compiler) addTable(pi *pageInfo, b *input.Block, kind model.TableKind, of string) {
	pi.info.Tables = append(pi.info.Tables, &model.PageTable{Pos: b.Pos, Kind: kind, Of: of})
}

// notRead records a table that looks like data but is not read, with the
// diagnostic that says why.
func (c *compiler) notRead(pi *pageInfo, b *input.Block, format string, args ...any) {
	c.addTable(pi, b, model.TableNotRead, "")
	c.diags.Add(b.Pos, RuleTableNotRead, format, args...)
}

// headingChain is the headings above a block: chain[l] is the nearest
// heading of level l (1..6) that is still open, nil when there is none.
type headingChain [7]*input.Block

func (h *headingChain) push(b *input.Block) {
	h[b.Level] = b
	for l := b.Level + 1; l < len(h); l++ {
		h[l] = nil
	}
}

// nearest returns the nearest open heading, nil if none.
func (h *headingChain) nearest() *input.Block {
	for l := len(h) - 1; l >= 1; l-- {
		if h[l] != nil {
			return h[l]
		}
	}
	return nil
}

// below returns the open headings below level 1, outermost first.
func (h *headingChain) below() []*input.Block {
	var out []*input.Block
	for l := 2; l < len(h); l++ {
		if h[l] != nil {
			out = append(out, h[l])
		}
	}
	return out
}

// headingText is a heading's text with white space folded and trimmed (a
// non-breaking space reads as a space).
func headingText(b *input.Block) string { return fieldsJoined(b.Text) }
