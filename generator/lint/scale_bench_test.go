//go:build unix

package lint

import (
	"fmt"
	"math/rand"
	"os"
	"strconv"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/apidocgen/apidocgen/generator/compile"
	"github.com/apidocgen/apidocgen/input"
	"github.com/apidocgen/apidocgen/input/inputtest"
)

// scaleN is the size of the smaller tree of BenchmarkScale (in resource
// pages; the tree has as many API pages).
const scaleN = 300

// BenchmarkScale times the model (load + compile) and the linter (load +
// compile + every check) on inputtest.BrokenTree for n and 4n, a tree where
// most references fail, in elapsed and processor time: make bench prints
// the ratios 4n/n, which are about 4 when the work grows linearly with the
// failures.
func BenchmarkScale(b *testing.B) {
	for _, n := range []int{scaleN, 4 * scaleN} {
		fsys := inputtest.BrokenTree(n)
		for _, stage := range []struct {
			name string
			run  func(*testing.B, fstest.MapFS)
		}{{"model", benchModel}, {"lint", benchLint}} {
			b.Run(fmt.Sprintf("%s/n=%d", stage.name, n), func(b *testing.B) {
				cpu := cpuTime()
				stage.run(b, fsys)
				b.ReportMetric(float64((cpuTime()-cpu).Nanoseconds())/float64(b.N), "cpu-ns/op")
			})
		}
	}
}

// BenchmarkHalf times the model and the linter on all of graph-v1.0 and on
// a random half of its pages (seeded by $APIDOCGEN_HALF_SEED, default 1),
// where many links and types break. Each reports the elapsed and the
// processor time per page; make bench prints the ratios half/whole.
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
		perPage := func(b *testing.B, run func(*testing.B, fstest.MapFS)) {
			cpu := cpuTime()
			run(b, tree.fsys)
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/pages, "ns/page")
			b.ReportMetric(float64((cpuTime()-cpu).Nanoseconds())/float64(b.N)/pages, "cpu-ns/page")
		}
		b.Run("model/"+tree.name, func(b *testing.B) { perPage(b, benchModel) })
		b.Run("lint/"+tree.name, func(b *testing.B) { perPage(b, benchLint) })
	}
}

// cpuTime is the processor time the process has used so far, on every
// core: on a shared machine it varies less than the elapsed time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
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
