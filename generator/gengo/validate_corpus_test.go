package gengo

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
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

// vhPayloadCases returns the whole body of every request and response
// example whose operation's payload has a type (package payload), under
// the payload's name, placeholders left out, with mutations: bodies of
// actions in create mode, other requests in their example's mode, pages
// and responses in read mode.
func vhPayloadCases(t testing.TB, p *genschema.Plan, m *model.Model) []vhVcase {
	var cases []vhVcase
	n := 0
	for _, op := range m.Operations {
		for _, e := range op.Examples {
			r, ok := p.Payloads.Example(e)
			if !ok || e.JSON == nil {
				continue
			}
			mode := string(genschema.ExampleMode(e))
			if e.Kind == model.ExampleRequest && p.Payloads.Synthesized(r.Type.Type) != nil {
				mode = "create"
			}
			n++
			what := e.BodyPos.String() + " as " + r.Name()
			payload := vhPrune(e.JSON)
			if pg := p.LookupPage(r.Name()); pg != nil {
				cases = append(cases, vhPageCases(t, p, pg, payload, what, n)...)
				continue
			}
			cases = append(cases, vhCasesFor(t, p, r.Name(), mode, payload, what, n)...)
		}
	}
	return cases
}

// vhPageCases returns a page payload and its mutations: no "value", a
// "value" that is no array, a control member of the wrong type, and the
// mutations of its first element.
func vhPageCases(t testing.TB, p *genschema.Plan, pg *genschema.PagePlan, payload any, what string, pick int) []vhVcase {
	cases := []vhVcase{{Type: pg.Name, Mode: "read", Payload: vhMarshal(t, payload), what: what}}
	o, ok := payload.(map[string]any)
	if !ok {
		return cases
	}
	add := func(kind string, v map[string]any, where string) {
		cases = append(cases, vhVcase{Type: pg.Name, Mode: "read", Payload: vhMarshal(t, v), what: what + " mutation " + kind + where, mutation: kind})
	}
	with := func(k string, v any) map[string]any {
		c := vhCopyObj(o)
		if v == vhDeleteMarker {
			delete(c, k)
		} else {
			c[k] = v
		}
		return c
	}
	add(mutRequired, with("value", vhDeleteMarker), " (value)")
	add(mutWrongType, with("value", "not an array"), " (value)")
	add(mutWrongType, with([]string{"@odata.nextLink", "@odata.count", "@odata.context", "@odata.deltaLink"}[pick%4], true), " (control)")
	a, ok := o["value"].([]any)
	if !ok || len(a) == 0 {
		return cases
	}
	switch pg.Elem.Kind {
	case genschema.ValueObject:
		el, ok := a[0].(map[string]any)
		if !ok {
			return cases
		}
		for kind, m := range vhMutations(p, pg.Elem.Type, "read", el, pick) {
			na := append([]any{m}, a[1:]...)
			add(kind, with("value", na), " (element)")
		}
	case genschema.ValuePrimitive:
		var bad any = json.Number("12")
		if pg.Elem.Primitive.JSON != "string" {
			bad = "not a " + pg.Elem.Primitive.JSON
		}
		add(mutWrongType, with("value", append([]any{bad}, a[1:]...)), " (element)")
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
			payloads := vhPayloadCases(t, p, m)
			if len(payloads) == 0 {
				t.Fatal("no whole operation payloads: the payloads are not compared")
			}
			cases = append(cases, payloads...)
			disagree, schemaValid := vhDifferentialVerdicts(t, v, bin, cases)
			schemaInvalid := 0
			for _, ok := range schemaValid {
				if !ok {
					schemaInvalid++
				}
			}
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
			t.Logf("%s: %d payloads checked (%d from examples, %d of them whole operation payloads with their mutations; mutations %s), %d rejected by the schema, %d disagreements (verdict or blamed locations)",
				sub, len(cases), originals, len(payloads), strings.Join(kinds, " "), schemaInvalid, len(disagree))
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
			for i, c := range cases {
				if c.mutation != "" && schemaValid[i] {
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

// TestValidateCorpusStructWalk decodes the corpus payloads (and their
// mutations that still decode) into the generated structs and checks that
// Validate(v, mode) reports exactly what ValidateJSON reports on the struct
// encoded again under the type's qualified name: Validate finds each of the
// thousand types' names in the registry, and no struct fails to encode.
// The whole operation payloads are compared too: the bodies and responses
// of operations, and the pages, decoded into a Page by NewObject.
func TestValidateCorpusStructWalk(t *testing.T) {
	m := vhCorpusModel(t, "graph-v1.0")
	opts := Options{Package: "gen", Validators: true}
	r, err := Generate(m, opts)
	if err != nil {
		t.Fatal(err)
	}
	gp := newPlan(m, opts)
	goName := map[string]string{}
	for _, g := range gp.types {
		if !g.IsEnum() {
			if _, dup := goName[g.T.QualifiedName()]; !dup {
				goName[g.T.QualifiedName()] = g.Name
			}
		}
	}
	bin, _ := vhBuildModule(t, r.Files, vhWalkCorpusMain)

	p := genschema.NewPlan(m)
	var in bytes.Buffer
	var what []string
	pages := 0
	for _, c := range append(vhCorpusCases(t, p, m, true), vhPayloadCases(t, p, m)...) {
		if p.LookupPage(c.Type) != nil {
			pages++
		} else if goName[c.Type] == "" {
			continue
		}
		val, _ := vhDecodeAny(c.Payload)
		o, ok := val.(map[string]any)
		if !ok {
			continue
		}
		if ot, ok := o["@odata.type"].(string); ok && genschema.TypeOfODataType(ot) != c.Type {
			continue // a descendant in a base struct: not what the struct says
		}
		if err := json.NewEncoder(&in).Encode(c); err != nil {
			t.Fatal(err)
		}
		what = append(what, c.what)
	}
	cmd := exec.Command(bin)
	cmd.Stdin = &in
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != len(what) {
		t.Fatalf("%d answers for %d payloads", len(lines), len(what))
	}
	compared, skipped, failing, differ := 0, 0, 0, 0
	for i, line := range lines {
		var r struct {
			Skip, DecodeErr string
			Walk, JSON      []string
			Encoded         string
		}
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		if r.Skip != "" {
			t.Fatalf("%s: %s", what[i], r.Skip)
		}
		if r.DecodeErr != "" {
			skipped++
		}
		compared++
		if len(r.JSON) > 0 {
			failing++
		}
		if strings.Join(r.Walk, "\n") != strings.Join(r.JSON, "\n") {
			differ++
			if differ <= 10 {
				t.Errorf("%s: %s\nwalk: %q\njson: %q", what[i], vhTruncate(r.Encoded, 300), r.Walk, r.JSON)
			}
		}
	}
	if differ > 10 {
		t.Errorf("… %d differences in all", differ)
	}
	if pages == 0 {
		t.Error("no pages compared: the walk of a Page is not checked")
	}
	t.Logf("graph-v1.0: %d payloads compared (%d of them pages; %d with members that did not decode, kept in AdditionalData; %d with violations), %d differences", compared, pages, skipped, failing, differ)
}

const vhWalkCorpusMain = `package main

import (
	"bufio"
	"encoding/json"
	"os"

	gen "apidocgen.test/driver/gen"
)

` + vhViolationsFunc + `
func main() {
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	enc := json.NewEncoder(os.Stdout)
	for sc.Scan() {
		var c struct {
			Type, Mode string
			Payload    json.RawMessage
		}
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			panic(err)
		}
		mode, _ := gen.ParseValidationMode(c.Mode)
		ptr := gen.NewObject(c.Type)
		if ptr == nil {
			enc.Encode(map[string]any{"skip": "no struct"})
			continue
		}
		// A member that does not decode is kept in AdditionalData, which
		// Validate checks too: such structs are compared as well.
		decodeErr := ""
		if err := json.Unmarshal(c.Payload, ptr); err != nil {
			decodeErr = err.Error()
		}
		data, err := json.Marshal(ptr)
		want := []string{}
		if err != nil {
			want = append(want, "/: cannot encode: "+err.Error())
		} else {
			want = violations(gen.ValidateJSON(c.Type, mode, data))
		}
		enc.Encode(map[string]any{"walk": violations(gen.Validate(ptr, mode)), "json": want, "encoded": string(data), "decodeErr": decodeErr})
	}
}
`
