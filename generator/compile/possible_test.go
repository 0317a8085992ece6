package compile

import (
	"reflect"
	"testing"
)

func TestPossibleValues(t *testing.T) {
	for _, c := range []struct {
		desc string
		want []string
	}{
		{"Possible values are Teal, Purple, Green, Blue, Pink, Orange or Red. Returned by default.", []string{"Teal", "Purple", "Green", "Blue", "Pink", "Orange", "Red"}},
		{"Possible values are: Private, Public, or Hiddenmembership.", []string{"Private", "Public", "Hiddenmembership"}},
		{"The possible values are: one, two, and three.", []string{"one", "two", "three"}},
		{"Possible values are on or off.", []string{"on", "off"}},
		{"Possible values are: standard - the members of the team; private - only some.", []string{"standard", "private"}},
		{"Possible values are: low (the default), high.", []string{"low", "high"}},
		{"Possible values are up to the caller.", nil},
		{"Possible values are a, b; see the list.", []string{"a", "b"}},
	} {
		if got := possibleValues(c.desc); !reflect.DeepEqual(got, c.want) {
			t.Errorf("possibleValues(%q) = %q, want %q", c.desc, got, c.want)
		}
	}
}
