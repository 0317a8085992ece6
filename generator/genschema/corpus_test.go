package genschema_test

import (
	"encoding/json"
	"net/url"
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

// TestCorpusSchemasCompile compiles every definition of the graph-v1.0
// model, in every mode, from the per-type files; checks the bundle
// against the 2020-12 meta-schema; and checks that each "$ref" of the
// bundle names a definition it holds. (Compiling every definition from
// the bundle itself is quadratic in jsonschema/v5: see BenchmarkCompile.)
func TestCorpusSchemasCompile(t *testing.T) {
	for _, sub := range []string{"seed-family", "graph-v1.0"} {
		t.Run(sub, func(t *testing.T) {
			m := corpusModel(t, sub)
			p := genschema.NewPlan(m)
			v, err := genschema.NewValidator(p)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, tp := range p.Types {
				for _, mode := range genschema.Modes {
					if _, err := v.Schema(tp.Name, mode); err != nil {
						t.Errorf("%s %s: %v", tp.Name, mode, err)
					}
					n++
				}
			}
			opts := genschema.Options{}
			bundle, err := p.Bundle(opts)
			if err != nil {
				t.Fatal(err)
			}
			var doc map[string]any
			if err := json.Unmarshal(bundle, &doc); err != nil {
				t.Fatal(err)
			}
			meta, err := genschema.NewCompiler().Compile(genschema.Draft)
			if err != nil {
				t.Fatal(err)
			}
			if err := meta.Validate(doc); err != nil {
				t.Errorf("bundle does not match the meta-schema: %v", err)
			}
			refs := 0
			var walk func(any)
			walk = func(x any) {
				switch x := x.(type) {
				case map[string]any:
					if ref, ok := x["$ref"].(string); ok {
						refs++
						if lookupRef(doc, ref) == nil {
							t.Errorf("dangling $ref %q", ref)
						}
					}
					for _, y := range x {
						walk(y)
					}
				case []any:
					for _, y := range x {
						walk(y)
					}
				}
			}
			walk(doc)
			t.Logf("%s: %d definitions compiled, bundle of %d bytes with %d references", sub, n, len(bundle), refs)
		})
	}
}

// lookupRef resolves a "#/..." reference inside doc, or returns nil.
func lookupRef(doc map[string]any, ref string) any {
	frag, ok := strings.CutPrefix(ref, "#/")
	if !ok {
		return nil
	}
	var cur any = doc
	for _, tok := range strings.Split(frag, "/") {
		tok, err := url.PathUnescape(tok)
		if err != nil {
			return nil
		}
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		o, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		if cur, ok = o[tok]; !ok {
			return nil
		}
	}
	return cur
}
