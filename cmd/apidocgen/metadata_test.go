package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// goodMetadata is a small valid CSDL file.
const goodMetadata = `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="entity" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="basket" BaseType="graph.entity">
        <Property Name="label" Type="Edm.String" />
      </EntityType>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`

// badMetadata are metadata files with the exit code "apidocgen model
// -metadata" gives for them: 2 when the file is not CSDL at all, 1 when it
// is CSDL with errors.
var badMetadata = []struct {
	name, src string
	code      int
	want      string // in stderr
}{
	{"truncated", goodMetadata[:300], exitFound, "csdl-xml-invalid"},
	{"not-xml", `{"$Version": "4.01"}`, exitError, "not XML"},
	{"wrong-root", `<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>`, exitError, "csdl-root-invalid"},
	{"unknown-type", strings.Replace(goodMetadata, `Type="Edm.String" />
      </EntityType>
    </Schema>`, `Type="graph.label" />
      </EntityType>
    </Schema>`, 1), exitFound, "csdl-unknown-type"},
	{"cycle", strings.Replace(goodMetadata, `<EntityType Name="entity" Abstract="true">`, `<EntityType Name="entity" Abstract="true" BaseType="graph.basket">`, 1), exitFound, "csdl-inheritance-cycle"},
}

func writeFile(t *testing.T, dir, name, data string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestModelMetadata(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, dir, "meta.xml", goodMetadata)
	var out, errb bytes.Buffer
	if code := run([]string{"model", "-metadata", file}, nil, &out, &errb); code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, errb.String())
	}
	for _, want := range []string{`"name": "basket"`, `"base": "microsoft.graph.entity"`, `"baseFrom": "metadata"`, `"line": 8`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("model lacks %s:\n%s", want, out.String())
		}
	}
	if code := run([]string{"model", "-metadata", file, dir}, nil, &out, &errb); code != exitError {
		t.Errorf("-metadata with a docs folder: exit %d, want %d", code, exitError)
	}
	if code := run([]string{"model", "-metadata", filepath.Join(dir, "nosuch.xml")}, nil, &out, &errb); code != exitError {
		t.Errorf("missing file: exit %d, want %d", code, exitError)
	}
}

func TestModelBadMetadata(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range badMetadata {
		t.Run(tc.name, func(t *testing.T) {
			file := writeFile(t, dir, tc.name+".xml", tc.src)
			var out, errb bytes.Buffer
			code := run([]string{"model", "-metadata", file}, nil, &out, &errb)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.code, errb.String())
			}
			if !strings.Contains(errb.String(), tc.want) || !strings.Contains(errb.String(), tc.name+".xml:") {
				t.Errorf("stderr lacks a positioned %q:\n%s", tc.want, errb.String())
			}
		})
	}
}

const front = "---\ntitle: t\ndescription: d\nauthor: a\nlocalization_priority: Normal\nms.prod: p\ndoc_type: resourcePageType\n---\n\n"

// agreeingDocs is a docs tree that agrees with goodMetadata (the basket
// page links to entity; the entity page to basket).
var agreeingDocs = map[string]string{
	"resources/entity.md": front + "# entity resource type\n\nNamespace: microsoft.graph\n\nThe root.\n\n## Properties\n| Property | Type | Description |\n|:--|:--|:--|\n| id | String | Key. Not nullable. Read-only. |\n\nSee [basket](basket.md).\n\n" +
		"## JSON representation\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.entity\", \"keyProperty\": \"id\", \"abstract\": true } -->\n```json\n{ \"id\": \"String\" }\n```\n",
	"resources/basket.md": front + "# basket resource type\n\nNamespace: microsoft.graph\n\nA basket. Inherits from [entity](entity.md).\n\n## Properties\n| Property | Type | Description |\n|:--|:--|:--|\n| label | String | The label. |\n\n" +
		"## JSON representation\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.basket\" } -->\n```json\n{ \"label\": \"String\" }\n```\n",
}

func writeDocs(t *testing.T, dir string, pages map[string]string) string {
	t.Helper()
	docs := filepath.Join(dir, "docs")
	for name, src := range pages {
		writeFile(t, docs, name, src)
	}
	return docs
}

func TestLintMetadata(t *testing.T) {
	dir := t.TempDir()
	docs := writeDocs(t, dir, agreeingDocs)
	meta := writeFile(t, dir, "meta.xml", goodMetadata)
	summary := filepath.Join(dir, "agreement.json")
	var out, errb bytes.Buffer
	code := run([]string{"lint", "-metadata", meta, "-summary", summary, docs}, nil, &out, &errb)
	if strings.Contains(out.String(), "metadata-") || strings.Contains(out.String(), "csdl-") {
		t.Errorf("agreeing docs and metadata give cross-check findings:\n%s", out.String())
	}
	if code != exitOK {
		t.Errorf("exit %d; stdout:\n%s\nstderr:\n%s", code, out.String(), errb.String())
	}
	data, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"id": "base-types"`) || !strings.Contains(string(data), `"agree": 1`) {
		t.Errorf("summary:\n%s", data)
	}

	// A disagreement: the docs add a property the metadata lacks. The
	// metadata's path is relative to the docs folder, like the pages'.
	bad := map[string]string{}
	for k, v := range agreeingDocs {
		bad[k] = v
	}
	bad["resources/basket.md"] = strings.Replace(bad["resources/basket.md"], "| label | String | The label. |", "| label | String | The label. |\n| colour | String | Misspelt. |", 1)
	docs2 := writeDocs(t, filepath.Join(dir, "two"), bad)
	out.Reset()
	errb.Reset()
	code = run([]string{"lint", "-metadata", meta, "-summary", "-", docs2}, nil, &out, &errb)
	if code != exitFound || !strings.Contains(out.String(), "resources/basket.md:20:1: error: \"colour\" is not a property of \"microsoft.graph.basket\" in the metadata [metadata-property-unknown]") {
		t.Errorf("exit %d, want %d and a metadata-property-unknown finding on the row:\n%s", code, exitFound, out.String())
	}
	if !strings.Contains(errb.String(), "property precision") {
		t.Errorf("-summary - writes no text summary to stderr:\n%s", errb.String())
	}

	// The metadata: key of the lint configuration, relative to the file.
	writeFile(t, docs2, ".apidocgen-lint.yaml", "metadata:\n  file: ../../meta.xml\n  types: [entity]\n")
	out.Reset()
	if code := run([]string{"lint", docs2}, nil, &out, &errb); code != exitFound || !strings.Contains(out.String(), "metadata-property-unknown") {
		t.Errorf("metadata from the configuration: exit %d:\n%s", code, out.String())
	}
	if code := run([]string{"lint", "-summary", "-", docs}, nil, &out, &errb); code != exitError {
		t.Errorf("-summary without metadata: exit %d, want %d", code, exitError)
	}
}

// TestLintBadMetadata: a file that is not CSDL stops lint with exit
// code 2; CSDL with errors gives positioned error findings (exit 1).
func TestLintBadMetadata(t *testing.T) {
	dir := t.TempDir()
	docs := writeDocs(t, dir, agreeingDocs)
	for _, tc := range badMetadata {
		t.Run(tc.name, func(t *testing.T) {
			file := writeFile(t, dir, tc.name+".xml", tc.src)
			var out, errb bytes.Buffer
			code := run([]string{"lint", "-metadata", file, docs}, nil, &out, &errb)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stdout:\n%s\nstderr:\n%s", code, tc.code, out.String(), errb.String())
			}
			if both := out.String() + errb.String(); !strings.Contains(both, tc.want) || !strings.Contains(both, "../"+tc.name+".xml:") {
				t.Errorf("no positioned %q:\n%s", tc.want, both)
			}
			// What the metadata cannot say is not held against the docs.
			if strings.Contains(out.String(), "metadata-property-type-mismatch") {
				t.Errorf("a type the metadata does not resolve is compared:\n%s", out.String())
			}
		})
	}
}

// TestGenerateMetadata generates Go and JSON Schema from metadata alone,
// with the flag and with the configuration key.
func TestGenerateMetadata(t *testing.T) {
	dir := t.TempDir()
	meta := writeFile(t, dir, "api/meta.xml", goodMetadata)
	out := filepath.Join(dir, "out")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"generate", "-metadata", meta, "-go", out, "-schema", filepath.Join(out, "schema.json")}, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr.String())
	}
	src, err := os.ReadFile(filepath.Join(out, "graph.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), "type Basket struct") || !strings.Contains(stderr.String(), "metadata ") {
		t.Errorf("no Basket struct, or no metadata in the summary:\n%s", stderr.String())
	}
	schema, err := os.ReadFile(filepath.Join(out, "schema.json"))
	if err != nil || !strings.Contains(string(schema), `"microsoft.graph.basket"`) {
		t.Errorf("schema: %v\n%s", err, schema)
	}
	// The configuration key, relative to the file; docs and metadata
	// together are refused.
	cfg := writeFile(t, dir, "apidocgen.yaml", "metadata: api/meta.xml\ngo:\n  dir: out2\n")
	if code := run([]string{"generate", "-config", cfg}, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("config: exit %d:\n%s", code, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "out2", "graph.go")); err != nil {
		t.Error(err)
	}
	both := writeFile(t, dir, "both.yaml", "metadata: api/meta.xml\ndocs: api\ngo:\n  dir: out3\n")
	if code := run([]string{"generate", "-config", both}, nil, &stdout, &stderr); code != exitError {
		t.Errorf("docs and metadata: exit %d, want %d", code, exitError)
	}
}

// TestGenerateBadMetadata: nothing is written from bad metadata; exit 2
// when it is not CSDL, 1 when it has errors.
func TestGenerateBadMetadata(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range badMetadata {
		t.Run(tc.name, func(t *testing.T) {
			file := writeFile(t, dir, tc.name+".xml", tc.src)
			out := filepath.Join(dir, "out-"+tc.name)
			var stdout, stderr bytes.Buffer
			code := run([]string{"generate", "-metadata", file, "-go", out}, nil, &stdout, &stderr)
			if code != tc.code {
				t.Errorf("exit %d, want %d:\n%s", code, tc.code, stderr.String())
			}
			if !strings.Contains(stderr.String(), tc.want) || !strings.Contains(stderr.String(), tc.name+".xml:") {
				t.Errorf("no positioned %q:\n%s", tc.want, stderr.String())
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("output written from bad metadata: %v", err)
			}
		})
	}
}
