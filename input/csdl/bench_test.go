package csdl

import (
	"testing"

	"github.com/apidocgen/apidocgen/input/inputtest"
)

// BenchmarkXMLTokens is the baseline of BenchmarkRead in make bench (see
// inputtest.BenchXMLTokens).
func BenchmarkXMLTokens(b *testing.B) { inputtest.BenchXMLTokens(b) }

// BenchmarkRead reads Graph's v1.0 metadata (1.5 MB, in memory) into the
// syntax tree.
func BenchmarkRead(b *testing.B) {
	src := inputtest.MetadataFile(b)
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for range b.N {
		if doc := Parse("graph-v1.0.xml", src); len(doc.Schemas) != 3 {
			b.Fatal("not read")
		}
	}
}
