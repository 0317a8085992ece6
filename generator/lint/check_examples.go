package lint

import (
	"github.com/apidocgen/apidocgen/generator/internal/textdist"

	"sort"
	"strconv"
	"strings"

	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
	"github.com/apidocgen/apidocgen/input/jsonx"
)

func (l *linter) checkExamples() {
	versions := l.treeVersion()
	for _, ex := range l.m.Examples() {
		switch ex.Kind {
		case model.ExampleResource:
			l.checkResourceExample(ex)
		case model.ExampleRequest, model.ExampleResponse:
			l.checkHTTPExample(ex, versions)
		}
		if ex.JSON != nil {
			l.checkODataTypes(ex, ex.JSON)
		}
	}
}

func header(ex *model.Example, name string) *model.Header {
	for i := range ex.Headers {
		if strings.EqualFold(ex.Headers[i].Name, name) {
			return &ex.Headers[i]
		}
	}
	return nil
}

func (l *linter) checkHTTPExample(ex *model.Example, version string) {
	hasBody := strings.TrimSpace(ex.Body) != ""
	if h := header(ex, "Content-Length"); h != nil {
		v := strings.TrimSpace(h.Value)
		n, err := strconv.Atoi(v)
		switch {
		case err != nil:
			l.add(h.Pos, RuleContentLength, "header Content-Length %q is not a number (the body is %d bytes)", v, ex.BodyBytes)
		case n != ex.BodyBytes:
			l.add(h.Pos, RuleContentLength, "header Content-Length is %d but the body is %d bytes", n, ex.BodyBytes)
		}
	}
	if ex.Kind == model.ExampleRequest {
		if hasBody && header(ex, "Content-Type") == nil && strings.ContainsAny(strings.TrimSpace(ex.Body)[:1], "{[") {
			l.add(ex.Pos, RuleContentTypeMissing, "request example (%s) has a JSON body but no Content-Type header", ex.Method)
		}
		l.checkURL(ex, version)
		l.checkRequestBody(ex)
	}
	if ex.Kind == model.ExampleResponse {
		if ex.Status == 204 && hasBody {
			l.add(ex.BodyPos, RuleNoContentWithBody, "response example with status 204 No Content has a body")
		}
		l.checkStatus(ex)
		l.checkResponseBody(ex)
	}
	if ex.JSON != nil {
		t, coll := bodyType(ex)
		if coll && ex.JSON.Kind == jsonx.Object {
			if val := ex.JSON.Get("value"); val != nil {
				l.walkPlaceholders(ex, val, "", t)
				return
			}
		}
		l.walkPlaceholders(ex, ex.JSON, "", t)
	}
}

// walkPlaceholders reports string leaves that are type names or enum
// unions rather than values. v is the value of member key of an object of
// type owner (nil when unknown; for the top level, owner is the type of v
// itself and key is ""). A type name that is a sensible value of its
// property ("Single" for a String underline style) is not reported.
func (l *linter) walkPlaceholders(ex *model.Example, v *jsonx.Value, key string, owner *model.Type) {
	switch v.Kind {
	case jsonx.Object:
		t := owner
		if key != "" {
			t = nil
			if owner != nil {
				if p := owner.Property(key); p != nil {
					t = p.Type.Type
				}
			}
		}
		if t != nil && t.Kind != model.KindEnum {
			t = l.objectType(v, t)
		} else {
			t = nil
		}
		for _, mb := range v.Members {
			l.walkPlaceholders(ex, mb.Value, mb.Key, t)
		}
	case jsonx.Array:
		for _, e := range v.Elems {
			l.walkPlaceholders(ex, e, key, owner)
		}
	case jsonx.String:
		l.checkPlaceholderLeaf(ex, v, key, owner)
	}
}

// checkPlaceholderLeaf reports one string leaf of an object of type owner.
func (l *linter) checkPlaceholderLeaf(ex *model.Example, v *jsonx.Value, key string, owner *model.Type) {
	if strings.HasPrefix(key, "@") || strings.HasSuffix(strings.ToLower(key), "type") || strings.EqualFold(key, "name") {
		return // type names are real values of "type"-like keys
	}
	edm, ok := model.Placeholder(v)
	if !ok || v.Kind != jsonx.String {
		return
	}
	if owner != nil {
		p := owner.Property(key)
		if p == nil && edm != "" && category(edm) != "string" {
			return // an undeclared property: "Single" or "Boolean" may well be its value
		}
		if p != nil {
			if et := p.Type.Type; et != nil && et.Kind == model.KindEnum {
				for _, m := range et.Members {
					if strings.EqualFold(m.Name, v.Str) {
						return // a member that happens to be spelled like a type
					}
				}
			} else if p.Type.IsPrimitive() && edm != "" && category(edm) != category(p.Type.Name) {
				return // "Single" for a String property is a value, not a placeholder
			}
		}
	}
	if owner == nil && edm != "" && category(edm) != "string" {
		return // without a known type, "Single" or "Double" may be a real value
	}
	if edm == "" {
		l.add(ex.LineOf(v.Offset), RuleTypePlaceholder, "value %q lists enum members instead of giving one", v.Str)
		return
	}
	l.add(ex.LineOf(v.Offset), RuleTypePlaceholder, "value %q is a type placeholder (%s), not an example value", v.Str, edm)
}

// treeVersion returns the API version used by nearly all absolute request
// URLs of the tree ("" when there is no clear majority).
func (l *linter) treeVersion() string {
	count := map[string]int{}
	total := 0
	for _, op := range l.m.Operations {
		for _, ex := range op.Examples {
			if ex.Kind != model.ExampleRequest {
				continue
			}
			if host, ver, ok := splitGraphURL(ex.URL); ok && host == "graph.microsoft.com" && (ver == "v1.0" || ver == "beta") {
				count[ver]++
				total++
			}
		}
	}
	for v, n := range count {
		if total >= 5 && n*10 >= total*9 {
			return v
		}
	}
	return ""
}

// splitGraphURL splits an absolute URL into host and first path segment.
func splitGraphURL(u string) (host, version string, ok bool) {
	lu := strings.ToLower(u)
	var rest string
	switch {
	case strings.HasPrefix(lu, "https://"):
		rest = u[len("https://"):]
	case strings.HasPrefix(lu, "http://"):
		rest = u[len("http://"):]
	default:
		return "", "", false
	}
	host, path, _ := strings.Cut(rest, "/")
	version, _, _ = strings.Cut(path, "/")
	if i := strings.IndexAny(version, "?#"); i >= 0 {
		version = version[:i]
	}
	return strings.ToLower(host), version, true
}

func (l *linter) checkURL(ex *model.Example, treeVersion string) {
	if strings.Contains(ex.URL, "**") || strings.ContainsAny(ex.URL, " \t") {
		return // compile reports http-request-invalid
	}
	host, ver, ok := splitGraphURL(ex.URL)
	if !ok {
		return
	}
	switch {
	case host == "graph.microsoft.com":
	case host == "graph" && strings.HasPrefix(strings.ToLower(ver), "microsoft.com"):
		l.add(ex.Pos, RuleURLHost, "request URL host %q should be \"graph.microsoft.com\" (a '/' replaces the '.')", "graph/microsoft.com")
		return
	case textdist.Distance(host, "graph.microsoft.com") <= 3 || strings.HasPrefix(host, "graph.") && strings.Contains(host, "microsoft"):
		l.add(ex.Pos, RuleURLHost, "request URL host %q is not \"graph.microsoft.com\"", host)
		return
	default:
		return // other services (upload URLs, SharePoint hosts) are legitimate
	}
	if ver != "v1.0" && ver != "beta" {
		l.add(ex.Pos, RuleURLVersion, "request URL version %q is neither \"v1.0\" nor \"beta\"", ver)
		return
	}
	if treeVersion != "" && ver != treeVersion {
		l.add(ex.Pos, RuleURLVersion, "request URL uses %q but the docs tree uses %q", ver, treeVersion)
		return
	}
	if treeVersion == "" && ex.Op != nil && ver == "beta" {
		// Without a tree-wide version, a beta URL on a page whose other
		// examples all use v1.0 is the odd one out.
		others := 0
		for _, o := range ex.Op.Examples {
			if o == ex || o.Kind != model.ExampleRequest {
				continue
			}
			if h, v, ok := splitGraphURL(o.URL); ok && h == "graph.microsoft.com" {
				if v != "v1.0" {
					return
				}
				others++
			}
		}
		if others > 0 {
			l.add(ex.Pos, RuleURLVersion, "request URL uses \"beta\" but the page's other examples use \"v1.0\"")
		}
	}
}

// mentions reports whether the page text outside code mentions the status
// code n (as in "returns a `202 Accepted` response code").
func (l *linter) mentions(file string, n int) bool {
	if n < 0 {
		return l.mentionsText(file, strconv.Itoa(n))
	}
	return l.proseNumbers(file)[strconv.Itoa(n)]
}

// mentionsText reports whether containsWord finds s in the text of a
// paragraph, list, quote or table of page file.
func (l *linter) mentionsText(file, s string) bool {
	p := l.byPath[file]
	if p == nil {
		return false
	}
	for _, b := range p.Blocks {
		if b.Kind == "paragraph" || b.Kind == "list" || b.Kind == "quote" || b.Kind == "table" {
			txt := b.Text + strings.Join(b.Items, " ")
			if b.Table != nil {
				for _, r := range b.Table.Rows {
					txt += " " + r.Joined(0)
				}
			}
			if containsWord(txt, s) {
				return true
			}
		}
	}
	return false
}

// proseNumbers returns the maximal runs of digits in the paragraphs,
// lists, quotes and tables of page file, made once per page. A number is
// mentioned (containsWord finds it in a block's text: the block text
// followed by its list items joined with " ", then " " and each table row
// joined with " | ") exactly when it is one of those runs, as the
// separators are not digits.
func (l *linter) proseNumbers(file string) map[string]bool {
	if r, ok := l.prose[file]; ok {
		return r
	}
	if l.prose == nil {
		l.prose = map[string]map[string]bool{} // per linter copy (see runPages)
	}
	runs := map[string]bool{}
	if p := l.byPath[file]; p != nil {
		for _, b := range p.Blocks {
			if b.Kind == "paragraph" || b.Kind == "list" || b.Kind == "quote" || b.Kind == "table" {
				txt := b.Text
				if len(b.Items) > 0 {
					txt += strings.Join(b.Items, " ")
				}
				digitRuns(txt, runs)
				if b.Table != nil {
					for _, r := range b.Table.Rows {
						for _, c := range r.Cells {
							digitRuns(c.Text, runs)
						}
					}
				}
			}
		}
	}
	l.prose[file] = runs
	return runs
}

// digitRuns adds the maximal runs of ASCII digits of s to set.
func digitRuns(s string, set map[string]bool) {
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		set[s[i:j]] = true
		i = j
	}
}

func containsWord(txt, w string) bool {
	for i := 0; ; {
		j := strings.Index(txt[i:], w)
		if j < 0 {
			return false
		}
		j += i
		before := j == 0 || !isDigit(txt[j-1])
		after := j+len(w) == len(txt) || !isDigit(txt[j+len(w)])
		if before && after {
			return true
		}
		i = j + 1
	}
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func (l *linter) checkStatus(ex *model.Example) {
	op := ex.Op
	if op == nil || ex.Status == 0 {
		return
	}
	if op.Status != 0 && ex.Status != op.Status && !l.mentions(ex.Page, ex.Status) {
		l.add(ex.Pos, RuleStatusMismatch, "response example returns %d but the Response section says %d", ex.Status, op.Status)
		return
	}
	if l.mentions(ex.Page, ex.Status) {
		return
	}
	switch {
	case op.Kind == model.OpCreate && op.Method == "POST" && (ex.Status == 200 || ex.Status == 204):
		l.add(ex.Pos, RuleStatusMismatch, "create response example returns %d; a POST that creates an entity returns 201", ex.Status)
	case op.Kind == model.OpDelete && op.Method == "DELETE" && (ex.Status == 200 || ex.Status == 201):
		l.add(ex.Pos, RuleStatusMismatch, "delete response example returns %d; DELETE returns 204", ex.Status)
	}
}

// stripHash removes the "#" of an @odata.type value.
func stripHash(s string) string { return strings.TrimPrefix(strings.TrimSpace(s), "#") }

// resolveODataType resolves an @odata.type string: the type, whether it
// names a known non-model thing (a primitive, Collection(...) of one,
// odata.error), and the cleaned name.
func (l *linter) resolveODataType(s string) (t *model.Type, known bool, name string) {
	name = stripHash(s)
	inner := name
	if strings.HasPrefix(strings.ToLower(inner), "collection(") && strings.HasSuffix(inner, ")") {
		inner = stripHash(inner[len("collection(") : len(inner)-1])
	}
	li := strings.ToLower(inner)
	if strings.HasPrefix(li, "edm.") || li == "odata.error" || !strings.Contains(li, ".") {
		return nil, true, inner
	}
	return l.m.Lookup(inner), false, inner
}

// checkODataTypes reports @odata.type values that name no type.
func (l *linter) checkODataTypes(ex *model.Example, v *jsonx.Value) {
	switch v.Kind {
	case jsonx.Array:
		for _, e := range v.Elems {
			l.checkODataTypes(ex, e)
		}
	case jsonx.Object:
		for _, mb := range v.Members {
			if mb.Key == "@odata.type" && mb.Value.Kind == jsonx.String {
				t, known, name := l.resolveODataType(mb.Value.Str)
				switch {
				case known:
				case t == nil:
					l.add(ex.LineOf(mb.Value.Offset), RuleExampleUnknownType, "example @odata.type %q names no type defined in the docs%s", name, l.suggestType(name))
				case t.QualifiedName() != name:
					l.add(ex.LineOf(mb.Value.Offset), RuleExampleUnknownType, "example @odata.type %q differs in case from the type %q", name, t.QualifiedName())
				}
				continue
			}
			l.checkODataTypes(ex, mb.Value)
		}
	}
}

func (l *linter) suggestType(name string) string {
	if l.typeCands == nil {
		// Lower-cased qualified names of the model's types, in model
		// order, indexed once for every suggestion.
		names := make([]string, 0, len(l.m.Types))
		for _, t := range l.m.Types {
			names = append(names, strings.ToLower(t.QualifiedName()))
		}
		l.typeCands = newWordIndex(names)
	}
	best := l.typeCands.closest(strings.ToLower(name), 3)
	if best == "" {
		return ""
	}
	return `; did you mean "` + l.m.Lookup(best).QualifiedName() + `"?`
}

// bodyType returns the type an example's top-level object shows.
func bodyType(ex *model.Example) (*model.Type, bool) {
	t := ex.Type.Type
	collection := ex.Type.Collection
	if ex.Kind == model.ExampleRequest && t == nil && ex.Op != nil && ex.Op.RequestBody != nil &&
		(ex.Op.Kind == model.OpCreate || ex.Op.Kind == model.OpUpdate) {
		t, collection = ex.Op.RequestBody.Type, ex.Op.RequestBody.Collection
	}
	if t == nil || t.Kind == model.KindEnum {
		return nil, false
	}
	return t, collection
}

func (l *linter) checkRequestBody(ex *model.Example) {
	if ex.JSON == nil || ex.JSON.Kind != jsonx.Object || ex.Op == nil {
		return
	}
	t, coll := bodyType(ex)
	if t == nil || coll {
		return
	}
	if ex.Op.Kind != model.OpCreate && ex.Op.Kind != model.OpUpdate {
		return
	}
	l.checkObject(ex, ex.JSON, t, "request body")
}

func (l *linter) checkResponseBody(ex *model.Example) {
	if ex.JSON == nil || ex.JSON.Kind != jsonx.Object {
		return
	}
	t, coll := bodyType(ex)
	if t == nil {
		return
	}
	val := ex.JSON.Get("value")
	if coll {
		if val == nil || val.Kind != jsonx.Array {
			l.add(ex.BodyPos, RuleCollectionShape, "response is annotated as a collection of %s but has no \"value\" array", t.Name)
			return
		}
		for _, e := range val.Elems {
			if e.Kind == jsonx.Object {
				l.checkObject(ex, e, t, "response")
			}
		}
		return
	}
	if val != nil && t.Property("value") == nil && !t.Open && len(ex.JSON.Members) <= 3 &&
		(val.Kind == jsonx.Object || val.Kind == jsonx.Array) && onlyODataBesides(ex.JSON, "value") {
		l.add(ex.LineOf(ex.JSON.Members[indexOf(ex.JSON, "value")].KeyOffset), RuleCollectionShape,
			"response shows one %s but wraps it in \"value\"; annotate isCollection or return the object itself", t.Name)
		return
	}
	l.checkObject(ex, ex.JSON, t, "response")
}

func onlyODataBesides(v *jsonx.Value, key string) bool {
	for _, mb := range v.Members {
		if mb.Key != key && !strings.HasPrefix(mb.Key, "@") {
			return false
		}
	}
	return true
}

func indexOf(v *jsonx.Value, key string) int {
	for i, mb := range v.Members {
		if mb.Key == key {
			return i
		}
	}
	return 0
}

// objectType returns the type an object shows: its @odata.type when that
// resolves, else t.
func (l *linter) objectType(v *jsonx.Value, t *model.Type) *model.Type {
	if ot := v.Get("@odata.type"); ot != nil && ot.Kind == jsonx.String {
		if rt, _, _ := l.resolveODataType(ot.Str); rt != nil && rt.Kind != model.KindEnum {
			return rt
		}
	}
	return t
}

// checkObject reports members of object v unknown to type t (or the type
// its @odata.type names), recursing into structured properties.
func (l *linter) checkObject(ex *model.Example, v *jsonx.Value, t *model.Type, what string) {
	explicit := v.Get("@odata.type") != nil
	t = l.objectType(v, t)
	if t.Open || anyOpen(t) || len(t.AllProperties()) == 0 {
		return // open, or a bag that documents no property: nothing to hold members to
	}
	for _, mb := range v.Members {
		if strings.Contains(mb.Key, "@") {
			continue // @odata.* and instance annotations, prop@odata.bind
		}
		p := t.Property(mb.Key)
		if p == nil && !explicit {
			p = descendantProperty(t, mb.Key)
		}
		if p == nil && l.listedOnPages(t, mb.Key) {
			continue // a table lists it; the compiler did not attach it
		}
		if p == nil {
			l.add(ex.LineOf(mb.KeyOffset), RuleExampleUnknownProperty, "%s property %q is not a property of %s%s", what, mb.Key, t.Name, suggestProperty(t, mb.Key))
			continue
		}
		if pt := p.Type.Type; pt != nil && pt.Kind != model.KindEnum {
			switch mb.Value.Kind {
			case jsonx.Object:
				l.checkObject(ex, mb.Value, pt, what)
			case jsonx.Array:
				for _, e := range mb.Value.Elems {
					if e.Kind == jsonx.Object {
						l.checkObject(ex, e, pt, what)
					}
				}
			}
		}
	}
}

// anyOpen reports whether t or an ancestor is an open type.
func anyOpen(t *model.Type) bool {
	for _, a := range t.Ancestors() {
		if a.Open {
			return true
		}
	}
	return false
}

func descendantProperty(t *model.Type, name string) *model.Property {
	for _, d := range t.Descendants() {
		for _, p := range d.Properties {
			if p.Name == name {
				return p
			}
		}
	}
	return nil
}

func suggestProperty(t *model.Type, name string) string {
	var cands []string
	for _, p := range t.AllProperties() {
		if strings.EqualFold(p.Name, name) {
			return `; the property is spelled "` + p.Name + `"`
		}
		cands = append(cands, p.Name)
	}
	sort.Strings(cands)
	if best := closest(name, cands, 2); best != "" {
		return `; did you mean "` + best + `"?`
	}
	return ""
}

// checkAnnotationTypes checks the @odata.type of request, response and
// resource annotations: a name that differs from a type only in case, or
// that names no type (unless the compiler already said so on that line).
func (l *linter) checkAnnotationTypes(p *input.Page) {
	reported := map[int]bool{}
	for _, d := range l.diagsByFile[p.Path] {
		if d.Rule == "unknown-type" {
			reported[d.Pos.Line] = true
		}
	}
	for _, b := range p.Blocks {
		if b.Kind != input.KindComment || b.Comment.Annotation == nil {
			continue
		}
		a := b.Comment.Annotation
		switch strings.ToLower(a.String("blockType")) {
		case "request", "response", "resource":
		default:
			continue
		}
		s := a.String("@odata.type")
		if s == "" {
			continue
		}
		t, known, name := l.resolveODataType(s)
		pos := b.Comment.BodyPos
		if a.Value != nil {
			if v := a.Value.Get("@odata.type"); v != nil {
				pos = lineOfComment(b.Comment, v.Offset)
			} else if v := a.Value.Get("@type"); v != nil {
				pos = lineOfComment(b.Comment, v.Offset)
			}
		}
		switch {
		case known:
		case t == nil:
			if !l.knownNamespace(name) {
				continue // not a model type name (e.g. ApiDoctor's requestBodyResourceFor.x tokens)
			}
			if !reported[pos.Line] && !reported[b.Comment.BodyPos.Line] {
				l.add(pos, RuleExampleUnknownType, "annotation @odata.type %q names no type defined in the docs%s", name, l.suggestType(name))
			}
		case t.QualifiedName() != name:
			l.add(pos, RuleExampleUnknownType, "annotation @odata.type %q differs in case from the type %q", name, t.QualifiedName())
		}
	}
}

// lineOfComment returns the position of byte offset off of a comment's body.
func lineOfComment(c *input.Comment, off int) input.Pos {
	p := c.BodyPos
	body := c.Body
	if off < 0 || off > len(body) {
		return p
	}
	nl := strings.Count(body[:off], "\n")
	if nl == 0 {
		p.Col += off
		return p
	}
	p.Line += nl
	p.Col = off - strings.LastIndex(body[:off], "\n")
	return p
}

// knownNamespace reports whether the namespace part of a qualified name is
// the namespace of some type of the model.
func (l *linter) knownNamespace(name string) bool {
	i := strings.LastIndexByte(name, '.')
	if i < 0 {
		return false
	}
	return l.namespaces[strings.ToLower(name[:i])]
}
