// Package lint checks a docs tree for the problems a docs CI should catch:
// placeholders left by stub generators, broken links and anchors, examples
// that disagree with the types they show, unpaired or duplicated examples,
// wrong status codes and headers, and more (see Rules and docs/rules.md).
//
// Run aggregates three sources of findings: the compiler's reading
// diagnostics (Model.Diagnostics), genschema's example checks and the
// linter's own checks over pages and model. It then applies the adoption
// machinery: per-rule severities and per-path disables from a Config,
// inline suppressions written in the pages, a baseline of accepted
// findings, and a set of files to report on.
package lint

import (
	"fmt"
	"strings"

	"github.com/apidocgen/apidocgen/generator/compile"
	"github.com/apidocgen/apidocgen/generator/crosscheck"
	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
)

// Options say which findings Run reports.
type Options struct {
	// Config holds the preset, per-rule severities and per-path disables;
	// nil means the defaults (the preset detected from the pages).
	Config *Config
	// Baseline holds accepted findings; findings it covers are dropped.
	Baseline *Baseline
	// Only, when not nil, limits the report to findings in these page
	// paths (slash paths relative to the docs root). Links and types still
	// resolve against all pages.
	Only map[string]bool
	// Files lists every file of the docs tree (slash paths relative to the
	// root), Markdown or not, for checking links to images and other
	// files. When nil, only links to pages can be checked; links to other
	// files are skipped.
	Files []string
	// Extra are more checks to run over the model (genschema's example
	// checks by default; see Run).
	Extra []func(*model.Model) []model.Diagnostic
	// Metadata, when not nil, is the model of the API's metadata (built by
	// generator/metadata): its reading diagnostics are findings too, and
	// the docs are cross-checked against it (generator/crosscheck) with
	// CrossCheck's options. RunReport also returns the agreement summary.
	Metadata   *model.Model
	CrossCheck crosscheck.Options
}

// A Report is what RunReport and CheckReport return.
type Report struct {
	// Findings are sorted by file, line, column and rule, each once.
	Findings []model.Diagnostic
	// Agreement is the docs' agreement with the metadata; nil without
	// Options.Metadata.
	Agreement *crosscheck.Summary
}

// Run lints pages and the model compiled from them and returns the
// findings to report, sorted by file, line, column and rule, each once.
func Run(pages []*input.Page, m *model.Model, opts Options) []model.Diagnostic {
	return run(pages, func() *model.Model { return m }, opts).Findings
}

// RunReport is Run with the agreement summary of the metadata check.
func RunReport(pages []*input.Page, m *model.Model, opts Options) Report {
	return run(pages, func() *model.Model { return m }, opts)
}

// Check compiles pages and lints them: the same findings as
// Run(pages, compile.Compile(pages), opts), with the checks that read only
// the pages running while the compiler works.
func Check(pages []*input.Page, opts Options) []model.Diagnostic {
	return CheckReport(pages, opts).Findings
}

// CheckReport is Check with the agreement summary of the metadata check.
func CheckReport(pages []*input.Page, opts Options) Report {
	return run(pages, func() *model.Model { return compile.Compile(pages) }, opts)
}

// run lints pages and the model that compile returns. The checks run in
// groups, each on its own goroutine (see linter.runPages): the page
// checks, which start before compile is called, then collect the inline
// suppressions and, once the model is indexed, run the checks that need
// both; the example checks; the other model checks; the extra checks.
// Each group
// only reads pages and model and keeps its own findings, and the findings
// are sorted at the end, so the result does not depend on scheduling.
func run(pages []*input.Page, compile func() *model.Model, opts Options) Report {
	l := newLinter(pages, nil, opts.Files)
	pl := *l // the page group's linter
	pagesDone := make(chan struct{})
	indexed := make(chan struct{}) // closed once l holds the model's indexes
	var sup suppressions
	go func() {
		defer close(pagesDone)
		pl.runPages()
		sup = collectSuppressions(pages)
		// The checks that need both the page group's results and the
		// model, beside the model groups.
		<-indexed
		pl.indexFrom(l)
		pl.runPagesModel()
	}()
	m := compile()
	// Model.Lookup builds its index on first use: build it before the
	// goroutines share m.
	m.Lookup("")
	l.index(m)
	close(indexed)
	var extra []model.Diagnostic
	extraDone := make(chan struct{})
	var agreement *crosscheck.Summary
	xl := *l                               // the extra group's linter, for the cross-check's safety nets
	xl.rows = map[string]map[string]bool{} // rowNames fills it lazily: one per group
	go func() {
		defer close(extraDone)
		for _, f := range defaultExtra(opts.Extra) {
			extra = append(extra, f(m)...)
		}
		if opts.Metadata != nil {
			cc := opts.CrossCheck
			if cc.Listed == nil {
				// Whether a table row of page path starts with name: for
				// properties a page lists but the compiler did not attach.
				cc.Listed = func(path, name string) bool { return xl.rowNames(path)[name] }
			}
			if cc.Mentions == nil {
				cc.Mentions = proseMentions(xl.byPath)
			}
			if cc.Pages == nil {
				cc.Pages = pages
			}
			res := crosscheck.Compare(m, opts.Metadata, cc)
			extra = append(append(extra, opts.Metadata.Diagnostics...), res.Findings...)
			agreement = &res.Summary
		}
	}()
	el := *l                               // the example group's linter
	el.rows = map[string]map[string]bool{} // rowNames fills it lazily: one per group
	exDone := make(chan struct{})
	go func() {
		defer close(exDone)
		el.runExamples()
	}()
	l.runModel()
	<-exDone
	<-pagesDone
	<-extraDone
	all := make([]model.Diagnostic, 0, len(m.Diagnostics)+len(extra)+len(l.diags)+len(el.diags)+len(pl.diags))
	all = append(all, m.Diagnostics...)
	all = append(all, extra...)
	all = append(all, pl.diags...)
	all = append(all, el.diags...)
	all = append(all, l.diags...)
	if agreement != nil {
		agreement.Figures = append(agreement.Figures, flagged(m, all, agreement.Disagreements))
	}
	return Report{Findings: filter(all, pages, sup, opts), Agreement: agreement}
}

// Filter applies the preset, the configuration, inline suppressions, the
// Only set and the baseline to findings, and sorts them.
func Filter(all []model.Diagnostic, pages []*input.Page, opts Options) []model.Diagnostic {
	return filter(all, pages, collectSuppressions(pages), opts)
}

func filter(all []model.Diagnostic, pages []*input.Page, sup suppressions, opts Options) []model.Diagnostic {
	preset, _ := ResolvePreset(opts.Config, pages)
	off := presetOff(preset, opts.Config)
	out := make([]model.Diagnostic, 0, len(all))
	for _, d := range all {
		if opts.Only != nil && !opts.Only[d.Pos.File] {
			continue
		}
		if off[d.Rule] {
			continue
		}
		if opts.Config != nil {
			sev, ok := opts.Config.severity(d.Rule, d.Pos.File, d.Severity)
			if !ok {
				continue
			}
			d.Severity = sev
		}
		if sup.suppressed(d) {
			continue
		}
		out = append(out, d)
	}
	out = model.SortDiagnostics(out)
	if opts.Baseline != nil {
		out = opts.Baseline.Filter(out)
	}
	return out
}

// A linter holds the indexes the checks share.
type linter struct {
	pages  []*input.Page
	m      *model.Model
	byPath map[string]*input.Page
	// files maps every known file path to true; lower maps a lower-cased
	// path to the real paths with that spelling.
	files    map[string]bool
	lower    map[string][]string
	allFiles bool // files lists non-Markdown files too
	mpages   map[string]*model.Page
	diags    []model.Diagnostic
	slugs    map[string]map[string]bool // page path -> heading anchors
	dirs     map[string]bool            // lower-cased top-level folders holding files
	rows     map[string]map[string]bool // page path -> first cells of its table rows
	inbound  map[string]bool            // pages some other page links to
	// Indexes of the model by page path.
	typesByFile map[string][]*model.Type
	opsByPage   map[string][]*model.Operation
	diagsByFile map[string][]model.Diagnostic
	namespaces  map[string]bool // lower-cased namespaces of the model's types
	owner       map[*model.Example]*model.Type
	typeCands   *wordIndex            // lower-cased qualified type names, for suggestType
	dirFiles    map[string]*wordIndex // folder -> its file names, for suggestFile (made lazily)
	anchorWords map[string]*wordIndex // page path -> its anchors, for suggestAnchor (made lazily)
	includes    map[input.Pos]bool    // positions of the INCLUDE links of includesOf
	includesOf  *input.Page
	prose       map[string]map[string]bool // page path -> digit runs of its prose, for mentions (made lazily, per group)
	// describedAt holds the rows of the properties typed with an enum: an
	// enum member positioned at one was added from its description.
	describedAt map[model.Pos]bool
}

// rowNames returns the first cells (plain text, decoration trimmed) of every table row of page path: a safety net for properties a
// table lists but the compiler did not attach to the type.
func (l *linter) rowNames(path string) map[string]bool {
	if r, ok := l.rows[path]; ok {
		return r
	}
	r := map[string]bool{}
	if p := l.byPath[path]; p != nil {
		for _, b := range p.Blocks {
			if b.Kind != input.KindTable {
				continue
			}
			for _, row := range b.Table.Rows {
				if len(row.Cells) > 0 {
					r[strings.Trim(row.Cells[0].Text, "*` ")] = true
				}
			}
		}
	}
	l.rows[path] = r
	return r
}

// listedOnPages reports whether a table row on the page of t, an ancestor
// or a descendant names prop.
func (l *linter) listedOnPages(t *model.Type, prop string) bool {
	k := prop
	for _, x := range family(t) {
		if x.Pos.File != "" && l.rowNames(x.Pos.File)[k] {
			return true
		}
	}
	return false
}

// family returns t, its ancestors (nearest first) and its descendants (by
// qualified name).
func family(t *model.Type) []*model.Type {
	return append(append([]*model.Type{t}, t.Ancestors()...), t.Descendants()...)
}

func newLinter(pages []*input.Page, m *model.Model, files []string) *linter {
	l := &linter{pages: pages, m: m, byPath: map[string]*input.Page{}, files: map[string]bool{},
		lower: map[string][]string{}, mpages: map[string]*model.Page{}, slugs: map[string]map[string]bool{}, dirs: map[string]bool{}, rows: map[string]map[string]bool{}, inbound: map[string]bool{}}
	for _, p := range pages {
		l.byPath[p.Path] = p
		l.addFile(p.Path)
	}
	if files != nil {
		l.allFiles = true
		for _, f := range files {
			l.addFile(f)
		}
	}
	l.index(m)
	return l
}

// index builds the indexes of model m (none when m is nil).
func (l *linter) index(m *model.Model) {
	l.m = m
	l.mpages = map[string]*model.Page{}
	l.typesByFile = map[string][]*model.Type{}
	l.opsByPage = map[string][]*model.Operation{}
	l.diagsByFile = map[string][]model.Diagnostic{}
	l.namespaces = map[string]bool{}
	l.owner = map[*model.Example]*model.Type{}
	l.describedAt = map[model.Pos]bool{}
	if m != nil {
		for _, p := range m.Pages {
			l.mpages[p.Path] = p
		}
		for _, t := range m.Types {
			l.typesByFile[t.Pos.File] = append(l.typesByFile[t.Pos.File], t)
			l.namespaces[strings.ToLower(t.Namespace)] = true
			for _, e := range t.Examples {
				l.owner[e] = t
			}
			for _, p := range t.Properties {
				if p.Type.Type != nil && p.Type.Type.Kind == model.KindEnum {
					l.describedAt[p.Pos] = true
				}
			}
		}
		for _, op := range m.Operations {
			l.opsByPage[op.Page] = append(l.opsByPage[op.Page], op)
		}
		for _, d := range m.Diagnostics {
			l.diagsByFile[d.Pos.File] = append(l.diagsByFile[d.Pos.File], d)
		}
	}
}

// indexFrom takes the model and its indexes from o.
func (l *linter) indexFrom(o *linter) {
	l.m, l.mpages, l.typesByFile, l.opsByPage, l.diagsByFile, l.namespaces, l.owner, l.describedAt =
		o.m, o.mpages, o.typesByFile, o.opsByPage, o.diagsByFile, o.namespaces, o.owner, o.describedAt
}

func (l *linter) addFile(f string) {
	if l.files[f] {
		return
	}
	l.files[f] = true
	top, _, ok := strings.Cut(f, "/")
	if !ok {
		top = "" // a file at the root
	}
	l.dirs[strings.ToLower(top)] = true
	k := strings.ToLower(f)
	l.lower[k] = append(l.lower[k], f)
}

func (l *linter) add(pos model.Pos, r model.Rule, format string, args ...any) {
	l.diags = append(l.diags, model.Diagnostic{Pos: pos, Rule: r.ID, Severity: r.Severity, Message: fmt.Sprintf(format, args...)})
}

// The checks come in three groups (run runs them on separate goroutines,
// each with its own copy of the linter, sharing the indexes read-only):
//
//   - runPages: checks that read only the pages; they run while the model
//     is compiled. The link checks fill l.slugs and l.inbound.
//   - runExamples: the checks of the model's examples; they fill l.rows,
//     l.typeCands and l.prose.
//   - runModel: the other checks of the model (and of pages against it);
//     they fill l.typeCands.
//   - runPagesModel: checks that need the model and the page group's
//     results (l.inbound); the page group runs them once the model is
//     indexed, beside the model groups (they read only the indexes that
//     index builds).
//
// A new check goes in the group whose lazily filled fields it uses.
func (l *linter) runPages() {
	for _, p := range l.pages {
		if p.ReadError != "" {
			continue // the compiler reports it (file-unreadable)
		}
		l.checkFrontMatter(p)
		l.checkPlaceholders(p)
		l.checkAnnotations(p)
		l.checkLinks(p)
		l.checkTabs(p)
	}
	l.checkIncludes()
	l.checkRequestNames()
}

func (l *linter) runPagesModel() {
	for _, p := range l.pages {
		l.checkMissingAnnotations(p)
	}
	if l.m == nil {
		return
	}
	l.checkOrphans()
}

func (l *linter) runExamples() {
	if l.m == nil {
		return
	}
	l.checkExamples()
}

func (l *linter) runModel() {
	if l.m == nil {
		return
	}
	for _, p := range l.pages {
		l.checkAnnotationTypes(p)
	}
	l.checkResources()
	l.checkOperations()
	l.checkOutlines()
	l.checkHTTPRequests()
	l.checkRelationshipKinds()
	l.checkURLProperties()
}

// proseMentions returns a function reporting whether the prose (headings,
// paragraphs, quotes and lists; not code or tables) of page byPath[path]
// contains word, ignoring case: the cross-check's safety net for what a
// page says in words the compiler does not read. Each page's text is
// lower-cased once, on first use.
func proseMentions(byPath map[string]*input.Page) func(path, word string) bool {
	text := map[string]string{}
	return func(path, word string) bool {
		t, ok := text[path]
		if !ok {
			var b strings.Builder
			if p := byPath[path]; p != nil {
				for _, bl := range p.Blocks {
					if bl.Kind != input.KindCode && bl.Kind != input.KindTable && bl.Kind != input.KindComment {
						b.WriteString(strings.ToLower(bl.Text))
						b.WriteByte('\n')
					}
				}
			}
			t = b.String()
			text[path] = t
		}
		return strings.Contains(t, strings.ToLower(word))
	}
}
