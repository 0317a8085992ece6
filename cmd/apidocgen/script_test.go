package main

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"apidocgen": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"snapshot": cmdSnapshot,
			"age":      cmdAge,
			"changed":  cmdChanged,
			"readme":   cmdReadme,
			"upstream": cmdUpstream,
			"goenv":    cmdGoEnv,
		},
		RequireExplicitExec: true,
	})
}

// cmdSnapshot writes one line per file under DIR to FILE: the path, a hash
// of the content and the modification time, so two snapshots compared
// with cmp show any file that was added, removed, rewritten or touched.
func cmdSnapshot(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: snapshot DIR FILE")
	}
	root := ts.MkAbs(args[0])
	var lines []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		st, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		lines = append(lines, fmt.Sprintf("%s %x %s", filepath.ToSlash(rel), sha256.Sum256(data), st.ModTime().UTC().Format(time.RFC3339Nano)))
		return nil
	})
	ts.Check(err)
	sort.Strings(lines)
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(strings.Join(lines, "\n")+"\n"), 0o644))
}

// cmdAge sets the modification time of every file under DIR to a fixed
// time in the past, so that a rewrite shows in a snapshot whatever the
// file system's timestamp resolution.
func cmdAge(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: age DIR")
	}
	past := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	err := filepath.WalkDir(ts.MkAbs(args[0]), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		return os.Chtimes(p, past, past)
	})
	ts.Check(err)
}

// cmdChanged prints the paths whose line differs between two snapshots,
// or that are in only one of them, one per line.
func cmdChanged(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: changed BEFORE AFTER")
	}
	read := func(name string) map[string]string {
		m := map[string]string{}
		for _, l := range strings.Split(strings.TrimSpace(ts.ReadFile(name)), "\n") {
			if p, rest, ok := strings.Cut(l, " "); ok {
				m[p] = rest
			}
		}
		return m
	}
	a, b := read(args[0]), read(args[1])
	var out []string
	for p, v := range a {
		if b[p] != v {
			out = append(out, p)
		}
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	for _, p := range out {
		fmt.Fprintln(ts.Stdout(), p)
	}
}
