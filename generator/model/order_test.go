package model

import (
	"strings"
	"testing"
)

// TestQualifiedLess compares QualifiedLess with the order of the names it
// stands for, on every pair of a set of awkward names: no namespace, one
// namespace the prefix of another, a dot against letters, names longer
// than its buffers, the same name split differently.
func TestQualifiedLess(t *testing.T) {
	long := strings.Repeat("x", 200)
	types := []*Type{
		{Name: "user"},
		{Name: "a.b.c"},
		{Namespace: "a.b", Name: "c"},
		{Namespace: "a", Name: "b.c"},
		{Namespace: "microsoft.graph", Name: "user"},
		{Namespace: "microsoft.graph", Name: "User"},
		{Namespace: "microsoft.graph", Name: ""},
		{Namespace: "microsoft.graph.callRecords", Name: "session"},
		{Namespace: "microsoft.graphA", Name: "b"},
		{Namespace: "microsoft.graph-", Name: "b"},
		{Namespace: long, Name: "a"},
		{Namespace: long + "y", Name: long},
		{Namespace: "é", Name: "ü"},
	}
	for _, a := range types {
		for _, b := range types {
			if got, want := QualifiedLess(a, b), a.QualifiedName() < b.QualifiedName(); got != want {
				t.Errorf("QualifiedLess(%q, %q) = %v, want %v", a.QualifiedName(), b.QualifiedName(), got, want)
			}
		}
	}
	if n := testing.AllocsPerRun(100, func() { QualifiedLess(types[4], types[7]) }); n != 0 {
		t.Errorf("QualifiedLess allocates %v times per call", n)
	}
}
