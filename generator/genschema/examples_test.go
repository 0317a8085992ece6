package genschema_test

import (
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/generator/genschema"
	"github.com/apidocgen/apidocgen/generator/genschema/schematest"
	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
	"github.com/apidocgen/apidocgen/input/jsonx"
)

func example(t *testing.T, kind model.ExampleKind, typ *model.Type, coll bool, body string) *model.Example {
	t.Helper()
	v, fixes, serr := jsonx.Parse([]byte(body))
	if serr != nil {
		t.Fatalf("fixture body: %v", serr)
	}
	return &model.Example{
		Kind:    kind,
		Page:    "api/fixture.md",
		Type:    model.TypeRef{Name: typ.QualifiedName(), Type: typ, Collection: coll},
		Body:    body,
		BodyPos: input.Pos{File: "api/fixture.md", Line: 10, Col: 1},
		JSON:    v, JSONFixes: fixes,
	}
}

func TestCheckExamples(t *testing.T) {
	m := schematest.Model()
	w := m.Lookup(schematest.W)
	item := m.Lookup("test.api.item")
	create := &model.Operation{Kind: model.OpCreate, Page: "api/fixture.md"}
	req := example(t, model.ExampleRequest, w, false, "{\n  \"id\": \"0177548a-548a-0177-8a54-77018a547701\",\n  \"title\": \"String\"\n}")
	req.Op = create
	create.Examples = []*model.Example{req}
	m.Operations = []*model.Operation{create}
	w.Examples = []*model.Example{
		// Placeholders and a truncated body: no finding.
		example(t, model.ExampleResource, w, false, "{\n  \"created\": \"String (timestamp)\",\n  \"count\": 1024,\n  \"color\": \"red | green\",\n  \"home\": \"String\",\n  \"ratio\": 1024.13\n}"),
		// Two bad values, on lines 11 and 13.
		example(t, model.ExampleResource, w, false, "{\n  \"count\": \"ten\",\n  \"born\": \"2020-01-01\",\n  \"home\": {\"street\": \"far too long street\"},\n  \"color\": \"purple\", \"days\": \"@odata.type: test.api.day\"\n}"),
	}
	item.Examples = []*model.Example{
		// A collection response: the second element is a task with a bad date.
		example(t, model.ExampleResponse, item, true, "{\"value\": [\n {\"title\": \"a\"},\n {\"@odata.type\": \"#test.api.task\", \"due\": \"soon\"}\n]}"),
		// A single entity wrapped in "value".
		example(t, model.ExampleResponse, item, false, "{\"@odata.context\": \"x\", \"value\": {\"title\": \"abcdefgh\"}}"),
	}
	got := genschema.CheckExamples(m)
	var lines []string
	for _, d := range got {
		lines = append(lines, d.String())
	}
	want := []string{
		`api/fixture.md:10:1: info: request example of "test.api.widget" leaves out required property "color" [example-missing-required]`,
		`api/fixture.md:10:44: warning: response example of "test.api.item": value at "/title": length must be <= 5, but got 8 [example-invalid-value]`,
		`api/fixture.md:11:9: warning: request example of "test.api.widget" sets read-only property "id" [example-read-only-in-request]`,
		`api/fixture.md:11:12: warning: resource example of "test.api.widget": value at "/count": expected integer, but got string [example-invalid-value]`,
		`api/fixture.md:12:43: warning: response example of "test.api.item": value at "/due": 'soon' is not valid 'date' [example-invalid-value]`,
		`api/fixture.md:13:22: warning: resource example of "test.api.widget": value at "/home/street": length must be <= 10, but got 19 [example-invalid-value]`,
		`api/fixture.md:14:12: warning: resource example of "test.api.widget": value at "/color": "purple" is not a member of "test.api.color" [example-invalid-value]`,
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

func TestIsPlaceholder(t *testing.T) {
	for body, want := range map[string]bool{
		`"String (timestamp)"`:                    true,
		`"@odata.type: microsoft.graph.x"`:        true,
		`{"@odata.type": "Edm.Stream"}`:           true,
		`{"@odata.type": "#Edm.Binary"}`:          true,
		`{"@odata.type": "microsoft.graph.user"}`: false,
		`{"@odata.type": "Edm.Stream", "a": 1}`:   false,
		`"AAEC"`:                                  false,
	} {
		v, _, serr := jsonx.Parse([]byte(body))
		if serr != nil {
			t.Fatal(serr)
		}
		if got := genschema.IsPlaceholder(v); got != want {
			t.Errorf("IsPlaceholder(%s) = %v, want %v", body, got, want)
		}
	}
}
