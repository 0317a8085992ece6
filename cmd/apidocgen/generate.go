package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/apidocgen/apidocgen/generator"
	"github.com/apidocgen/apidocgen/generator/metadata"
	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/output"
)

const generateDesc = `
Generate reads the docs and writes the Go package and the JSON Schema bundle
that apidocgen.yaml (or the flags) ask for. It reads ./apidocgen.yaml when
present (the folder of the //go:generate line when run by go generate), or
the file given with -config; paths in the file are relative to the file.
Flags override the file; paths in flags are relative to the current folder.

A file is rewritten only when its bytes change; files generated earlier and
no longer produced are removed; a file of the same name that apidocgen did
not generate is an error and is left alone. The switch from the old files
to the new ones is one step: a run that fails or is killed leaves the old
files, or (finished by the next run) the new ones, never a mix. One run at
a time writes an output folder: a second one waits (-wait) for the first.

A docs folder without pages is an error, and so is one that would remove
most of the types of the package or schema generated before
(-allow-shrink accepts it), or a go.dir that holds the package of another
configuration file.

With -check nothing is written: the command prints a unified diff of the
files that would be added, changed or removed and exits 1 when the output
is stale, 0 when it is fresh.

Problems found in the docs are counted in the summary line; -v prints them,
and "apidocgen lint" checks the docs in detail.

With -metadata FILE (or metadata: in the config) the package and schema are
generated from the API's OData CSDL metadata instead of docs. Metadata with
errors writes nothing and exits 1; a file that is not CSDL at all exits 2.`

type generateFlags struct {
	config      string
	docs        listFlag
	metadata    string
	goDir       string
	pkg         string
	schema      string
	roots       listFlag
	check       bool
	verbose     bool
	allowShrink bool
	wait        time.Duration
}

func runGenerate(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	var f generateFlags
	fl := newFlags("generate", "generate [flags]", generateDesc, stderr)
	fl.StringVar(&f.config, "config", "", "configuration `file` (default ./"+generator.ConfigFile+" when present)")
	fl.Var(&f.docs, "docs", "docs `folders`, comma-separated (overrides docs in the config)")
	fl.StringVar(&f.metadata, "metadata", "", "generate from this CSDL metadata `file` instead of docs (overrides metadata in the config)")
	fl.StringVar(&f.goDir, "go", "", "output `folder` of the Go package (overrides go.dir)")
	fl.StringVar(&f.pkg, "package", "", "Go package `name` (overrides go.package; default "+generator.DefaultPackage+")")
	fl.StringVar(&f.schema, "schema", "", "output `file` of the JSON Schema bundle (overrides schema.file)")
	fl.Var(&f.roots, "roots", "generate Go only for the types reachable from these `types`, comma-separated qualified or short names (overrides roots)")
	fl.BoolVar(&f.check, "check", false, "write nothing; print a diff and exit 1 if the output is stale")
	fl.BoolVar(&f.verbose, "v", false, "print every diagnostic found in the docs")
	fl.BoolVar(&f.allowShrink, "allow-shrink", false, "write even when the docs give less than half the types of the last run")
	fl.DurationVar(&f.wait, "wait", 2*time.Minute, "how long to wait for another run writing the same output")
	if code, ok := parseFlags(fl, args); !ok {
		return code
	}
	if fl.NArg() > 0 {
		return usageError(stderr, fl.Name(), fmt.Sprintf("unexpected argument %q (docs are set with -docs or in the config)", fl.Arg(0)))
	}
	start := time.Now()
	job, err := prepare(f)
	if err != nil {
		return fail(stderr, "apidocgen", err)
	}
	res, err := generator.Run(context.Background(), job.docsFS, job.cfg)
	if err != nil {
		return fail(stderr, "apidocgen", err)
	}
	if job.cfg.Metadata != "" && metadata.Unusable(res.Model) {
		return fail(stderr, "apidocgen", notCSDL(job.docPath(job.cfg.Metadata), res.Model, func(d model.Diagnostic) string { return formatDiagnostic(job, d) }))
	}
	if printDiagnostics(stderr, job, res.Diagnostics, f.verbose) {
		fmt.Fprintln(stderr, "apidocgen: configuration errors; nothing written")
		return exitError
	}
	if job.cfg.Metadata != "" && res.Stats.Errors > 0 {
		fmt.Fprintf(stderr, "apidocgen: the metadata has %d errors; nothing written\n", res.Stats.Errors)
		return exitFound
	}
	if job.cfg.Metadata == "" && res.Stats.Pages == res.Stats.Unreadable {
		fmt.Fprintf(stderr, "apidocgen: no Markdown page (*.md) could be read in %s: nothing generated, and the output was left as it is\n", job.docsNames())
		return exitError
	}

	files, areas := job.collect(res)
	var man manifest
	var manFile output.File
	if job.cfg.GoDir != "" {
		man, manFile = job.manifestFile(res.Stats)
		files = append(files, manFile)
		files.Sort()
	}
	guard := job.guard(manFile.Path, man, job.cfg.Schema, f.allowShrink)
	var sum output.Summary
	verb := "written"
	if f.check {
		rep, err := output.Check{Root: job.outRoot, Areas: areas, Guard: guard}.Run(files)
		if err != nil {
			return fail(stderr, "apidocgen", job.relErr(err))
		}
		io.WriteString(stdout, rep.Diff(job.diffPrefix()))
		sum = rep.Summary
		verb = "stale"
	} else {
		waiting := func(holder string) {
			fmt.Fprintf(stderr, "apidocgen: waiting for another apidocgen run (%s) writing %s\n", holder, job.rel(job.outRoot))
		}
		sum, err = output.Dir{Root: job.outRoot, Areas: areas, Guard: guard, Wait: f.wait, Waiting: waiting}.Write(files)
		if err != nil {
			return fail(stderr, "apidocgen", job.relErr(err))
		}
	}
	read := fmt.Sprintf("%d pages", res.Stats.Pages)
	if job.cfg.Metadata != "" {
		read = "metadata " + job.docPath(job.cfg.Metadata)
	}
	fmt.Fprintf(stderr, "apidocgen: %s, %d types, %s; %d %s, %d unchanged, %d removed (%s)\n",
		read, res.Stats.Types, diagCount(res.Stats), sum.Written(), verb, len(sum.Unchanged), len(sum.Removed),
		time.Since(start).Round(time.Millisecond))
	if f.check && sum.Stale() {
		fmt.Fprintln(stderr, "apidocgen: generated files are stale; run apidocgen generate (or go generate) to update them")
		return exitFound
	}
	return exitOK
}

func diagCount(s generator.Stats) string {
	n := s.Errors + s.Warnings + s.Infos
	if n == 0 {
		return "no diagnostics"
	}
	return fmt.Sprintf("%d diagnostics (%d errors, %d warnings)", n, s.Errors, s.Warnings)
}

// maxShown is how many error diagnostics generate prints without -v.
const maxShown = 10

// printDiagnostics prints the diagnostics of a run: all of them with
// verbose; otherwise the first maxShown errors found in the docs, every
// diagnostic without a position (those are about the configuration, such
// as an unknown root type or an override that names nothing) and a count
// of the rest. It reports whether a configuration diagnostic is an error.
func printDiagnostics(w io.Writer, job *job, diags []model.Diagnostic, verbose bool) (configErr bool) {
	shown, hidden, hiddenErrs := 0, 0, 0
	for _, d := range diags {
		isConfig := !d.Pos.IsValid()
		if isConfig && d.Severity == model.SevError {
			configErr = true
		}
		if verbose || isConfig || (d.Severity == model.SevError && shown < maxShown) {
			fmt.Fprintln(w, formatDiagnostic(job, d))
			if !isConfig {
				shown++
			}
			continue
		}
		hidden++
		if d.Severity == model.SevError {
			hiddenErrs++
		}
	}
	if hidden > 0 {
		fmt.Fprintf(w, "apidocgen: %d more diagnostics (%d errors) not shown; run with -v, or \"apidocgen lint\" to check the docs\n", hidden, hiddenErrs)
	}
	return configErr
}

// formatDiagnostic prints d as "file:line:col: severity: message [rule]"
// with the file relative to the current folder, or without the position
// when it has none (a problem with the configuration, such as an unknown
// root type).
func formatDiagnostic(j *job, d model.Diagnostic) string {
	if !d.Pos.IsValid() {
		return fmt.Sprintf("apidocgen: %s: %s [%s]", d.Severity, d.Message, d.Rule)
	}
	d.Pos.File = j.docPath(d.Pos.File)
	return d.String()
}

// A job is a generate run with every path resolved.
type job struct {
	cwd       string
	cfg       generator.Config // Docs relative to docsFS; GoDir and Schema relative to outRoot
	docsFS    fs.FS
	docsAbs   []string
	docsDir   string // the folder docsFS is rooted at
	outRoot   string // common folder of the outputs
	configAbs string // the configuration file, "" for flags only
	goDirAbs  string
	schemaAbs string
}

// prepare reads the configuration, applies the flags and resolves paths.
func prepare(f generateFlags) (*job, error) {
	cwd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	j := &job{cwd: cwd}
	cfg := &generator.Config{}
	base := cwd // folder that config paths are relative to
	name := f.config
	if name == "" {
		if _, err := os.Stat(generator.ConfigFile); err == nil {
			name = generator.ConfigFile
		}
	}
	if name != "" {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("read config: %w", err)
		}
		cfg, err = generator.ParseConfig(name, data)
		if err != nil {
			return nil, err
		}
		base = filepath.Dir(abs(cwd, name))
		j.configAbs = abs(cwd, name)
	}
	// Resolve the paths of the file against its folder, those of the
	// flags against the current folder.
	var docs []string
	for _, d := range cfg.Docs {
		docs = append(docs, abs(base, d))
	}
	if f.docs.set {
		docs = nil
		for _, d := range f.docs.vals {
			docs = append(docs, abs(cwd, d))
		}
	}
	goDir, schema := "", ""
	if cfg.GoDir != "" {
		goDir = abs(base, cfg.GoDir)
	}
	if cfg.Schema != "" {
		schema = abs(base, cfg.Schema)
	}
	if f.goDir != "" {
		goDir = abs(cwd, f.goDir)
	}
	if f.schema != "" {
		schema = abs(cwd, f.schema)
	}
	if f.pkg != "" {
		if msg := generator.CheckPackageName(f.pkg); msg != "" {
			return nil, fmt.Errorf("-package: %s", msg)
		}
		cfg.Package = f.pkg
	}
	if f.roots.set {
		cfg.Roots = f.roots.vals
	}
	meta := ""
	if cfg.Metadata != "" {
		meta = abs(base, cfg.Metadata)
	}
	switch {
	case f.metadata != "" && f.docs.set:
		return nil, errors.New("-docs and -metadata: generate from one or the other")
	case f.metadata != "":
		meta, docs = abs(cwd, f.metadata), nil
	case f.docs.set:
		meta = ""
	case meta != "" && len(docs) > 0:
		return nil, errors.New(generator.ConfigFile + " sets both docs and metadata: generate from one or the other")
	}
	if len(docs) == 0 && meta == "" {
		return nil, errors.New("no docs to read: set docs (or metadata) in " + generator.ConfigFile + ", or pass -docs (or -metadata)")
	}
	if goDir == "" && schema == "" {
		return nil, errors.New("nothing to generate: set go.dir or schema.file in " + generator.ConfigFile + ", or pass -go or -schema")
	}
	for _, d := range docs {
		st, err := os.Stat(d)
		if err != nil {
			return nil, fmt.Errorf("docs folder: %w", err)
		}
		if !st.IsDir() {
			return nil, fmt.Errorf("docs folder %s is not a folder", j.rel(d))
		}
	}
	cfg.Docs, cfg.Metadata = nil, ""
	if meta != "" {
		if st, err := os.Stat(meta); err != nil {
			return nil, fmt.Errorf("metadata: %w", err)
		} else if st.IsDir() {
			return nil, fmt.Errorf("metadata %s is a folder; want a CSDL XML file", j.rel(meta))
		}
		j.docsDir = filepath.Dir(meta)
		cfg.Metadata = filepath.Base(meta)
	} else {
		j.docsAbs = docs
		j.docsDir = commonDir(docs)
		for _, d := range docs {
			cfg.Docs = append(cfg.Docs, relSlash(j.docsDir, d))
		}
	}
	j.docsFS = os.DirFS(j.docsDir)
	var outs []string
	if goDir != "" {
		outs = append(outs, goDir)
	}
	if schema != "" {
		if st, err := os.Stat(schema); err == nil && st.IsDir() {
			return nil, fmt.Errorf("schema output %s is a folder; want a file name such as schema.json", j.rel(schema))
		}
		outs = append(outs, filepath.Dir(schema))
	}
	j.outRoot = commonDir(outs)
	j.goDirAbs, j.schemaAbs = goDir, schema
	if goDir != "" {
		cfg.GoDir = relSlash(j.outRoot, goDir)
		if cfg.GoImportPath == "" {
			cfg.GoImportPath = importPathOf(goDir)
		}
	}
	if schema != "" {
		cfg.Schema = relSlash(j.outRoot, schema)
	}
	j.cfg = *cfg
	return j, nil
}

// collect flattens the outputs into files relative to outRoot, with the
// areas where stale generated files are removed.
func (j *job) collect(res *generator.Result) (output.Files, []output.Area) {
	var files output.Files
	areas := []output.Area{} // not nil: nil would mean all of outRoot
	for _, o := range res.Outputs {
		for _, f := range o.Files {
			files = append(files, output.File{Path: path.Join(o.Dir, f.Path), Data: f.Data})
		}
		if o.Exclusive {
			areas = append(areas, output.Area{Dir: o.Dir, Recursive: true})
		}
	}
	files.Sort()
	return files, areas
}

// docsNames lists the docs folders relative to the current folder.
func (j *job) docsNames() string {
	var names []string
	for _, d := range j.docsAbs {
		names = append(names, j.rel(d))
	}
	return strings.Join(names, ", ")
}

// diffPrefix is outRoot relative to the current folder, for diff headers.
func (j *job) diffPrefix() string {
	r := j.rel(j.outRoot)
	if r == "." {
		return ""
	}
	return filepath.ToSlash(r) + "/"
}

// docPath turns a docs-relative path into one relative to the current
// folder.
func (j *job) docPath(file string) string {
	src := generator.Source(j.docsFS, j.cfg.Docs, file)
	return filepath.ToSlash(j.rel(filepath.Join(j.docsDir, filepath.FromSlash(src))))
}

// relErr shows the folder of a name clash relative to the current folder.
func (j *job) relErr(err error) error {
	var ce *output.ConflictError
	if errors.As(err, &ce) {
		c := *ce
		c.Root = j.rel(c.Root)
		return &c
	}
	return err
}

func (j *job) rel(p string) string {
	if r, err := filepath.Rel(j.cwd, p); err == nil {
		return r
	}
	return p
}

func abs(base, p string) string {
	p = filepath.FromSlash(p)
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(base, p)
}

func relSlash(base, p string) string {
	r, err := filepath.Rel(base, p)
	if err != nil {
		return "."
	}
	return filepath.ToSlash(r)
}

// commonDir returns the deepest folder containing every path in ps
// (absolute, cleaned).
func commonDir(ps []string) string {
	c := ps[0]
	for _, p := range ps[1:] {
		for !within(c, p) {
			parent := filepath.Dir(c)
			if parent == c {
				break
			}
			c = parent
		}
	}
	return c
}

func within(dir, p string) bool {
	if dir == p {
		return true
	}
	r, err := filepath.Rel(dir, p)
	return err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator))
}

// importPathOf returns the import path of the Go package in folder dir,
// from the module line of the nearest go.mod above it; "" when there is
// none (the package is then never split into internal packages).
func importPathOf(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		data, err := os.ReadFile(filepath.Join(d, "go.mod"))
		if err == nil {
			mod := modulePath(data)
			if mod == "" {
				return ""
			}
			rel, err := filepath.Rel(d, dir)
			if err != nil {
				return ""
			}
			if rel == "." {
				return mod
			}
			return mod + "/" + filepath.ToSlash(rel)
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// modulePath reads the module path from the text of a go.mod file.
func modulePath(gomod []byte) string {
	for _, line := range strings.Split(string(gomod), "\n") {
		line = strings.TrimSpace(line)
		if i := strings.Index(line, "//"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		rest, ok := strings.CutPrefix(line, "module")
		if !ok || rest == "" || (rest[0] != ' ' && rest[0] != '\t' && rest[0] != '"') {
			continue
		}
		rest = strings.TrimSpace(rest)
		if u, err := strconv.Unquote(rest); err == nil {
			rest = u
		}
		return rest
	}
	return ""
}
