package input

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/input/inputtest"
)

// corpusStats counts what a set of pages holds.
type corpusStats struct {
	pages, blocks, tables, rows, continued, codes, unclosedFences    int
	comments, unclosedComments, annotations, strict, lenient, failed int
	links, linkDefs, crlfPages, mixedPages                           int
}

func (s *corpusStats) add(p *Page) {
	s.pages++
	s.linkDefs += len(p.LinkDefs)
	if p.CRLF {
		s.crlfPages++
	}
	if p.Mixed {
		s.mixedPages++
	}
	for _, b := range p.Blocks {
		s.blocks++
		s.links += len(b.Links)
		switch b.Kind {
		case KindTable:
			s.tables++
			s.rows += len(b.Table.Rows)
			for _, r := range b.Table.Rows {
				if r.Continued > 0 {
					s.continued++
				}
				for _, c := range r.Cells {
					s.links += len(c.Links)
				}
			}
		case KindCode:
			s.codes++
			if b.Code.Unclosed {
				s.unclosedFences++
			}
		case KindComment:
			s.comments++
			if b.Comment.Unclosed {
				s.unclosedComments++
			}
			if a := b.Comment.Annotation; a != nil {
				s.annotations++
				switch {
				case a.Err != nil:
					s.failed++
				case len(a.Fixes) > 0:
					s.lenient++
				default:
					s.strict++
				}
			}
		}
	}
}

// checkPositions fails for any position outside src.
func checkPositions(t testing.TB, p *Page, src []byte) {
	t.Helper()
	lines := bytes.Split(src, []byte("\n"))
	check := func(what string, pos Pos) {
		if pos.File != p.Path || pos.Line < 1 || pos.Line > len(lines) || pos.Col < 1 ||
			pos.Col > lineLen(lines, pos.Line-1)+1 {
			t.Errorf("%s: %s position %s outside the file (%d lines)", p.Path, what, pos, len(lines))
		}
	}
	for _, f := range p.Front {
		check("front matter", f.Pos)
	}
	for _, d := range p.LinkDefs {
		check("link definition", d.Pos)
	}
	for _, b := range p.Blocks {
		check(string(b.Kind), b.Pos)
		for _, l := range b.Links {
			check("link", l.Pos)
		}
		if b.Table != nil {
			for _, c := range b.Table.Header {
				check("header cell", c.Pos)
			}
			for _, r := range b.Table.Rows {
				check("row", r.Pos)
				for _, c := range r.Cells {
					check("cell", c.Pos)
					for _, l := range c.Links {
						check("cell link", l.Pos)
					}
				}
			}
		}
		if b.Code != nil {
			for _, l := range b.Code.Lines {
				check("code line", l.Pos)
			}
		}
		if b.Comment != nil {
			check("comment body", b.Comment.BodyPos)
		}
	}
}

// lineLen is the length of line i of lines (split on "\n"), without the
// '\r' of a "\r\n" line end.
func lineLen(lines [][]byte, i int) int {
	if i < len(lines)-1 {
		return len(bytes.TrimSuffix(lines[i], []byte("\r")))
	}
	return len(lines[i])
}

// withoutCR returns the page with the line-ending facts cleared, for
// comparing a page with its CRLF (or LF) twin.
func withoutCR(p *Page) *Page {
	p.CRLF, p.Mixed = false, false
	for _, b := range p.Blocks {
		if b.Code != nil {
			for i := range b.Code.Lines {
				b.Code.Lines[i].CR = false
			}
		}
	}
	return p
}

func toCRLF(src []byte) []byte {
	lf := bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(lf, []byte("\n"), []byte("\r\n"))
}

func toLF(src []byte) []byte { return bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n")) }

// TestCorpus loads both corpora, checks every position, checks that each
// page reads the same with LF and CRLF line endings, and logs counts.
func TestCorpus(t *testing.T) {
	for _, sub := range []string{"graph-v1.0", "seed-family"} {
		t.Run(sub, func(t *testing.T) {
			dir := inputtest.CorpusDir(t, sub)
			pages, err := Load(os.DirFS(dir))
			if err != nil {
				t.Fatal(err)
			}
			if len(pages) == 0 {
				t.Fatal("no pages")
			}
			var st corpusStats
			for i, p := range pages {
				if i > 0 && pages[i-1].Path >= p.Path {
					t.Errorf("pages not sorted: %s before %s", pages[i-1].Path, p.Path)
				}
				st.add(p)
				src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p.Path)))
				if err != nil {
					t.Fatal(err)
				}
				checkPositions(t, p, src)
				checkStructure(t, p)
				// The same page with the other line endings.
				other := toCRLF(src)
				if p.CRLF {
					other = toLF(src)
				}
				twin := withoutCR(Parse(p.Path, other))
				if !reflect.DeepEqual(withoutCR(p), twin) {
					t.Errorf("%s: LF and CRLF versions differ", p.Path)
				}
			}
			t.Logf("%s: %+v", sub, st)
		})
	}
}

// loadPage parses one corpus page.
func loadPage(t *testing.T, sub, path string) *Page {
	t.Helper()
	dir := inputtest.CorpusDir(t, sub)
	src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(path)))
	if err != nil {
		t.Fatal(err)
	}
	return Parse(path, src)
}

// sectionTable returns the first table of the section titled heading.
func sectionTable(p *Page, heading string) *Block {
	for _, s := range p.Sections() {
		if s.Heading == nil || !strings.EqualFold(s.Heading.Text, heading) {
			continue
		}
		for _, b := range s.Blocks {
			if b.Kind == KindTable {
				return b
			}
		}
	}
	return nil
}

func TestCorpusSeedFacts(t *testing.T) {
	p := loadPage(t, "seed-family", "api/exactmatchsessionbase-create.md")
	if v, ok := p.FrontValue("title"); !ok || v != "Create exactMatchSessionBase" {
		t.Errorf("title = %q, %v", v, ok)
	}
	if v, ok := p.FrontValue("author"); !ok || v != "" {
		t.Errorf("author = %q, %v; want a TODO read as empty", v, ok)
	}
	if p.Front[0].Pos.Line != 2 || p.Front[0].Pos.Col != 1 {
		t.Errorf("first front matter field at %s", p.Front[0].Pos)
	}
	title, pos := p.Title()
	if title != "Create exactMatchSessionBase" || pos.Line != 10 || pos.Col != 1 {
		t.Errorf("Title() = %q at %s", title, pos)
	}
	// The Namespace line sits right under the H1, with no blank line.
	if b := p.Blocks[1]; b.Kind != KindParagraph || !strings.HasPrefix(b.Text, "Namespace: microsoft.graph") || b.Pos.Line != 11 {
		t.Errorf("block after the H1: %s %q at %s", b.Kind, b.Text, b.Pos)
	}
	// Its create body table inherits descriptions from entity.
	tb := sectionTable(p, "Request body")
	if tb == nil {
		t.Fatal("no request body table")
	}
	if r := tb.Table.Rows[0]; r.Cells[0].Text != "id" || len(r.Cells[2].Links) != 1 || r.Cells[2].Links[0].Text != "entity" {
		t.Errorf("first request body row: %+v", r.Cells)
	}
	// The request example is annotated and the annotation points at an
	// http fence.
	found := false
	for _, b := range p.Blocks {
		if a := b.Comment; a != nil && a.Annotation != nil && a.Annotation.String("blockType") == "request" {
			found = true
			if a.Annotation.Next < 0 || p.Blocks[a.Annotation.Next].Code == nil || p.Blocks[a.Annotation.Next].Code.Lang != "http" {
				t.Errorf("request annotation at %s is not followed by an http fence", b.Pos)
			}
		}
	}
	if !found {
		t.Error("no request annotation")
	}
}

func TestCorpusCRLFPage(t *testing.T) {
	dir := inputtest.CorpusDir(t, "seed-family")
	const path = "resources/exactmatchsessionbase.md"
	src, err := os.ReadFile(filepath.Join(dir, path))
	if err != nil {
		t.Fatal(err)
	}
	crlf := Parse(path, src)
	if !crlf.CRLF {
		t.Fatalf("%s: CRLF not detected", path)
	}
	lf := Parse(path, toLF(src))
	a, b := sectionTable(crlf, "Properties"), sectionTable(lf, "Properties")
	if a == nil || b == nil {
		t.Fatal("no Properties table")
	}
	if !reflect.DeepEqual(a.Table, b.Table) || a.Table.Columns != 3 || len(a.Table.Rows) == 0 {
		t.Errorf("Properties tables differ between CRLF and LF or are wrong: %d columns, %d rows", a.Table.Columns, len(a.Table.Rows))
	}
}

func TestCorpusGraphFacts(t *testing.T) {
	dir := inputtest.CorpusDir(t, "graph-v1.0")
	p := loadPage(t, "graph-v1.0", "resources/user.md")
	tb := sectionTable(p, "Properties")
	if tb == nil {
		t.Fatal("user.md: no Properties table")
	}
	// Count the table's rows independently: the lines starting with '|'
	// from the header on, minus the header and the alignment row.
	src, _ := os.ReadFile(filepath.Join(dir, "resources", "user.md"))
	lines := strings.Split(string(src), "\n")
	n := 0
	for _, l := range lines[tb.Pos.Line-1:] {
		if !strings.HasPrefix(strings.TrimSpace(l), "|") {
			break
		}
		n++
	}
	if got := len(tb.Table.Rows); got != n-2 || got < 50 {
		t.Errorf("user.md Properties rows = %d, want %d", got, n-2)
	}
	for _, r := range tb.Table.Rows {
		if r.Cells[0].Text == "accountEnabled" && r.Cells[1].Text != "Boolean" {
			t.Errorf("accountEnabled type %q", r.Cells[1].Text)
		}
	}

	// A 4-column header whose last cell is empty over 3-cell rows.
	tb = sectionTable(loadPage(t, "graph-v1.0", "resources/searchrequest.md"), "Properties")
	if tb == nil || len(tb.Table.Header) != 4 || tb.Table.Columns != 3 || len(tb.Table.Rows[0].Cells) != 3 {
		t.Errorf("searchrequest.md Properties table: %+v", tb)
	}

	// A row without its leading pipe.
	tb = sectionTable(loadPage(t, "graph-v1.0", "resources/call.md"), "Properties")
	ok := false
	for _, r := range tb.Table.Rows {
		if r.Cells[0].Text == "transcription" && r.Pos.Line == 72 && len(r.Cells) == 3 {
			ok = true
		}
	}
	if !ok {
		t.Error("call.md:72 row without leading pipe not read")
	}

	// The escaped pipe and the link missing its ')'.
	tb = sectionTable(loadPage(t, "graph-v1.0", "resources/invitation.md"), "Properties")
	for _, r := range tb.Table.Rows {
		switch r.Cells[0].Text {
		case "invitedUserEmailAddress":
			if len(r.Cells) != 3 || !strings.Contains(r.Cells[2].Text, "Pipe (|)") {
				t.Errorf("invitation.md escaped pipe: %d cells, %q", len(r.Cells), r.Cells[len(r.Cells)-1].Text)
			}
		case "invitedUserMessageInfo":
			if l := r.Cells[1].Links; len(l) != 1 || l[0].Target != "invitedusermessageinfo.md" || l[0].Text != "invitedUserMessageInfo" {
				t.Errorf("invitation.md link missing ')': %+v", r.Cells[1])
			}
		}
	}
}
