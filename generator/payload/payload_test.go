package payload_test

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/generator/compile"
	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/generator/payload"
	"github.com/apidocgen/apidocgen/input"
	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite golden files")

// fixture compiles the pages of testdata/payloads.txtar, in the given
// order of files (the model must not depend on it).
func fixture(t *testing.T, reverse bool) (*model.Model, *txtar.Archive) {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/payloads.txtar")
	if err != nil {
		t.Fatal(err)
	}
	var pages []*input.Page
	for _, f := range ar.Files {
		if strings.HasSuffix(f.Name, ".md") {
			pages = append(pages, input.Parse(f.Name, f.Data))
		}
	}
	if reverse {
		for i, j := 0, len(pages)-1; i < j; i, j = i+1, j-1 {
			pages[i], pages[j] = pages[j], pages[i]
		}
	}
	return compile.Compile(pages), ar
}

// render writes what a Set holds, one line per fact, for the golden file.
func render(m *model.Model, s *payload.Set) string {
	var b strings.Builder
	name := func(r *payload.Ref) string {
		if r == nil {
			return "-"
		}
		return r.Name()
	}
	for _, o := range s.Ops {
		fmt.Fprintf(&b, "op %s name=%q request=%s response=%s\n", o.ID, o.Name, name(o.Request), name(o.Response))
	}
	for _, t := range s.Types {
		syn := s.Synthesized(t)
		var ops []string
		for _, o := range syn.Ops {
			ops = append(ops, o.ID)
		}
		fmt.Fprintf(&b, "type %s response=%v ops=%s pos=%s\n", t.QualifiedName(), syn.Response, strings.Join(ops, ","), t.Pos)
		fmt.Fprintf(&b, "  doc: %s\n", t.Doc)
		for _, p := range t.Properties {
			fmt.Fprintf(&b, "  %s %s required=%v nullable=%v\n", p.Name, p.Type.String(), p.Required, p.IsNullable())
		}
	}
	for _, e := range m.Examples() {
		if r, ok := s.Example(e); ok {
			fmt.Fprintf(&b, "example %s %s: %s\n", e.Pos, e.Kind, r.Name())
		} else if e.Kind != model.ExampleResource {
			fmt.Fprintf(&b, "example %s %s: none\n", e.Pos, e.Kind)
		}
	}
	for _, d := range s.Diagnostics {
		fmt.Fprintf(&b, "%s\n", d)
	}
	return b.String()
}

func TestGoldenPayloads(t *testing.T) {
	m, ar := fixture(t, false)
	got := render(m, payload.Derive(m))
	var want string
	for _, f := range ar.Files {
		if f.Name == "payloads" {
			want = string(f.Data)
		}
	}
	if *update {
		var files []txtar.File
		for _, f := range ar.Files {
			if f.Name != "payloads" {
				files = append(files, f)
			}
		}
		ar.Files = append(files, txtar.File{Name: "payloads", Data: []byte(got)})
		if err := os.WriteFile("testdata/payloads.txtar", txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got != want {
		t.Errorf("payloads differ from testdata/payloads.txtar (rerun with -update and review the diff):\n%s", got)
	}
	m2, _ := fixture(t, true)
	if again := render(m2, payload.Derive(m2)); again != got {
		t.Errorf("the payloads depend on the order of the pages:\n%s", again)
	}
}

// TestPayloadFacts pins the cases the fixture is made of.
func TestPayloadFacts(t *testing.T) {
	m, _ := fixture(t, false)
	s := payload.Derive(m)
	ops := map[string]*payload.Op{}
	for _, o := range s.Ops {
		ops[o.ID] = o
	}
	name := func(r *payload.Ref) string {
		if r == nil {
			return ""
		}
		return r.Name()
	}
	for id, want := range map[string][2]string{
		// two operations with the same parameters share one body
		"person-assignseats": {"microsoft.graph.assignSeatsBody", "microsoft.graph.person"},
		"team-assignseats":   {"microsoft.graph.assignSeatsBody", "microsoft.graph.team"},
		// two "add" actions with other parameters: one is renamed
		"rack-add":  {"microsoft.graph.addBody", ""},
		"shelf-add": {"microsoft.graph.shelfAddBody", ""},
		// a type of the model is called noteBody
		"person-note": {"microsoft.graph.personNoteBody", ""},
		// an update table of the resource's properties: the resource
		"person-update": {"microsoft.graph.person", ""},
		"person-list":   {"", "Collection(microsoft.graph.person)"},
		// a primitive collection is a page; one primitive is wrapped
		"principal-getgroups": {"microsoft.graph.getGroupsBody", "Collection(Edm.String)"},
		"person-countseats":   {"", "microsoft.graph.countSeatsResponse"},
		// a stream is no JSON payload
		"person-get-photo": {"", ""},
	} {
		o := ops[id]
		if o == nil {
			t.Errorf("no operation %s", id)
			continue
		}
		if got := [2]string{name(o.Request), name(o.Response)}; got != want {
			t.Errorf("%s: request, response = %q, want %q", id, got, want)
		}
	}
	if got := ops["person-countseats"].Name; got != "countSeats" {
		t.Errorf("function name %q, want countSeats", got)
	}
	if len(s.Diagnostics) != 2 {
		t.Errorf("want 2 renamings reported, got %v", s.Diagnostics)
	}
	for _, d := range s.Diagnostics {
		if d.Rule != payload.RuleNameCollision.ID {
			t.Errorf("rule %s", d.Rule)
		}
	}
}

func TestPageName(t *testing.T) {
	if n := payload.PageName("microsoft.graph.user"); n != "Collection(microsoft.graph.user)" {
		t.Errorf("PageName: %s", n)
	}
}

// TestMetadataOperations: operations read from metadata have no page: the
// ID comes from the binding type and the name, the namespace from the
// qualified name, and the parameters' nullability from their facets.
func TestMetadataOperations(t *testing.T) {
	m, _ := fixture(t, false)
	person := m.Lookup("microsoft.graph.person")
	bound := &model.Operation{Name: "test.ops.resetSeats", Title: "resetSeats", Kind: model.OpAction, Method: "POST",
		Binding: &model.TypeRef{Name: person.QualifiedName(), Type: person}, Target: person,
		Params: []*model.Parameter{{Name: "all", In: model.InBody, Type: model.TypeRef{Name: model.EdmBoolean}, Nullable: model.False,
			Pos: model.Pos{File: "metadata.xml", Line: 7, Col: 3}}},
		Pos: model.Pos{File: "metadata.xml", Line: 6, Col: 3}}
	unbound := &model.Operation{Name: "test.ops.ping", Title: "ping", Kind: model.OpFunction, Method: "GET",
		Response: &model.TypeRef{Name: model.EdmString}, Pos: model.Pos{File: "metadata.xml", Line: 9, Col: 3}}
	m.Operations = append(m.Operations, bound, unbound)
	s := payload.Derive(m)
	var got []string
	for _, o := range s.Ops[len(s.Ops)-2:] {
		req, resp := "-", "-"
		if o.Request != nil {
			req = o.Request.Name()
		}
		if o.Response != nil {
			resp = o.Response.Name()
		}
		got = append(got, o.ID+" "+o.Name+" "+req+" "+resp)
	}
	want := []string{"person-resetseats resetSeats test.ops.resetSeatsBody -", "ping ping - test.ops.pingResponse"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, want %q", got, want)
	}
	if body := s.Ops[len(s.Ops)-2].Request.Type.Type; body.Properties[0].IsNullable() {
		t.Error("the metadata says the parameter is not nullable")
	}
}
