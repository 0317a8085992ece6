// Package generator runs apidocgen's stages in order: read the docs
// (package input), build the model (generator/compile), emit Go
// (generator/gengo) and JSON Schema (generator/genschema). It is pure: it
// reads from an fs.FS and returns the files to write, and never touches the
// disk itself; the command (cmd/apidocgen) does the I/O with package output.
package generator

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/apidocgen/apidocgen/generator/compile"
	"github.com/apidocgen/apidocgen/generator/gengo"
	"github.com/apidocgen/apidocgen/generator/genschema"
	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
	"github.com/apidocgen/apidocgen/output"
)

// A Result is what one run produced.
type Result struct {
	Model *model.Model
	// Outputs holds the generated files, one entry per output folder, in
	// configuration order: the Go package(s), then the schema.
	Outputs []Output
	// Diagnostics are the problems met while reading the docs and while
	// emitting, sorted (see model.SortDiagnostics).
	Diagnostics []model.Diagnostic
	Stats       Stats
}

// An Output is a set of files generated into one folder.
type Output struct {
	Kind string // "go" or "schema"
	// Dir is the folder, slash-separated, relative to the configuration
	// file ("." for its own folder).
	Dir string
	// Package is the Go package name; only for Kind "go".
	Package string
	// Files are relative to Dir.
	Files output.Files
	// Exclusive says that Dir and its subfolders belong to this output, so
	// a generated file found there that is no longer produced may be
	// removed. Otherwise only Dir itself is searched (for a schema file
	// that sits beside other files).
	Exclusive bool
}

// Stats counts what was read and generated.
type Stats struct {
	Pages, Types, Operations, Examples int
	Errors, Warnings, Infos            int // diagnostics by severity
	Files                              int // generated files, all outputs
}

// Run reads the docs from fsys and generates the outputs cfg asks for. The
// returned error is for I/O failures reading fsys, a cancelled ctx and
// internal faults; problems in the docs are Diagnostics.
func Run(ctx context.Context, fsys fs.FS, cfg Config) (*Result, error) {
	if len(cfg.Docs) == 0 {
		cfg.Docs = []string{"."}
	}
	docs, err := docsFS(fsys, cfg.Docs)
	if err != nil {
		return nil, err
	}
	pages, err := input.Load(docs)
	if err != nil {
		return nil, fmt.Errorf("read docs: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m := compile.Compile(pages)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res := &Result{Model: m}
	diags := append([]model.Diagnostic(nil), m.Diagnostics...)

	if cfg.GoDir != "" {
		diags = append(diags, checkNamespaces(m, cfg)...)
		for _, g := range packageGroups(m, cfg) {
			r, err := gengo.Generate(m, gengo.Options{Package: g.pkg, Roots: g.roots, Overrides: overrides(cfg), Validators: !cfg.NoValidators})
			if err != nil {
				return nil, fmt.Errorf("generate go package %s: %w", g.pkg, err)
			}
			diags = append(diags, r.Diagnostics...)
			res.Outputs = append(res.Outputs, Output{Kind: "go", Dir: path.Join(cfg.GoDir, g.sub), Package: g.pkg, Files: r.Files, Exclusive: true})
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
	}
	if cfg.Schema != "" {
		data, err := genschema.Bundle(m, genschema.Options{BaseURL: cfg.SchemaBaseURL})
		if err != nil {
			return nil, fmt.Errorf("generate schema: %w", err)
		}
		res.Outputs = append(res.Outputs, Output{Kind: "schema", Dir: path.Dir(cfg.Schema), Files: output.Files{{Path: path.Base(cfg.Schema), Data: data}}})
	}

	res.Diagnostics = model.SortDiagnostics(diags)
	res.Stats = Stats{Pages: len(pages), Types: len(m.Types), Operations: len(m.Operations), Examples: len(m.Examples())}
	for _, d := range res.Diagnostics {
		switch d.Severity {
		case model.SevError:
			res.Stats.Errors++
		case model.SevWarning:
			res.Stats.Warnings++
		default:
			res.Stats.Infos++
		}
	}
	for _, o := range res.Outputs {
		res.Stats.Files += len(o.Files)
	}
	return res, nil
}

// Load reads the docs roots of cfg from fsys and builds the model, without
// generating anything.
func Load(ctx context.Context, fsys fs.FS, docs []string) (*model.Model, int, error) {
	if len(docs) == 0 {
		docs = []string{"."}
	}
	d, err := docsFS(fsys, docs)
	if err != nil {
		return nil, 0, err
	}
	pages, err := input.Load(d)
	if err != nil {
		return nil, 0, fmt.Errorf("read docs: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, 0, err
	}
	return compile.Compile(pages), len(pages), nil
}

// RuleUnknownNamespace reports a go.namespaces entry that names no
// namespace of the docs.
var RuleUnknownNamespace = model.Rule{ID: "config-unknown-namespace", Severity: model.SevWarning,
	Summary: "a namespace mapped to a go package has no types in the docs",
	Example: "go:\n  namespaces:\n    microsoft.graph.nosuch: nosuch"}

// checkNamespaces reports mapped namespaces that have no types. The
// diagnostics have no position: they are about the configuration.
func checkNamespaces(m *model.Model, cfg Config) []model.Diagnostic {
	have := map[string]bool{}
	for _, t := range m.Types {
		have[strings.ToLower(t.Namespace)] = true
	}
	var ds model.Diagnostics
	for _, ns := range slices.Sorted(maps.Keys(cfg.Namespaces)) {
		if !have[strings.ToLower(ns)] {
			ds.Add(model.Pos{}, RuleUnknownNamespace, "go.namespaces: namespace %q has no types in the docs", ns)
		}
	}
	return ds.List
}

// A pkgGroup is one Go package to generate.
type pkgGroup struct {
	pkg   string
	sub   string // subfolder of GoDir, "" for GoDir itself
	roots []string
}

// packageGroups splits the model's namespaces into Go packages. Without a
// namespace mapping there is one package with cfg.Roots. With one, each
// mapped package is generated in GoDir/<package> from the types of its
// namespaces (limited to cfg.Roots when given), and the unmapped
// namespaces go to cfg.Package in GoDir.
func packageGroups(m *model.Model, cfg Config) []pkgGroup {
	main := cfg.Package
	if main == "" {
		main = DefaultPackage
	}
	roots := qualifyRoots(m, cfg.Roots)
	if len(cfg.Namespaces) == 0 {
		return []pkgGroup{{pkg: main, roots: roots}}
	}
	nsPkg := map[string]string{}
	for ns, pkg := range cfg.Namespaces {
		nsPkg[strings.ToLower(ns)] = pkg
	}
	byPkg := map[string][]string{}
	var order []string
	add := func(pkg, q string) {
		if _, ok := byPkg[pkg]; !ok {
			order = append(order, pkg)
		}
		byPkg[pkg] = append(byPkg[pkg], q)
	}
	rootSet := map[string]bool{}
	for _, r := range roots {
		rootSet[strings.ToLower(r)] = true
	}
	for _, t := range m.Types {
		q := t.QualifiedName()
		if len(rootSet) > 0 && !rootSet[strings.ToLower(q)] {
			continue
		}
		pkg, ok := nsPkg[strings.ToLower(t.Namespace)]
		if !ok || pkg == main {
			pkg = main
		}
		add(pkg, q)
	}
	// Roots that name no type still go to the main package, so gengo
	// reports them.
	for _, r := range roots {
		if m.Lookup(r) == nil {
			add(main, r)
		}
	}
	sort.Strings(order)
	var out []pkgGroup
	for _, pkg := range order {
		g := pkgGroup{pkg: pkg, roots: byPkg[pkg]}
		if pkg != main {
			g.sub = pkg
		}
		out = append(out, g)
	}
	return out
}

// qualifyRoots turns short names ("user") into qualified names in the
// default namespace when the model has no type of that exact name.
func qualifyRoots(m *model.Model, roots []string) []string {
	var out []string
	for _, r := range roots {
		r = strings.TrimSpace(r)
		if r == "" {
			continue
		}
		if m.Lookup(r) == nil && m.Lookup(model.DefaultNamespace+"."+r) != nil {
			r = model.DefaultNamespace + "." + r
		}
		out = append(out, r)
	}
	return out
}

func overrides(cfg Config) gengo.Overrides {
	var o gengo.Overrides
	for q, t := range cfg.Types {
		if t.Name != "" {
			if o.TypeNames == nil {
				o.TypeNames = map[string]string{}
			}
			o.TypeNames[q] = t.Name
		}
	}
	for q, p := range cfg.Properties {
		if p.Name != "" {
			if o.FieldNames == nil {
				o.FieldNames = map[string]string{}
			}
			o.FieldNames[q] = p.Name
		}
		if p.GoType != "" {
			if o.FieldTypes == nil {
				o.FieldTypes = map[string]string{}
			}
			o.FieldTypes[q] = p.GoType
		}
	}
	return o
}

// docsFS returns the file system of the docs roots: fs.Sub of the only
// root, or a union of several.
func docsFS(fsys fs.FS, roots []string) (fs.FS, error) {
	var subs []fs.FS
	for _, r := range roots {
		r = path.Clean(r)
		if !fs.ValidPath(r) {
			return nil, fmt.Errorf("docs root %q: not a valid slash-separated path inside the file system", r)
		}
		st, err := fs.Stat(fsys, r)
		if err != nil {
			return nil, fmt.Errorf("docs root %s: %w", r, err)
		}
		if !st.IsDir() {
			return nil, fmt.Errorf("docs root %s: not a folder", r)
		}
		sub, err := fs.Sub(fsys, r)
		if err != nil {
			return nil, err
		}
		subs = append(subs, sub)
	}
	if len(subs) == 1 {
		return subs[0], nil
	}
	return unionFS(subs), nil
}

// unionFS overlays file systems: a name resolves in the first one that has
// it, and a folder lists the entries of all of them.
type unionFS []fs.FS

func (u unionFS) Open(name string) (fs.File, error) {
	var first error
	for _, f := range u {
		file, err := f.Open(name)
		if err == nil {
			return file, nil
		}
		if first == nil || !errors.Is(err, fs.ErrNotExist) {
			first = err
		}
	}
	return nil, first
}

func (u unionFS) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]bool{}
	var out []fs.DirEntry
	found := false
	for _, f := range u {
		entries, err := fs.ReadDir(f, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		found = true
		for _, e := range entries {
			if !seen[e.Name()] {
				seen[e.Name()] = true
				out = append(out, e)
			}
		}
	}
	if !found {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

// Source returns the root of cfg.Docs that holds the docs file rel (as in
// a diagnostic's position), joined with rel, for messages.
func Source(fsys fs.FS, docs []string, rel string) string {
	if len(docs) == 0 {
		docs = []string{"."}
	}
	for _, r := range docs {
		if _, err := fs.Stat(fsys, path.Join(r, rel)); err == nil {
			return path.Join(r, rel)
		}
	}
	return path.Join(docs[0], rel)
}
