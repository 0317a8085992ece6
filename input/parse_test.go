package input

import (
	"reflect"
	"testing"
	"testing/fstest"
)

// paragraph parses src and returns its only paragraph (or list, quote).
func onlyBlock(t *testing.T, src string) *Block {
	t.Helper()
	p := Parse("t.md", []byte(src))
	if len(p.Blocks) != 1 {
		t.Fatalf("%q: %d blocks, want 1", src, len(p.Blocks))
	}
	return p.Blocks[0]
}

func TestInlineText(t *testing.T) {
	tests := []struct{ src, want string }{
		{"plain words", "plain words"},
		{"**bold** and __strong__", "bold and strong"},
		{"*em* and _em_ and ***both***", "em and em and both"},
		{"snake_case_name stays", "snake_case_name stays"},
		{"(*.cfg | *.ini) and 2 * 3", "(*.cfg | *.ini) and 2 * 3"},
		{"**TODO: Determine scopes **", "**TODO: Determine scopes **"},
		{"`code` and `` a`b ``", "code and a`b"},
		{"`unclosed code", "`unclosed code"},
		{`\*not em\* \[x\] \\`, `*not em* [x] \`},
		{"[text](target.md) after", "text after"},
		{"[text](<with space.md> \"title\")", "text"},
		{"![alt](pic.png)", "alt"},
		{"[x](missing.md then more", "x then more"},
		{"[x](missing.md, then more", "x, then more"},
		{"[no link] here", "[no link] here"},
		{"a<br>b<br/>c<BR />d", "a\nb\nc\nd"},
		{"x <ul><li>one</li><li>two</li></ul>after", "x\none\ntwo\nafter"},
		{"<b>bold</b> <code>&lt;x&gt;</code> &amp; &nbsp;|&#65;&#x42;", "bold <x> & \u00a0|AB"},
		{"&bogus; & stays", "&bogus; & stays"},
		{"<https://example.com/a> and <notatag", "https://example.com/a and <notatag"},
		{"x <!-- hidden --> y", "x  y"},
		{"as <lang/region> or <a href=\"x\">y</a>", "as <lang/region> or y"},
		{"[!INCLUDE [d](d.md)]", "[!INCLUDE d]"},
		{"a [b [c](c.md) d] e", "a [b c d] e"},
	}
	for _, tc := range tests {
		if got := onlyBlock(t, tc.src).Text; got != tc.want {
			t.Errorf("%q: Text = %q, want %q", tc.src, got, tc.want)
		}
	}
}

func TestInlineLinks(t *testing.T) {
	src := "See [a](a.md#x), [B][], [c][ref], [D], [e][none] and [f].\n\n[b]: b.md\n[REF]: r.md\n[d]: <d d.md>\n"
	p := Parse("t.md", []byte(src))
	want := []Link{
		{Text: "a", Target: "a.md#x", Pos: Pos{"t.md", 1, 5}},
		{Text: "B", Target: "b.md", Ref: "B", Pos: Pos{"t.md", 1, 18}},
		{Text: "c", Target: "r.md", Ref: "ref", Pos: Pos{"t.md", 1, 25}},
		{Text: "D", Target: "d d.md", Ref: "D", Pos: Pos{"t.md", 1, 35}},
		{Text: "e", Target: "", Ref: "none", Pos: Pos{"t.md", 1, 40}},
	}
	if got := p.Blocks[0].Links; !reflect.DeepEqual(got, want) {
		t.Errorf("links:\n got %+v\nwant %+v", got, want)
	}
	if p.Blocks[0].Text != "See a, B, c, D, e and [f]." {
		t.Errorf("text %q", p.Blocks[0].Text)
	}
	if d := p.LinkDefs["ref"]; d.Target != "r.md" || d.Pos != (Pos{"t.md", 4, 1}) {
		t.Errorf("LinkDefs[ref] = %+v", d)
	}
}

func TestCellFlags(t *testing.T) {
	p := Parse("t.md", []byte("|a|b|\n|-|-|\n|**x**|`y`|\n|**x** and **z**|`y` z|\n|***w***|``a`b``|\n"))
	rows := p.Blocks[0].Table.Rows
	flags := func(c Cell) [2]bool { return [2]bool{c.Bold, c.Code} }
	for i, want := range [][2][2]bool{
		{{true, false}, {false, true}},
		{{false, false}, {false, false}},
		{{true, false}, {false, true}},
	} {
		for j := range 2 {
			if got := flags(rows[i].Cells[j]); got != want[j] {
				t.Errorf("row %d cell %d %q: bold, code = %v, want %v", i, j, rows[i].Cells[j].Raw, got, want[j])
			}
		}
	}
}

func TestJoined(t *testing.T) {
	p := Parse("t.md", []byte("|n|t|d|\n|-|-|-|\n|a|b|one | two|three|\n"))
	r := p.Blocks[0].Table.Rows[0]
	if got := r.Joined(2); got != "one | two | three" {
		t.Errorf("Joined(2) = %q", got)
	}
	if got := r.Joined(9); got != "" {
		t.Errorf("Joined(9) = %q", got)
	}
}

func TestSectionsAndTitle(t *testing.T) {
	src := "intro\n\n# Title\n\ntext\n\n## A\n\na\n\n### A1\n\na1\n\n## B\n\n# [HTTP](#tab/http)\n\nx\n"
	p := Parse("t.md", []byte(src))
	title, pos := p.Title()
	if title != "Title" || pos != (Pos{"t.md", 3, 1}) {
		t.Errorf("Title() = %q, %s", title, pos)
	}
	var got []string
	for _, s := range p.Sections() {
		h := "<nil>"
		if s.Heading != nil {
			h = s.Heading.Text
			if p.Blocks[s.Index] != s.Heading {
				t.Errorf("section %q: Index %d is not its heading", h, s.Index)
			}
		}
		var texts []string
		for _, b := range s.Blocks {
			texts = append(texts, b.Text)
		}
		got = append(got, h+":"+join(texts))
	}
	want := []string{"<nil>:intro", "Title:text,A,a,A1,a1,B", "A:a,A1,a1", "A1:a1", "B:", "HTTP:x"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sections:\n got %q\nwant %q", got, want)
	}
	if s := Parse("t.md", []byte("no heading")).Sections(); len(s) != 1 || s[0].Heading != nil || s[0].Index != -1 {
		t.Errorf("page without heading: %+v", s)
	}
	if title, pos := Parse("t.md", []byte("## only H2")).Title(); title != "" || pos.IsValid() {
		t.Errorf("page without H1: Title() = %q, %s", title, pos)
	}
}

func join(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += ","
		}
		out += x
	}
	return out
}

func TestPosAt(t *testing.T) {
	p := Parse("t.md", []byte("# x\n\n<!-- {\n  \"a\": 1,\n}-->\n\n  ```json\n  {\n    \"b\": 2\n  }\n  ```\n"))
	c := p.Blocks[1].Comment
	if got := c.PosAt(0); got != (Pos{"t.md", 3, 6}) {
		t.Errorf("comment PosAt(0) = %s", got)
	}
	if got := c.PosAt(4); got != (Pos{"t.md", 4, 3}) { // the '"' of "a"
		t.Errorf("comment PosAt(4) = %s", got)
	}
	code := p.Blocks[2].Code
	if got := code.PosAt(6); got != (Pos{"t.md", 9, 7}) { // the '"' of "b"
		t.Errorf("code PosAt(6) = %s (body %q)", got, code.Body())
	}
}

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"resources/b.md":                     {Data: []byte("# b\n")},
		"resources/a.md":                     {Data: []byte("# a\n")},
		"api/a-get.md":                       {Data: []byte("# get a\n")},
		"api-x.md":                           {Data: []byte("# x\n")},
		"includes/snippets/csharp/get-a.md":  {Data: []byte("```csharp\n```\n")},
		"resources/notes.txt":                {Data: []byte("not markdown")},
		"resources/translation.md.txt":       {Data: []byte("# stray\n")},
		"v1.0/includes/snippets/go/get-a.md": {Data: []byte("```go\n```\n")},
	}
	pages, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range pages {
		got = append(got, p.Path)
	}
	want := []string{"api-x.md", "api/a-get.md", "resources/a.md", "resources/b.md"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Load paths = %q, want %q", got, want)
	}
	if title, _ := pages[2].Title(); title != "a" {
		t.Errorf("resources/a.md title %q", title)
	}
}

// TestTableThenUnderline: a "---" line right after a table that was split
// off a paragraph is a thematic break, as after any table; it must not turn
// the paragraph's text into a setext heading placed after the table.
func TestTableThenUnderline(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want []BlockKind
	}{
		{"Intro text.\n|a|b|\n|-|-|\n|1|2|\n---\n", []BlockKind{KindParagraph, KindTable, KindBreak}},
		{"Intro text.\nmore text\n| a | b |\n|---|---|\n---\n", []BlockKind{KindParagraph, KindTable, KindBreak}},
		{"Intro text.\n|a|b|\n|-|-|\n===\n", []BlockKind{KindParagraph, KindTable, KindParagraph}},
		{"|a|b|\n|-|-|\n---\n", []BlockKind{KindTable, KindBreak}},
		{"Title\n---\n", []BlockKind{KindHeading}},
	} {
		p := Parse("t.md", []byte(tc.src))
		var kinds []BlockKind
		for _, b := range p.Blocks {
			kinds = append(kinds, b.Kind)
		}
		if !reflect.DeepEqual(kinds, tc.want) {
			t.Errorf("%q: blocks %v, want %v", tc.src, kinds, tc.want)
		}
	}
}
