package genschema_test

import (
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/generator/genschema"
)

// TestCorpusCheckExamples runs CheckExamples on the corpora: findings are
// deterministic, use the declared rules, point inside the example bodies,
// (type placeholders are left alone: see TestCheckExamples).
func TestCorpusCheckExamples(t *testing.T) {
	for _, sub := range []string{"seed-family", "graph-v1.0"} {
		t.Run(sub, func(t *testing.T) {
			m := corpusModel(t, sub)
			ds := genschema.CheckExamples(m)
			again := genschema.CheckExamples(m)
			if len(ds) != len(again) {
				t.Fatalf("not deterministic: %d then %d findings", len(ds), len(again))
			}
			for i := range ds {
				if ds[i] != again[i] {
					t.Fatalf("not deterministic: %v then %v", ds[i], again[i])
				}
			}
			rules := map[string]bool{}
			for _, r := range genschema.Rules {
				rules[r.ID] = true
			}
			// Where example bodies are, by file.
			type span struct{ from, to int }
			bodies := map[string][]span{}
			checked := 0
			p := genschema.NewPlan(m)
			for _, e := range m.Examples() {
				if e.Body == "" {
					continue
				}
				if len(p.ExampleValues(e)) > 0 {
					checked++
				}
				bodies[e.BodyPos.File] = append(bodies[e.BodyPos.File], span{e.BodyPos.Line, e.BodyPos.Line + strings.Count(e.Body, "\n")})
			}
			byRule := map[string]int{}
			for _, d := range ds {
				byRule[d.Rule]++
				if !rules[d.Rule] {
					t.Errorf("%v: undeclared rule", d)
				}
				if d.Message == "" || d.Message != strings.TrimSuffix(d.Message, ".") {
					t.Errorf("%v: bad message", d)
				}
				inside := false
				for _, s := range bodies[d.Pos.File] {
					if d.Pos.Line >= s.from && d.Pos.Line <= s.to {
						inside = true
					}
				}
				if !inside {
					t.Errorf("%v: not inside an example body", d)
				}
			}
			var counts []string
			for r, n := range byRule {
				counts = append(counts, r+"="+strconv.Itoa(n))
			}
			sort.Strings(counts)
			t.Logf("%s: %d examples checked, %d findings (%s)", sub, checked, len(ds), strings.Join(counts, " "))
			for i, d := range ds {
				if i == 15 {
					break
				}
				t.Log(d)
			}
		})
	}
}
