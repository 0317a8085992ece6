package lint

import (
	"path"

	"github.com/apidocgen/apidocgen/generator/model"
	"regexp"
	"sort"
	"strings"

	"github.com/apidocgen/apidocgen/input"
)

// requiredFront lists the front matter keys every page needs; each entry
// lists accepted spellings.
var requiredFront = [][]string{
	{"title"}, {"description"}, {"author"},
	{"localization_priority", "ms.localizationpriority"}, {"doc_type"},
}

var docTypes = map[string]bool{
	"apiPageType": true, "resourcePageType": true, "enumPageType": true, "conceptualPageType": true,
}

func (l *linter) checkFrontMatter(p *input.Page) {
	start := input.Pos{File: p.Path, Line: 1, Col: 1}
	if len(p.Front) == 0 {
		l.add(start, RuleFrontMatterMissing, "page has no front matter")
		return
	}
	for _, keys := range requiredFront {
		var f *input.FrontField
		for i := range p.Front {
			for _, k := range keys {
				if p.Front[i].Key == k && f == nil {
					f = &p.Front[i]
				}
			}
		}
		switch {
		case f == nil:
			l.add(start, RuleFrontMatterMissing, "front matter has no %q key", keys[0])
		case f.TODO || isTODO(f.Value):
			// reported as todo-placeholder
		case strings.TrimSpace(f.Value) == "":
			l.add(f.Pos, RuleFrontMatterMissing, "front matter key %q is empty", f.Key)
		}
	}
	dt, ok := p.FrontValue("doc_type")
	if !ok || dt == "" {
		return
	}
	pos := start
	for _, f := range p.Front {
		if f.Key == "doc_type" {
			pos = f.Pos
		}
	}
	if !docTypes[dt] {
		l.add(pos, RuleDocTypeInvalid, "doc_type %q is not one of apiPageType, resourcePageType, enumPageType, conceptualPageType", dt)
		return
	}
	switch folder := path.Base(path.Dir(p.Path)); {
	case folder == "api" && dt != "apiPageType":
		l.add(pos, RuleDocTypeInvalid, "doc_type %q on a page in api/ (expected \"apiPageType\")", dt)
	case folder == "resources" && dt == "apiPageType":
		l.add(pos, RuleDocTypeInvalid, "doc_type \"apiPageType\" on a page in resources/")
	}
}

var (
	todoRe      = regexp.MustCompile(`\bTODO\b\s*:?`)
	collURIRe   = regexp.MustCompile(`Collection URI for ([\w.]+) not found`)
	unknownType = regexp.MustCompile(`Unknown (Primitive )?Type\b`)
)

func isTODO(s string) bool { return strings.Contains(s, "TODO") && todoRe.MatchString(s) }

// todoText returns the TODO phrase of s, shortened for a message.
func todoText(s string) string {
	i := strings.Index(s, "TODO")
	t := s[i:]
	if j := strings.IndexAny(t, ".\n|"); j > 0 {
		t = t[:j]
	}
	t = strings.TrimSpace(strings.Trim(t, "* "))
	if len(t) > 60 {
		t = t[:60] + "..."
	}
	return t
}

// checkPlaceholders reports TODO and generator placeholders outside code.
func (l *linter) checkPlaceholders(p *input.Page) {
	for _, f := range p.Front {
		if f.TODO || isTODO(f.Value) {
			l.add(f.Pos, RuleTODOPlaceholder, "front matter %q is a TODO placeholder: %q", f.Key, todoText(f.Value))
		}
		l.generatorText(f.Pos, f.Value)
	}
	for _, b := range p.Blocks {
		switch b.Kind {
		case input.KindHeading, input.KindParagraph, input.KindQuote, input.KindList:
			texts := []string{b.Text}
			if b.Kind == input.KindList {
				texts = b.Items
			}
			for _, t := range texts {
				if isTODO(t) {
					l.add(b.Pos, RuleTODOPlaceholder, "todo placeholder in text: %q", todoText(t))
				}
				l.generatorText(b.Pos, t)
			}
		case input.KindTable:
			t := b.Table
			permissions := false
			for _, h := range t.Header {
				if strings.HasPrefix(strings.ToLower(h.Text), "permission") {
					permissions = true
				}
			}
			for _, r := range t.Rows {
				for ci, c := range r.Cells {
					if isTODO(c.Text) {
						what := "table cell"
						if permissions && ci > 0 {
							what = "permissions cell"
						} else if ci < len(t.Header) && t.Header[ci].Text != "" {
							what = strings.ToLower(t.Header[ci].Text) + " cell"
						}
						l.add(c.Pos, RuleTODOPlaceholder, "todo placeholder in %s: %q", what, todoText(c.Text))
					}
					l.generatorText(c.Pos, c.Text)
				}
			}
		}
	}
}

func (l *linter) generatorText(pos input.Pos, s string) {
	if !strings.Contains(s, "Collection URI") && !strings.Contains(s, "Unknown") {
		return
	}
	if m := collURIRe.FindStringSubmatch(s); m != nil {
		l.add(pos, RuleGeneratorPlaceholder, "generator placeholder %q: the stub generator found no collection for %q", m[0], m[1])
	} else if m := unknownType.FindString(s); m != "" {
		l.add(pos, RuleGeneratorPlaceholder, "generator placeholder %q left in text", strings.TrimSpace(s))
	}
}

// blockTypes are the annotation blockTypes (compared lower-cased).
var blockTypes = map[string]bool{
	"resource": true, "request": true, "response": true, "example": true, "ignored": true,
	"samples": true, "simulatedresponse": true, "testparams": true, "permissions": true,
}

// pageExample is one annotated request or response block of a page.
type pageExample struct {
	kind  string // "request" or "response"
	name  string
	names []string
	ann   *input.Annotation
	pos   input.Pos // the annotation body
	code  *input.Block
}

// annotated returns the request and response annotations of p in order.
func annotatedExamples(p *input.Page) []pageExample {
	var out []pageExample
	for _, b := range p.Blocks {
		if b.Kind != input.KindComment || b.Comment.Annotation == nil {
			continue
		}
		a := b.Comment.Annotation
		bt := strings.ToLower(a.String("blockType"))
		if bt != "request" && bt != "response" {
			continue
		}
		e := pageExample{kind: bt, ann: a, pos: b.Comment.BodyPos}
		switch v := a.Fields["name"].(type) {
		case string:
			e.name = v
			e.names = []string{v}
		case []any:
			for _, x := range v {
				if s, ok := x.(string); ok {
					e.names = append(e.names, s)
				}
			}
			if len(e.names) > 0 {
				e.name = e.names[0]
			}
		}
		if a.Next >= 0 && a.Next < len(p.Blocks) {
			e.code = p.Blocks[a.Next]
		}
		out = append(out, e)
	}
	return out
}

// tabOf returns the tab ID of a tab heading ("# [HTTP](#tab/http)" gives
// "http"), or "".
func tabOf(b *input.Block) string {
	if b.Kind != input.KindHeading || b.Level != 1 || len(b.Links) != 1 {
		return ""
	}
	t := b.Links[0].Target
	if !strings.HasPrefix(t, "#tab/") {
		return ""
	}
	return strings.ToLower(strings.TrimPrefix(t, "#tab/"))
}

// checkTabs checks the tab groups of a page: each starts with the HTTP tab,
// names each tab once, and ends with a "---" line before the next section.
func (l *linter) checkTabs(p *input.Page) {
	var start *input.Block
	seen := map[string]bool{}
	closeGroup := func(end *input.Block) {
		if start == nil {
			return
		}
		if end != nil {
			l.add(start.Pos, RuleTabGroup, "tab group is not closed with a \"---\" line before line %d", end.Pos.Line)
		} else {
			l.add(start.Pos, RuleTabGroup, "tab group is not closed with a \"---\" line before the end of the page")
		}
		start = nil
	}
	for _, b := range p.Blocks {
		if tab := tabOf(b); tab != "" {
			if start == nil {
				start = b
				seen = map[string]bool{}
				if tab != "http" {
					l.add(b.Pos, RuleTabGroup, "tab group starts with %q; the HTTP tab comes first", "#tab/"+tab)
				}
			} else if seen[tab] {
				l.add(b.Pos, RuleTabGroup, "tab %q appears twice in one tab group", "#tab/"+tab)
			}
			seen[tab] = true
			continue
		}
		switch {
		case b.Kind == input.KindBreak:
			start = nil
		case b.Kind == input.KindHeading && start != nil:
			closeGroup(b)
		}
	}
	closeGroup(nil)
}

// checkMissingAnnotations reports http and json code blocks of reference
// pages without an annotation before them.
func (l *linter) checkMissingAnnotations(p *input.Page) {
	mp := l.mpages[p.Path]
	if mp != nil && mp.Kind != model.PageAPI && mp.Kind != model.PageResource {
		return // conceptual pages show JSON for reading, not for checking
	}
	var annotatedCode map[int]bool
	for i, b := range p.Blocks {
		if b.Kind != input.KindCode {
			continue
		}
		lang := b.Code.Lang
		if lang != "http" && lang != "json" {
			continue
		}
		if annotatedCode == nil {
			annotatedCode = map[int]bool{}
			for _, b := range p.Blocks {
				if b.Kind == input.KindComment && b.Comment.Annotation != nil && b.Comment.Annotation.Next >= 0 {
					annotatedCode[b.Comment.Annotation.Next] = true
				}
			}
		}
		if !annotatedCode[i] {
			l.add(b.Pos, RuleMissingAnnotation, "code block (%s) has no annotation comment before it", lang)
		}
	}
}

func (l *linter) checkAnnotations(p *input.Page) {
	for _, b := range p.Blocks {
		if b.Kind != input.KindComment || b.Comment.Annotation == nil {
			continue
		}
		a := b.Comment.Annotation
		if a.Err != nil && len(a.Fields) == 0 {
			continue // compile reports annotation-invalid-json
		}
		if _, page := a.Fields["type"]; page && a.String("blockType") == "" {
			continue // page annotation
		}
		if v, ok := a.Fields["blockType"]; ok {
			s, isStr := v.(string)
			if !isStr || !blockTypes[strings.ToLower(s)] {
				l.add(b.Comment.BodyPos, RuleBlockTypeUnknown, "unknown annotation blockType %v%s", quoteAny(v), suggestBlockType(s))
			}
		}
	}
	// Pairing: a response pairs with the request of the same name, else
	// with the closest request above it that is not yet paired.
	ex := annotatedExamples(p)
	paired := make([]bool, len(ex))
	for i, e := range ex {
		if e.kind != "response" {
			continue
		}
		found := -1
		if e.name != "" {
			for j, r := range ex {
				if r.kind == "request" && containsStr(r.names, e.name) {
					found = j
					break
				}
			}
		}
		if found < 0 {
			for j := i - 1; j >= 0; j-- {
				if ex[j].kind == "request" {
					found = j
					break
				}
			}
		}
		if found < 0 {
			if ignoredRequestBefore(p, e.pos) {
				l.add(e.pos, RuleResponseWithoutRequest, "response example has no request to pair with: the request before it is annotated \"ignored\"")
			} else {
				l.add(e.pos, RuleResponseWithoutRequest, "response example has no request example before it to pair with")
			}
			continue
		}
		paired[found] = true
	}
	for i, e := range ex {
		if e.kind == "request" && !paired[i] {
			if e.name != "" {
				l.add(e.pos, RuleRequestWithoutResponse, "request example %q has no response example", e.name)
			} else {
				l.add(e.pos, RuleRequestWithoutResponse, "request example has no response example")
			}
		}
		if e.kind == "request" {
			for _, n := range e.names {
				if n == "" || strings.ContainsAny(n, " \t") || strings.HasSuffix(n, "_") || strings.HasSuffix(n, "-") {
					l.add(e.pos, RuleRequestNameMalformed, "request name %q is empty, has white space or ends in a separator", n)
				}
			}
		}
	}
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func quoteAny(v any) string {
	if s, ok := v.(string); ok {
		return `"` + s + `"`
	}
	return "(not a string)"
}

func suggestBlockType(s string) string {
	if s == "" {
		return ""
	}
	var names []string
	for k := range blockTypes {
		names = append(names, k)
	}
	sort.Strings(names)
	if best := closest(strings.ToLower(s), names, 3); best != "" {
		canon := map[string]string{"simulatedresponse": "simulatedResponse", "testparams": "testParams"}
		if c, ok := canon[best]; ok {
			best = c
		}
		return `; did you mean "` + best + `"?`
	}
	return ""
}

// checkRequestNames reports request names used more than once, within a
// page or across the tree; the first use (by path and line) is kept.
func (l *linter) checkRequestNames() {
	type use struct {
		pos  input.Pos
		name string
	}
	first := map[string]use{}
	pages := append([]*input.Page(nil), l.pages...)
	sort.Slice(pages, func(i, j int) bool { return pages[i].Path < pages[j].Path })
	for _, p := range pages {
		for _, e := range annotatedExamples(p) {
			if e.kind != "request" {
				continue
			}
			for _, n := range e.names {
				if n == "" {
					continue
				}
				if f, ok := first[n]; ok {
					if f.pos.File == e.pos.File {
						l.add(e.pos, RuleDuplicateRequestName, "request name %q is already used on line %d of this page", n, f.pos.Line)
					} else {
						l.add(e.pos, RuleDuplicateRequestName, "request name %q is already used in %s:%d", n, f.pos.File, f.pos.Line)
					}
					continue
				}
				first[n] = use{e.pos, n}
			}
		}
	}
}

// ignoredRequestBefore reports whether an "ignored" annotation on an http
// block comes before pos under the Examples part of the page.
func ignoredRequestBefore(p *input.Page, pos input.Pos) bool {
	found := false
	for _, b := range p.Blocks {
		if b.Pos.Line >= pos.Line {
			break
		}
		if b.Kind == input.KindHeading && b.Level <= 2 {
			found = false
		}
		if b.Kind == input.KindComment && b.Comment.Annotation != nil && strings.EqualFold(b.Comment.Annotation.String("blockType"), "ignored") {
			a := b.Comment.Annotation
			if a.Next >= 0 && a.Next < len(p.Blocks) && p.Blocks[a.Next].Kind == input.KindCode {
				found = true
			}
		}
	}
	return found
}
