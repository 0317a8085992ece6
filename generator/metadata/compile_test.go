package metadata

import (
	"bytes"
	"encoding/json"
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input/csdl"
	"github.com/apidocgen/apidocgen/input/inputtest"
	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite golden files")

// dumpModel is the JSON of m as "apidocgen model" prints it.
func dumpModel(t testing.TB, m *model.Model) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestGolden compiles the metadata.xml of each testdata/compile/*.txtar
// archive and compares the model's JSON with its model.json. Run with
// -update to rewrite them.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "compile", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var src []byte
			for _, f := range ar.Files {
				if f.Name == "metadata.xml" {
					src = f.Data
				}
			}
			inputtest.Golden(t, file, "model.json", dumpModel(t, Compile(csdl.Parse("metadata.xml", src))), *update)
		})
	}
}

// TestEveryRule: each rule of the package is reported by a golden fixture
// of testdata/compile or by one of these small files (bad XML, another
// root, an unknown element and attribute), and none is reported on the
// fixture that is all constructs.
func TestEveryRule(t *testing.T) {
	seen := map[string]bool{}
	files, err := filepath.Glob(filepath.Join("testdata", "compile", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if f.Name != "metadata.xml" {
				continue
			}
			for _, d := range Compile(csdl.Parse("metadata.xml", f.Data)).Diagnostics {
				seen[d.Rule] = true
				if strings.HasSuffix(file, "constructs.txtar") {
					t.Errorf("constructs: %s", d)
				}
			}
		}
	}
	for _, src := range []string{
		`<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>`,
		`<feed/>`,
		`<edmx:Edmx Version="4.0" Sealed="true" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:Extra/></edmx:Edmx>`,
	} {
		for _, d := range Compile(csdl.Parse("m.xml", []byte(src))).Diagnostics {
			seen[d.Rule] = true
		}
	}
	for _, r := range Rules {
		if !seen[r.ID] {
			t.Errorf("no fixture reports %s", r.ID)
		}
	}
}
