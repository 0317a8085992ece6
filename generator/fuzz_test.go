package generator

import (
	"errors"
	"os"
	"reflect"
	"testing"

	"github.com/apidocgen/apidocgen/generator/gengo"
)

// FuzzParseConfig reads arbitrary bytes as apidocgen.yaml: ParseConfig must
// not panic, must fail only with a *ConfigError, must give the same result
// twice, and a configuration it accepts must hold only names and types the
// generator can use.
func FuzzParseConfig(f *testing.F) {
	for _, seed := range []string{
		"docs: docs\ngo:\n  dir: out\n  package: shop\n  importPath: example.com/shop\n  namespaces: {microsoft.graph.x: x}\nschema:\n  file: out/schema.json\n",
		"overrides:\n  types:\n    a.b: {name: B}\n  properties:\n    a.b.c: {name: C, type: \"[]*time.Time\"}\n",
		"roots: [user, microsoft.graph.group]\ngo: {partTypes: -1, validators: false}\n",
		"docs: [a, b]\nlint:\n  rules: {x: off}\n",
		"go:\n  package: main\n", "- a\n", "docs: [a\n", "&a x: *a\n", "{docs: d, docs: e}\n",
	} {
		f.Add([]byte(seed))
	}
	if data, err := os.ReadFile("../examples/apidocgen.yaml"); err == nil {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := ParseConfig("c.yaml", data)
		again, err2 := ParseConfig("c.yaml", data)
		if !reflect.DeepEqual(cfg, again) || (err == nil) != (err2 == nil) || err != nil && err.Error() != err2.Error() {
			t.Fatalf("two reads differ: %v / %v", err, err2)
		}
		if err != nil {
			var ce *ConfigError
			if !errors.As(err, &ce) || ce.Line < 0 || ce.Col < 0 || ce.Msg == "" {
				t.Fatalf("not a positioned configuration error: %#v", err)
			}
			return
		}
		if cfg.Package != "" && CheckPackageName(cfg.Package) != "" {
			t.Fatalf("accepted package %q", cfg.Package)
		}
		for ns, pkg := range cfg.Namespaces {
			if CheckPackageName(pkg) != "" {
				t.Fatalf("accepted package %q for %q", pkg, ns)
			}
		}
		if cfg.GoImportPath != "" && CheckImportPath(cfg.GoImportPath) != "" {
			t.Fatalf("accepted import path %q", cfg.GoImportPath)
		}
		for k, p := range cfg.Properties {
			if p.GoType != "" && !gengo.ValidOverrideType(p.GoType) {
				t.Fatalf("accepted type %q for %q", p.GoType, k)
			}
		}
	})
}
