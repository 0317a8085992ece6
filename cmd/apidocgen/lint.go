package main

import (
	"fmt"
	"io"
)

// runLint runs the "lint" verb and returns the process exit code.
// It is owned by the lint work; see generator/lint.
func runLint(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "apidocgen lint: not built yet")
	return 2
}
