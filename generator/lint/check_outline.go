package lint

import (
	"strings"

	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
)

// Section outline (ApiDoctor's document-outline check, anchor §7 item 7).
// The known H2 headings and their order were measured on graph-v1.0
// (docs/lint-precision.md, "Section outline"): on API pages Permissions (or
// Intune's Prerequisites) precedes HTTP request in all 2,099 pages holding
// both, and so on down to the examples; on resource pages Methods,
// Properties, Relationships and JSON representation come in that order
// except on 97 OneDrive/OneNote-era pages that open with the JSON
// representation (a layout of its own, not checked for order).

var (
	RuleSectionOrder = model.Rule{ID: "section-order", Severity: model.SevWarning,
		Summary: "a known H2 section of an API or resource page comes after a section that should follow it (Permissions, HTTP request, parameters, Request headers, Request body, Response, Examples; Methods, Properties, Relationships, JSON representation)",
		Example: "## Example\n...\n## Response (an example's response written as an H2 after the Example section)"}
	RuleSectionMisspelt = model.Rule{ID: "section-name-misspelt", Severity: model.SevWarning,
		Summary: "an H2 heading of an API or resource page is a known section name in the wrong case or with a small spelling mistake",
		Example: "## Request Headers (the section is \"Request headers\")"}
	RuleSectionMissing = model.Rule{ID: "section-missing", Severity: model.SevWarning,
		Summary: "an API page has no Permissions (or Prerequisites), HTTP request or Response H2 section",
		Example: "# Get widget\n## Permissions\n## Request headers (no \"## HTTP request\" section)"}
)

// A section is a known H2 heading: its canonical spelling and its rank in
// the page order (-1: known, anywhere).
type section struct {
	name string
	rank int
}

var apiSections = []section{
	{"Permissions", 0}, {"Prerequisites", 0},
	{"HTTP request", 1},
	{"Path parameters", 2}, {"Function parameters", 2}, {"Query parameters", 2}, {"Optional query parameters", 2},
	{"Request headers", 3}, {"Optional request headers", 3},
	{"Request body", 4},
	{"Response", 5},
	{"Example", 6}, {"Examples", 6},
	{"Error responses", -1}, {"Remarks", -1}, {"See also", -1},
}

var resourceSections = []section{
	{"Methods", 0}, {"Properties", 1}, {"Relationships", 2}, {"JSON representation", 3},
	{"Instance Attributes", -1}, {"Remarks", -1}, {"See also", -1}, {"Derived types", -1},
}

// acceptedCase lists the other spellings that are house style, each used
// on hundreds of graph-v1.0 pages ("HTTP Request" 791, "JSON
// Representation" 308).
var acceptedCase = map[string]bool{"HTTP Request": true, "JSON Representation": true}

func findSection(list []section, text string) (section, bool) {
	for _, s := range list {
		if strings.EqualFold(s.name, text) {
			return s, true
		}
	}
	return section{}, false
}

// sectionRank returns the rank of heading text: a known name, or a known
// name followed by a qualifier ("HTTP request (to upload a new file)",
// "Example (file attachment)", "Examples for ...").
func sectionRank(list []section, text string) (int, bool) {
	if s, ok := findSection(list, text); ok {
		return s.rank, s.rank >= 0
	}
	lt := strings.ToLower(text)
	for _, s := range list {
		n := strings.ToLower(s.name)
		if s.rank >= 0 && strings.HasPrefix(lt, n) && len(lt) > len(n) && !isLetter(lt[len(n)]) {
			return s.rank, true
		}
	}
	return 0, false
}

// The lower-case names of each section list, built once for every page.
var (
	apiSectionNames      = lowerSectionNames(apiSections)
	resourceSectionNames = lowerSectionNames(resourceSections)
)

func lowerSectionNames(list []section) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = strings.ToLower(s.name)
	}
	return out
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func h2s(p *input.Page) []*input.Block {
	var out []*input.Block
	for _, b := range p.Blocks {
		if b.Kind == input.KindHeading && b.Level == 2 {
			out = append(out, b)
		}
	}
	return out
}

func (l *linter) checkOutlines() {
	for _, p := range l.pages {
		mp := l.mpages[p.Path]
		if mp == nil {
			continue
		}
		switch {
		case mp.Kind == model.PageAPI || mp.Kind == model.PageConceptual && strings.HasPrefix(p.Path, "api/") && strings.EqualFold(mp.DocType, "apiPageType"):
			// An api/ page that says it is an API page but lacks the
			// sections the compiler classifies by is checked too.
			l.checkOutline(p, apiSections, apiSectionNames, true)
		case mp.Kind == model.PageResource:
			l.checkOutline(p, resourceSections, resourceSectionNames, false)
		}
	}
}

func (l *linter) checkOutline(p *input.Page, list []section, cands []string, api bool) {
	hs := h2s(p)
	names := make([]string, len(hs))
	for i, h := range hs {
		names[i] = strings.Join(strings.Fields(h.Text), " ")
	}
	// Misspelt names.
	for i, h := range hs {
		n := names[i]
		if s, ok := findSection(list, n); ok {
			if n != s.name && !acceptedCase[n] {
				l.add(h.Pos, RuleSectionMisspelt, "section heading %q should be written %q", n, s.name)
			}
			continue
		}
		if len(n) < 6 {
			continue
		}
		c := closest(strings.ToLower(n), cands, 2)
		if c == "" || strings.TrimSuffix(strings.ToLower(n), "s") == c || strings.TrimSuffix(c, "s") == strings.ToLower(n) {
			continue // singular and plural are variants, not typos
		}
		s, _ := findSection(list, c)
		l.add(h.Pos, RuleSectionMisspelt, "section heading %q looks like a misspelling of %q", n, s.name)
	}
	// Order.
	check := true
	if !api {
		// The JSON-first layout (JSON representation before Properties)
		// is an older house style with its own order.
		props, json := -1, -1
		for i, n := range names {
			if strings.EqualFold(n, "Properties") && props < 0 {
				props = i
			}
			if strings.EqualFold(n, "JSON representation") && json < 0 {
				json = i
			}
		}
		check = json < 0 || props < 0 || props < json
	}
	if check {
		maxRank, maxAt := -1, -1
		for i, h := range hs {
			r, ok := sectionRank(list, names[i])
			if !ok {
				continue
			}
			if r < maxRank {
				l.add(h.Pos, RuleSectionOrder, "section %q should come before %q (line %d)", names[i], names[maxAt], hs[maxAt].Pos.Line)
				continue
			}
			if r > maxRank {
				maxRank, maxAt = r, i
			}
		}
	}
	if !api {
		return
	}
	// Required sections of API pages. A task-based page ("## Get a
	// user's drive" / "### HTTP request") holds them as H3s under H2s
	// that are not known sections; an H3 under a known section ("###
	// Response" inside "## Request body") is a heading-level slip and does
	// not count.
	present := append([]string(nil), names...)
	parentKnown := true
	for _, b := range p.Blocks {
		if b.Kind != input.KindHeading {
			continue
		}
		switch b.Level {
		case 2:
			_, parentKnown = findSection(list, strings.Join(strings.Fields(b.Text), " "))
		case 3:
			if !parentKnown {
				present = append(present, strings.Join(strings.Fields(b.Text), " "))
			}
		}
	}
	for i, n := range present {
		present[i] = strings.ToLower(n)
	}
	has := func(want ...string) bool {
		for _, w := range want {
			lw := strings.ToLower(w)
			for _, ln := range present {
				if ln == lw || strings.HasPrefix(ln, lw) && len(ln) > len(lw) && !isLetter(ln[len(lw)]) || ln == lw+"s" {
					return true
				}
			}
		}
		return false
	}
	_, pos := p.Title()
	if !pos.IsValid() {
		pos = input.Pos{File: p.Path, Line: 1, Col: 1}
	}
	for _, req := range [][]string{{"Permissions", "Prerequisites"}, {"HTTP request"}, {"Response"}} {
		if !has(req...) {
			what := quoteList(req[:1])
			if len(req) == 2 {
				what = "\"Permissions\" (or \"Prerequisites\")"
			}
			l.add(pos, RuleSectionMissing, "API page has no %s H2 section", what)
		}
	}
}
