package textdist

import "testing"

func TestDistance(t *testing.T) {
	cases := []struct {
		a, b string
		d    int
	}{
		{"", "", 0}, {"abc", "", 3}, {"", "abc", 3}, {"kitten", "sitting", 3},
		{"classifcationErrorBase", "classificationErrorBase", 1}, {"truncate", "truncated", 1},
		{"flaw", "lawn", 2}, {"same", "same", 0},
	}
	for _, c := range cases {
		if got := Distance(c.a, c.b); got != c.d {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.d)
		}
		if got, _ := Within(c.a, c.b, c.d, nil); got != c.d {
			t.Errorf("Within(%q, %q, %d) = %d, want exact", c.a, c.b, c.d, got)
		}
		if c.d > 0 {
			if got, _ := Within(c.a, c.b, c.d-1, nil); got <= c.d-1 {
				t.Errorf("Within(%q, %q, %d) = %d, want above the limit", c.a, c.b, c.d-1, got)
			}
		}
	}
}
