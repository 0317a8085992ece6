package model

import (
	"fmt"
	"testing"
)

// TestPropertyMatchesAllProperties checks Property against the first match
// in AllProperties on chains of every length up to past its array, with a
// cycle and with names repeated along the chain.
func TestPropertyMatchesAllProperties(t *testing.T) {
	for depth := 1; depth <= 20; depth++ {
		types := make([]*Type, depth)
		for i := range types {
			types[i] = &Type{Name: fmt.Sprint("t", i), Properties: []*Property{{Name: "own" + fmt.Sprint(i)}, {Name: "shared"}, {Name: fmt.Sprint("p", i%3)}}}
			if i > 0 {
				types[i-1].Base = types[i]
			}
		}
		for _, cycle := range []bool{false, true} {
			if cycle {
				types[depth-1].Base = types[depth/2]
			}
			for _, ty := range types {
				for _, name := range []string{"shared", "p0", "p1", "p2", "own0", fmt.Sprint("own", depth-1), "none"} {
					if got, want := ty.Property(name), ty.propertyOf(ty.AllProperties(), name); got != want {
						t.Errorf("depth %d cycle %v %s.Property(%q) = %p, want %p", depth, cycle, ty.Name, name, got, want)
					}
				}
			}
		}
	}
}
