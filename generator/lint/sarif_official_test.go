package lint

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/apidocgen/apidocgen/generator/model"

	// The OASIS SARIF 2.1.0 schema (errata01) ships inside this module as
	// a Go string constant. It is imported only so that the module is
	// downloaded with the test dependencies; the test reads the schema
	// from the module's source in the module cache, so no copy of it
	// lives in this repository.
	_ "github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
)

const (
	sarifSchemaModule = "github.com/owenrumney/go-sarif/v3"
	sarifSchemaFile   = "pkg/report/v210/sarif/schema.go"
	sarifSchemaConst  = "schema"
)

// officialSARIFSchema compiles the official SARIF 2.1.0 JSON schema (a
// draft-04 schema) with jsonschema/v5, format assertions on.
func officialSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", sarifSchemaModule).Output()
	if err != nil {
		t.Fatalf("locating %s in the module cache: %v", sarifSchemaModule, err)
	}
	dir := strings.TrimSpace(string(out))
	if dir == "" {
		t.Fatalf("%s has no directory in the module cache (run go mod download)", sarifSchemaModule)
	}
	src := filepath.Join(dir, filepath.FromSlash(sarifSchemaFile))
	f, err := parser.ParseFile(token.NewFileSet(), src, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var text string
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			vs := s.(*ast.ValueSpec)
			for i, n := range vs.Names {
				if n.Name != sarifSchemaConst || i >= len(vs.Values) {
					continue
				}
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					t.Fatalf("%s: const %s is not a string literal", src, sarifSchemaConst)
				}
				if text, err = strconv.Unquote(lit.Value); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	if text == "" {
		t.Fatalf("%s: no const %s", src, sarifSchemaConst)
	}
	var doc struct {
		Schema string `json:"$schema"`
		ID     string `json:"id"`
		Title  string `json:"title"`
	}
	if err := json.Unmarshal([]byte(text), &doc); err != nil {
		t.Fatalf("%s: schema is not JSON: %v", src, err)
	}
	if !strings.Contains(doc.Title, "SARIF") || !strings.Contains(doc.ID, "sarif-schema-2.1.0.json") {
		t.Fatalf("%s: not the SARIF 2.1.0 schema (title %q, id %q)", src, doc.Title, doc.ID)
	}
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft4
	c.AssertFormat = true
	if err := c.AddResource(doc.ID, strings.NewReader(text)); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile(doc.ID)
	if err != nil {
		t.Fatalf("compiling the SARIF 2.1.0 schema: %v", err)
	}
	return schema
}

// validateSARIF writes ds as sarif, validates it against schema and
// returns the bytes written.
func validateSARIF(t *testing.T, schema *jsonschema.Schema, ds []model.Diagnostic, prefix string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, "sarif", ds, ReportOptions{Prefix: prefix}); err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(b.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(v); err != nil {
		out := b.String()
		if len(out) > 4000 {
			out = out[:4000] + "..."
		}
		t.Errorf("SARIF output (%d findings, prefix %q) does not validate against the official SARIF 2.1.0 schema: %v\n%s", len(ds), prefix, err, out)
	}
	return b.Bytes()
}

// TestSARIFOfficialSchema checks that the official OASIS SARIF 2.1.0
// schema rejects broken logs (so TestSARIFValidates cannot pass
// vacuously), and validates the sarif output of every finding on
// seed-family and graph-v1.0 when the corpus is present.
func TestSARIFOfficialSchema(t *testing.T) {
	schema := officialSARIFSchema(t)

	// The schema is not vacuous: each of these breaks one of its rules.
	for name, bad := range map[string]string{
		"no version":          `{"runs": []}`,
		"wrong version":       `{"version": "2.0.0", "runs": []}`,
		"unknown level":       `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "level": "fatal"}]}]}`,
		"result with no text": `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {}}]}]}`,
		"negative line":       `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "locations": [{"physicalLocation": {"region": {"startLine": 0}}}]}]}]}`,
	} {
		var v any
		if err := json.Unmarshal([]byte(bad), &v); err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(v); err == nil {
			t.Errorf("official schema accepts a log with %s", name)
		}
	}

	for _, name := range []string{"seed-family", "graph-v1.0"} {
		t.Run(name, func(t *testing.T) {
			ds := lintCorpus(t, name, Options{})
			if len(ds) == 0 {
				t.Fatal("no findings")
			}
			validateSARIF(t, schema, ds, "")
			t.Logf("%s: %d findings validate against the SARIF 2.1.0 schema", name, len(ds))
		})
	}
}
