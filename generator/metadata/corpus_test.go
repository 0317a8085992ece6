package metadata

import (
	"os"
	"testing"

	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input/inputtest"
)

// loadCorpus compiles Graph's v1.0 metadata.
func loadCorpus(t testing.TB) *model.Model {
	t.Helper()
	m, err := Load(os.DirFS(inputtest.CorpusDir(t, "metadata")), "graph-v1.0.xml")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestCorpus compiles Graph's v1.0 metadata: no diagnostics, every type
// reference resolved, and facts checked by hand in the file.
func TestCorpus(t *testing.T) {
	m := loadCorpus(t)
	for _, d := range m.Diagnostics {
		t.Errorf("%s", d)
	}
	kinds := map[model.TypeKind]int{}
	props, nav, readOnly, docs := 0, 0, 0, 0
	for _, ty := range m.Types {
		kinds[ty.Kind]++
		for _, p := range ty.Properties {
			if p.Relationship {
				nav++
			} else {
				props++
			}
			if p.ReadOnly {
				readOnly++
			}
			if p.Doc != "" {
				docs++
			}
			if !p.Type.Resolved() {
				t.Errorf("%s: %s.%s: type %q did not resolve", p.Pos, ty.Name, p.Name, p.Type.Written)
			}
		}
	}
	t.Logf("graph-v1.0.xml: %d types (%d entity, %d complex, %d enum), %d properties, %d navigation properties (%d read-only, %d described), %d operations, %d entity sets, %d singletons",
		len(m.Types), kinds[model.KindEntity], kinds[model.KindComplex], kinds[model.KindEnum], props, nav, readOnly, docs,
		len(m.Operations), len(m.Container.EntitySets), len(m.Container.Singletons))
	if len(m.Types) != 1348 || len(m.Operations) != 812 {
		t.Errorf("%d types, %d operations; want 1348 and 812", len(m.Types), len(m.Operations))
	}
	user := m.Lookup("microsoft.graph.user")
	if user == nil || user.BaseName != "microsoft.graph.directoryObject" || user.Base.BaseName != "microsoft.graph.entity" {
		t.Fatalf("user: want user -> directoryObject -> entity, got %+v", user)
	}
	if p := user.Property("assignedLicenses"); p == nil || p.Type.Name != "microsoft.graph.assignedLicense" || !p.Type.Collection || p.Nullable != model.False {
		t.Errorf("user.assignedLicenses: %+v", p)
	}
	if p := user.Property("id"); p == nil || !p.Key || p.Owner.Name != "entity" {
		t.Errorf("user.id: want the key inherited from entity, got %+v", p)
	}
	// Twin short names in two namespaces are two types.
	a, b := m.Lookup("microsoft.graph.callRecords.modality"), m.Lookup("microsoft.graph.modality")
	if a == nil || b == nil || a == b || a.Pos.Line != 22542 || b.Pos.Line != 1951 {
		t.Errorf("modality: want one enum in each of microsoft.graph (line 1951) and microsoft.graph.callRecords (line 22542), got %v and %v", b, a)
	}
}
