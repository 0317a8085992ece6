package jsonx

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"testing"
)

// FuzzParse checks, on any input: no panic; strict parsing agrees with
// encoding/json.Valid (valid input parses with no fixes and no error to the
// same value; invalid input gives a fix or an error); every offset is in
// bounds; Marshal writes valid JSON that reparses strictly to itself; every
// value can be found again by its JSON pointer; valid input written in the
// styles of renderLenient reads back to the same value with only the fixes
// of those styles; ParseString gives what Parse gives.
func FuzzParse(f *testing.F) {
	for _, s := range strictCases {
		f.Add([]byte(s))
	}
	for _, tc := range fixCases {
		f.Add([]byte(tc.src))
	}
	f.Add([]byte(benchDoc))
	f.Add([]byte(benchLenientDoc))
	f.Fuzz(func(t *testing.T, src []byte) {
		checkAgainstEncodingJSON(t, src)
		v, fx, e := Parse(src)
		if v2, fx2, e2 := ParseString(string(src)); !reflect.DeepEqual(v, v2) || !reflect.DeepEqual(fx, fx2) || !reflect.DeepEqual(e, e2) {
			t.Fatalf("ParseString(%q) differs from Parse", src)
		}
		if v == nil {
			return
		}
		out := v.Marshal()
		v2, fixes, err := Parse(out)
		if err != nil || len(fixes) != 0 {
			t.Fatalf("Parse(%q).Marshal() = %q does not reparse strictly: %v %v", src, out, fixes, err)
		}
		if out2 := v2.Marshal(); !bytes.Equal(out, out2) {
			t.Fatalf("Marshal not stable: %q then %q", out, out2)
		}
		if _, err := json.Marshal(v.Interface()); err != nil {
			t.Fatalf("Interface of %q does not marshal: %v", src, err)
		}
		checkPointers(t, v, nil)
		if json.Valid(src) {
			checkLenientStyles(t, src, v, true)
		}
	})
}

// checkPointers asserts that Lookup(Pointer(path...)) finds each value of
// v, for paths without duplicated keys (Lookup names the last duplicate).
func checkPointers(t *testing.T, root *Value, path []string) {
	t.Helper()
	var walk func(v *Value, path []string, dup bool)
	walk = func(v *Value, path []string, dup bool) {
		if !dup {
			if got := root.Lookup(Pointer(path...)); got != v {
				t.Fatalf("Lookup(%q) did not find the value at that path", Pointer(path...))
			}
		}
		for i, e := range v.Elems {
			walk(e, append(path[:len(path):len(path)], strconv.Itoa(i)), dup)
		}
		for i, m := range v.Members {
			d := dup
			for _, o := range v.Members[i+1:] {
				if o.Key == m.Key {
					d = true
				}
			}
			walk(m.Value, append(path[:len(path):len(path)], m.Key), d)
		}
	}
	walk(root, path, false)
}
