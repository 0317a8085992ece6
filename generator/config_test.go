package generator

import (
	"errors"
	"reflect"
	"testing"
)

func TestParseConfigFull(t *testing.T) {
	src := `# every key
docs: [docs, more/docs]
go:
  dir: ./gen/
  package: library
  validators: false
  importPath: example.com/lib/gen
  partTypes: 100
  namespaces:
    microsoft.graph.lending: lending
schema:
  file: gen/schema.json
  baseURL: https://example.com/schema/
roots:
  - shelf
  - microsoft.graph.book
overrides:
  types:
    microsoft.graph.book:
      name: Volume
  properties:
    microsoft.graph.book.pages:
      name: PageCount
      type: int64
lint:            # read by apidocgen lint -config, ignored here
  rules:
    orphan-page: off
`
	cfg, err := ParseConfig("apidocgen.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := &Config{
		Docs:          []string{"docs", "more/docs"},
		GoDir:         "gen",
		Package:       "library",
		NoValidators:  true,
		GoImportPath:  "example.com/lib/gen",
		GoPartTypes:   100,
		Namespaces:    map[string]string{"microsoft.graph.lending": "lending"},
		Roots:         []string{"shelf", "microsoft.graph.book"},
		Types:         map[string]TypeOverride{"microsoft.graph.book": {Name: "Volume"}},
		Properties:    map[string]PropertyOverride{"microsoft.graph.book.pages": {Name: "PageCount", GoType: "int64"}},
		Schema:        "gen/schema.json",
		SchemaBaseURL: "https://example.com/schema/",
	}
	if !reflect.DeepEqual(cfg, want) {
		t.Errorf("got  %+v\nwant %+v", cfg, want)
	}
	one, err := ParseConfig("c.yaml", []byte("docs: docs\n"))
	if err != nil || !reflect.DeepEqual(one.Docs, []string{"docs"}) {
		t.Errorf("single docs string: %+v %v", one, err)
	}
	for _, empty := range []string{"", "# nothing\n", "~\n"} {
		if cfg, err := ParseConfig("c.yaml", []byte(empty)); err != nil || !reflect.DeepEqual(cfg, &Config{}) {
			t.Errorf("%q: %+v %v", empty, cfg, err)
		}
	}
}

func TestParseConfigErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"docs: d\nfoo: 1\n", `c.yaml:2:1: unknown key "foo" (known keys: docs, go, lint, metadata, overrides, roots, schema)`},
		{"go:\n  dir: x\n  pakage: y\n", `c.yaml:3:3: unknown key "pakage" in go (known keys: dir, importPath, namespaces, package, partTypes, validators)`},
		{"overrides:\n  types:\n    a.b:\n      nam: X\n", `c.yaml:4:7: unknown key "nam" in overrides.types.a.b (known keys: name)`},
		{"overrides:\n  properties:\n    nodot: {name: X}\n", `c.yaml:3:5: property override "nodot": want <qualified type name>.<property>`},
		{"overrides:\n  properties:\n    a.b: {type: [x]}\n", `c.yaml:3:17: overrides.properties.a.b.type: want a string, got a list`},
		{"overrides:\n  properties:\n    a.b: {type: \"map[[int\"}\n", `c.yaml:3:17: overrides.properties.a.b.type: "map[[int" is not a Go type apidocgen can use: write a builtin (string, int64, ...), an exported generated type name, or import/path.Name, optionally after [], * or map[string]`},
		{"overrides:\n  properties:\n    a.b: {name: lower}\n", `c.yaml:3:17: overrides.properties.a.b.name: "lower" is not exported (start it with an upper-case letter)`},
		{"overrides:\n  types:\n    a.b: {name: func}\n", `c.yaml:3:17: overrides.types.a.b.name: "func" is not a valid Go identifier`},
		{"go:\n  package: main\n", `c.yaml:2:12: go.package: "main" is a command, which no other package can import; choose another name`},
		{"go:\n  package: type\n", `c.yaml:2:12: go.package: "type" is not a valid Go identifier`},
		{"go:\n  namespaces: {microsoft.graph.x: main}\n", `c.yaml:2:35: go.namespaces.microsoft.graph.x: "main" is a command, which no other package can import; choose another name`},
		{"go:\n  importPath: \"not a path!\"\n", `c.yaml:2:15: go.importPath: "not a path!" is not a valid import path (' ' is not allowed in one)`},
		{"go:\n  importPath: example.com//x\n", `c.yaml:2:15: go.importPath: "example.com//x" is not a valid import path (an element is empty, ".", ".." or starts with "-")`},
		{"roots: {a: b}\n", `c.yaml:1:8: roots: want a string or a list of strings, got a mapping`},
		{"go:\n  package: 9lives\n", `c.yaml:2:12: go.package: "9lives" is not a valid Go identifier`},
		{"go:\n  dir: a\\b\n", `c.yaml:2:8: go.dir: use forward slashes in "a\\b"`},
		{"go:\n  validators: maybe\n", `c.yaml:2:15: go.validators: want true or false, got a scalar`},
		{"go:\n  partTypes: many\n", `c.yaml:2:14: go.partTypes: want a whole number, got a scalar`},
		{"- a\n- b\n", `c.yaml:1:1: the configuration: want a mapping, got a list`},
		{"docs: d\ndocs: e\n", `c.yaml:2:1: duplicate key "docs"`},
		{"docs: [a\n", `c.yaml:1:1: did not find expected ',' or ']'`},
	} {
		_, err := ParseConfig("c.yaml", []byte(tc.src))
		var ce *ConfigError
		if !errors.As(err, &ce) {
			t.Errorf("%q: err = %v, want a ConfigError", tc.src, err)
			continue
		}
		if err.Error() != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.src, err, tc.want)
		}
	}
}
