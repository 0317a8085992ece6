package main

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"

	"github.com/rogpeppe/go-internal/testscript"
)

// The commands of testdata/script/readme.txtar, which follows the README
// from a clone to a package built in a fresh module with the README's own
// command blocks and files.

// cmdReadme writes the fenced block that follows the line
// "<!-- readme-test: NAME -->" of README.md to FILE:
//
//	readme NAME FILE
func cmdReadme(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: readme NAME FILE")
	}
	f, err := os.Open(filepath.Join(repoRoot, "README.md"))
	ts.Check(err)
	defer f.Close()
	marker := "<!-- readme-test: " + args[0] + " -->"
	var block []string
	found, in, fence := false, false, ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == marker:
			if found {
				ts.Fatalf("README.md: %s appears twice", marker)
			}
			found = true
			fence = "next"
		case fence == "next":
			if !strings.HasPrefix(line, "```") {
				ts.Fatalf("README.md: %s is not followed by a fenced block", marker)
			}
			fence, in = line[:strings.LastIndex(line, "`")+1], true
		case in && line == fence:
			in, fence = false, ""
		case in:
			block = append(block, line)
		}
	}
	ts.Check(sc.Err())
	if !found || in {
		ts.Fatalf("README.md: no complete block after %s", marker)
	}
	name := ts.MkAbs(args[1])
	ts.Check(os.MkdirAll(filepath.Dir(name), 0o755))
	ts.Check(os.WriteFile(name, []byte(strings.Join(block, "\n")+"\n"), 0o644))
}

// cmdUpstream copies this checkout (the files git tracks, and the new
// ones it does not ignore, as they are on disk) into a new git repository
// DIR with one commit, sets $UPSTREAM_REV to that commit, and makes git
// clone it for the README's https://github.com/apidocgen/apidocgen (with
// url.DIR.insteadOf in $HOME/.gitconfig):
//
//	upstream DIR
func cmdUpstream(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: upstream DIR")
	}
	dir := ts.MkAbs(args[0])
	list := exec.Command("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	list.Dir = repoRoot
	out, err := list.Output()
	if err != nil {
		ts.Fatalf("git ls-files in the checkout: %v", err)
	}
	for _, name := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		data, err := os.ReadFile(filepath.Join(repoRoot, name))
		if os.IsNotExist(err) {
			continue // deleted in the work tree
		}
		ts.Check(err)
		dst := filepath.Join(dir, filepath.FromSlash(name))
		ts.Check(os.MkdirAll(filepath.Dir(dst), 0o755))
		ts.Check(os.WriteFile(dst, data, 0o644))
	}
	git := func(dir string, args ...string) string {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "HOME="+ts.Getenv("HOME"), "GIT_CONFIG_NOSYSTEM=1",
			"GIT_AUTHOR_NAME=readme", "GIT_AUTHOR_EMAIL=readme@example.com",
			"GIT_COMMITTER_NAME=readme", "GIT_COMMITTER_EMAIL=readme@example.com")
		out, err := cmd.CombinedOutput()
		if err != nil {
			ts.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return strings.TrimSpace(string(out))
	}
	git(dir, "init", "-q")
	git(dir, "add", "-A")
	git(dir, "commit", "-q", "-m", "snapshot of the checkout under test")
	ts.Setenv("UPSTREAM_REV", git(dir, "rev-parse", "HEAD"))
	home := ts.Getenv("HOME")
	ts.Check(os.MkdirAll(home, 0o755))
	git(dir, "config", "--file", filepath.Join(home, ".gitconfig"), "url."+dir+".insteadOf", "https://github.com/apidocgen/apidocgen")
}

var outerGoEnv struct {
	once sync.Once
	env  map[string]string
	err  error
}

// cmdGoEnv sets the Go environment of a script that builds modules: the
// build and module caches of the user running the tests (the script's
// HOME is its own); the module proxies of that user without "direct",
// then "off", so an unpublished module such as apidocgen itself falls
// back to its replace; no checksum database (the modules come from the
// cache or the proxy); no GOFLAGS of the user's.
//
//	goenv
func cmdGoEnv(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 0 {
		ts.Fatalf("usage: goenv")
	}
	outerGoEnv.once.Do(func() {
		out, err := exec.Command("go", "env", "-json", "GOCACHE", "GOMODCACHE", "GOPROXY").Output()
		if err == nil {
			err = json.Unmarshal(out, &outerGoEnv.env)
		}
		outerGoEnv.err = err
	})
	ts.Check(outerGoEnv.err)
	var proxies []string
	for _, p := range strings.FieldsFunc(outerGoEnv.env["GOPROXY"], func(r rune) bool { return r == ',' || r == '|' }) {
		if p != "direct" && p != "off" {
			proxies = append(proxies, p)
		}
	}
	ts.Setenv("GOCACHE", outerGoEnv.env["GOCACHE"])
	ts.Setenv("GOMODCACHE", outerGoEnv.env["GOMODCACHE"])
	ts.Setenv("GOPROXY", strings.Join(append(proxies, "off"), "|"))
	ts.Setenv("GOSUMDB", "off")
	ts.Setenv("GOFLAGS", "")
	ts.Setenv("GOTOOLCHAIN", "local")
	ts.Setenv("GOWORK", "off")
}
