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
