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
			return usageError(stderr, fl.Name(), "-metadata takes no docs folder")
		}
		return modelOfMetadata(*metaFile, stdout, stderr)
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
		return nil, fail(stderr, "apidocgen", err)
	}
	if metadata.Unusable(m) {
		return nil, fail(stderr, "apidocgen", notCSDL(file, m, nil))
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
	if errs > 0 {
		return m, exitFound
	}
	return m, exitOK
}

// notCSDL says that a metadata file is not CSDL at all, with its first
// error diagnostic (shown by show, when not nil), on one line.
func notCSDL(file string, m *model.Model, show func(model.Diagnostic) string) error {
	for _, d := range m.Diagnostics {
		if d.Severity == model.SevError {
			text := d.String()
			if show != nil {
				text = show(d)
			}
			return fmt.Errorf("%s is not CSDL metadata: %s", file, text)
		}
	}
	return fmt.Errorf("%s is not CSDL metadata", file)
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
		return fail(stderr, "apidocgen", fmt.Errorf("encode model: %w", err))
	}
	if _, err := stdout.Write(buf.Bytes()); err != nil {
		return fail(stderr, "apidocgen", err)
	}
	return exitOK
}
