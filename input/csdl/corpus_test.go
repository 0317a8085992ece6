package csdl

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/apidocgen/apidocgen/input/inputtest"
)

// TestCorpus reads Graph's v1.0 metadata: no problems, and the counts of
// the corpus README (1,348 types: 507 entity, 518 complex, 323 enum; 812
// actions and functions; 3 schemas).
func TestCorpus(t *testing.T) {
	dir := inputtest.CorpusDir(t, "metadata")
	doc, err := Load(os.DirFS(dir), "graph-v1.0.xml")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range doc.Problems {
		t.Errorf("%s: %s", p.Pos, p.Message)
	}
	var entity, complex, enum, ops, props, nav, members, targets int
	for _, s := range doc.Schemas {
		entity += len(s.EntityTypes)
		complex += len(s.ComplexTypes)
		enum += len(s.EnumTypes)
		ops += len(s.Actions) + len(s.Functions)
		targets += len(s.Targets)
		for _, st := range append(append([]*StructuredType(nil), s.EntityTypes...), s.ComplexTypes...) {
			props += len(st.Properties)
			nav += len(st.Navigation)
		}
		for _, e := range s.EnumTypes {
			members += len(e.Members)
		}
	}
	t.Logf("%s: %d schemas, %d entity, %d complex, %d enum types, %d properties, %d navigation properties, %d enum members, %d actions and functions, %d annotation targets",
		filepath.Base(doc.Path), len(doc.Schemas), entity, complex, enum, props, nav, members, ops, targets)
	if len(doc.Schemas) != 3 || entity != 507 || complex != 518 || enum != 323 || ops != 812 {
		t.Errorf("got %d schemas, %d/%d/%d entity/complex/enum types, %d operations; want 3, 507/518/323, 812",
			len(doc.Schemas), entity, complex, enum, ops)
	}
	// A position checked by hand: the abstract root entity type.
	if e := doc.Schemas[0].EntityTypes[0]; e.Name != "entity" || e.Pos.Line != 2278 || e.Pos.Col != 7 || len(e.Key) != 1 || e.Key[0].Pos.Line != 2280 {
		t.Errorf("first entity type %q at %s (key %v), want entity at line 2278 col 7 with its key at line 2280", e.Name, e.Pos, e.Key)
	}
}
