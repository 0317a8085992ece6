package metadata

import (
	"testing"

	"github.com/apidocgen/apidocgen/input/csdl"
	"github.com/apidocgen/apidocgen/input/inputtest"
)

// BenchmarkXMLTokens is the baseline of BenchmarkLoad in make bench (see
// inputtest.BenchXMLTokens).
func BenchmarkXMLTokens(b *testing.B) { inputtest.BenchXMLTokens(b) }

// BenchmarkLoad reads and compiles Graph's v1.0 metadata (in memory) into
// the model.
func BenchmarkLoad(b *testing.B) {
	src := inputtest.MetadataFile(b)
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for range b.N {
		if m := Compile(csdl.Parse("graph-v1.0.xml", src)); len(m.Types) == 0 {
			b.Fatal("no types")
		}
	}
}
