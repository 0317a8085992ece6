package gengo

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/generator/gengo/internal/fixturegen"
	"github.com/apidocgen/apidocgen/generator/genschema/schematest"
	"github.com/apidocgen/apidocgen/output"
)

// fixtureDir holds the Go package generated from the validator fixture
// model (genschema/schematest), committed so that FuzzValidators can call
// its validators and decoders in process. TestGoldenFixturePackage keeps
// it fresh ("make golden" rewrites it).
const fixtureDir = "internal/fixturegen"

func TestGoldenFixturePackage(t *testing.T) {
	r, err := Generate(schematest.Model(), Options{Package: "fixturegen", Validators: true})
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if _, err := (output.Dir{Root: fixtureDir}).Write(r.Files); err != nil {
			t.Fatal(err)
		}
		return
	}
	rep, err := output.Check{Root: fixtureDir}.Run(r.Files)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Stale() {
		t.Errorf("%s is stale (run go test ./generator/gengo -run GoldenFixturePackage -update):\n%s", fixtureDir, vhFirstLines(rep.Diff(fixtureDir+"/"), 40))
	}
}

// fuzzTypes are the fixture's struct types, with a new value of each.
var fuzzTypes = []struct {
	name string
	new  func() any
}{
	{"test.api.widget", func() any { return new(fixturegen.TestAPIWidget) }},
	{"test.api.address", func() any { return new(fixturegen.TestAPIAddress) }},
	{"test.api.item", func() any { return new(fixturegen.TestAPIItem) }},
	{"test.api.note", func() any { return new(fixturegen.TestAPINote) }},
	{"test.api.task", func() any { return new(fixturegen.TestAPITask) }},
}

// FuzzValidators sends arbitrary bytes, as a payload of one of the
// fixture's types in one of the modes, through the generated validators
// (ValidateJSON) and the generated decoder (json.Unmarshal into the Go
// type). Neither may panic, and they must agree: a payload the validators
// accept decodes without error, and its re-encoding is accepted too.
func FuzzValidators(f *testing.F) {
	for _, c := range schematest.Cases {
		for i, ft := range fuzzTypes {
			if ft.name == c.Type {
				f.Add(uint8(i), uint8(0), []byte(c.Payload))
			}
		}
	}
	// Values the validators accept that the decoder once rejected, and
	// the reverse.
	for _, seed := range []string{
		`{"single": 1e39}`, `{"ratio": 1e400}`, `{"ratio": 1e-400}`, `{"count": 1e999999999}`, `{"count": 0e999999999}`,
		`{"count": 1.0}`, `{"count": 2.50e1}`, `{"big": -0.0}`, `{"small": 255.0}`,
		`{"created": "2016-12-31t23:59:60z"}`, `{"created": "2014-01-01T+1:00:00.1234567890123Z"}`, `{"opens": "07:30:00.12345678901234"}`,
		`{"ttl": "P1234567890123456789D"}`, `{"ttl": "PT1.1234567890123S"}`,
		`{"count": "x", "count": 2}`, `{"count": 2, "count": "x"}`, `{} }`,
		`{"created": "2016-12-31\u0074\u0032\u00333:59:60z"}`,
		`{"count": "x", "a": 1, "b": 1, "c": 1, "d": 1, "e": 1, "f": 1, "g": 1, "h": 1, "i": 1, "j": 1, "k": 1, "l": 1, "m": 1, "n": 1, "o": 1, "p": 1, "count": 2}`,
		`{"items": [{"@odata.type": "#test.api.note", "body": "x"}]}`,
	} {
		f.Add(uint8(0), uint8(0), []byte(seed))
	}
	f.Fuzz(func(t *testing.T, typ, mode uint8, data []byte) {
		ft := fuzzTypes[int(typ)%len(fuzzTypes)]
		m := fixturegen.ValidationMode(int(mode) % 3)
		verr := fixturegen.ValidateJSON(ft.name, m, data)
		var ve *fixturegen.ValidationError
		if verr != nil && !errors.As(verr, &ve) && json.Valid(data) {
			t.Fatalf("ValidateJSON(%s, %v) of valid JSON failed without violations: %v", ft.name, m, verr)
		}
		v := ft.new()
		derr := json.Unmarshal(data, v)
		if verr != nil || derr != nil && caseMismatchedODataType(data) {
			return // the one known difference: see MAPPING.md, "What the validators accept decodes"
		}
		if derr != nil {
			t.Fatalf("%s %v: the validators accept %s, but it does not decode: %v", ft.name, m, data, derr)
		}
		again, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("%s: re-encoding %s: %v", ft.name, data, err)
		}
		if err := fixturegen.ValidateJSON(ft.name, fixturegen.ReadMode, again); err != nil && m == fixturegen.ReadMode {
			t.Fatalf("%s: %s is valid, but its re-encoding %s is not: %v", ft.name, data, again, err)
		}
	})
}

// caseMismatchedODataType reports whether an "@odata.type" in the JSON
// data names a fixture type in another case than its own: the decoder
// then picks that type, while the validators check the declared one.
func caseMismatchedODataType(data []byte) bool {
	var v any
	if json.Unmarshal(data, &v) != nil {
		return false
	}
	var walk func(v any) bool
	walk = func(v any) bool {
		switch x := v.(type) {
		case map[string]any:
			if s, ok := x["@odata.type"].(string); ok {
				name := strings.TrimPrefix(s, "#")
				for _, ft := range fuzzTypes {
					if strings.EqualFold(name, ft.name) && name != ft.name {
						return true
					}
				}
			}
			for _, e := range x {
				if walk(e) {
					return true
				}
			}
		case []any:
			for _, e := range x {
				if walk(e) {
					return true
				}
			}
		}
		return false
	}
	return walk(v)
}
