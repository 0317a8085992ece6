package lint

import (
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/apidocgen/apidocgen/generator/compile"
	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
	"github.com/apidocgen/apidocgen/input/jsonx"
)

// exampleType returns the type a resource example describes.
func (l *linter) exampleOwner(ex *model.Example) *model.Type {
	if ex.Type.Type != nil {
		return ex.Type.Type
	}
	return l.owner[ex]
}

func (l *linter) checkResourceExample(ex *model.Example) {
	t := l.exampleOwner(ex)
	if t == nil || t.Kind == model.KindEnum || ex.JSON == nil || ex.JSON.Kind != jsonx.Object {
		return
	}
	if ot := ex.JSON.Get("@odata.type"); ot != nil && ot.Kind == jsonx.String {
		name := stripHash(ot.Str)
		if rt, known, _ := l.resolveODataType(ot.Str); !known && rt != nil && rt != t && !strings.EqualFold(name, t.QualifiedName()) {
			l.add(ex.LineOf(ot.Offset), RuleODataTypeMismatch, "the JSON representation's @odata.type %q differs from the annotated type %q", name, t.QualifiedName())
		}
	}
	// The JSON representation documents the type as its tables do: an open
	// type (whose values may hold more), a type whose tables list nothing
	// and a row the reader could not attach (its diagnostic says why) are
	// all checked. Only an open type that declares no property of its own
	// is a bag of members its JSON can only show by example.
	if (t.Open || anyOpen(t)) && len(t.Properties) == 0 {
		return
	}
	for _, mb := range ex.JSON.Members {
		if strings.Contains(mb.Key, "@") {
			continue
		}
		p := t.Property(mb.Key)
		if p == nil || p.FromExample { // the compiler reads such a member as a property, but no table lists it
			if s := suggestProperty(t, mb.Key); p == nil && strings.Contains(s, "spelled") {
				l.add(ex.LineOf(mb.KeyOffset), RuleJSONNotInTable, "property %q of the JSON representation is not in the property tables of %s%s", mb.Key, t.Name, s)
				continue
			}
			l.add(ex.LineOf(mb.KeyOffset), RuleJSONNotInTable, "property %q of the JSON representation is not in the property tables of %s or its base types", mb.Key, t.Name)
			continue
		}
		l.checkShape(ex, mb, p)
	}
}

// category groups Edm types by the JSON value kind they take.
func category(edm string) string {
	switch edm {
	case model.EdmBoolean:
		return "boolean"
	case model.EdmByte, model.EdmSByte, model.EdmInt16, model.EdmInt32, model.EdmInt64,
		model.EdmSingle, model.EdmDouble, model.EdmDecimal:
		return "number"
	case model.EdmUntyped, model.EdmStream, "":
		return ""
	}
	return "string"
}

// checkShape reports a type placeholder whose shape or kind disagrees with
// the declared type of p. (Real values of the wrong type are genschema's
// example-invalid-value; it accepts placeholders wherever they stand.)
func (l *linter) checkShape(ex *model.Example, mb jsonx.Member, p *model.Property) {
	v := mb.Value
	edm, ok := model.Placeholder(v)
	if !ok || !p.Type.Resolved() || p.Type.Name == model.EdmUntyped || p.Type.Name == model.EdmStream {
		return
	}
	pos := ex.LineOf(v.Offset)
	ph := v.Str
	if v.Kind == jsonx.Number {
		ph = v.Num
	}
	switch {
	case p.Type.Collection:
		l.add(pos, RuleJSONShape, "property %q is declared %s but the JSON shows a single %q", mb.Key, p.Type.String(), ph)
	case p.Type.Type != nil && p.Type.Type.Kind != model.KindEnum:
		l.add(pos, RuleJSONShape, "property %q is declared %s (a structured type) but the JSON shows %q", mb.Key, p.Type.Type.Name, ph)
	case p.Type.IsPrimitive() && edm != "":
		if c, d := category(edm), category(p.Type.Name); c != "" && d != "" && c != d {
			l.add(pos, RuleJSONShape, "property %q is declared %s but the JSON shows %q (%s)", mb.Key, p.Type.Name, ph, edm)
		}
	}
}

// checkResources runs the checks over types and their pages.
func (l *linter) checkResources() {
	root := compile.RootEntity(l.m)
	navTarget := map[*model.Type]*model.Property{} // a relationship whose type each type is
	for _, t := range l.m.Types {
		for _, p := range t.Properties {
			if p.Relationship && p.Type.Type != nil && navTarget[p.Type.Type] == nil {
				navTarget[p.Type.Type] = p
			}
		}
	}
	for _, t := range l.m.Types {
		l.checkEnumValues(t)
		l.checkTableVsJSON(t)
		l.checkBaseStated(t, root, navTarget[t])
	}
	for _, mp := range l.m.Pages {
		if mp.Kind == model.PageResource && mp.Namespace != "" {
			for _, t := range l.typesByFile[mp.Path] {
				if t.Kind != model.KindEnum && t.Namespace != mp.Namespace {
					l.add(t.Pos, RuleNamespaceMismatch, "page says \"Namespace: %s\" but defines %s", mp.Namespace, t.QualifiedName())
				}
			}
		}
	}
	for _, p := range l.pages {
		l.checkInheritedRows(p)
		l.checkTruncated(p)
		l.checkAnnotationProperties(p)
	}
}

// checkBaseStated reports a type whose own page does not name the base
// type it has: one the compiler inferred (an entity type declaring the
// root entity's key) or took from its parent's list of derived types; and,
// when the docs have a root entity type, an entity type that lists a key
// of its own and has no base at all (a key named but not listed is
// key-property-missing's business), or a type a relationship points at
// (nav, so an entity) that has neither a base nor a key.
func (l *linter) checkBaseStated(t, root *model.Type, nav *model.Property) {
	switch {
	case t.Kind == model.KindEnum:
	case t.BaseFrom == "inferred":
		l.add(t.Pos, RuleBaseTypeUnstated, "entity type %q names no base type; it declares the key %q of %q, which is inferred as its base (say \"Inherits from\")",
			t.Name, t.Base.Key, t.Base.QualifiedName())
	case t.BaseFrom == "derived-types":
		l.add(t.Pos, RuleBaseTypeUnstated, "type %q names no base type; only the page of %q lists it among its derived types", t.Name, t.Base.QualifiedName())
	case root != nil && t != root && t.Base == nil && t.Key != "" && t.Property(t.Key) != nil && t.Pos.File != "":
		l.add(t.Pos, RuleBaseTypeUnstated, "entity type %q names no base type (the docs' other entity types derive from %q)", t.Name, root.QualifiedName())
	case root != nil && nav != nil && t.Base == nil && t.Key == "" && t.Pos.File != "" && !t.Abstract:
		l.add(t.Pos, RuleBaseTypeUnstated, "type %q is the target of the relationship %q of %q, so an entity type, but names no base type and lists no key",
			t.Name, nav.Name, nav.Owner.Name)
	}
}

func (l *linter) checkTableVsJSON(t *model.Type) {
	if t.Kind == model.KindEnum || len(t.Examples) == 0 {
		return
	}
	keys := map[string]bool{}
	lower := map[string]bool{}
	for _, ex := range t.Examples {
		if ex.JSON == nil || ex.JSON.Kind != jsonx.Object {
			return // unreadable JSON: compile reports it
		}
		for _, mb := range ex.JSON.Members {
			keys[mb.Key] = true
			lower[strings.ToLower(mb.Key)] = true
		}
	}
	for _, p := range t.Properties {
		if p.Relationship || keys[p.Name] || lower[strings.ToLower(p.Name)] || p.Pos.File != t.Pos.File {
			continue // relationships are often left out; case-only is reported on the JSON side
		}
		l.add(p.Pos, RuleTableNotInJSON, "property %q of %s is missing from its JSON representation", p.Name, t.Name)
	}
}

var backtickValue = regexp.MustCompile("`([^`]+)`")

func (l *linter) checkEnumValues(t *model.Type) {
	for _, p := range t.Properties {
		et := p.Type.Type
		if len(p.Values) == 0 || et == nil || et.Kind != model.KindEnum || len(et.Members) == 0 || p.Pos.File != t.Pos.File {
			continue
		}
		// The enum's own members: not those the compiler added from a
		// description (positioned at the row that lists them).
		members := map[string]string{}
		for _, m := range et.Members {
			if !l.describedAt[m.Pos] {
				members[strings.ToLower(m.Name)] = m.Name
			}
		}
		var bad []string
		for _, v := range p.Values {
			if _, ok := members[strings.ToLower(v)]; !ok {
				bad = append(bad, v)
			}
		}
		if len(bad) > 0 {
			l.add(p.Pos, RuleEnumValueNotMember, "description of %q lists %s, not members of the enum %s", p.Name, quoteList(bad), et.Name)
		}
	}
}

func quoteList(s []string) string {
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = `"` + x + `"`
	}
	return strings.Join(q, ", ")
}

var inheritedRe = regexp.MustCompile(`(?i)\binherited from\s+(?:the\s+)?\[?([A-Za-z_][\w.]*)`)

// pageType returns the structured type defined on a page (its first one).
func (l *linter) pageType(path string) *model.Type {
	for _, t := range l.typesByFile[path] {
		if t.Kind != model.KindEnum {
			return t
		}
	}
	return nil
}

func (l *linter) lookupName(name, ns string) *model.Type {
	if t := l.m.Lookup(name); t != nil && strings.Contains(name, ".") {
		return t
	}
	if ns != "" {
		if t := l.m.Lookup(ns + "." + name); t != nil {
			return t
		}
	}
	return l.m.Lookup(model.DefaultNamespace + "." + name)
}

// checkInheritedRows checks "Inherited from X" rows of property and
// request-body tables against the type's ancestors.
func (l *linter) checkInheritedRows(p *input.Page) {
	var t *model.Type
	if mp := l.mpages[p.Path]; mp != nil && mp.Kind == model.PageResource {
		t = l.pageType(p.Path)
	} else if mp != nil && mp.Kind == model.PageAPI {
		for _, op := range l.opsByPage[p.Path] {
			if (op.Kind == model.OpCreate || op.Kind == model.OpUpdate) && op.Target != nil {
				t = op.Target
			}
		}
	}
	if t == nil {
		return
	}
	api := l.mpages[p.Path].Kind == model.PageAPI
	if !api && t.Base == nil {
		return // nothing to check: only API pages have request-body rows, only derived types inherit
	}
	var anc map[*model.Type]bool
	section := ""
	for _, b := range p.Blocks {
		if b.Kind == input.KindHeading && b.Level <= 2 {
			section = b.Text
		}
		if b.Kind != input.KindTable || len(b.Table.Header) < 2 {
			continue
		}
		if api && !containsFoldASCII(section, "request body") {
			continue
		}
		if !strings.EqualFold(b.Table.Header[1].Text, "type") {
			continue
		}
		for _, r := range b.Table.Rows {
			if len(r.Cells) < 3 {
				continue
			}
			if api {
				name := strings.Trim(r.Cells[0].Text, "*` ")
				if prop, owner := declaredOn(t, name); prop != nil && prop.ReadOnly && (owner == t || !l.ownRowWritable(t, name)) {
					l.add(r.Pos, RuleReadOnlyInBody, "request body table lists %q, which is read-only on %s", name, owner.Name)
				}
			}
			// The phrase cannot span the " | " that Joined puts between
			// cells: look for it cell by cell before joining.
			if t.Base == nil || !cellsContainFold(r.Cells[2:], "inherited from") {
				continue
			}
			desc := r.Joined(2)
			if anc == nil {
				anc = map[*model.Type]bool{}
				for _, a := range t.Ancestors() {
					anc[a] = true
				}
			}
			// A match starts where the phrase does (in ASCII letters of
			// either case); the byte before it stays for \b.
			k := indexFoldASCII(desc, "inherited from")
			if k < 0 {
				continue
			}
			m := inheritedRe.FindStringSubmatch(desc[max(k-1, 0):])
			if m == nil {
				continue // without a known parent the cells are the compiler's business
			}
			name := strings.Trim(r.Cells[0].Text, "*` ")
			x := l.lookupName(strings.TrimRight(m[1], "."), t.Namespace)
			if x == nil || x == t || !anc[x] || x.Pos.File == "" {
				continue // unresolved or non-ancestor names are reported by the compiler
			}
			prop, owner := declaredOn(x, name)
			switch {
			case prop == nil:
				l.add(r.Pos, RuleInheritedFromMismatch, "row %q says it is inherited from %s, which does not declare it", name, x.Name)
			case owner.Pos.File != "" && prop.Pos.File != owner.Pos.File:
				// The only declaration is an "Inherited from" row of a
				// derived page; the ancestor's own page does not list it.
				l.add(r.Pos, RuleInheritedFromMismatch, "row %q says it is inherited from %s, but the page of %s does not declare it", name, x.Name, owner.Name)
			}
		}
	}
}

// ownRowWritable reports whether a property table on the page of t lists
// name without saying it is read-only: the type's own word for a property
// it inherits (the reader keeps the ancestor's declaration only).
func (l *linter) ownRowWritable(t *model.Type, name string) bool {
	p := l.byPath[t.Pos.File]
	if p == nil {
		return false
	}
	for _, b := range p.Blocks {
		if b.Kind != input.KindTable || len(b.Table.Header) < 3 {
			continue
		}
		for _, r := range b.Table.Rows {
			if len(r.Cells) >= 3 && strings.Trim(r.Cells[0].Text, "*` ") == name {
				d := strings.ToLower(r.Joined(2))
				return !strings.Contains(d, "read-only") && !strings.Contains(d, "read only") && !strings.Contains(d, "readonly")
			}
		}
	}
	return false
}

// cellsContainFold reports whether the text of a cell contains the
// lower-case word, compared as containsFoldASCII does.
func cellsContainFold(cells []input.Cell, word string) bool {
	for _, c := range cells {
		if containsFoldASCII(c.Text, word) {
			return true
		}
	}
	return false
}

// declaredOn returns the property called name of x or its ancestors and
// the type whose Properties hold it.
func declaredOn(x *model.Type, name string) (*model.Property, *model.Type) {
	// x and its ancestors, nearest first, up to a cycle (as Ancestors),
	// without allocating: the rules call this for every table row.
	var arr [16]*model.Type
	seen := arr[:0]
	for t := x; t != nil && !slices.Contains(seen, t); t = t.Base {
		seen = append(seen, t)
		for _, p := range t.Properties {
			if p.Name == name {
				return p, t
			}
		}
	}
	return nil, nil
}

var shortenedRe = regexp.MustCompile(`(?i)\b(shortened|truncated)\b`)

// checkTruncated compares "might be shortened" notes with the truncated
// flag of the response annotation that follows.
func (l *linter) checkTruncated(p *input.Page) {
	bodies := map[int]bool{}
	for _, op := range l.opsByPage[p.Path] {
		for _, ex := range op.Examples {
			if ex.Kind == model.ExampleResponse && strings.TrimSpace(ex.Body) != "" {
				bodies[ex.Pos.Line] = true
			}
		}
	}
	if len(bodies) == 0 {
		return // no response body to be shortened
	}
	// A note counts for the first response annotation after it, unless a
	// heading or a code block comes between them: look back from each
	// response annotation with a body to the previous such stop.
	for i, b := range p.Blocks {
		if !isResponseAnnotation(b) {
			continue
		}
		a := b.Comment.Annotation
		hasBody := a.Next >= 0 && a.Next < len(p.Blocks) && bodies[p.Blocks[a.Next].Pos.Line]
		if !hasBody || a.Bool("truncated") {
			continue
		}
		if _, set := a.Fields["truncated"]; set {
			continue
		}
		note := false
	back:
		for j := i - 1; j >= 0; j-- {
			switch c := p.Blocks[j]; c.Kind {
			case input.KindHeading, input.KindCode:
				break back
			case input.KindComment:
				if isResponseAnnotation(c) {
					break back
				}
			case input.KindQuote, input.KindParagraph:
				if lt := c.Text; containsFoldASCII(lt, "response") && (containsFoldASCII(lt, "shortened") || containsFoldASCII(lt, "truncated")) &&
					shortenedRe.MatchString(c.Text) {
					note = true
					break back
				}
			}
		}
		if note {
			l.add(b.Comment.BodyPos, RuleTruncated, "the response is introduced as shortened but its annotation does not say \"truncated\": true")
		}
	}
}

// isResponseAnnotation reports whether b is a comment holding a response
// annotation.
func isResponseAnnotation(b *input.Block) bool {
	return b.Kind == input.KindComment && b.Comment.Annotation != nil && strings.EqualFold(b.Comment.Annotation.String("blockType"), "response")
}

var placeholderSeg = regexp.MustCompile(`\{[^}]*\}`)

// checkOperations runs the checks over operations.
func (l *linter) checkOperations() {
	type first struct {
		page string
		pos  input.Pos
	}
	seen := map[string]first{}
	ops := append([]*model.Operation(nil), l.m.Operations...)
	sort.SliceStable(ops, func(i, j int) bool { return ops[i].Page < ops[j].Page })
	for _, op := range ops {
		if op.Target == nil || len(op.Paths) == 0 {
			continue
		}
		var keys []string
		ok := true
		for _, pt := range op.Paths {
			if pt.Method == "" || strings.Contains(pt.Path, "**") || strings.ContainsAny(pt.Path, " ") {
				ok = false
				break
			}
			keys = append(keys, pt.Method+" "+strings.ToLower(strings.TrimSuffix(placeholderSeg.ReplaceAllString(pt.Path, "{}"), "/")))
		}
		if !ok {
			continue
		}
		sort.Strings(keys)
		// Pages that share some paths are the norm (a path documented from
		// two entry points); a page whose whole set of paths repeats
		// another page's is a duplicate.
		key := op.TargetName + " " + string(op.Kind) + " " + strings.Join(keys, " ")
		if f, dup := seen[key]; dup {
			pt := op.Paths[0]
			l.add(pt.Pos, RuleDuplicateOperation, "operation %s %s is also documented in %s:%d", pt.Method, pt.Path, f.page, f.pos.Line)
			continue
		}
		seen[key] = first{op.Page, op.Paths[0].Pos}
	}
	lists := map[*model.Type]bool{}
	for _, op := range l.m.Operations {
		if op.Kind == model.OpList && op.Target != nil {
			lists[op.Target] = true
		}
	}
	for _, op := range l.m.Operations {
		if op.Kind != model.OpCreate || op.Target == nil {
			continue
		}
		t := op.Target
		if t.Abstract && !l.postsConcreteType(op) {
			l.add(op.Pos, RuleCreateNotCreatable, "create page for %s, which is abstract; document creating a derived type instead", t.Name)
			continue
		}
		addressable := lists[t]
		for _, pt := range op.Paths {
			if strings.TrimSpace(pt.Path) != "" && !strings.Contains(pt.Path, "**") && !collURIRe.MatchString(pt.Path) {
				addressable = true
			}
		}
		if !addressable {
			l.add(op.Pos, RuleCreateNotCreatable, "create page for %s, but no request path or list page addresses a collection of %s", t.Name, t.Name)
		}
	}
}

// postsConcreteType reports whether a request example of op names a
// non-abstract type in its body's @odata.type (posting a derived type to
// a collection of an abstract type is how such collections are filled).
func (l *linter) postsConcreteType(op *model.Operation) bool {
	for _, ex := range op.Examples {
		if ex.Kind != model.ExampleRequest || ex.JSON == nil {
			continue
		}
		if ot := ex.JSON.Get("@odata.type"); ot != nil && ot.Kind == jsonx.String {
			if t, _, _ := l.resolveODataType(ot.Str); t != nil && !t.Abstract {
				return true
			}
		}
	}
	return false
}

// RuleAnnotationPropertyUnlisted is reported by checkAnnotationProperties.
var RuleAnnotationPropertyUnlisted = model.Rule{ID: "annotation-property-unlisted", Severity: model.SevWarning,
	Summary: "a resource annotation's optionalProperties or nullableProperties names a property that the type (with its ancestors and derived types) does not have: no table row and no member of its JSON representation (an open type that declares no property, whose members vary, is not judged)",
	Example: "\"optionalProperties\": [\"owners\"] on a page whose tables list no owners"}

// checkAnnotationProperties checks the property names that the resource
// annotations of page p list (optionalProperties, nullableProperties)
// against the type each annotation names.
func (l *linter) checkAnnotationProperties(p *input.Page) {
	for _, b := range p.Blocks {
		if b.Kind != input.KindComment || b.Comment.Annotation == nil || b.Comment.Annotation.String("blockType") != "resource" {
			continue
		}
		a := b.Comment.Annotation
		t := l.lookupName(stripHash(a.String("@odata.type")), "")
		if t == nil || t.Kind == model.KindEnum || (t.Open || anyOpen(t)) && len(t.Properties) == 0 {
			continue // an open type that declares nothing: its members vary
		}
		for _, key := range []string{"optionalProperties", "nullableProperties"} {
			list, _ := a.Fields[key].([]any)
			for _, v := range list {
				name, ok := v.(string)
				if !ok || name == "" || strings.HasPrefix(name, "@") || l.hasMember(t, name) {
					continue // an instance annotation is no property
				}
				l.add(b.Comment.BodyPos, RuleAnnotationPropertyUnlisted, "%s names %q, which is no property of %q: no table row or member of its JSON representation has it", key, name, t.Name)
			}
		}
	}
}

// hasMember reports whether t, an ancestor or a descendant has a property
// called name, or a JSON representation of t shows a member called name
// (ignoring case in both).
func (l *linter) hasMember(t *model.Type, name string) bool {
	has := func(x *model.Type) bool {
		for _, p := range x.Properties {
			if strings.EqualFold(p.Name, name) {
				return true
			}
		}
		return false
	}
	// The descendants last: a root type has hundreds.
	if has(t) || slices.ContainsFunc(t.Ancestors(), has) {
		return true
	}
	for _, ex := range t.Examples {
		if ex.JSON != nil {
			for _, mb := range ex.JSON.Members {
				if strings.EqualFold(mb.Key, name) {
					return true
				}
			}
		}
	}
	return slices.ContainsFunc(t.Descendants(), has)
}
