package genschema_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/generator/genschema"
	"github.com/apidocgen/apidocgen/generator/genschema/schematest"
	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/output"
)

var update = flag.Bool("update", false, "rewrite golden files")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; rerun with -update and review the diff", name)
	}
}

func TestGoldenBundle(t *testing.T) {
	b, err := genschema.Bundle(schematest.Model(), genschema.Options{})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "fixture.bundle.json", b)
	if !bytes.HasSuffix(b, []byte("}\n")) || !strings.Contains(string(b), `"$comment": "`+genschema.Header+`"`) {
		t.Errorf("bundle lacks the header comment or trailing newline")
	}
}

func TestBundleDeterministic(t *testing.T) {
	a, _ := genschema.Bundle(schematest.Model(), genschema.Options{})
	m := schematest.Model()
	// Same types in another order: the plan sorts them again.
	for i, j := 0, len(m.Types)-1; i < j; i, j = i+1, j-1 {
		m.Types[i], m.Types[j] = m.Types[j], m.Types[i]
	}
	m.Index()
	b, _ := genschema.Bundle(m, genschema.Options{})
	if !bytes.Equal(a, b) {
		t.Fatal("bundle depends on type order")
	}
}

// TestEveryDefinitionCompiles compiles every definition of the bundle, in
// every mode, and every per-type file.
func TestEveryDefinitionCompiles(t *testing.T) {
	m := schematest.Model()
	p := genschema.NewPlan(m)
	v, err := genschema.NewValidator(p)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, tp := range p.Types {
		for _, mode := range genschema.Modes {
			if _, err := v.Schema(tp.Name, mode); err != nil {
				t.Errorf("%s %s: %v", tp.Name, mode, err)
			}
			n++
		}
	}
	for _, pg := range p.Pages {
		for _, mode := range genschema.Modes {
			if _, err := v.Schema(pg.Name, mode); err != nil {
				t.Errorf("%s %s: %v", pg.Name, mode, err)
			}
			n++
		}
	}
	if p.LookupPage("Collection("+schematest.W+")") == nil {
		t.Errorf("no page of %s", schematest.W)
	}
	fs, err := genschema.Files(m, genschema.Options{PerType: true, Dir: "schema"})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != len(p.Types)+len(p.Pages)+2 {
		t.Fatalf("got %d files, want %d", len(fs), len(p.Types)+len(p.Pages)+2)
	}
	c := genschema.NewCompiler()
	for _, f := range fs {
		var doc map[string]any
		if err := json.Unmarshal(f.Data, &doc); err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		id, _ := doc["$id"].(string)
		if err := c.AddResource(id, bytes.NewReader(f.Data)); err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
	}
	for _, f := range fs {
		var doc map[string]any
		_ = json.Unmarshal(f.Data, &doc)
		id := doc["$id"].(string)
		if _, err := c.Compile(id); err != nil {
			t.Errorf("%s: %v", f.Path, err)
		}
		defs, _ := doc["$defs"].(map[string]any)
		for k := range defs {
			if f.Path == "schema/bundle.json" {
				continue
			}
			if _, err := c.Compile(id + "#/$defs/" + k); err != nil {
				t.Errorf("%s#/$defs/%s: %v", f.Path, k, err)
			}
		}
	}
	golden(t, "fixture.widget.json", fileData(fs, "schema/test.api.widget.json"))
	golden(t, "fixture.widget-page.json", fileData(fs, "schema/Collection(test.api.widget).json"))
	t.Logf("compiled %d bundle definitions and %d per-type files", n, len(fs))
}

func fileData(fs output.Files, path string) []byte {
	for _, f := range fs {
		if f.Path == path {
			return f.Data
		}
	}
	return nil
}

func decode(t *testing.T, s string) any {
	t.Helper()
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatalf("bad payload %s: %v", s, err)
	}
	return v
}

// TestCases checks each constraint kind with a passing and a failing
// payload, both in the bundle and in the per-type files.
func TestCases(t *testing.T) {
	m := schematest.Model()
	p := genschema.NewPlan(m)
	v, err := genschema.NewValidator(p)
	if err != nil {
		t.Fatal(err)
	}
	fs, _ := genschema.Files(m, genschema.Options{PerType: true})
	c := genschema.NewCompiler()
	for _, f := range fs {
		var doc map[string]any
		_ = json.Unmarshal(f.Data, &doc)
		_ = c.AddResource(doc["$id"].(string), bytes.NewReader(f.Data))
	}
	bundle, err := genschema.Bundle(m, genschema.Options{})
	if err != nil {
		t.Fatal(err)
	}
	bc := genschema.NewCompiler()
	bundleID := genschema.BundleID(genschema.Options{})
	if err := bc.AddResource(bundleID, bytes.NewReader(bundle)); err != nil {
		t.Fatal(err)
	}
	for _, tc := range schematest.Cases {
		err := v.Validate(tc.Type, genschema.Mode(tc.Mode), decode(t, tc.Payload))
		if (err == nil) != tc.Valid {
			t.Errorf("validator, %s: %s %s %s: valid=%v, want %v (%v)", tc.Name, tc.Type, tc.Mode, tc.Payload, err == nil, tc.Valid, err)
		}
		bs, err := bc.Compile(bundleID + p.BundleRef(tc.Type, genschema.Mode(tc.Mode)))
		if err != nil {
			t.Fatal(err)
		}
		err = bs.Validate(decode(t, tc.Payload))
		if (err == nil) != tc.Valid {
			t.Errorf("bundle, %s: %s %s %s: valid=%v, want %v (%v)", tc.Name, tc.Type, tc.Mode, tc.Payload, err == nil, tc.Valid, err)
		}
		tp := p.Lookup(tc.Type)
		url := genschema.TypeID(tc.Type, genschema.Options{})
		switch {
		case tp == nil: // a page: one definition for every mode
		case tp.Kind == model.KindEnum:
		case tc.Mode == "read" && len(tp.Descendants) > 0:
			url += "#/$defs/polymorphic"
		case tc.Mode != "read" && len(tp.Descendants) > 0:
			url += "#/$defs/" + tc.Mode + genschema.PolySuffix
		case tc.Mode != "read":
			url += "#/$defs/" + tc.Mode
		}
		s, err := c.Compile(url)
		if err != nil {
			t.Fatalf("%s: %v", url, err)
		}
		err = s.Validate(decode(t, tc.Payload))
		if (err == nil) != tc.Valid {
			t.Errorf("per-type, %s: valid=%v, want %v (%v)", tc.Name, err == nil, tc.Valid, err)
		}
	}
}
