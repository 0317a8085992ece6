package genschema_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/apidocgen/apidocgen/generator/compile"
	"github.com/apidocgen/apidocgen/generator/genschema"
	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
	"github.com/apidocgen/apidocgen/input/inputtest"
)

func corpusModel(tb testing.TB, sub string) *model.Model {
	tb.Helper()
	pages, err := input.Load(os.DirFS(inputtest.CorpusDir(tb, sub)))
	if err != nil {
		tb.Fatal(err)
	}
	return compile.Compile(pages)
}

// sample returns up to n object types of p, spread over the sorted list.
func sample(p *genschema.Plan, n int) []*genschema.TypePlan {
	var objs []*genschema.TypePlan
	for _, t := range p.Types {
		if t.Kind != model.KindEnum {
			objs = append(objs, t)
		}
	}
	if n <= 0 || n >= len(objs) {
		return objs
	}
	out := make([]*genschema.TypePlan, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, objs[i*len(objs)/n])
	}
	return out
}

// BenchmarkGenerate renders the graph-v1.0 bundle.
func BenchmarkGenerate(b *testing.B) {
	m := corpusModel(b, "graph-v1.0")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		data, err := genschema.Bundle(m, genschema.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(data)))
	}
}

// BenchmarkCompile compiles graph-v1.0 schemas with jsonschema/v5 for a
// sample of types (read, create and update): from the bundle (one
// document) and from the per-type files; and all types from the files.
func BenchmarkCompile(b *testing.B) {
	m := corpusModel(b, "graph-v1.0")
	p := genschema.NewPlan(m)
	opts := genschema.Options{}
	bundle, err := p.Bundle(opts)
	if err != nil {
		b.Fatal(err)
	}
	few := sample(p, 20)
	b.Run("bundle-20types", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			c := genschema.NewCompiler()
			if err := c.AddResource(genschema.BundleID(opts), bytes.NewReader(bundle)); err != nil {
				b.Fatal(err)
			}
			for _, t := range few {
				for _, mode := range genschema.Modes {
					if _, err := c.Compile(genschema.BundleID(opts) + p.BundleRef(t.Name, mode)); err != nil {
						b.Fatal(err)
					}
				}
			}
		}
	})
	perType := func(ts []*genschema.TypePlan) func(b *testing.B) {
		return func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				v, err := genschema.NewValidator(p)
				if err != nil {
					b.Fatal(err)
				}
				for _, t := range ts {
					for _, mode := range genschema.Modes {
						if _, err := v.Schema(t.Name, mode); err != nil {
							b.Fatal(err)
						}
					}
				}
			}
		}
	}
	b.Run("files-20types", perType(few))
	b.Run("files-alltypes", perType(sample(p, 0)))
}
