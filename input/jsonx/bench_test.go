package jsonx

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/input/inputtest"
)

// benchDoc is shaped like a resource's JSON representation block: an
// object of placeholder values with nested objects and one-element arrays.
const benchDoc = `{
  "@odata.type": "#microsoft.graph.widget",
  "id": "String (identifier)",
  "displayName": "String",
  "description": "String",
  "createdDateTime": "String (timestamp)",
  "lastModifiedDateTime": "String (timestamp)",
  "isEnabled": true,
  "isArchived": false,
  "sizeInBytes": 1024,
  "ratio": 1024.13,
  "status": "notStarted | running | completed | failed",
  "owner": {"@odata.type": "microsoft.graph.identitySet"},
  "tags": ["String"],
  "limits": [{"@odata.type": "microsoft.graph.widgetLimit"}],
  "settings": {
    "color": "String",
    "maxItems": 1024,
    "retention": "String (ISO 8601 duration)",
    "schedule": {"start": "String (time of day)", "days": ["String"]}
  },
  "note": "caf\u00e9 \"quoted\" text",
  "parent": null
}`

// benchLenientDoc is the same kind of block with the mistakes docs make.
const benchLenientDoc = `{
  "@odata.type": "#microsoft.graph.widget",
  "id": "String (identifier)",
  'displayName': 'String',
  isEnabled: true,
  "sizeInBytes": 0000000000,
  "owner": {"@odata.type": "microsoft.graph.identitySet"},
  /* relationships */
  "tags": ["String",],
  "limits": [{"@odata.type": "microsoft.graph.widgetLimit"}]
  "settings": {"color": "String", ...},
  "parent": null,
}
` + "```\n"

func BenchmarkParse(b *testing.B) {
	for _, bc := range []struct{ name, doc string }{{"strict", benchDoc}, {"lenient", benchLenientDoc}} {
		src := []byte(bc.doc)
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := Parse(src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	// For comparison: encoding/json decoding the strict document into any.
	src := []byte(benchDoc)
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for b.Loop() {
			var x any
			if err := json.Unmarshal(src, &x); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkParseCorpus parses every JSON block of graph-v1.0 (see
// extractBlocks), against encoding/json decoding the same blocks into any.
func BenchmarkParseCorpus(b *testing.B) {
	dir := inputtest.CorpusDir(b, "graph-v1.0")
	var blocks [][]byte
	size := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		page, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, bl := range extractBlocks(path, page) {
			blocks = append(blocks, bl.src)
			size += len(bl.src)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("jsonx", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for _, src := range blocks {
				Parse(src)
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for _, src := range blocks {
				var x any
				_ = json.Unmarshal(src, &x)
			}
		}
	})
}
