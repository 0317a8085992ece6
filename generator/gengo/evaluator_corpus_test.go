package gengo

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/generator/genschema"
	"github.com/apidocgen/apidocgen/input/jsonx"
	"github.com/santhosh-tekuri/jsonschema/v5"
)

// TestEvaluatorCorpusDifferential runs genschema's in-process plan
// evaluator (what CheckExamples uses) and jsonschema/v5 on the payloads and
// mutations of the differential harness (vhCorpusCases): same verdict, same
// blamed JSON pointers, and the same violations as CheckExamples reads them
// (kind, pointer, property, message).
func TestEvaluatorCorpusDifferential(t *testing.T) {
	for _, sub := range []string{"seed-family", "graph-v1.0"} {
		t.Run(sub, func(t *testing.T) {
			m := vhCorpusModel(t, sub)
			p := genschema.NewPlan(m)
			v, err := genschema.NewValidator(p)
			if err != nil {
				t.Fatal(err)
			}
			ev := genschema.NewEvaluator(p)
			cases := vhCorpusCases(t, p, m, true)
			if len(cases) == 0 {
				t.Fatal("no example payloads with a model type")
			}
			invalid, mutants, disagree := 0, 0, 0
			report := func(c vhVcase, format string, args ...any) {
				disagree++
				if disagree <= 20 {
					t.Errorf("%s: %s %s %s\n\t%s", c.what, c.Type, c.Mode, vhTruncate(string(c.Payload), 300), fmt.Sprintf(format, args...))
				}
			}
			for _, c := range cases {
				if c.mutation != "" {
					mutants++
				}
				val, err := vhDecodeAny(c.Payload)
				if err != nil {
					t.Fatalf("%s: %v", c.what, err)
				}
				root, _, serr := jsonx.Parse(c.Payload)
				if serr != nil {
					t.Fatalf("%s: %v", c.what, serr)
				}
				mode := genschema.Mode(c.Mode)
				verr := v.Validate(c.Type, mode, val)
				var ve *jsonschema.ValidationError
				if verr != nil && !errors.As(verr, &ve) {
					t.Fatalf("%s: schema: %v", c.what, verr)
				}
				got := ev.Validate(c.Type, mode, root)
				if (ve == nil) != (len(got) == 0) {
					report(c, "schema valid=%v evaluator valid=%v: %v", ve == nil, len(got) == 0, got)
					continue
				}
				if ve == nil {
					continue
				}
				invalid++
				gp := map[string]bool{}
				for _, g := range got {
					gp[g.Pointer] = true
				}
				if sp := vhSchemaPaths(ve); !vhSameSet(sp, gp) {
					report(c, "schema blames %v, evaluator blames %v", vhKeys(sp), vhKeys(gp))
					continue
				}
				want, have := evalLines(genschema.Violations(ve, root)), evalLines(ev.ExampleViolations(c.Type, mode, root))
				if want != have {
					report(c, "jsonschema/v5:\n\t%s\nevaluator:\n\t%s", want, have)
				}
			}
			t.Logf("%s: %d payloads (%d mutations), %d rejected, %d disagreements", sub, len(cases), mutants, invalid, disagree)
			if disagree > 0 {
				t.Errorf("%d disagreements", disagree)
			}
		})
	}
}

func evalLines(vs []genschema.Violation) string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = fmt.Sprintf("%d %q %q %q @%d", v.Kind, v.Pointer, v.Name, v.Message, v.Value.Offset)
	}
	sort.Strings(out)
	return strings.Join(out, "\n\t")
}
