package jsonx

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// ParseString and ParseSource slice their text instead of copying; the
// trees, fixes and errors must be those of Parse.
func TestParseStringAgreesWithParse(t *testing.T) {
	inputs := []string{
		`{"a": 1, "b": [true, null, "x\"y"], 'c': 'd', e: 0001, "f": "line
break"}`,
		`[1, 2,]`, `{"a": "é\u00e9", "b": {"c": [{}]}}`, `"unterminated`, `{a: 1} trailing`, `…`, ``, `  `,
		`{"@odata.type": "microsoft.graph.user", "id": "1", ...}`, `{"a": -1.5e3, "b": 1e}`,
	}
	r := rand.New(rand.NewSource(2))
	pieces := []string{"{", "}", "[", "]", ",", ":", `"k"`, `'v'`, "1", "-0.5", "true", "null", " ", "\n", `\"`, `"\u00e9"`, "x", "..."}
	for range 3000 {
		var b strings.Builder
		for n := r.Intn(12); n >= 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		inputs = append(inputs, b.String())
	}
	for _, s := range inputs {
		v1, f1, e1 := Parse([]byte(s))
		v2, f2, e2 := ParseString(s)
		v3, f3, e3 := ParseSource([]byte(s), s)
		if !reflect.DeepEqual(v1, v2) || !reflect.DeepEqual(f1, f2) || !reflect.DeepEqual(e1, e2) {
			t.Errorf("ParseString(%q) differs from Parse", s)
		}
		if !reflect.DeepEqual(v1, v3) || !reflect.DeepEqual(f1, f3) || !reflect.DeepEqual(e1, e3) {
			t.Errorf("ParseSource(%q) differs from Parse", s)
		}
	}
}
