package compile

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
	"github.com/apidocgen/apidocgen/input/inputtest"
)

// checkNothingDropped asserts the no-silent-drop invariant of the
// compiler on pages and the model built from them: every table of every
// page is listed in its page's Tables; a table not read has a diagnostic
// at its position; every row of a table read into the model is in the
// model (a property, member, value or parameter at that row, or, for a
// property row, a property of that name on the type, inherited or merged)
// or has a diagnostic on its line; every resource annotation's JSON block
// is an example in the model or the annotation has a diagnostic; every
// resource page defines or merges into a type. It returns the number of
// problems, reporting the first ones.
func checkNothingDropped(t testing.TB, pages []*input.Page, m *model.Model) int {
	t.Helper()
	at := func(p input.Pos) string { return fmt.Sprintf("%s:%d", p.File, p.Line) }
	diag := map[string]bool{}
	for _, d := range m.Diagnostics {
		diag[at(d.Pos)] = true
	}
	inModel := map[string]bool{} // lines holding a model item
	for _, ty := range m.Types {
		for _, p := range ty.Properties {
			inModel[at(p.Pos)] = true
		}
		for _, mb := range ty.Members {
			inModel[at(mb.Pos)] = true
		}
	}
	for _, op := range m.Operations {
		for _, p := range op.Params {
			inModel[at(p.Pos)] = true
		}
	}
	examples := map[string]bool{}
	for _, ex := range m.Examples() {
		examples[at(ex.Pos)] = true
	}
	mpages := map[string]*model.Page{}
	for _, p := range m.Pages {
		mpages[p.Path] = p
	}
	typesOf := map[string]bool{}
	for _, ty := range m.Types {
		typesOf[ty.Pos.File] = true
	}
	problems := 0
	report := func(format string, args ...any) {
		problems++
		if problems <= 20 {
			t.Errorf(format, args...)
		}
	}
	for _, p := range pages {
		mp := mpages[p.Path]
		if mp == nil {
			report("%s: page missing from the model", p.Path)
			continue
		}
		tables := map[string]*model.PageTable{}
		for _, pt := range mp.Tables {
			tables[at(pt.Pos)] = pt
		}
		if mp.Kind == model.PageResource && !typesOf[p.Path] && !hasRule(m, p.Path, RuleDuplicateType.ID) {
			report("%s: resource page defines no type and no diagnostic says why", p.Path)
		}
		for i, b := range p.Blocks {
			switch b.Kind {
			case input.KindTable:
				pt := tables[at(b.Pos)]
				if pt == nil {
					report("%s: table not listed in the page's tables", at(b.Pos))
					continue
				}
				if pt.Kind == model.TableNotRead && !diag[at(b.Pos)] {
					report("%s: table not read and no diagnostic says why", at(b.Pos))
				}
				checkRows(b, pt, m, inModel, diag, report)
			case input.KindComment:
				if !isResourceAnnotation(b) {
					continue
				}
				a := b.Comment.Annotation
				if a.Next != i+1 && a.Next >= 0 && !diag[at(b.Pos)] {
					// Next skips blank lines only, so it is i+1 when set.
					report("%s: annotation describes block %d, not the next one", at(b.Pos), a.Next)
				}
				if a.Next >= 0 && a.Next < len(p.Blocks) && examples[at(p.Blocks[a.Next].Pos)] {
					continue
				}
				if !diag[at(b.Pos)] {
					report("%s: resource annotation's block is not an example and no diagnostic says why", at(b.Pos))
				}
			}
		}
	}
	return problems
}

// checkRows checks that each row of a table read into the model is there
// or has a diagnostic.
func checkRows(b *input.Block, pt *model.PageTable, m *model.Model, inModel, diag map[string]bool, report func(string, ...any)) {
	at := func(p input.Pos) string { return fmt.Sprintf("%s:%d", p.File, p.Line) }
	var owner *model.Type
	var valuesOf *model.Property
	switch pt.Kind {
	case model.TableProperties, model.TableRelationships, model.TableEnum:
		owner = m.Lookup(pt.Of)
	case model.TableValues:
		i := strings.LastIndexByte(pt.Of, '.')
		if ty := m.Lookup(pt.Of[:i]); ty != nil {
			valuesOf = ty.Property(pt.Of[i+1:])
		}
	case model.TableParameters:
	default:
		return
	}
	for _, r := range b.Table.Rows {
		if len(r.Cells) == 0 {
			continue
		}
		name := strings.Trim(strings.TrimSpace(r.Cells[0].Text), "`*'\" ")
		name = strings.TrimSpace(reNameDecor.ReplaceAllString(name, ""))
		if name == "" || inModel[at(r.Pos)] || diag[at(r.Pos)] {
			continue
		}
		switch {
		case groupRow(r):
			continue // "|**Apps**| | |": a heading inside the table
		case (pt.Kind == model.TableProperties || pt.Kind == model.TableRelationships) && owner != nil && owner.Property(name) != nil:
			continue // the type has it: inherited, or listed on another page too
		case pt.Kind == model.TableEnum && owner != nil && hasMemberNamed(owner, name):
			continue // merged with another definition of the enum
		case pt.Kind == model.TableValues && valuesOf != nil && slices.Contains(valuesOf.Values, name):
			continue
		}
		report("%s: %s row %q is not in the model and no diagnostic says why", at(r.Pos), pt.Kind, name)
	}
}

// groupRow reports whether r is a bold heading row with no other text.
func groupRow(r *input.Row) bool {
	if !r.Cells[0].Bold {
		return false
	}
	for _, c := range r.Cells[1:] {
		if strings.TrimSpace(c.Text) != "" {
			return false
		}
	}
	return true
}

func hasRule(m *model.Model, file, rule string) bool {
	for _, d := range m.Diagnostics {
		if d.Pos.File == file && d.Rule == rule {
			return true
		}
	}
	return false
}

// TestCorpusNothingDropped asserts the no-silent-drop invariant on every
// page of both corpora.
func TestCorpusNothingDropped(t *testing.T) {
	for _, sub := range []string{"graph-v1.0", "seed-family"} {
		t.Run(sub, func(t *testing.T) {
			pages, err := input.Load(os.DirFS(inputtest.CorpusDir(t, sub)))
			if err != nil {
				t.Fatal(err)
			}
			m := Compile(pages)
			tables := 0
			for _, p := range m.Pages {
				tables += len(p.Tables)
			}
			if n := checkNothingDropped(t, pages, m); n > 0 {
				t.Errorf("%s: %d tables, rows or definitions dropped without a diagnostic", sub, n)
			}
			t.Logf("%s: %d pages, %d tables accounted for", sub, len(pages), tables)
		})
	}
}

// recordingT records what checkNothingDropped reports instead of failing.
type recordingT struct {
	testing.TB
	errors []string
}

func (r *recordingT) Helper() {}

func (r *recordingT) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

// TestNothingDroppedCheckFails shows that checkNothingDropped can fail: a
// model that lost a row of a properties table, or a table record, is
// reported; the model as compiled is not.
func TestNothingDroppedCheckFails(t *testing.T) {
	src := "# widget resource type\n\n## Properties\n| Property | Type | Description |\n|:--|:--|:--|\n| id | String | Key. |\n| size | Int32 | The size. |\n"
	compile := func() ([]*input.Page, *model.Model) {
		pages := []*input.Page{input.Parse("resources/widget.md", []byte(src))}
		return pages, Compile(pages)
	}
	pages, m := compile()
	if r := (&recordingT{TB: t}); checkNothingDropped(r, pages, m) != 0 {
		t.Fatalf("the compiled model is reported: %q", r.errors)
	}

	pages, m = compile()
	w := m.Lookup(model.DefaultNamespace + ".widget")
	if w == nil || len(w.Properties) != 2 {
		t.Fatalf("widget: %+v", w)
	}
	w.Properties = w.Properties[:1] // drop the "size" row
	r := &recordingT{TB: t}
	if n := checkNothingDropped(r, pages, m); n != 1 || !strings.Contains(r.errors[0], `row "size" is not in the model`) {
		t.Errorf("a dropped row: %d problems %q, want the size row", n, r.errors)
	}

	pages, m = compile()
	m.Pages[0].Tables = nil // drop the table record
	r = &recordingT{TB: t}
	if n := checkNothingDropped(r, pages, m); n != 1 || !strings.Contains(r.errors[0], "table not listed") {
		t.Errorf("a dropped table: %d problems %q, want the table", n, r.errors)
	}
}
