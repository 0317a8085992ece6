package payload_test

import (
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/generator/compile"
	"github.com/apidocgen/apidocgen/generator/payload"
	"github.com/apidocgen/apidocgen/input"
	"github.com/rogpeppe/go-internal/txtar"
)

// FuzzDerive feeds one arbitrary API page, next to the pages of the
// fixture, through the reader, the compiler and Derive: nothing may panic,
// every synthesized type has properties and a position, and every example
// payload has a name.
func FuzzDerive(f *testing.F) {
	ar, err := txtar.ParseFile("testdata/payloads.txtar")
	if err != nil {
		f.Fatal(err)
	}
	var base []*input.Page
	for _, tf := range ar.Files {
		if strings.HasSuffix(tf.Name, ".md") {
			f.Add(tf.Data)
			base = append(base, input.Parse(tf.Name, tf.Data))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m := compile.Compile(append([]*input.Page{input.Parse("api/fuzz-op.md", data)}, base...))
		s := payload.Derive(m)
		for _, typ := range s.Types {
			if len(typ.Properties) == 0 || !typ.Pos.IsValid() || s.Synthesized(typ) == nil {
				t.Fatalf("synthesized type %s: %d properties at %v", typ.QualifiedName(), len(typ.Properties), typ.Pos)
			}
		}
		for _, e := range m.Examples() {
			if r, ok := s.Example(e); ok && r.Name() == "" {
				t.Fatalf("example %v: a payload without a name", e.Pos)
			}
		}
	})
}
