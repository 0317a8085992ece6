package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// The CI integrations at the repository root: the GitHub Action
// (action.yml) and the pre-commit hook (.pre-commit-hooks.yaml). The tests
// below read each file strictly (an unknown key is an error), check what
// it refers to, and run the commands it runs on a small docs tree.

const repoRoot = "../.."

// lintTree writes a docs tree with one page into dir: with a broken link
// (an error finding) when broken, else clean.
func lintTree(t *testing.T, dir string, broken bool) {
	t.Helper()
	link := "a gadget"
	if broken {
		link = "a [gadget](gadget.md)"
	}
	page := "---\ntitle: widget\ndescription: A widget.\n---\n\n# widget resource type\n\nA widget, part of " + link + ".\n\n" +
		"## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| id | String | The key. |\n"
	if err := os.MkdirAll(filepath.Join(dir, "resources"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "resources", "widget.md"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
}

// decodeStrict decodes YAML file name into v, rejecting unknown keys.
func decodeStrict(t *testing.T, name string, v any) {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// action is action.yml, with the keys GitHub defines for a composite
// action's metadata.
type action struct {
	Name        string `yaml:"name"`
	Author      string `yaml:"author"`
	Description string `yaml:"description"`
	Branding    struct {
		Icon  string `yaml:"icon"`
		Color string `yaml:"color"`
	} `yaml:"branding"`
	Inputs map[string]struct {
		Description        string  `yaml:"description"`
		Required           bool    `yaml:"required"`
		Default            *string `yaml:"default"`
		DeprecationMessage string  `yaml:"deprecationMessage"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Description string `yaml:"description"`
		Value       string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

type actionStep struct {
	Name             string            `yaml:"name"`
	ID               string            `yaml:"id"`
	If               string            `yaml:"if"`
	Uses             string            `yaml:"uses"`
	With             map[string]string `yaml:"with"`
	Run              string            `yaml:"run"`
	Shell            string            `yaml:"shell"`
	WorkingDirectory string            `yaml:"working-directory"`
	Env              map[string]string `yaml:"env"`
	ContinueOnError  bool              `yaml:"continue-on-error"`
}

// actionRun runs the steps of a composite action the way the runner does:
// run steps with bash in order, each with its env and working directory,
// outputs through $GITHUB_OUTPUT, a failed step ending the run; uses steps
// are recorded (their inputs evaluated) but not run.
type actionRun struct {
	t         *testing.T
	a         *action
	inputs    map[string]string
	path      string // github.action_path
	temp      string // runner.temp
	workspace string // the working folder of run steps
	outputs   map[string]map[string]string
	ran       []string          // names of the steps run or recorded, in order
	used      map[string]string // uses of each recorded step, by name
	with      map[string]map[string]string
	logs      map[string]string // combined output of each run step, by name
	exit      int               // exit code of the last run step
}

var exprRe = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)

// eval returns the value of one expression of the contexts an action
// step can use here; any other is an error, so the test notices a new one.
func (r *actionRun) eval(expr string, stepIndex int) (string, error) {
	switch {
	case expr == "github.action_path":
		return r.path, nil
	case expr == "runner.temp":
		return r.temp, nil
	case strings.HasPrefix(expr, "inputs."):
		name := strings.TrimPrefix(expr, "inputs.")
		in, ok := r.a.Inputs[name]
		if !ok {
			return "", fmt.Errorf("%s names no input", expr)
		}
		if v, ok := r.inputs[name]; ok {
			return v, nil
		}
		if in.Default != nil {
			return *in.Default, nil
		}
		return "", nil
	case strings.HasPrefix(expr, "steps."):
		parts := strings.Split(expr, ".")
		if len(parts) != 4 || parts[2] != "outputs" {
			return "", fmt.Errorf("%s: want steps.ID.outputs.NAME", expr)
		}
		earlier := false
		for _, s := range r.a.Runs.Steps[:stepIndex] {
			earlier = earlier || s.ID == parts[1]
		}
		if !earlier {
			return "", fmt.Errorf("%s names no earlier step", expr)
		}
		return r.outputs[parts[1]][parts[3]], nil
	}
	return "", fmt.Errorf("unknown expression %q", expr)
}

// expand replaces every ${{ ... }} in s.
func (r *actionRun) expand(s string, stepIndex int) string {
	r.t.Helper()
	return exprRe.ReplaceAllStringFunc(s, func(m string) string {
		v, err := r.eval(exprRe.FindStringSubmatch(m)[1], stepIndex)
		if err != nil {
			r.t.Fatalf("action.yml: %v", err)
		}
		return v
	})
}

var condRe = regexp.MustCompile(`^(inputs\.[\w-]+) (==|!=) '([^']*)'$`)

// cond evaluates a step's if: "", or inputs.NAME == 'v' (or !=).
func (r *actionRun) cond(s string, stepIndex int) bool {
	r.t.Helper()
	if s == "" {
		return true
	}
	m := condRe.FindStringSubmatch(s)
	if m == nil {
		r.t.Fatalf("action.yml: if %q: the test reads only inputs.NAME == 'value' and !=", s)
	}
	v, err := r.eval(m[1], stepIndex)
	if err != nil {
		r.t.Fatalf("action.yml: if %q: %v", s, err)
	}
	return (v == m[3]) == (m[2] == "==")
}

func (r *actionRun) run() {
	t := r.t
	t.Helper()
	r.outputs, r.used, r.with, r.logs = map[string]map[string]string{}, map[string]string{}, map[string]map[string]string{}, map[string]string{}
	for i, s := range r.a.Runs.Steps {
		if !r.cond(s.If, i) {
			continue
		}
		r.ran = append(r.ran, s.Name)
		if s.Uses != "" {
			r.used[s.Name] = s.Uses
			r.with[s.Name] = map[string]string{}
			for k, v := range s.With {
				r.with[s.Name][k] = r.expand(v, i)
			}
			continue
		}
		script := filepath.Join(r.temp, fmt.Sprintf("step%d.sh", i))
		outFile := filepath.Join(r.temp, fmt.Sprintf("step%d.out", i))
		if err := os.WriteFile(script, []byte(s.Run), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(outFile, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		// The runner's bash invocation for shell: bash.
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
		cmd.Dir = r.workspace
		if s.WorkingDirectory != "" {
			cmd.Dir = r.expand(s.WorkingDirectory, i)
		}
		cmd.Env = append(os.Environ(), "GITHUB_OUTPUT="+outFile, "RUNNER_TEMP="+r.temp)
		for k, v := range s.Env {
			cmd.Env = append(cmd.Env, k+"="+r.expand(v, i))
		}
		out, err := cmd.CombinedOutput()
		r.logs[s.Name] = string(out)
		r.exit = 0
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			r.exit = ee.ExitCode()
		} else if err != nil {
			t.Fatalf("step %q: %v", s.Name, err)
		}
		data, err := os.ReadFile(outFile)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			if k, v, ok := strings.Cut(line, "="); ok && s.ID != "" {
				if r.outputs[s.ID] == nil {
					r.outputs[s.ID] = map[string]string{}
				}
				r.outputs[s.ID][k] = v
			}
		}
		if r.exit != 0 {
			return // later steps are skipped, as none says if: always()
		}
	}
}

func TestGitHubAction(t *testing.T) {
	if testing.Short() {
		t.Skip("builds apidocgen")
	}
	for _, tool := range []string{"bash", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s command", tool)
		}
	}
	var a action
	decodeStrict(t, filepath.Join(repoRoot, "action.yml"), &a)
	if a.Name == "" || a.Description == "" || a.Runs.Using != "composite" {
		t.Fatalf("action.yml: want a name, a description and runs.using: composite; got %q, %q, %q", a.Name, a.Description, a.Runs.Using)
	}
	for name, in := range a.Inputs {
		if in.Description == "" {
			t.Errorf("input %s has no description", name)
		}
	}
	pinned := regexp.MustCompile(`^[\w.-]+/[\w./-]+@v\d+$`)
	for _, s := range a.Runs.Steps {
		switch {
		case s.Run != "" && s.Uses != "":
			t.Errorf("step %q has both run and uses", s.Name)
		case s.Run != "" && s.Shell != "bash":
			t.Errorf("step %q: a run step of a composite action needs shell (this action uses bash)", s.Name)
		case s.Uses != "" && !pinned.MatchString(s.Uses):
			t.Errorf("step %q: uses %q is not pinned to a major version", s.Name, s.Uses)
		case s.Run == "" && s.Uses == "":
			t.Errorf("step %q neither runs nor uses anything", s.Name)
		}
	}

	abs, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	newRun := func(inputs map[string]string, broken bool) *actionRun {
		ws := t.TempDir()
		lintTree(t, filepath.Join(ws, "docs"), broken)
		r := &actionRun{t: t, a: &a, inputs: inputs, path: abs, temp: t.TempDir(), workspace: ws}
		r.run()
		return r
	}
	sarifPath := func(r *actionRun) string { return filepath.Join(r.temp, "apidocgen-action", "apidocgen.sarif") }

	t.Run("github", func(t *testing.T) {
		r := newRun(map[string]string{"dir": "docs", "setup-go": "false"}, true)
		if r.exit != 1 || r.outputs["lint"]["status"] != "1" {
			t.Fatalf("want exit 1 and status 1 for an error finding; exit %d, outputs %v, logs %v", r.exit, r.outputs, r.logs)
		}
		if !strings.Contains(r.logs["Lint"], "::error file=resources/widget.md,line=8,") || !strings.Contains(r.logs["Lint"], "title=broken-link::") {
			t.Errorf("lint step printed no annotation for the broken link:\n%s", r.logs["Lint"])
		}
		if got := strings.Join(r.ran, ", "); got != "Build apidocgen, Lint, Fail on error findings" {
			t.Errorf("steps: %s", got)
		}
		if v, err := r.eval("steps.lint.outputs.status", len(a.Runs.Steps)); err != nil || a.Outputs["status"].Value != "${{ steps.lint.outputs.status }}" || v != "1" {
			t.Errorf("output status: %q %v", v, err)
		}
	})
	t.Run("sarif", func(t *testing.T) {
		r := newRun(map[string]string{"dir": "docs", "format": "sarif"}, true)
		if r.exit != 1 {
			t.Fatalf("want exit 1 for an error finding; exit %d, logs %v", r.exit, r.logs)
		}
		if got := strings.Join(r.ran, ", "); got != "Set up Go, Build apidocgen, Lint, Upload SARIF, Fail on error findings" {
			t.Errorf("steps: %s", got)
		}
		if r.with["Upload SARIF"]["sarif_file"] != sarifPath(r) || r.with["Set up Go"]["go-version-file"] != filepath.Join(abs, "go.mod") {
			t.Errorf("uses steps got %v", r.with)
		}
		data, err := os.ReadFile(sarifPath(r))
		if err != nil {
			t.Fatalf("no SARIF file for the upload step: %v", err)
		}
		var log struct {
			Version string `json:"version"`
			Runs    []struct {
				Results []struct {
					RuleID string `json:"ruleId"`
				} `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(data, &log); err != nil || log.Version != "2.1.0" || len(log.Runs) != 1 {
			t.Fatalf("SARIF file: %v %+v", err, log)
		}
		found := false
		for _, res := range log.Runs[0].Results {
			found = found || res.RuleID == "broken-link"
		}
		if !found {
			t.Errorf("SARIF file has no broken-link result: %+v", log)
		}
	})
	t.Run("clean", func(t *testing.T) {
		r := newRun(map[string]string{"dir": "docs", "setup-go": "false"}, false)
		if r.exit != 0 || r.outputs["lint"]["status"] != "0" || len(r.ran) != 3 {
			t.Errorf("a clean tree: exit %d, outputs %v, steps %v, logs %v", r.exit, r.outputs, r.ran, r.logs)
		}
	})
	t.Run("bad format", func(t *testing.T) {
		r := newRun(map[string]string{"dir": "docs", "format": "xml", "setup-go": "false"}, true)
		if r.exit != 2 || !strings.Contains(r.logs["Lint"], "::error title=apidocgen::format must be github or sarif") {
			t.Errorf("format xml: exit %d, logs %v", r.exit, r.logs)
		}
	})
}

// preCommitHook is one hook of .pre-commit-hooks.yaml, with the keys of
// pre-commit's manifest schema.
type preCommitHook struct {
	ID                      string   `yaml:"id"`
	Name                    string   `yaml:"name"`
	Entry                   string   `yaml:"entry"`
	Language                string   `yaml:"language"`
	Alias                   string   `yaml:"alias"`
	Files                   string   `yaml:"files"`
	Exclude                 string   `yaml:"exclude"`
	Types                   []string `yaml:"types"`
	TypesOr                 []string `yaml:"types_or"`
	ExcludeTypes            []string `yaml:"exclude_types"`
	AdditionalDependencies  []string `yaml:"additional_dependencies"`
	Args                    []string `yaml:"args"`
	AlwaysRun               bool     `yaml:"always_run"`
	FailFast                bool     `yaml:"fail_fast"`
	PassFilenames           *bool    `yaml:"pass_filenames"`
	Description             string   `yaml:"description"`
	LanguageVersion         string   `yaml:"language_version"`
	LogFile                 string   `yaml:"log_file"`
	MinimumPreCommitVersion string   `yaml:"minimum_pre_commit_version"`
	RequireSerial           bool     `yaml:"require_serial"`
	Stages                  []string `yaml:"stages"`
	Verbose                 bool     `yaml:"verbose"`
}

func TestPreCommitHook(t *testing.T) {
	if testing.Short() {
		t.Skip("installs apidocgen")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	var hooks []preCommitHook
	decodeStrict(t, filepath.Join(repoRoot, ".pre-commit-hooks.yaml"), &hooks)
	if len(hooks) != 1 {
		t.Fatalf("want one hook, got %d", len(hooks))
	}
	h := hooks[0]
	if h.ID == "" || h.Name == "" || h.Entry == "" || h.Language != "golang" {
		t.Fatalf("hook needs id, name, entry and language golang: %+v", h)
	}
	files, err := regexp.Compile(h.Files)
	if err != nil {
		t.Fatalf("files: %v", err)
	}
	if !files.MatchString("docs/resources/widget.md") || files.MatchString("cmd/main.go") {
		t.Errorf("files %q should match Markdown files only", h.Files)
	}
	if h.PassFilenames == nil || *h.PassFilenames {
		t.Errorf("the hook lints the whole tree: pass_filenames must be false")
	}

	// What pre-commit does for language golang: go install ./... in the
	// hook's repository, then the entry with the hook's args (here the
	// ones the description suggests) from the project's root.
	bin := t.TempDir()
	install := exec.Command("go", "install", "./...")
	install.Dir = repoRoot
	install.Env = append(os.Environ(), "GOBIN="+bin)
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("go install ./...: %v\n%s", err, out)
	}
	entry := strings.Fields(h.Entry)
	for _, broken := range []bool{true, false} {
		project := t.TempDir()
		lintTree(t, filepath.Join(project, "docs"), broken)
		cmd := exec.Command(filepath.Join(bin, entry[0]), append(append(entry[1:], h.Args...), "-dir", "docs")...)
		cmd.Dir = project
		out, err := cmd.CombinedOutput()
		code := 0
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		switch {
		case broken && (code != 1 || !strings.Contains(string(out), "resources/widget.md:8:") || !strings.Contains(string(out), "[broken-link]")):
			t.Errorf("broken tree: exit %d, output:\n%s", code, out)
		case !broken && code != 0:
			t.Errorf("clean tree: exit %d, output:\n%s", code, out)
		}
	}
}
