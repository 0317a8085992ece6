package genschema_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/generator/genschema"
)

// violationLines writes violations one a line, sorted, for comparison.
func violationLines(vs []genschema.Violation) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = fmt.Sprintf("%d %q %q %q @%d", v.Kind, v.Pointer, v.Name, v.Message, v.Value.Offset)
	}
	sort.Strings(out)
	return out
}

// TestEvaluatorMatchesJSONSchema validates every example payload of the
// corpora with the plan evaluator and with jsonschema/v5 and requires the
// same violations (kind, pointer, property, message, position), and the
// same CheckExamples findings from both. Mutated payloads are compared by
// the gengo differential test (TestEvaluatorCorpusDifferential).
func TestEvaluatorMatchesJSONSchema(t *testing.T) {
	for _, sub := range []string{"seed-family", "graph-v1.0"} {
		t.Run(sub, func(t *testing.T) {
			m := corpusModel(t, sub)
			p := genschema.NewPlan(m)
			ev := genschema.NewEvaluator(p)
			v, err := genschema.NewValidator(p)
			if err != nil {
				t.Fatal(err)
			}
			payloads, invalid, disagree := 0, 0, 0
			for _, e := range m.Examples() {
				q := ""
				if e.Type.Type != nil {
					q = e.Type.Type.QualifiedName()
				}
				mode := genschema.ExampleMode(e)
				for _, val := range p.ExampleValues(e) {
					payloads++
					want := violationLines(v.ExampleViolations(q, mode, val))
					got := violationLines(ev.ExampleViolations(q, mode, val))
					if len(want) > 0 {
						invalid++
					}
					if strings.Join(want, "\n") != strings.Join(got, "\n") {
						disagree++
						if disagree <= 10 {
							t.Errorf("%s %s %s: %s\njsonschema:\n\t%s\nevaluator:\n\t%s", e.BodyPos, q, mode, truncate(string(val.Marshal()), 300),
								strings.Join(want, "\n\t"), strings.Join(got, "\n\t"))
						}
					}
				}
			}
			t.Logf("%s: %d payloads, %d with violations, %d disagreements", sub, payloads, invalid, disagree)
			if payloads == 0 {
				t.Fatal("no payloads")
			}
			if disagree > 0 {
				t.Errorf("%d disagreements", disagree)
			}
			fast, slow := genschema.CheckExamples(m), genschema.CheckExamplesJSONSchema(m)
			if len(fast) != len(slow) {
				t.Errorf("CheckExamples: %d findings, with jsonschema/v5 %d", len(fast), len(slow))
			}
			for i := 0; i < len(fast) && i < len(slow); i++ {
				if fast[i] != slow[i] {
					t.Errorf("finding %d: %v, with jsonschema/v5 %v", i, fast[i], slow[i])
					break
				}
			}
			t.Logf("%s: %d findings from both", sub, len(fast))
		})
	}
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
