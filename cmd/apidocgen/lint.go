package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/apidocgen/apidocgen/generator/crosscheck"
	"github.com/apidocgen/apidocgen/generator/lint"
	"github.com/apidocgen/apidocgen/generator/metadata"
	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
)

const lintUsage = `usage: apidocgen lint [flags] [DOCS_DIR] [FILE...]

Lints the Markdown docs tree DOCS_DIR (or -dir; default ".") and reports
findings. With FILE arguments (or -changed) only those pages are reported
on; links and types still resolve against the whole tree.

With -metadata FILE (or metadata: in the configuration) the docs are also
checked against the API's OData CSDL metadata (metadata-* rules, csdl-*
for problems in the file), and -summary writes how well they agree.

Exit status: 0 no error findings, 1 error findings, 2 usage or I/O failure.

Flags:
`

// runLint runs the "lint" verb and returns the process exit code.
func runLint(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("apidocgen lint", flag.ContinueOnError)
	fl.SetOutput(stderr)
	dir := fl.String("dir", ".", "docs root `directory` (holding api/ and resources/)")
	format := fl.String("format", "text", "output `format`: text, json, sarif, github or junit")
	configPath := fl.String("config", "", "configuration `file` (default: "+lint.ConfigFileName+" in -dir, if present)")
	preset := fl.String("preset", "", "rule `preset`: auto (detect), graph (with Graph's house conventions) or core (overrides preset in the config; default auto)")
	baselinePath := fl.String("baseline", "", "baseline `file`: report only findings not in it")
	writeBaseline := fl.Bool("write-baseline", false, "write all current findings to the -baseline file and exit 0")
	changed := fl.Bool("changed", false, "report only pages changed since git merge-base HEAD <-base>")
	base := fl.String("base", "", "git `revision` whose merge base with HEAD -changed compares with (default origin/main)")
	listRules := fl.Bool("rules", false, "list every rule (ID, severity, summary) and exit")
	outPath := fl.String("o", "", "write the report to `file` instead of standard output")
	metaFile := fl.String("metadata", "", "API metadata (CSDL XML) `file` to check the docs against")
	summaryPath := fl.String("summary", "", "write the docs' agreement with the metadata to `file` (JSON if it ends in .json, else text; - for standard error)")
	prefix := fl.String("prefix", "", "`path` of the docs root relative to the repository root, for github, sarif and junit output (default: found with git)")
	fl.Usage = func() {
		fmt.Fprint(fl.Output(), lintUsage)
		fl.PrintDefaults()
	}
	if code, ok := parseFlags(fl, args); !ok {
		return code
	}
	// The docs tree may be given as the first argument instead of -dir.
	dirSet := false
	fl.Visit(func(f *flag.Flag) { dirSet = dirSet || f.Name == "dir" })
	fileArgs := fl.Args()
	if !dirSet && len(fileArgs) > 0 {
		if st, err := os.Stat(fileArgs[0]); err == nil && st.IsDir() {
			*dir, fileArgs = fileArgs[0], fileArgs[1:]
		}
	}
	if !validFormat(*format) {
		fmt.Fprintf(stderr, "apidocgen lint: unknown format %q (want %s)\n", *format, strings.Join(lint.Formats, ", "))
		return 2
	}
	if *preset != "" && !slices.Contains(lint.Presets, *preset) {
		fmt.Fprintf(stderr, "apidocgen lint: unknown preset %q (want %s)\n", *preset, strings.Join(lint.Presets, ", "))
		return 2
	}

	var cfg *lint.Config
	cfgFile := *configPath
	if cfgFile == "" {
		if p := filepath.Join(*dir, lint.ConfigFileName); fileExists(p) {
			cfgFile = p
		}
	}
	if cfgFile != "" {
		data, err := os.ReadFile(cfgFile)
		if err != nil {
			return fail(stderr, "apidocgen lint", err)
		}
		cfg, err = lint.ParseConfig(cfgFile, data)
		if err != nil {
			return fail(stderr, "apidocgen lint", err)
		}
	}

	if *preset != "" {
		if cfg == nil {
			cfg = &lint.Config{}
		}
		cfg.Preset = *preset
	}

	if *listRules {
		for _, r := range lint.AllRules() {
			summary := r.Summary
			if lint.IsGraphConvention(r.ID) {
				summary += " [graph preset]"
			}
			fmt.Fprintf(stdout, "%-34s %-8s %s\n", r.ID, cfg.RuleSeverity(r.ID, r.Severity), summary)
		}
		return 0
	}

	if st, err := os.Stat(*dir); err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fail(stderr, "apidocgen lint", fmt.Errorf("docs folder %s: %w", *dir, err))
	} else if !st.IsDir() {
		return fail(stderr, "apidocgen lint", fmt.Errorf("docs folder %s is not a folder", *dir))
	}
	if *metaFile == "" && cfg != nil {
		*metaFile = cfg.Metadata
	}
	if *summaryPath != "" && *metaFile == "" {
		fmt.Fprintln(stderr, "apidocgen lint: -summary needs -metadata FILE")
		return 2
	}
	// The metadata is read while the docs are.
	type metaResult struct {
		m   *model.Model
		err error
	}
	metaDone := make(chan metaResult, 1)
	if *metaFile != "" {
		go func() {
			m, err := readMetadata(*metaFile, relativeTo(*dir, *metaFile))
			metaDone <- metaResult{m, err}
		}()
	}

	fsys := os.DirFS(*dir)
	pages, err := input.Load(fsys)
	if err != nil {
		return fail(stderr, "apidocgen lint", fmt.Errorf("docs folder %s: %w", *dir, err))
	}
	if len(pages) == 0 {
		fmt.Fprintf(stderr, "apidocgen lint: no Markdown pages under %s\n", *dir)
		return 2
	}
	files, err := allFiles(fsys)
	if err != nil {
		return fail(stderr, "apidocgen lint", err)
	}
	opts := lint.Options{Config: cfg, Files: files}
	if *metaFile != "" {
		r := <-metaDone
		if r.err != nil {
			return fail(stderr, "apidocgen lint", r.err)
		}
		if metadata.Unusable(r.m) {
			return fail(stderr, "apidocgen lint", notCSDL(*metaFile, r.m, nil))
		}
		opts.Metadata = r.m
		if cfg != nil {
			opts.CrossCheck.MissingTypeKinds = cfg.MetadataTypes
		}
	}

	if len(fileArgs) > 0 || *changed {
		only := map[string]bool{}
		for _, a := range fileArgs {
			rel, err := relToDir(*dir, a)
			if err != nil {
				return fail(stderr, "apidocgen lint", err)
			}
			only[rel] = true
		}
		if *changed {
			list, err := lint.ChangedFiles(*dir, *base)
			if err != nil {
				return fail(stderr, "apidocgen lint", fmt.Errorf("-changed: %w", err))
			}
			for _, f := range list {
				only[f] = true
			}
		}
		opts.Only = only
	}

	if *baselinePath != "" && !*writeBaseline {
		data, err := os.ReadFile(*baselinePath)
		if err != nil {
			return fail(stderr, "apidocgen lint", err)
		}
		opts.Baseline, err = lint.ParseBaseline(data)
		if err != nil {
			return fail(stderr, "apidocgen lint", fmt.Errorf("%s: %w", *baselinePath, err))
		}
	}

	report := lint.CheckReport(pages, opts)
	ds := report.Findings
	if *summaryPath != "" {
		if err := writeSummary(*summaryPath, report.Agreement, stderr); err != nil {
			return fail(stderr, "apidocgen lint", err)
		}
	}

	if *writeBaseline {
		if *baselinePath == "" {
			fmt.Fprintln(stderr, "apidocgen lint: -write-baseline needs -baseline FILE")
			return 2
		}
		if err := os.WriteFile(*baselinePath, lint.NewBaseline(ds).Marshal(), 0o644); err != nil {
			return fail(stderr, "apidocgen lint", err)
		}
		fmt.Fprintf(stderr, "apidocgen lint: wrote %d findings to %s\n", len(ds), *baselinePath)
		return 0
	}

	if *prefix == "" && (*format == "github" || *format == "sarif" || *format == "junit") {
		*prefix = gitPrefix(*dir)
	}
	if *prefix != "" && !strings.HasSuffix(*prefix, "/") {
		*prefix += "/"
	}
	w := stdout
	var f *os.File
	if *outPath != "" {
		f, err = os.Create(*outPath)
		if err != nil {
			return fail(stderr, "apidocgen lint", err)
		}
		w = f
	}
	werr := lint.Write(w, *format, ds, lint.ReportOptions{Prefix: *prefix})
	if f != nil {
		if err := f.Close(); werr == nil {
			werr = err
		}
	}
	if werr != nil {
		return fail(stderr, "apidocgen lint", werr)
	}
	counts := map[model.Severity]int{}
	for _, d := range ds {
		counts[d.Severity]++
	}
	if *format == "text" && *outPath == "" && len(ds) > 0 {
		name, detected := lint.ResolvePreset(cfg, pages)
		how := "set"
		if detected {
			how = "detected"
		}
		fmt.Fprintf(stderr, "%d errors, %d warnings, %d infos (preset %s, %s)\n", counts[model.SevError], counts[model.SevWarning], counts[model.SevInfo], name, how)
	}
	if counts[model.SevError] > 0 {
		return 1
	}
	return 0
}

func validFormat(f string) bool {
	for _, x := range lint.Formats {
		if x == f {
			return true
		}
	}
	return false
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

// allFiles lists every file of fsys (slash paths), following symbolic
// links as input.Load does and skipping hidden folders. Entries that
// cannot be read are left out: a page among them is reported by the
// compiler, and a link to any of them as a broken link.
func allFiles(fsys fs.FS) ([]string, error) {
	var out []string
	hidden := func(dir string) bool { return strings.HasPrefix(path.Base(dir), ".") }
	err := input.WalkFiles(fsys, hidden, func(p string) { out = append(out, p) }, func(string, error) {})
	sort.Strings(out)
	return out, err
}

// relToDir turns a FILE argument into a slash path relative to dir: a path
// that exists relative to the working directory is taken as such, anything
// else as already relative to dir.
func relToDir(dir, arg string) (string, error) {
	if fileExists(arg) {
		absDir, err := filepath.Abs(dir)
		if err != nil {
			return "", err
		}
		absArg, err := filepath.Abs(arg)
		if err != nil {
			return "", err
		}
		rel, err := filepath.Rel(absDir, absArg)
		if err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel), nil
		}
	}
	if fileExists(filepath.Join(dir, arg)) {
		return filepath.ToSlash(filepath.Clean(arg)), nil
	}
	return "", fmt.Errorf("%s: no such page in %s", arg, dir)
}

// gitPrefix returns dir relative to its git work tree root ("" if not in one).
func gitPrefix(dir string) string {
	out, err := exec.Command("git", "-C", dir, "rev-parse", "--show-prefix").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// relativeTo returns file as a slash path relative to dir, so that the
// metadata's positions share the base of the docs' (file as given when
// that fails).
func relativeTo(dir, file string) string {
	absDir, err1 := filepath.Abs(dir)
	absFile, err2 := filepath.Abs(file)
	if err1 == nil && err2 == nil {
		if rel, err := filepath.Rel(absDir, absFile); err == nil {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(file)
}

// writeSummary writes the agreement summary to path: JSON when it ends in
// .json, text otherwise, and text to stderr for "-".
func writeSummary(path string, s *crosscheck.Summary, stderr io.Writer) error {
	if s == nil {
		s = &crosscheck.Summary{}
	}
	if path == "-" {
		return s.WriteText(stderr)
	}
	var buf bytes.Buffer
	if strings.HasSuffix(path, ".json") {
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		if err := enc.Encode(s); err != nil {
			return err
		}
	} else if err := s.WriteText(&buf); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
