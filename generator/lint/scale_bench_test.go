package lint

import (
	"fmt"
	"math/rand"
	"os"
	"strconv"
	"testing"
	"testing/fstest"

	"github.com/apidocgen/apidocgen/generator/compile"
	"github.com/apidocgen/apidocgen/input"
	"github.com/apidocgen/apidocgen/input/inputtest"
)

// scaleN is the size of the smaller tree of BenchmarkScale (in resource
// pages; the tree has as many API pages).
const scaleN = 300

// BenchmarkScale times the model (load + compile) and the linter (load +
// compile + every check) on inputtest.BrokenTree for n and 4n, a tree where
// most references fail: make bench prints the ratio 4n/n, which is about 4
// when the work grows linearly with the failures.
func BenchmarkScale(b *testing.B) {
	for _, n := range []int{scaleN, 4 * scaleN} {
		fsys := inputtest.BrokenTree(n)
		b.Run(fmt.Sprintf("model/n=%d", n), func(b *testing.B) { benchModel(b, fsys) })
		b.Run(fmt.Sprintf("lint/n=%d", n), func(b *testing.B) { benchLint(b, fsys) })
	}
}

// BenchmarkHalf times the model and the linter on all of graph-v1.0 and on
// a random half of its pages (seeded by $APIDOCGEN_HALF_SEED, default 1),
// where many links and types break. Each reports ns/page; make bench prints
// the ratio half/whole of the time per page.
func BenchmarkHalf(b *testing.B) {
	paths, srcs, _ := inputtest.CorpusFiles(b, "graph-v1.0")
	seed, _ := strconv.ParseInt(os.Getenv("APIDOCGEN_HALF_SEED"), 10, 64)
	if seed == 0 {
		seed = 1
	}
	whole, half := fstest.MapFS{}, fstest.MapFS{}
	r := rand.New(rand.NewSource(seed))
	for i, p := range paths {
		f := &fstest.MapFile{Data: srcs[i]}
		whole[p] = f
		if r.Intn(2) == 0 {
			half[p] = f
		}
	}
	for _, tree := range []struct {
		name string
		fsys fstest.MapFS
	}{{"whole", whole}, {"half", half}} {
		pages := float64(len(tree.fsys))
		b.Run("model/"+tree.name, func(b *testing.B) {
			benchModel(b, tree.fsys)
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/pages, "ns/page")
		})
		b.Run("lint/"+tree.name, func(b *testing.B) {
			benchLint(b, tree.fsys)
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/pages, "ns/page")
		})
	}
}

func benchModel(b *testing.B, fsys fstest.MapFS) {
	for range b.N {
		pages, err := input.Load(fsys)
		if err != nil {
			b.Fatal(err)
		}
		compile.Compile(pages)
	}
}

func benchLint(b *testing.B, fsys fstest.MapFS) {
	for range b.N {
		pages, err := input.Load(fsys)
		if err != nil {
			b.Fatal(err)
		}
		if len(Check(pages, Options{})) == 0 {
			b.Fatal("no findings")
		}
	}
}
