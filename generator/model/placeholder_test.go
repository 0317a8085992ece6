package model

import (
	"testing"

	"github.com/apidocgen/apidocgen/input/jsonx"
)

func TestPlaceholder(t *testing.T) {
	cases := []struct {
		json string
		edm  string
		ok   bool
	}{
		{`"String"`, EdmString, true},
		{`"string (timestamp)"`, EdmDateTimeOffset, true},
		{`"String(timestamp)"`, EdmDateTimeOffset, true},
		{`"Integer"`, EdmInt32, true},
		{`"Guid"`, EdmGuid, true},
		{`"String (ISO 8601 duration)"`, EdmDuration, true},
		{`"<Unknown Primitive Type Edm.Stream>"`, EdmStream, true},
		{`"notStarted | running | completed"`, "", true},
		{`1024`, EdmInt32, true},
		{`1024.13`, EdmDouble, true},
		{`"Contoso"`, "", false},
		{`"a | b c"`, "", false},
		{`3`, "", false},
		{`true`, "", false},
		{`null`, "", false},
	}
	for _, c := range cases {
		v, _, err := jsonx.Parse([]byte(c.json))
		if err != nil {
			t.Fatalf("%s: %v", c.json, err)
		}
		edm, ok := Placeholder(v)
		if edm != c.edm || ok != c.ok {
			t.Errorf("Placeholder(%s) = %q, %v; want %q, %v", c.json, edm, ok, c.edm, c.ok)
		}
	}
}

func TestSortDiagnosticsDedup(t *testing.T) {
	a := Diagnostic{Pos: Pos{File: "b.md", Line: 2, Col: 1}, Rule: "x", Message: "m"}
	b := Diagnostic{Pos: Pos{File: "a.md", Line: 9, Col: 1}, Rule: "x", Message: "m"}
	got := SortDiagnostics([]Diagnostic{a, b, a})
	if len(got) != 2 || got[0] != b || got[1] != a {
		t.Errorf("got %v", got)
	}
}

func TestExampleLineOf(t *testing.T) {
	ex := &Example{Body: "{\n  \"a\": 1\n}", BodyPos: Pos{File: "f.md", Line: 10, Col: 3}}
	if p := ex.LineOf(0); p.Line != 10 || p.Col != 3 {
		t.Errorf("offset 0 -> %v", p)
	}
	if p := ex.LineOf(4); p.Line != 11 || p.Col != 3 {
		t.Errorf("offset 4 -> %v", p)
	}
}
