package gengo

import (
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/generator/model"
)

// TestOperationsFollowRoots: with roots, the payload types and the table
// entries of the operations are those of the roots' namespaces whose types
// are all emitted.
func TestOperationsFollowRoots(t *testing.T) {
	for _, c := range []struct {
		roots      []string
		want, lack []string // payload types and operation IDs the output holds, or not
	}{
		{nil, []string{"SetMoodBody", "CountMembersResponse", `\"ID\":\"user-update\"`}, nil},
		{[]string{ns + "user"}, []string{"SetMoodBody", "GetPhonesBody", `\"ID\":\"directoryobject-list\"`}, nil},
		// The session is in another namespace: none of the operations is
		// its package's.
		{[]string{ns + "callRecords.session"}, nil, []string{"SetMoodBody", "GetPhonesBody", `\"ID\"`}},
		// The mailbox settings need no user: an operation on users has no
		// type for its response.
		{[]string{ns + "mailboxSettings"}, []string{"GetPhonesBody", `\"ID\":\"user-getphones\"`}, []string{"SetMoodBody", `\"ID\":\"user-setmood\"`}},
	} {
		res, err := Generate(showcaseModel(), Options{Package: "graph", Roots: c.roots})
		if err != nil {
			t.Fatal(err)
		}
		var all strings.Builder
		for _, f := range res.Files {
			all.Write(f.Data)
		}
		for _, w := range c.want {
			if !strings.Contains(all.String(), w) {
				t.Errorf("roots %v: no %s", c.roots, w)
			}
		}
		for _, l := range c.lack {
			if strings.Contains(all.String(), l) {
				t.Errorf("roots %v: %s should not be generated", c.roots, l)
			}
		}
	}
}

// TestGoTypeOfPrimitives: the operation table names the Go type of a
// primitive payload as a user of the package writes it, qualified types
// with their package name.
func TestGoTypeOfPrimitives(t *testing.T) {
	p := newPlan(showcaseModel(), Options{Package: "graph"})
	for edm, want := range map[string]string{
		model.EdmString:         "string",
		model.EdmBoolean:        "bool",
		model.EdmByte:           "uint8",
		model.EdmInt32:          "int32",
		model.EdmSingle:         "float32",
		model.EdmDouble:         "float64",
		model.EdmDecimal:        "Decimal",
		model.EdmDateTimeOffset: "time.Time",
		model.EdmDate:           "Date",
		model.EdmGuid:           "UUID",
		model.EdmBinary:         "Binary",
		model.EdmStream:         "Binary",
		model.EdmUntyped:        "json.RawMessage",
	} {
		if got, ok := p.goTypeOf(model.TypeRef{Name: edm}, true); !ok || got != want {
			t.Errorf("goTypeOf(%s) = %q, %v; want %q", edm, got, ok, want)
		}
	}
	if got, ok := p.goTypeOf(model.TypeRef{Name: "Edm.Nothing"}, true); ok {
		t.Errorf("goTypeOf(Edm.Nothing) = %q, want no type", got)
	}
}
