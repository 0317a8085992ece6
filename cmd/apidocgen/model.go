package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/apidocgen/apidocgen/generator"
	"github.com/apidocgen/apidocgen/generator/metadata"
	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input/csdl"
)

const modelDesc = `
Model reads the docs under DOCS_DIR and prints the resolved type model as
indented JSON on standard output: types, operations, page classes and
diagnostics, each with its file:line:col. The output is stable: the same
docs give the same bytes. docs/model.md describes every field.

With -metadata FILE it prints the model of the API's OData CSDL metadata
instead, in the same form (diff it with the docs' model). Exit status 1 when
the metadata has errors, 2 when it is not CSDL at all.

A summary line goes to standard error.`

func runModel(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fl := newFlags("model", "model DOCS_DIR | model -metadata FILE", modelDesc, stderr)
	metaFile := fl.String("metadata", "", "print the model of this CSDL metadata `file` instead of a docs folder")
	if code, ok := parseFlags(fl, args); !ok {
		return code
	}
	if *metaFile != "" {
		if fl.NArg() != 0 {
			fmt.Fprintln(stderr, "apidocgen model: -metadata takes no docs folder")
			fl.Usage()
			return exitError
		}
		return modelOfMetadata(*metaFile, stdout, stderr)
	}
	if fl.NArg() != 1 {
		fmt.Fprintln(stderr, "apidocgen model: want exactly one argument, the docs folder")
		fl.Usage()
		return exitError
	}
	dir := fl.Arg(0)
	if st, err := os.Stat(dir); err != nil {
		fmt.Fprintf(stderr, "apidocgen: %v\n", err)
		return exitError
	} else if !st.IsDir() {
		fmt.Fprintf(stderr, "apidocgen: %s is not a folder\n", dir)
		return exitError
	}
	start := time.Now()
	m, pages, err := generator.Load(context.Background(), os.DirFS(dir), nil)
	if err != nil {
		fmt.Fprintf(stderr, "apidocgen: %v\n", err)
		return exitError
	}
	if code := writeModel(m, stdout, stderr); code != exitOK {
		return code
	}
	fmt.Fprintf(stderr, "apidocgen: %d pages, %d types, %d operations, %d diagnostics (%s)\n",
		pages, len(m.Types), len(m.Operations), len(m.Diagnostics), time.Since(start).Round(time.Millisecond))
	return exitOK
}

// modelOfMetadata prints the model of a metadata file.
func modelOfMetadata(file string, stdout, stderr io.Writer) int {
	start := time.Now()
	m, code := loadMetadata(file, stderr)
	if m == nil {
		return code
	}
	if c := writeModel(m, stdout, stderr); c != exitOK {
		return c
	}
	fmt.Fprintf(stderr, "apidocgen: %s: %d types, %d operations, %d diagnostics (%s)\n",
		file, len(m.Types), len(m.Operations), len(m.Diagnostics), time.Since(start).Round(time.Millisecond))
	return code
}

// loadMetadata reads and compiles a metadata file, printing its error
// diagnostics (at most 10) to stderr. It returns nil and exit code 2 when
// the file cannot be read or is not CSDL at all; else the model, and exit
// code 1 when the metadata has errors.
func loadMetadata(file string, stderr io.Writer) (*model.Model, int) {
	m, err := readMetadata(file, filepath.ToSlash(file))
	if err != nil {
		fmt.Fprintf(stderr, "apidocgen: %v\n", err)
		return nil, exitError
	}
	errs := 0
	for _, d := range m.Diagnostics {
		if d.Severity != model.SevError {
			continue
		}
		if errs++; errs <= 10 {
			fmt.Fprintln(stderr, d)
		}
	}
	if errs > 10 {
		fmt.Fprintf(stderr, "apidocgen: %d more errors in %s\n", errs-10, file)
	}
	switch {
	case metadata.Unusable(m):
		fmt.Fprintf(stderr, "apidocgen: %s is not CSDL metadata\n", file)
		return nil, exitError
	case errs > 0:
		return m, exitFound
	}
	return m, exitOK
}

// readMetadata reads and compiles the metadata file, with name as the
// file of its positions. The error is for I/O failures.
func readMetadata(file, name string) (*model.Model, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := csdl.Read(name, f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", file, err)
	}
	return metadata.Compile(doc), nil
}

// writeModel writes m as indented JSON to stdout.
func writeModel(m *model.Model, stdout, stderr io.Writer) int {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		fmt.Fprintf(stderr, "apidocgen: encode model: %v\n", err)
		return exitError
	}
	if _, err := stdout.Write(buf.Bytes()); err != nil {
		fmt.Fprintf(stderr, "apidocgen: %v\n", err)
		return exitError
	}
	return exitOK
}
