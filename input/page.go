// Package input reads Graph-style reference Markdown into a syntax model:
// front matter, headings, paragraphs, tables, fenced code blocks, HTML
// comments (with their JSON annotations parsed leniently) and links, each
// with its file:line:col. It knows Markdown, not Graph: deciding what a table
// or a block means is the compiler's job (package generator/compile).
//
// Reading never fails on content: whatever the bytes, Parse returns a Page.
// Problems met on the way (an unclosed fence, an annotation that is not JSON)
// are recorded on the element concerned, for the compiler to report.
package input

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/apidocgen/apidocgen/input/jsonx"
)

// A Pos is a position in a docs file: the slash-separated path relative to
// the docs root, a 1-based line and a 1-based column counted in bytes
// (a '\r' before '\n' is not counted; columns in CRLF and LF files agree).
type Pos struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"col"`
}

// String formats p as file:line:col, with the file name quoted (see
// QuoteFile) when it holds a control character.
func (p Pos) String() string { return fmt.Sprintf("%s:%d:%d", QuoteFile(p.File), p.Line, p.Col) }

// QuoteFile returns name as it is, or Go-quoted when it holds a line break
// or another control character, or is not UTF-8, so that a message about
// it stays one line and cannot be mistaken for another.
func QuoteFile(name string) string {
	for _, r := range name {
		if r < 0x20 || r == 0x7f || r == utf8.RuneError || r == '"' && name[0] == '"' {
			return strconv.Quote(name)
		}
	}
	return name
}

// IsValid reports whether p names a line.
func (p Pos) IsValid() bool { return p.Line > 0 }

// A Page is one parsed Markdown file.
type Page struct {
	Path  string       `json:"path"`  // slash path relative to the docs root, e.g. "resources/user.md"
	Front []FrontField `json:"front"` // front matter fields in file order; nil if the page has none
	// Blocks holds the page's top-level blocks in document order. Headings
	// are blocks too; Sections groups the blocks under each heading. The
	// code blocks, tables and HTML blocks (comments) inside a list or block
	// quote are listed too, right after their container, so that an
	// annotation written in a list item keeps the fence it describes; the
	// container's Items/Text leave them out.
	Blocks []*Block `json:"blocks"`
	// LinkDefs maps a reference label, lower-cased and with inner white
	// space folded, to its definition ("[identitySet]: identityset.md").
	LinkDefs map[string]LinkDef `json:"linkDefs,omitempty"`
	CRLF     bool               `json:"crlf,omitempty"`  // at least one line ends in "\r\n"
	Mixed    bool               `json:"mixed,omitempty"` // lines end in both "\r\n" and "\n"
	// ReadError, when set, says why the file could not be read (see Load);
	// the page is then otherwise empty.
	ReadError string `json:"readError,omitempty"`
}

// A FrontField is one "key: value" line of the YAML front matter. Value has
// surrounding quotes removed. A value that is only a "**TODO: …**"
// placeholder is kept as written in Value and flagged with TODO.
type FrontField struct {
	Key   string `json:"key"`
	Value string `json:"value"`
	TODO  bool   `json:"todo,omitempty"`
	Pos   Pos    `json:"pos"` // start of the key
}

// FrontValue returns the value of front matter key (case-sensitive) and
// whether it is present. TODO placeholders read as empty.
func (p *Page) FrontValue(key string) (string, bool) {
	for _, f := range p.Front {
		if f.Key == key {
			if f.TODO {
				return "", true
			}
			return f.Value, true
		}
	}
	return "", false
}

// BlockKind says what a Block is.
type BlockKind string

// The kinds of Block.
const (
	KindHeading   BlockKind = "heading"   // ATX or setext heading: Level, Text, Links
	KindParagraph BlockKind = "paragraph" // Text, Links
	KindList      BlockKind = "list"      // Items (each item's text), Links
	KindQuote     BlockKind = "quote"     // block quote, e.g. ">**Note:** …": Text, Links
	KindTable     BlockKind = "table"     // Table
	KindCode      BlockKind = "code"      // fenced or indented code: Code
	KindComment   BlockKind = "comment"   // HTML comment "<!-- … -->": Comment
	KindHTML      BlockKind = "html"      // other raw HTML block: Text
	KindBreak     BlockKind = "break"     // thematic break, e.g. the bare "---" that closes a tab group
)

// A Block is one top-level Markdown block. Which fields are set depends on
// Kind, as the Kind constants say.
type Block struct {
	Kind  BlockKind `json:"kind"`
	Pos   Pos       `json:"pos"`             // first byte of the block (the '#' of a heading, the first '|' of a table)
	Level int       `json:"level,omitempty"` // only KindHeading: 1..6
	// Text is the block's plain text: Markdown emphasis, code-span ticks and
	// link syntax removed (link text kept), HTML tags dropped except <br>,
	// which becomes "\n", and block-level tags such as <li>, <ul> and <p>,
	// which start a new line (so "<ul><li>a</li><li>b</li></ul>" reads
	// "a\nb"), entities decoded, backslash escapes removed, lines joined with
	// "\n". For KindHTML it is the raw HTML. For KindList it is empty: see
	// Items.
	Text    string     `json:"text,omitempty"`
	Items   []string   `json:"items,omitempty"` // only KindList: plain text of each item
	Links   []Link     `json:"links,omitempty"` // links in Text/Items, in order
	Table   *Table     `json:"table,omitempty"`
	Code    *CodeBlock `json:"code,omitempty"`
	Comment *Comment   `json:"comment,omitempty"`
}

// A Link is an inline, reference-style or bare "[x]" link.
type Link struct {
	Text   string `json:"text"`          // link text as plain text, e.g. "assignedLicense"
	Target string `json:"target"`        // destination, e.g. "../resources/assignedlicense.md#x"; "" if a reference has no definition
	Ref    string `json:"ref,omitempty"` // reference label for "[T][ref]", "[T][]" and "[T]" forms
	Pos    Pos    `json:"pos"`           // the '['
}

// A LinkDef is a reference definition "[label]: target".
type LinkDef struct {
	Target string `json:"target"`
	Pos    Pos    `json:"pos"`
}

// A Table is a pipe table, split with the tolerant rules of
// docs input-format §3: rows missing leading or trailing pipes, rows with
// fewer or more cells than the header, lines without enough pipes that
// continue the previous row, escaped "\|" kept inside a cell.
type Table struct {
	Header []Cell `json:"header"`
	Rows   []*Row `json:"rows"`
	// Columns is the number of non-empty header cells (a 4-column header
	// whose last cell is empty counts 3).
	Columns int `json:"columns"`
}

// A Row is one body row of a table.
type Row struct {
	Pos   Pos    `json:"pos"`
	Cells []Cell `json:"cells"` // as split on unescaped pipes; may be more or fewer than the header
	// Continued counts the following source lines that had no or too few
	// pipes and were appended to the last cell's text.
	Continued int `json:"continued,omitempty"`
}

// A Cell is one table cell.
type Cell struct {
	// Raw is the Markdown source, trimmed, as written (an escaped "\|"
	// stays "\|"); continuation lines are appended with "\n".
	Raw   string `json:"raw"`
	Text  string `json:"text"`            // plain text, as for Block.Text ("\|" reads "|", also in code spans)
	Links []Link `json:"links,omitempty"` // links in the cell
	Bold  bool   `json:"bold,omitempty"`  // the whole cell is **bold** (or __bold__); false for a continued cell
	Code  bool   `json:"code,omitempty"`  // the whole cell is one `code span`; false for a continued cell
	Pos   Pos    `json:"pos"`             // first non-space byte of the cell
}

// Joined returns the text of cells[from:] joined with " | ": the rule for
// descriptions that contain unescaped pipes.
func (r *Row) Joined(from int) string {
	if from >= len(r.Cells) {
		return ""
	}
	parts := make([]string, 0, len(r.Cells)-from)
	for _, c := range r.Cells[from:] {
		parts = append(parts, c.Text)
	}
	return strings.TrimSpace(strings.Join(parts, " | "))
}

// A CodeBlock is a fenced (or indented) code block. Use PosAt to turn an
// offset in Body() (such as a jsonx offset) into a file position.
type CodeBlock struct {
	Lang     string `json:"lang"`               // info string's first word, lower-cased ("http", "json", ""); a space before it is allowed
	Info     string `json:"info,omitempty"`     // the whole info string as written
	Lines    []Line `json:"lines"`              // body lines, without line endings
	Unclosed bool   `json:"unclosed,omitempty"` // the fence was never closed (it ran to the end of the page)
}

// Body returns the body lines joined with "\n".
func (c *CodeBlock) Body() string {
	var b strings.Builder
	for i, l := range c.Lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l.Text)
	}
	return b.String()
}

// A Line is one source line of a code block.
type Line struct {
	Text string `json:"text"`         // without the line ending and without the fence's indentation
	Pos  Pos    `json:"pos"`          // first byte of Text
	CR   bool   `json:"cr,omitempty"` // the line ended in "\r\n" in the file
}

// A Comment is an HTML comment block "<!-- … -->". Use PosAt to turn an
// offset in Body (such as a jsonx offset) into a file position.
type Comment struct {
	Body     string `json:"body"`               // text between "<!--" and "-->", trimmed, with "\n" line ends
	BodyPos  Pos    `json:"bodyPos"`            // first byte of Body
	Unclosed bool   `json:"unclosed,omitempty"` // no "-->" before the next blank-line-separated block or the end
	Trailing string `json:"trailing,omitempty"` // text after "-->" on the same line (e.g. "s" in "}-->s")
	// Annotation is set when Body starts with '{': its JSON read leniently.
	Annotation *Annotation `json:"annotation,omitempty"`
}

// An Annotation is the JSON object of an HTML-comment annotation such as
// <!-- {"blockType": "resource", "@odata.type": "microsoft.graph.user"} -->.
type Annotation struct {
	// Fields are the members as read, with "@type" renamed "@odata.type"
	// (unless both are present) and the strings "true"/"false" turned into
	// booleans for the boolean keys (truncated, isCollection, abstract,
	// isAbstract, openType, isComposable, isEmpty, idempotent, isMediaEntity).
	// Values are plain Go values: string, float64 (or the literal as a
	// string when it does not parse), bool, nil, []any, map[string]any; for
	// a duplicated member the first one wins.
	Fields map[string]any `json:"fields"`
	// Keys lists the member names in source order, as written (before renaming).
	Keys []string `json:"keys"`
	// Value is the parsed JSON tree with positions; nil when Err is set.
	Value *jsonx.Value `json:"-"`
	// Fixes lists what lenient reading had to repair; empty for strict JSON.
	Fixes []jsonx.Fix `json:"fixes,omitempty"`
	// Err is set when even lenient reading failed; Fields then holds what
	// could be salvaged (possibly nothing).
	Err *jsonx.SyntaxError `json:"err,omitempty"`
	// Next is the index in Page.Blocks of the block this annotation
	// describes: the next block when only blank lines separate them; -1 if
	// none.
	Next int `json:"next"`
}

// String returns the string value of field key, or "".
func (a *Annotation) String(key string) string {
	if a == nil {
		return ""
	}
	s, _ := a.Fields[key].(string)
	return s
}

// Bool returns the boolean value of field key (false when absent).
func (a *Annotation) Bool(key string) bool {
	if a == nil {
		return false
	}
	b, _ := a.Fields[key].(bool)
	return b
}

// A Section is a heading and the blocks up to the next heading of the same
// or a higher level (so an H2 section contains its H3 subsections).
type Section struct {
	Heading *Block   `json:"heading"` // nil for the blocks before the first heading
	Index   int      `json:"index"`   // index of Heading in Page.Blocks; -1 when Heading is nil
	Blocks  []*Block `json:"blocks"`  // blocks after the heading, nested headings included
}
