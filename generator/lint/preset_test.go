package lint

import (
	"os"
	"testing"

	"github.com/apidocgen/apidocgen/generator/compile"
	"github.com/apidocgen/apidocgen/input"
	"github.com/apidocgen/apidocgen/input/inputtest"
)

func page(path, front string) *input.Page {
	src := "# A page\n\nSome text.\n"
	if front != "" {
		src = "---\n" + front + "---\n\n" + src
	}
	return input.Parse(path, []byte(src))
}

func TestDetectPreset(t *testing.T) {
	graph := func(name string) *input.Page {
		return page(name, "title: T\nms.prod: p\nlocalization_priority: Normal\n")
	}
	newer := func(name string) *input.Page { return page(name, "title: T\nms.localizationpriority: medium\n") }
	plain := func(name string) *input.Page { return page(name, "title: T\ndescription: D\nauthor: someone\n") }
	bare := func(name string) *input.Page { return page(name, "") }
	cases := []struct {
		name  string
		pages []*input.Page
		want  string
	}{
		{"no pages", nil, PresetCore},
		{"no front matter", []*input.Page{bare("a.md"), bare("b.md")}, PresetCore},
		{"another team's keys", []*input.Page{plain("a.md"), plain("b.md")}, PresetCore},
		{"graph template", []*input.Page{graph("a.md"), newer("b.md"), plain("c.md")}, PresetGraph},
		// Pages without front matter (include fragments) do not count.
		{"graph with fragments", []*input.Page{graph("a.md"), bare("i1.md"), bare("i2.md"), bare("i3.md")}, PresetGraph},
		// Half is not most.
		{"tie", []*input.Page{graph("a.md"), plain("b.md")}, PresetCore},
	}
	for _, c := range cases {
		if got := DetectPreset(c.pages); got != c.want {
			t.Errorf("%s: DetectPreset = %q, want %q", c.name, got, c.want)
		}
		rev := make([]*input.Page, len(c.pages))
		for i, p := range c.pages {
			rev[len(c.pages)-1-i] = p
		}
		if got := DetectPreset(rev); got != c.want {
			t.Errorf("%s, pages reversed: DetectPreset = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestPresetFilter lints a page that breaks a convention (no author, no
// doc_type) and a correctness rule (a TODO) under each preset.
func TestPresetFilter(t *testing.T) {
	pages := []*input.Page{page("a.md", "title: T\ndescription: **TODO: Add Description**\n")}
	m := compile.Compile(pages)
	rules := func(cfg *Config) map[string]int {
		out := map[string]int{}
		for _, d := range Run(pages, m, Options{Config: cfg, Extra: noExtra}) {
			out[d.Rule]++
		}
		return out
	}
	core := rules(nil) // detected: no Graph front matter
	if core["todo-placeholder"] != 1 || core["front-matter-missing"] != 0 {
		t.Errorf("detected core preset: got %v, want one todo-placeholder and no front-matter-missing", core)
	}
	graph := rules(&Config{Preset: PresetGraph})
	if graph["todo-placeholder"] != 1 || graph["front-matter-missing"] != 3 {
		t.Errorf("graph preset: got %v, want one todo-placeholder and three front-matter-missing (author, localization_priority, doc_type)", graph)
	}
	cfg, err := ParseConfig(ConfigFileName, []byte("preset: core\nrules:\n  front-matter-missing: warning\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := rules(cfg); got["front-matter-missing"] != 3 {
		t.Errorf("core preset with a severity for front-matter-missing: got %v, want the rule on", got)
	}
	if sev := cfg.RuleSeverity("section-order", RuleSectionOrder.Severity); sev != "off" {
		t.Errorf("RuleSeverity(section-order) under core = %q, want off", sev)
	}
	if sev := cfg.RuleSeverity("front-matter-missing", RuleFrontMatterMissing.Severity); sev != "warning" {
		t.Errorf("RuleSeverity(front-matter-missing) under core with a severity = %q, want warning", sev)
	}
}

func TestGraphConventionsAreRules(t *testing.T) {
	for _, id := range GraphConventions {
		if _, ok := RuleByID(id); !ok {
			t.Errorf("GraphConventions lists %q, which is no rule", id)
		}
	}
}

// TestCorporaAreGraphStyle: both corpora are Graph's own docs, so the
// detected preset is graph and their pinned findings keep every
// convention rule.
func TestCorporaAreGraphStyle(t *testing.T) {
	for _, name := range []string{"graph-v1.0", "seed-family"} {
		pages, err := input.Load(os.DirFS(inputtest.CorpusDir(t, name)))
		if err != nil {
			t.Fatal(err)
		}
		if got := DetectPreset(pages); got != PresetGraph {
			t.Errorf("%s: DetectPreset = %q, want %q", name, got, PresetGraph)
		}
	}
}
