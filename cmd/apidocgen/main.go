// Command apidocgen turns Graph-style REST API reference Markdown into a
// model, Go code and JSON Schema, and lints the docs.
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "lint" {
		os.Exit(runLint(os.Args[2:], os.Stdout, os.Stderr))
	}
	fmt.Fprintln(os.Stderr, "apidocgen: under construction")
	os.Exit(2)
}
