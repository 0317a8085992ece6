package jsonx_test

import (
	"fmt"

	"github.com/apidocgen/apidocgen/input/jsonx"
)

func ExampleParse() {
	src := []byte(`{
  "@odata.type": "#microsoft.graph.widget",
  isCollection: true,
  "size": 1024,
}`)
	v, fixes, err := jsonx.Parse(src)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	for _, f := range fixes {
		line, col := jsonx.LineCol(src, f.Offset)
		fmt.Printf("%d:%d %s\n", line, col, f.Kind)
	}
	size := v.Lookup(jsonx.Pointer("size"))
	line, col := jsonx.LineCol(src, size.Offset)
	fmt.Printf("size %s at %d:%d\n", size.Num, line, col)
	fmt.Printf("%s\n", v.Marshal())
	// Output:
	// 3:3 unquoted-key
	// 4:15 trailing-comma
	// size 1024 at 4:11
	// {"@odata.type":"#microsoft.graph.widget","isCollection":true,"size":1024}
}
