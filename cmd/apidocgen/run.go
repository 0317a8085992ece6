package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"runtime/debug"
	"strings"
)

// Exit codes.
const (
	exitOK    = 0
	exitFound = 1 // findings, or stale output with -check
	exitError = 2 // usage or I/O error
)

type command struct {
	name    string
	summary string
	run     func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"generate", "generate Go and JSON Schema from the docs (or check they are fresh)", runGenerate},
		{"model", "print the type model of a docs folder as JSON", runModel},
		{"lint", "check the docs and report findings", func(args []string, _ io.Reader, stdout, stderr io.Writer) int {
			return runLint(args, stdout, stderr)
		}},
		{"version", "print the version", runVersion},
		{"help", "explain a command", runHelp},
	}
}

// run is the whole program: it parses args, runs a command and returns the
// exit code. It writes only to stdout and stderr.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitError
	}
	switch args[0] {
	case "-h", "-help", "--help":
		usage(stdout)
		return exitOK
	case "-version", "--version":
		return runVersion(nil, stdin, stdout, stderr)
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], stdin, stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "apidocgen: unknown command %q (run \"apidocgen help\")\n", args[0])
	return exitError
}

func usage(w io.Writer) {
	fmt.Fprint(w, `apidocgen turns Graph-style REST API reference Markdown into a type model,
Go code and JSON Schema, and lints the docs.

Usage:

	apidocgen <command> [flags] [arguments]

Commands:

`)
	for _, c := range commands() {
		fmt.Fprintf(w, "	%-9s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Run "apidocgen <command> -h" for the flags of a command.
Exit codes: 0 success, 1 findings or stale output, 2 usage or I/O error.
`)
}

func runHelp(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stdout)
		return exitOK
	}
	if len(args) > 1 {
		fmt.Fprintln(stderr, "apidocgen help: want at most one command name")
		return exitError
	}
	switch args[0] {
	case "help", "version":
		usage(stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run([]string{"-h"}, stdin, stdout, stdout)
		}
	}
	fmt.Fprintf(stderr, "apidocgen help: unknown command %q\n", args[0])
	return exitError
}

func runVersion(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintln(stderr, "apidocgen version: takes no arguments")
		return exitError
	}
	bi, _ := debug.ReadBuildInfo()
	fmt.Fprintf(stdout, "apidocgen %s\n", version(bi))
	return exitOK
}

// version describes the build of the running command from its build
// information: the version of the module that holds the command, "=> DIR"
// when a replace directive points it at a folder, and, for a build inside
// the module's own checkout, the VCS revision, its time and whether the
// checkout was modified:
//
//	v1.2.3                                   (go install ...@v1.2.3)
//	v0.0.0-20261129...-0123456789ab (git 0123456789abcdef..., 2026-11-29T10:00:00Z)
//	v0.0.0-00010101000000-000000000000 => ../apidocgen   (go tool, with a replace)
//	(devel)                                   (no build information)
func version(bi *debug.BuildInfo) string {
	if bi == nil {
		return "(devel)"
	}
	mod, main := &bi.Main, true
	if !inModule(mod.Path, bi.Path) {
		// go run or go tool from another module: the command's module is
		// the dependency with the longest path that holds it.
		main = false
		for _, d := range bi.Deps {
			if inModule(d.Path, bi.Path) && (!inModule(mod.Path, bi.Path) || len(d.Path) > len(mod.Path)) {
				mod = d
			}
		}
	}
	v := mod.Version
	if v == "" {
		v = "(devel)"
	}
	if r := mod.Replace; r != nil {
		v += " => " + r.Path
		if r.Version != "" && r.Version != "(devel)" {
			v += " " + r.Version
		}
	}
	if !main {
		return v
	}
	var vcs []string
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	if rev := settings["vcs.revision"]; rev != "" {
		vcs = append(vcs, settings["vcs"]+" "+rev)
		if t := settings["vcs.time"]; t != "" {
			vcs = append(vcs, t)
		}
		if settings["vcs.modified"] == "true" {
			vcs = append(vcs, "modified")
		}
		v += " (" + strings.Join(vcs, ", ") + ")"
	}
	return v
}

// inModule reports whether package path pkg is in module mod.
func inModule(mod, pkg string) bool {
	return mod != "" && (pkg == mod || strings.HasPrefix(pkg, mod+"/"))
}

// newFlags returns a flag set whose -h output starts with synopsis and
// desc, and whose errors go to stderr.
func newFlags(name, synopsis, desc string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("apidocgen "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: apidocgen %s\n\n%s\n", synopsis, strings.TrimSpace(desc))
		hasFlags := false
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprint(w, "\nFlags:\n")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parseFlags parses args; ok is false when the command should stop with
// code: 0 after printing the usage for -h, 2 after printing one line for a
// bad flag (the flag package would print the whole usage after it).
func parseFlags(fs *flag.FlagSet, args []string) (code int, ok bool) {
	out, usage := fs.Output(), fs.Usage
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	err := fs.Parse(args)
	fs.SetOutput(out)
	fs.Usage = usage
	switch {
	case err == nil:
		return 0, true
	case errors.Is(err, flag.ErrHelp):
		fs.Usage()
		return exitOK, false
	}
	return usageError(out, fs.Name(), err.Error()), false
}

// usageError prints a usage problem of command name ("apidocgen lint") as
// one line, with a pointer to the command's help, and returns exitError.
func usageError(w io.Writer, name, msg string) int {
	fmt.Fprintf(w, "%s: %s (run \"%s -h\")\n", name, msg, name)
	return exitError
}

// fail prints err as one line that starts with prefix ("apidocgen" or
// "apidocgen lint") and returns exitError. An error of several lines (two
// failures joined) is written on one, its lines separated by "; ".
func fail(w io.Writer, prefix string, err error) int {
	fmt.Fprintf(w, "%s: %s\n", prefix, lineBreaks.ReplaceAllString(strings.TrimSpace(err.Error()), "; "))
	return exitError
}

var lineBreaks = regexp.MustCompile(`[ \t\r]*\n\s*`)

// listFlag is a comma-separated list.
type listFlag struct {
	vals []string
	set  bool
}

func (l *listFlag) String() string { return strings.Join(l.vals, ",") }
func (l *listFlag) Set(s string) error {
	l.set = true
	l.vals = nil
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			l.vals = append(l.vals, v)
		}
	}
	return nil
}
