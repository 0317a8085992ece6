package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestErrorsAreOneLine runs every way a command can fail on its input and
// checks what docs/cli.md promises: exit code 2 and one line on stderr
// that starts with "apidocgen: " or "apidocgen COMMAND: ".
func TestErrorsAreOneLine(t *testing.T) {
	dir := t.TempDir()
	abs := func(name string) string { return filepath.Join(dir, name) }
	write := func(name, data string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(abs(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(abs(name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("docs/resources/thing.md", "# thing resource type\n\n## Properties\n| Property | Type | Description |\n|:--|:--|:--|\n| id | String | Key. |\n")
	write("empty.yaml", "")
	write("typo.yaml", "docs: docs\ngo:\n  dri: out\n")
	write("badlint.yaml", "rules:\n  broken-lnk: error\n")
	write("foreign/graph.go", "package graph\n\n// Written by hand.\n")
	write("notdocs/readme.txt", "no pages here\n")
	write("bad-baseline.json", "{")
	write("notcsdl.xml", `{"$Version": "4.01"}`)
	write("feed.xml", `<feed xmlns="http://www.w3.org/2005/Atom"/>`)
	write("csdl.xml", `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="microsoft.graph" xmlns="http://docs.oasis-open.org/odata/ns/edm"><EntityType Name="thing"><Key><PropertyRef Name="id"/></Key>
<Property Name="id" Type="Edm.String" Nullable="false"/></EntityType></Schema></edmx:DataServices></edmx:Edmx>`)
	if err := os.MkdirAll(abs("nopages"), 0o755); err != nil {
		t.Fatal(err)
	}
	cases := [][]string{
		{"frobnicate"},
		{"help", "nosuch"},
		{"help", "a", "b"},
		{"version", "extra"},
		{"generate", "-bogus"},
		{"generate", "-check=maybe"},
		{"generate", "-config", abs("empty.yaml"), "stray"},
		{"generate", "-config", abs("missing.yaml")},
		{"generate", "-config", abs("typo.yaml")},
		{"generate", "-config", abs("empty.yaml")},
		{"generate", "-config", abs("empty.yaml"), "-docs", abs("docs")},
		{"generate", "-config", abs("empty.yaml"), "-docs", abs("nodocs"), "-go", abs("out")},
		{"generate", "-config", abs("empty.yaml"), "-docs", abs("docs"), "-go", abs("foreign")},
		{"generate", "-config", abs("empty.yaml"), "-docs", abs("docs"), "-schema", abs("docs")},
		{"model"},
		{"model", "-bogus"},
		{"model", abs("missing")},
		{"model", abs("empty.yaml")},
		{"lint", "-bogus"},
		{"lint", "-dir", abs("docs"), "-format", "xml"},
		{"lint", "-dir", abs("docs"), "-preset", "strict"},
		{"lint", "-dir", abs("docs"), "-config", abs("badlint.yaml")},
		{"lint", "-dir", abs("docs"), "-config", abs("missing.yaml")},
		{"lint", "-dir", abs("nopages")},
		{"lint", "-dir", abs("missing")},
		{"lint", "-dir", abs("docs"), "-baseline", abs("missing.json")},
		{"lint", "-dir", abs("docs"), "-baseline", abs("bad-baseline.json")},
		{"lint", "-dir", abs("docs"), "-write-baseline"},
		{"lint", "-dir", abs("docs"), "api/nope.md"},
		{"lint", "-dir", abs("docs"), "-o", abs("missing/dir/out.txt")},
		// Metadata that cannot be read or is not CSDL at all.
		{"model", "-metadata", abs("notcsdl.xml")},
		{"model", "-metadata", abs("feed.xml")},
		{"model", "-metadata", abs("missing.xml")},
		{"model", "-metadata", abs("notcsdl.xml"), abs("docs")},
		{"lint", "-metadata", abs("notcsdl.xml"), abs("docs")},
		{"lint", "-metadata", abs("missing.xml"), abs("docs")},
		{"lint", "-summary", "-", abs("docs")},
		{"lint", "-metadata", abs("csdl.xml"), "-summary", abs("missing/dir/summary.json"), abs("docs")},
		{"generate", "-config", abs("empty.yaml"), "-metadata", abs("feed.xml"), "-go", abs("out")},
		{"generate", "-config", abs("empty.yaml"), "-metadata", abs("missing.xml"), "-go", abs("out")},
		{"generate", "-config", abs("empty.yaml"), "-metadata", abs("notcsdl.xml"), "-docs", abs("docs"), "-go", abs("out")},
	}
	line := regexp.MustCompile(`^apidocgen( [a-z]+)?: \S.*\n$`)
	for _, args := range cases {
		var stdout, stderr bytes.Buffer
		code := run(args, strings.NewReader(""), &stdout, &stderr)
		if code != exitError || !line.MatchString(stderr.String()) {
			t.Errorf("apidocgen %s: exit %d, stderr %q; want exit 2 and one line starting with \"apidocgen\"",
				strings.Join(args, " "), code, stderr.String())
		}
	}
}

func TestFailJoinsLines(t *testing.T) {
	var b bytes.Buffer
	err := errors.Join(errors.New("write a.go: disk full"), errors.New("restore b.go: permission denied\n"))
	if code := fail(&b, "apidocgen", err); code != exitError {
		t.Errorf("fail returned %d", code)
	}
	if got, want := b.String(), "apidocgen: write a.go: disk full; restore b.go: permission denied\n"; got != want {
		t.Errorf("fail printed %q, want %q", got, want)
	}
}
