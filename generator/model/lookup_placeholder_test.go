package model

import "testing"

// TestLookupPlaceholder checks the allocation-free lookup against the
// placeholderKey map lookup it replaces.
func TestLookupPlaceholder(t *testing.T) {
	inputs := []string{"", "String", " string ", "String (timestamp)", "STRING\t(Timestamp)", "Edm.String", "<Unknown Primitive Type Edm.Stream>",
		"Int32", "int 32", "x", "Boolean\n", "string\u00a0(guid)", "Strİng", "\u212Aelvin", "Single\v", "Guid\f", "string(url)x",
		"a very long string that is no placeholder at all but has String in it", "<unknownprimitivetypeedm.stream>x", "d a t e",
	}
	for k := range placeholders {
		inputs = append(inputs, k, " "+k+" ")
	}
	for _, s := range inputs {
		we, wok := placeholders[placeholderKey(s)]
		if e, ok := lookupPlaceholder(s); e != we || ok != wok {
			t.Errorf("lookupPlaceholder(%q) = %q, %v; want %q, %v", s, e, ok, we, wok)
		}
	}
}
