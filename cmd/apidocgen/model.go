package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/apidocgen/apidocgen/generator"
)

const modelDesc = `
Model reads the docs under DOCS_DIR and prints the resolved type model as
indented JSON on standard output: types, operations, page classes and
diagnostics, each with its file:line:col. The output is stable: the same
docs give the same bytes. docs/model.md describes every field.

A summary line goes to standard error.`

func runModel(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fl := newFlags("model", "model DOCS_DIR", modelDesc, stderr)
	if code, ok := parseFlags(fl, args); !ok {
		return code
	}
	if fl.NArg() != 1 {
		return usageError(stderr, fl.Name(), "want exactly one argument, the docs folder")
	}
	dir := fl.Arg(0)
	if st, err := os.Stat(dir); err != nil {
		return fail(stderr, "apidocgen", err)
	} else if !st.IsDir() {
		fmt.Fprintf(stderr, "apidocgen: %s is not a folder\n", dir)
		return exitError
	}
	start := time.Now()
	m, pages, err := generator.Load(context.Background(), os.DirFS(dir), nil)
	if err != nil {
		return fail(stderr, "apidocgen", err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return fail(stderr, "apidocgen", fmt.Errorf("encode model: %w", err))
	}
	if _, err := stdout.Write(buf.Bytes()); err != nil {
		return fail(stderr, "apidocgen", err)
	}
	fmt.Fprintf(stderr, "apidocgen: %d pages, %d types, %d operations, %d diagnostics (%s)\n",
		pages, len(m.Types), len(m.Operations), len(m.Diagnostics), time.Since(start).Round(time.Millisecond))
	return exitOK
}
