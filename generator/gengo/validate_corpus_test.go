package gengo

import (
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/generator/compile"
	"github.com/apidocgen/apidocgen/generator/genschema"
	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
	"github.com/apidocgen/apidocgen/input/inputtest"
)

func vhCorpusModel(t testing.TB, sub string) *model.Model {
	t.Helper()
	dir := inputtest.CorpusDir(t, sub)
	pages, err := input.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	return compile.Compile(pages)
}

// vhCorpusCases returns every example payload of m that has a model type,
// placeholders left out, with its vhMutations. Resource representations are
// also tried as create bodies (read-only properties removed).
func vhCorpusCases(t testing.TB, p *genschema.Plan, m *model.Model, mutate bool) []vhVcase {
	var cases []vhVcase
	n := 0
	for _, e := range m.Examples() {
		vals := p.ExampleValues(e)
		if len(vals) == 0 {
			continue
		}
		q := e.Type.Type.QualifiedName()
		mode := string(genschema.ExampleMode(e))
		for i, val := range vals {
			what := e.BodyPos.String()
			payload := vhPrune(val)
			n++
			if !mutate {
				cases = append(cases, vhVcase{Type: q, Mode: mode, Payload: vhMarshal(t, payload), what: what})
				continue
			}
			cases = append(cases, vhCasesFor(t, p, q, mode, payload, what, n+i)...)
			if o, ok := payload.(map[string]any); ok && e.Kind == model.ExampleResource {
				body := vhCopyObj(o)
				for _, pr := range vhAllProps(p, vhActualType(p, q, o)) {
					if pr.ReadOnly {
						delete(body, pr.Name)
					}
				}
				cases = append(cases, vhCasesFor(t, p, q, "create", body, what+" as create body", n+i)...)
				cases = append(cases, vhCasesFor(t, p, q, "update", body, what+" as update body", n+i+1)...)
			}
		}
	}
	return cases
}

func TestValidateCorpusDifferential(t *testing.T) {
	for _, sub := range []string{"seed-family", "graph-v1.0"} {
		t.Run(sub, func(t *testing.T) {
			m := vhCorpusModel(t, sub)
			p := genschema.NewPlan(m)
			v, err := genschema.NewValidator(p)
			if err != nil {
				t.Fatal(err)
			}
			// The whole package, structs included, so that this also
			// shows it compiles; the driver uses the JSON validators.
			r, err := Generate(m, Options{Package: "gen", Validators: true})
			if err != nil {
				t.Fatal(err)
			}
			bin := vhBuildDriver(t, r.Files)
			cases := vhCorpusCases(t, p, m, true)
			if len(cases) == 0 {
				t.Fatal("no example payloads with a model type")
			}
			disagree, schemaInvalid := vhDifferential(t, v, bin, cases)
			originals, mutants := 0, map[string]int{}
			for _, c := range cases {
				if c.mutation == "" {
					originals++
				} else {
					mutants[c.mutation]++
				}
			}
			var kinds []string
			for k, n := range mutants {
				kinds = append(kinds, k+"="+strconv.Itoa(n))
			}
			sort.Strings(kinds)
			t.Logf("%s: %d payloads checked (%d from examples, mutations %s), %d rejected by the schema, %d disagreements (verdict or blamed locations)",
				sub, len(cases), originals, strings.Join(kinds, " "), schemaInvalid, len(disagree))
			for i, d := range disagree {
				if i == 20 {
					t.Errorf("… and %d more disagreements", len(disagree)-20)
					break
				}
				t.Error(d)
			}
			// A mutation breaks a constraint by construction: both sides
			// must reject it (they agree, so checking the schema suffices).
			accepted := 0
			for _, c := range cases {
				if c.mutation == "" {
					continue
				}
				val, _ := vhDecodeAny(c.Payload)
				if v.Validate(c.Type, genschema.Mode(c.Mode), val) == nil {
					if accepted < 10 {
						t.Errorf("mutation accepted: %s: %s", c.what, vhTruncate(string(c.Payload), 300))
					}
					accepted++
				}
			}
			if accepted > 0 {
				t.Errorf("%d vhMutations accepted", accepted)
			}
		})
	}
}
