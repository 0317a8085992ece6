// Package compile turns parsed pages (package input) into one resolved
// model (package generator/model): it classifies pages, reads property,
// relationship, enum and parameter tables with the conventions of
// Graph-style docs, resolves type references and inheritance, reads
// operations and examples, and reports every problem as a positioned
// diagnostic. It never fails: bad input gives diagnostics, not errors.
package compile

import (
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/apidocgen/apidocgen/generator/internal/textdist"
	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
	"github.com/apidocgen/apidocgen/input/jsonx"
)

// Compile builds the model of pages. The pages may come in any order; the
// model is the same.
func Compile(pages []*input.Page) *model.Model {
	c := newCompiler(pages)
	c.run()
	return c.m
}

type compiler struct {
	pages  []*input.Page
	byPath map[string]*input.Page // lower-cased path -> page
	m      *model.Model
	diags  model.Diagnostics

	types     map[string]*model.Type   // lower-cased qualified name -> type
	byShort   map[string][]*model.Type // lower-cased short name -> types, in page order
	pageTypes map[string][]*model.Type // lower-cased page path -> types it defines, main type first
	anchors   map[string]*model.Type   // lower-cased "path#anchor" -> enum type defined under that heading
	pending   []*pendingType
	primary   map[*model.Type]*pendingType // the page that defines a type (others merge into it)
	derived   []derivedClaim               // children named by their parent's page
	stated    map[*model.Type]bool         // types whose pages name a parent (resolved or not)
	loose     []looseResource              // resource annotations on pages that are not resource pages
	lowered   map[string]string            // strings.ToLower of headings and names, computed once
	linked    map[[2]string]*model.Type    // the type of the page a link goes to, by page path and target (checkLinkText)
	apiPages  []*pageInfo

	shortNames []string          // sorted keys of byShort, for suggest
	shortIndex *textdist.Index   // of shortNames; nil until suggest needs it
	suggested  map[string]string // lower-cased name -> what suggest returned
}

// pageInfo is a page with what the compiler learnt of it.
type pageInfo struct {
	page  *input.Page
	info  *model.Page
	ns    string
	title string
	h1    input.Pos
	// httpRequests counts the page's "HTTP request" headings (H2 or
	// deeper): a page with several may document several operations.
	httpRequests int
}

// pendingType holds what is needed to resolve a type after every page has
// been read.
type pendingType struct {
	t        *model.Type
	pi       *pageInfo
	rows     []*pendingProp
	prose    *input.Link // "Inherits from [x](x.md)"
	prosePos input.Pos
	annBase  string // annotation baseType
	annPos   input.Pos
	keyProp  string
	keyPos   input.Pos
	// lost: the name is an enum's, so the type is not in the model and
	// the tables that describe it are reported as not read.
	lost bool
}

// pendingProp is a table row whose type is not resolved yet.
type pendingProp struct {
	prop      *model.Property
	cell      input.Cell
	inherited *input.Link // "Inherited from [x](…)" in the description
	inhName   string
	tc        typeCell // parseTypeCell(cell), when parsed is set
	parsed    bool
}

func newCompiler(pages []*input.Page) *compiler {
	ps := append([]*input.Page(nil), pages...)
	sort.Slice(ps, func(i, j int) bool { return ps[i].Path < ps[j].Path })
	c := &compiler{
		pages:     ps,
		byPath:    map[string]*input.Page{},
		m:         &model.Model{},
		types:     map[string]*model.Type{},
		byShort:   map[string][]*model.Type{},
		pageTypes: map[string][]*model.Type{},
		anchors:   map[string]*model.Type{},
		primary:   map[*model.Type]*pendingType{},
		stated:    map[*model.Type]bool{},
		lowered:   map[string]string{},
	}
	for _, p := range ps {
		c.byPath[strings.ToLower(p.Path)] = p
	}
	return c
}

func (c *compiler) run() {
	for _, p := range c.pages {
		c.readPage(p)
	}
	c.readLooseResources()
	c.resolveInheritance()
	c.resolveProperties()
	c.propertiesFromExamples()
	c.membersFromValues()
	for _, pi := range c.apiPages {
		c.readOperation(pi)
	}
	c.inferRootBase()
	c.finishTypes()
	c.flagsFromExamples()
	sortTypes(c.m.Types)
	c.m.Index()
	c.m.Diagnostics = model.SortDiagnostics(c.diags.List)
}

var (
	reNamespace = regexp.MustCompile(`^\s*Namespace:\s*([\w.]+)`)
	reH1Suffix  = regexp.MustCompile(`(?i)\s+(resource type|resource|complex type|facet|enum type|enumeration type|entity type|type)\s*(\(deprecated\))?\s*$`)
	reH1Enum    = regexp.MustCompile(`(?i)\benum(eration)?( type)?\s*$`)
	reValuesHdg = regexp.MustCompile(`(?i)^\s*([\w.]+)\s+(values|enumeration|enum|members|flags)\s*$`)
)

// readPage classifies a page and reads what it defines.
func (c *compiler) readPage(p *input.Page) {
	pi := &pageInfo{page: p}
	pi.title, pi.h1 = p.Title()
	pi.info = &model.Page{Path: p.Path, Title: pi.title}
	if p.ReadError != "" {
		pi.info.Kind = model.PageConceptual
		c.m.Pages = append(c.m.Pages, pi.info)
		c.diags.Add(input.Pos{File: p.Path, Line: 1, Col: 1}, RuleFileUnreadable, "cannot be read, so it is left out: %s", p.ReadError)
		return
	}
	pi.info.DocType, _ = p.FrontValue("doc_type")
	pi.info.DocType = strings.Trim(pi.info.DocType, "\"' ")
	for _, b := range p.Blocks {
		if b.Kind == input.KindParagraph && mayBeNamespaceLine(b.Text) {
			if ns, ok := namespaceLine(b.Text); ok {
				pi.ns = strings.TrimRight(ns, ".")
				break
			}
		}
	}
	pi.info.Namespace = pi.ns
	c.m.Pages = append(c.m.Pages, pi.info)
	c.reportSyntax(p)

	var hasProps, hasHTTP, hasRequest, hasResourceAnn, hasEnumHdg bool
	var resourceAnns []*input.Block // as isResourceAnnotation tells them
	for _, b := range p.Blocks {
		switch b.Kind {
		case input.KindHeading:
			t := headingText(b)
			switch {
			case b.Level >= 2 && (lowerEq(t, "properties") || lowerEq(t, "relationships")):
				hasProps = true
			case b.Level >= 2 && lowerHasPrefix(t, "http request"):
				// "## HTTP request", "### HTTP request" under one H2 per
				// variant, "## HTTP requests", "## HTTP request (to ...)".
				hasHTTP = true
				pi.httpRequests++
			case b.Level >= 3 && lowerEq(t, "request"):
				hasHTTP = true
			case b.Level >= 2 && mayBeValuesHeading(t) && reValuesHdg.MatchString(t):
				hasEnumHdg = true
			}
		case input.KindComment:
			if a := b.Comment.Annotation; a != nil {
				bt := a.String("blockType")
				if strings.EqualFold(bt, "resource") {
					resourceAnns = append(resourceAnns, b)
				}
				switch {
				case lowerEq(bt, "resource"):
					hasResourceAnn = true
				case lowerEq(bt, "request"):
					hasRequest = true
				}
			}
		}
	}
	h1Enum := asciiContainsLower(pi.title, "enum") && reH1Enum.MatchString(pi.title)
	switch {
	case hasHTTP && !hasProps:
		pi.info.Kind = model.PageAPI
		c.apiPages = append(c.apiPages, pi)
	case hasResourceAnn || (hasProps && !hasHTTP):
		pi.info.Kind = model.PageResource
		c.readResource(pi)
	case hasHTTP:
		pi.info.Kind = model.PageAPI
		c.apiPages = append(c.apiPages, pi)
	case h1Enum || hasEnumHdg:
		pi.info.Kind = model.PageEnum
		c.readEnums(pi)
	case hasRequest:
		// Annotated request examples but no syntax section: the examples
		// give the method and URL.
		pi.info.Kind = model.PageAPI
		c.apiPages = append(c.apiPages, pi)
	case reResourceTitle.MatchString(pi.title):
		// "X resource type" with no table and no annotation: still a type
		// (often an abstract base documented only in prose).
		pi.info.Kind = model.PageResource
		c.readResource(pi)
	default:
		pi.info.Kind = model.PageConceptual
		c.readConceptual(pi)
	}
	if pi.info.Kind != model.PageResource {
		for _, b := range resourceAnns {
			c.loose = append(c.loose, looseResource{pi, b})
		}
	}
}

// reResourceTitle matches the H1 of a page that defines one type: "X
// resource type", "X complex type", "X entity type", "X resource".
var reResourceTitle = regexp.MustCompile(`(?i)^\s*[\w.]+\s+(resource type|resource|complex type|entity type)\s*(\(deprecated\))?\s*$`)

// readConceptual records the tables of a page that defines nothing.
func (c *compiler) readConceptual(pi *pageInfo) {
	for _, b := range pi.page.Blocks {
		if b.Kind == input.KindTable {
			c.pageTable(pi, b, layoutOf(b.Table))
		}
	}
}

// reportSyntax reports unclosed fences and comments and broken annotations.
func (c *compiler) reportSyntax(p *input.Page) {
	for _, b := range p.Blocks {
		switch b.Kind {
		case input.KindCode:
			if b.Code.Unclosed {
				c.diags.Add(b.Pos, RuleUnclosedFence, "code fence opened here is never closed")
			}
		case input.KindComment:
			cm := b.Comment
			if cm.Unclosed {
				c.diags.Add(b.Pos, RuleUnclosedComment, "HTML comment opened here is not closed with \"-->\"")
			} else if strings.TrimSpace(cm.Trailing) != "" {
				c.diags.Add(b.Pos, RuleUnclosedComment, "text %q follows \"-->\" on the closing line", strings.TrimSpace(cm.Trailing))
			}
			if a := cm.Annotation; a != nil {
				c.checkAnnotation(cm, a)
			}
		}
	}
}

// annotationKeys lists the keys each blockType defines (ApiDoctor's
// CodeBlockAnnotation and PageAnnotation classes, and what input-format
// §5 measured). Every blockType may carry the keys of codeBlockKeys.
var annotationKeys = map[string][]string{
	"resource": {"optionalProperties", "keyProperty", "baseType", "openType", "@odata.annotations",
		"@type.aka", "abstract", "isAbstract", "@property.aka", "isMediaEntity", "description", "nullableProperties"},
	"request":  {"sampleKeys", "target", "idempotent", "authScopes", "disabled"},
	"response": {"longRunningResponseType", "collectionProperty", "nullableProperties"},
	"example":  {},
	"ignored":  {},
	"samples":  {},
	"property": {},
	// The page annotation ("type": "#page.annotation").
	"": {"type", "section", "tocPath", "tocIndex", "tocBookmarks", "description", "keywords", "suppressions", "title", "blockType",
		"namespace", "canonicalUrl", "headerAdditions", "footerAdditions"},
}

// codeBlockKeys are the keys of ApiDoctor's CodeBlockAnnotation that any
// code block annotation may carry.
var codeBlockKeys = []string{"blockType", "name", "@odata.type", "@type", "truncated", "isCollection", "isEmpty", "isComposable",
	"expectError", "scopes", "apiVersions", "tags", "opaqueUrl"}

var allAnnotationKeys, allAnnotationKeyList = func() (map[string]bool, []string) {
	m := map[string]bool{}
	var l []string
	for _, bt := range []string{"", "example", "ignored", "property", "request", "resource", "response", "samples"} {
		keys := annotationKeys[bt]
		if bt != "" {
			keys = append(append([]string(nil), codeBlockKeys...), keys...)
		}
		for _, k := range keys {
			if !m[k] {
				m[k] = true
				l = append(l, k)
			}
		}
	}
	return m, l
}()

func (c *compiler) checkAnnotation(cm *input.Comment, a *input.Annotation) {
	if a.Err != nil {
		c.diags.Add(posAt(cm.BodyPos, cm.Body, a.Err.Offset), RuleAnnotationInvalidJSON, "annotation is not valid JSON: %s", a.Err.Msg)
		return
	}
	if len(a.Fixes) > 0 {
		f := a.Fixes[0]
		c.diags.Add(posAt(cm.BodyPos, cm.Body, f.Offset), RuleAnnotationLenientJSON, "annotation is not strict JSON: %s%s", f.Kind, more(len(a.Fixes)))
	}
	// Keys no blockType defines are misspellings or inventions; a key
	// borrowed from another blockType is harmless and not reported.
	for _, k := range a.Keys {
		if allAnnotationKeys[k] {
			continue
		}
		if s := closest(k, allAnnotationKeyList); s != "" {
			c.diags.Add(keyPos(cm, a, k), RuleAnnotationUnknownKey, "annotation key %q is not a known key; did you mean %q?", k, s)
		} else {
			c.diags.Add(keyPos(cm, a, k), RuleAnnotationUnknownKey, "annotation key %q is not a known key", k)
		}
	}
}

func more(n int) string {
	if n <= 1 {
		return ""
	}
	return " (and " + strconv.Itoa(n-1) + " more)"
}

func keyPos(cm *input.Comment, a *input.Annotation, key string) input.Pos {
	if a.Value != nil {
		for _, m := range a.Value.Members {
			if m.Key == key {
				return posAt(cm.BodyPos, cm.Body, m.KeyOffset)
			}
		}
	}
	return cm.BodyPos
}

// posAt returns the position of byte offset off in text that starts at start.
func posAt(start input.Pos, text string, off int) input.Pos {
	if off < 0 {
		return start
	}
	if off > len(text) {
		off = len(text)
	}
	p := start
	last := strings.LastIndexByte(text[:off], '\n')
	if last < 0 {
		p.Col += off
		return p
	}
	p.Line += strings.Count(text[:off], "\n")
	p.Col = off - last
	return p
}

// register adds a type to the indexes; a second definition of a qualified
// name is reported and dropped.
func (c *compiler) register(t *model.Type, pagePath string) bool {
	q := strings.ToLower(t.QualifiedName())
	if prev, ok := c.types[q]; ok {
		c.diags.Add(t.Pos, RuleDuplicateType, "type %q is already defined at %s", t.QualifiedName(), prev.Pos)
		return false
	}
	c.types[q] = t
	c.shortIndex = nil
	s := strings.ToLower(t.Name)
	c.byShort[s] = append(c.byShort[s], t)
	lp := strings.ToLower(pagePath)
	c.pageTypes[lp] = append(c.pageTypes[lp], t)
	c.m.Types = append(c.m.Types, t)
	return true
}

// splitQualified splits "microsoft.graph.user" into namespace and name.
func splitQualified(q string) (ns, name string) {
	q = strings.TrimPrefix(strings.TrimSpace(q), "#")
	i := strings.LastIndexByte(q, '.')
	if i < 0 {
		return "", q
	}
	return q[:i], q[i+1:]
}

// leadText returns the prose before the first H2, without the Namespace
// line, includes and TODO placeholders.
func leadText(p *input.Page) string {
	var parts []string
	seenH1 := false
	for _, b := range p.Blocks {
		if b.Kind == input.KindHeading {
			if b.Level == 1 && !seenH1 {
				seenH1 = true
				continue
			}
			break
		}
		if b.Kind != input.KindParagraph {
			continue
		}
		t := strings.TrimSpace(b.Text)
		if _, ok := namespaceLine(t); ok || strings.HasPrefix(t, "[!INCLUDE") || strings.HasPrefix(t, "[!") {
			continue
		}
		if t = cleanDoc(t); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, "\n\n")
}

var reTODO = regexp.MustCompile(`(?i)\*{0,2}TODO:?[^*\n]*\*{0,2}`)

// cleanDoc removes TODO placeholders and folds white space.
func cleanDoc(s string) string {
	if strings.Contains(s, "TODO") || strings.Contains(s, "todo") || strings.Contains(s, "Todo") {
		s = reTODO.ReplaceAllString(s, "")
	}
	return strings.TrimSpace(s)
}

// linkTargetPath resolves a link target against the page that holds it and
// returns the lower-cased page path and the anchor ("" if none). External
// links give "".
func linkTargetPath(from, target string) (string, string) {
	t := strings.TrimSpace(target)
	if t == "" {
		return "", ""
	}
	if i := strings.IndexAny(t, " \t"); i >= 0 { // a title after the URL
		t = t[:i]
	}
	anchor := ""
	if i := strings.IndexByte(t, '#'); i >= 0 {
		anchor = strings.ToLower(t[i+1:])
		t = t[:i]
	}
	if strings.Contains(t, "://") || strings.HasPrefix(t, "mailto:") {
		return "", ""
	}
	if t == "" {
		return strings.ToLower(from), anchor
	}
	if strings.HasPrefix(t, "/graph/api/") {
		// "/graph/api/resources/identityset" style absolute links.
		t = strings.TrimPrefix(t, "/graph/api/")
		if !strings.HasSuffix(t, ".md") {
			t += ".md"
		}
		return strings.ToLower(path.Clean(t)), anchor
	}
	if strings.HasPrefix(t, "/") {
		return "", ""
	}
	p := path.Clean(path.Join(path.Dir(from), t))
	return strings.ToLower(p), anchor
}

// parseJSON parses an example body, reporting problems at their position.
func (c *compiler) parseJSON(ex *model.Example) {
	if strings.TrimSpace(ex.Body) == "" {
		return
	}
	v, fixes, err := jsonx.ParseString(ex.Body)
	ex.JSONFixes = fixes
	if err != nil {
		c.diags.Add(ex.LineOf(err.Offset), RuleExampleInvalidJSON, "example body is not valid JSON: %s", err.Msg)
		return
	}
	ex.JSON = v
	if len(fixes) > 0 {
		c.diags.Add(ex.LineOf(fixes[0].Offset), RuleExampleLenientJSON, "example body is not strict JSON: %s%s", fixes[0].Kind, more(len(fixes)))
	}
}
