package lint

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/generator/compile"
	"github.com/apidocgen/apidocgen/generator/crosscheck"
	"github.com/apidocgen/apidocgen/generator/genschema"
	"github.com/apidocgen/apidocgen/generator/metadata"
	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
	"github.com/rogpeppe/go-internal/txtar"
)

// fixturePages reads one of the rule fixtures as pages.
func fixturePages(t *testing.T, name string) ([]*input.Page, *model.Model, []string) {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", "rules", name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	pages, files := lintArchive(t, ar, Options{})
	return pages, compile.Compile(pages), files
}

func TestRuleIDsUniqueAndKebab(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range AllRules() {
		if seen[r.ID] {
			t.Errorf("duplicate rule ID %q", r.ID)
		}
		seen[r.ID] = true
		for _, c := range r.ID {
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
				t.Errorf("rule ID %q is not kebab-case", r.ID)
				break
			}
		}
		if r.Summary == "" || r.Example == "" {
			t.Errorf("rule %q needs a summary and an example", r.ID)
		}
		switch r.Severity {
		case model.SevError, model.SevWarning, model.SevInfo:
		default:
			t.Errorf("rule %q has severity %q", r.ID, r.Severity)
		}
	}
}

func TestConfig(t *testing.T) {
	cfg, err := ParseConfig(".apidocgen-lint.yaml", []byte(`
rules:
  todo-placeholder: warning
  content-length-mismatch: off
ignore:
  - paths: ["api/widget-*.md"]
    rules: [request-name-malformed]
  - paths: "**/notes.md"
`))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		rule, file string
		sev        model.Severity
		ok         bool
	}{
		{"todo-placeholder", "resources/x.md", model.SevWarning, true},
		{"content-length-mismatch", "api/x.md", "", false},
		{"request-name-malformed", "api/widget-create.md", "", false},
		{"request-name-malformed", "api/gadget-create.md", model.SevWarning, true},
		{"broken-link", "resources/notes.md", "", false},
		{"broken-link", "resources/deep/notes.md", "", false},
		{"broken-link", "resources/other.md", model.SevError, true},
	}
	for _, c := range cases {
		r, _ := RuleByID(c.rule)
		sev, ok := cfg.severity(c.rule, c.file, r.Severity)
		if ok != c.ok || sev != c.sev {
			t.Errorf("%s in %s: got %q %v, want %q %v", c.rule, c.file, sev, ok, c.sev, c.ok)
		}
	}

	// A "lint:" section of another file; other keys are not ours.
	cfg, err = ParseConfig("apidocgen.yaml", []byte("generate:\n  out: x\nlint:\n  rules:\n    broken-link: info\n"))
	if err != nil || cfg.Severity["broken-link"] != "info" {
		t.Fatalf("lint section: %v %v", cfg, err)
	}

	bad := []struct{ name, src, want string }{
		{".apidocgen-lint.yaml", "rule:\n  x: error\n", `.apidocgen-lint.yaml:1:1: unknown key "rule"`},
		{".apidocgen-lint.yaml", "rules:\n  broken-lnk: error\n", `:2:3: unknown rule "broken-lnk"; did you mean "broken-link"?`},
		{".apidocgen-lint.yaml", "rules:\n  broken-link: fatal\n", `:2:16: severity "fatal" is not one of`},
		{".apidocgen-lint.yaml", "ignore:\n  - path: x.md\n    rulez: [broken-link]\n", `:3:5: unknown key "rulez" in ignore entry`},
		{"apidocgen.yaml", "lint:\n  ruls: {}\n", `apidocgen.yaml:2:3: unknown key "ruls"`},
		{".apidocgen-lint.yaml", "preset: strict\n", `:1:9: preset "strict" is not one of auto, graph, core`},
		{".apidocgen-lint.yaml", "preset: [graph]\n", `:1:9: preset "" is not one of auto, graph, core`},
	}
	for _, b := range bad {
		_, err := ParseConfig(b.name, []byte(b.src))
		if err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("ParseConfig(%q): got %v, want error containing %q", b.src, err, b.want)
		}
	}
}

func TestRunConfigAndOnly(t *testing.T) {
	pages, m, files := fixturePages(t, "todo-placeholder")
	all := Run(pages, m, Options{Files: files, Extra: noExtra})
	if len(all) == 0 {
		t.Fatal("fixture has no findings")
	}
	cfg, err := ParseConfig(".apidocgen-lint.yaml", []byte("rules:\n  todo-placeholder: info\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range Run(pages, m, Options{Files: files, Extra: noExtra, Config: cfg}) {
		if d.Rule == "todo-placeholder" && d.Severity != model.SevInfo {
			t.Errorf("severity not applied: %v", d)
		}
	}
	only := Run(pages, m, Options{Files: files, Extra: noExtra, Only: map[string]bool{"api/okwidget-create.md": true}})
	for _, d := range only {
		if d.Pos.File != "api/okwidget-create.md" {
			t.Errorf("Only not applied: %v", d)
		}
	}
}

func TestInlineSuppression(t *testing.T) {
	src := `---
title: "x"
description: "x"
author: "a"
localization_priority: Normal
doc_type: conceptualPageType
---

# Notes

<!-- apidocgen-disable broken-link -->
See [one](missing-one.md).

See [two](missing-two.md).

<!-- apidocgen-disable todo-placeholder -->
See [three](missing-three.md). TODO: fix.
`
	p := input.Parse("resources/notes.md", []byte(src))
	ds := Run([]*input.Page{p}, compile.Compile([]*input.Page{p}), Options{Extra: noExtra})
	var got []string
	for _, d := range ds {
		got = append(got, d.Rule+" "+d.Message)
	}
	joined := strings.Join(got, "\n")
	if strings.Contains(joined, "missing-one") {
		t.Errorf("disable for the next block not applied:\n%s", joined)
	}
	if !strings.Contains(joined, "missing-two") || !strings.Contains(joined, "missing-three") {
		t.Errorf("suppression reached too far:\n%s", joined)
	}
	if strings.Contains(joined, "todo-placeholder") {
		t.Errorf("todo-placeholder not suppressed:\n%s", joined)
	}

	fileWide := strings.Replace(src, "# Notes", "# Notes\n\n<!-- apidocgen-disable-file broken-link -->", 1)
	p = input.Parse("resources/notes.md", []byte(fileWide))
	for _, d := range Run([]*input.Page{p}, compile.Compile([]*input.Page{p}), Options{Extra: noExtra}) {
		if d.Rule == "broken-link" {
			t.Errorf("file-wide disable not applied: %v", d)
		}
	}
}

func TestBaseline(t *testing.T) {
	d := func(file string, line int, rule, msg string) model.Diagnostic {
		return model.Diagnostic{Pos: model.Pos{File: file, Line: line, Col: 1}, Rule: rule, Severity: model.SevError, Message: msg}
	}
	old := []model.Diagnostic{d("a.md", 3, "r", "m1"), d("a.md", 9, "r", "m1"), d("b.md", 1, "r", "m2")}
	b := NewBaseline(old)
	data := b.Marshal()
	if again := NewBaseline([]model.Diagnostic{old[2], old[1], old[0]}).Marshal(); !bytes.Equal(data, again) {
		t.Errorf("baseline bytes depend on finding order:\n%s\n%s", data, again)
	}
	b2, err := ParseBaseline(data)
	if err != nil {
		t.Fatal(err)
	}
	// Lines moved (edits elsewhere), one more identical finding, one new.
	now := []model.Diagnostic{d("a.md", 5, "r", "m1"), d("a.md", 11, "r", "m1"), d("a.md", 20, "r", "m1"), d("b.md", 4, "r", "m2"), d("b.md", 6, "r", "m3")}
	left := b2.Filter(now)
	if len(left) != 2 || left[0].Pos.Line != 20 || left[1].Message != "m3" {
		t.Errorf("Filter = %v, want the third m1 and m3", left)
	}
	if _, err := ParseBaseline([]byte(`{"version": 2, "findings": []}`)); err == nil {
		t.Error("version 2 accepted")
	}
}

func sampleDiags() []model.Diagnostic {
	return []model.Diagnostic{
		{Pos: model.Pos{File: "api/a b.md", Line: 3, Col: 5}, Rule: "broken-link", Severity: model.SevError, Message: "link target \"x,y.md\" does not exist: 100%"},
		{Pos: model.Pos{File: "resources/c.md", Line: 1, Col: 1}, Rule: "todo-placeholder", Severity: model.SevWarning, Message: "line one\nline two"},
		{Pos: model.Pos{File: "resources/c.md", Line: 2, Col: 1}, Rule: "duplicate-operation", Severity: model.SevInfo, Message: "info"},
	}
}

func TestWriteFormats(t *testing.T) {
	ds := sampleDiags()
	var b bytes.Buffer
	if err := Write(&b, "text", ds, ReportOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "api/a b.md:3:5: error: link target \"x,y.md\" does not exist: 100% [broken-link]\n") {
		t.Errorf("text:\n%s", b.String())
	}
	b.Reset()
	if err := Write(&b, "github", ds, ReportOptions{Prefix: "docs/"}); err != nil {
		t.Fatal(err)
	}
	wantGH := "::error file=docs/api/a b.md,line=3,col=5,title=broken-link::link target \"x,y.md\" does not exist: 100%25\n" +
		"::warning file=docs/resources/c.md,line=1,col=1,title=todo-placeholder::line one%0Aline two\n" +
		"::notice file=docs/resources/c.md,line=2,col=1,title=duplicate-operation::info\n"
	if b.String() != wantGH {
		t.Errorf("github:\n%s\nwant:\n%s", b.String(), wantGH)
	}
	if ghProperty("a:b,c%") != "a%3Ab%2Cc%25" {
		t.Errorf("ghProperty = %q", ghProperty("a:b,c%"))
	}
	b.Reset()
	if err := Write(&b, "json", ds, ReportOptions{}); err != nil {
		t.Fatal(err)
	}
	var js struct {
		Findings []map[string]any
		Summary  map[string]int
	}
	if err := json.Unmarshal(b.Bytes(), &js); err != nil || len(js.Findings) != 3 || js.Summary["error"] != 1 || js.Summary["info"] != 1 {
		t.Errorf("json: %v %s", err, b.String())
	}
	if err := Write(&b, "xml", ds, ReportOptions{}); err == nil {
		t.Error("unknown format accepted")
	}
}

// TestSARIFValidates checks the sarif output against the official SARIF
// 2.1.0 schema (see sarif_official_test.go) and what the schema cannot say:
// every ruleIndex points at its rule, and every location is relative to
// the documented base id.
func TestSARIFValidates(t *testing.T) {
	schema := officialSARIFSchema(t)
	pages, m, files := fixturePages(t, "content-length-mismatch")
	real := Run(pages, m, Options{Files: files, Extra: noExtra})
	for _, ds := range [][]model.Diagnostic{sampleDiags(), real, nil} {
		for _, prefix := range []string{"", "docs/v1.0/"} {
			out := validateSARIF(t, schema, ds, prefix)
			var log sarifLog
			_ = json.Unmarshal(out, &log)
			for _, r := range log.Runs[0].Results {
				if r.RuleIndex < 0 || log.Runs[0].Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
					t.Errorf("result %s has ruleIndex %d", r.RuleID, r.RuleIndex)
				}
				if u := r.Locations[0].PhysicalLocation.ArtifactLocation; u.URIBaseID != SARIFBaseID || strings.HasPrefix(u.URI, "/") {
					t.Errorf("location %+v is not relative to %s", u, SARIFBaseID)
				}
			}
		}
	}
}

// rulesSection renders the per-rule part of docs/rules.md from the
// registries.
func rulesSection() string {
	source := map[string]string{}
	for _, r := range compile.Rules {
		source[r.ID] = "compiler (generator/compile)"
	}
	for _, r := range genschema.Rules {
		source[r.ID] = "example checks (generator/genschema)"
	}
	for _, r := range Rules {
		source[r.ID] = "linter (generator/lint)"
	}
	for _, r := range metadata.Rules {
		source[r.ID] = "metadata reader (generator/metadata), with -metadata"
	}
	for _, r := range crosscheck.Rules {
		source[r.ID] = "metadata cross-check (generator/crosscheck), with -metadata"
	}
	var b strings.Builder
	for _, r := range AllRules() {
		preset := ""
		if IsGraphConvention(r.ID) {
			preset = " A Graph house convention: on with the `graph` preset only (see Presets)."
		}
		fmt.Fprintf(&b, "### `%s`\n\nSeverity: %s. Reported by the %s.%s\n\n%s.\n\n````markdown\n%s\n````\n\n",
			r.ID, r.Severity, source[r.ID], preset, upperFirst(r.Summary), r.Example)
	}
	return b.String()
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

const (
	rulesStart = "<!-- rules:start (generated from the rule registries: go test ./generator/lint -run RulesDoc -update) -->\n"
	rulesEnd   = "<!-- rules:end -->"
)

// TestGoldenRulesDoc checks that docs/rules.md lists every rule of the
// registries (compile.Rules, genschema.Rules, lint.Rules) with its
// severity, summary and example, and no other; -update rewrites that part.
func TestGoldenRulesDoc(t *testing.T) {
	path := filepath.Join("..", "..", "docs", "rules.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	i, j := strings.Index(doc, rulesStart), strings.Index(doc, rulesEnd)
	if i < 0 || j < i {
		t.Fatalf("%s: no %q ... %q markers", path, rulesStart, rulesEnd)
	}
	want := rulesSection()
	if got := doc[i+len(rulesStart) : j]; got != want {
		if *update {
			doc = doc[:i+len(rulesStart)] + want + doc[j:]
			if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("docs/rules.md is out of sync with the rule registries (run go test ./generator/lint -run RulesDoc -update)")
	}
	for _, r := range AllRules() {
		if !strings.Contains(doc, "### `"+r.ID+"`") {
			t.Errorf("docs/rules.md does not document %s", r.ID)
		}
	}
}

// TestManyBrokenLinksInOneBlock: a list whose every item holds a broken
// link or an include of a missing file, with "did you mean" suggestions.
// Each broken link used to rescan the page for includes and each
// suggestion every file of the tree, so a few thousand such items took
// minutes; now each link costs about the same however many there are.
func TestManyBrokenLinksInOneBlock(t *testing.T) {
	const n = 3000
	var page strings.Builder
	page.WriteString("# Lots of links\n\n")
	for i := range n {
		if i%2 == 0 {
			fmt.Fprintf(&page, "- See [item %d](targte%d.md).\n", i, i)
		} else {
			fmt.Fprintf(&page, "- [!INCLUDE [part %d](target%d-part.md)]\n", i, i)
		}
	}
	pages := []*input.Page{input.Parse("links.md", []byte(page.String()))}
	files := []string{"links.md"}
	for i := range n {
		files = append(files, fmt.Sprintf("target%d.md", i))
	}
	count := map[string]int{}
	first := ""
	for _, d := range Run(pages, compile.Compile(pages), Options{Files: files, Extra: noExtra}) {
		count[d.Rule]++
		if d.Pos.Line == 3 {
			first = d.Message
		}
	}
	if want := `link target "targte0.md" does not exist; did you mean "target0.md"?`; first != want {
		t.Errorf("finding on line 3: %q, want %q", first, want)
	}
	if count[RuleBrokenLink.ID] != n/2 || count[RuleIncludeMissing.ID] != n/2 {
		t.Errorf("findings by rule: %v; want %d broken links and %d missing includes", count, n/2, n/2)
	}
}

// TestTextQuotesOddFileNames: a file name with a line break (or another
// control character) is quoted in text output, so that each finding stays
// one line; ordinary names are written as they are.
func TestTextQuotesOddFileNames(t *testing.T) {
	ds := []model.Diagnostic{
		{Pos: model.Pos{File: "api/two\nlines.md", Line: 3, Col: 1}, Severity: model.SevError, Message: "m", Rule: "r"},
		{Pos: model.Pos{File: "api/tab\there.md", Line: 1, Col: 2}, Severity: model.SevWarning, Message: "m", Rule: "r"},
		{Pos: model.Pos{File: "api/plain name.md", Line: 1, Col: 1}, Severity: model.SevInfo, Message: "m", Rule: "r"},
	}
	var b bytes.Buffer
	if err := Write(&b, "text", ds, ReportOptions{}); err != nil {
		t.Fatal(err)
	}
	want := `"api/two\nlines.md":3:1: error: m [r]
"api/tab\there.md":1:2: warning: m [r]
api/plain name.md:1:1: info: m [r]
`
	if b.String() != want {
		t.Errorf("text output:\n%s\nwant:\n%s", b.String(), want)
	}
}

// TestWordIndexIsClosest: the index gives what closest gives, on random
// lists of similar words.
func TestWordIndexIsClosest(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	word := func() string {
		b := make([]byte, r.Intn(12))
		for i := range b {
			b[i] = "abcd-.AB"[r.Intn(8)]
		}
		return string(b)
	}
	for round := 0; round < 300; round++ {
		words := make([]string, r.Intn(40))
		for i := range words {
			words[i] = word()
		}
		w := newWordIndex(words)
		for k := 0; k < 20; k++ {
			q, max := word(), 1+r.Intn(3)
			if got, want := w.closest(q, max), closest(q, words, max); got != want {
				t.Fatalf("words %q: closest(%q, %d) = %q from the index, %q from a scan", words, q, max, got, want)
			}
		}
	}
}
