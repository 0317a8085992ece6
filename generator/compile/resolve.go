package compile

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/apidocgen/apidocgen/generator/internal/textdist"
	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
)

// lookupName finds a model type by name as written in a page of namespace
// ns: qualified names first, then the page namespace, then
// microsoft.graph, then a name defined in exactly one namespace.
func (c *compiler) lookupName(name, ns string) *model.Type {
	name = strings.TrimPrefix(strings.TrimSpace(name), "#")
	if name == "" {
		return nil
	}
	low := c.lower(name)
	if strings.Contains(low, ".") {
		if t := c.types[low]; t != nil {
			return t
		}
		// "graph.x" or a namespace written with a typo in case.
		if _, n := splitQualified(low); n != "" {
			if ts := c.byShort[n]; len(ts) == 1 && strings.HasSuffix(strings.ToLower(ts[0].QualifiedName()), low) {
				return ts[0]
			}
		}
	}
	if ns != "" {
		if t := c.types[c.lower(ns)+"."+low]; t != nil {
			return t
		}
	}
	if t := c.types[strings.ToLower(model.DefaultNamespace)+"."+low]; t != nil {
		return t
	}
	if ts := c.byShort[low]; len(ts) == 1 {
		return ts[0]
	}
	return nil
}

// lookupTarget finds the type a link target points at: an enum under an
// anchor, or the main type of a resource page.
func (c *compiler) lookupTarget(from, target string) *model.Type {
	p, anchor := linkTargetPath(from, target)
	if p == "" {
		return nil
	}
	if anchor != "" {
		if t := c.anchors[p+"#"+anchor]; t != nil {
			return t
		}
	}
	ts := c.pageTypes[p]
	if len(ts) == 0 {
		return nil
	}
	if anchor == "" || ts[0].Kind != model.KindEnum {
		return ts[0]
	}
	return nil
}

// resolveRef resolves a parsed type cell to a TypeRef.
func (c *compiler) resolveRef(tc typeCell, written string, pi *pageInfo) (model.TypeRef, bool) {
	ref := model.TypeRef{Collection: tc.collection, Written: written}
	if e := primitive(tc.name); e != "" && tc.target == "" {
		ref.Name = e
		return ref, true
	}
	if t := c.lookupName(tc.name, pi.ns); t != nil {
		ref.Name, ref.Type = t.QualifiedName(), t
		return ref, true
	}
	// A primitive name linked to an explanation page:
	// "[DateTimeOffset](../resources/timestamp.md)".
	if e := primitive(tc.name); e != "" {
		ref.Name = e
		return ref, true
	}
	if tc.target != "" {
		if t := c.lookupTarget(pi.page.Path, tc.target); t != nil {
			ref.Name, ref.Type = t.QualifiedName(), t
			return ref, true
		}
	}
	if e := primitive(tc.name); e != "" {
		ref.Name = e
		return ref, true
	}
	return ref, false
}

// unknownType reports a name that did not resolve, with a suggestion.
func (c *compiler) unknownType(pos input.Pos, what, name string) {
	if name == "" {
		c.diags.Add(pos, RuleUnknownType, "%s: no type given", what)
		return
	}
	if s := c.suggest(name); s != "" {
		c.diags.Add(pos, RuleUnknownType, "%s: unknown type %q; did you mean %q?", what, name, s)
		return
	}
	c.diags.Add(pos, RuleUnknownType, "%s: unknown type %q", what, name)
}

// suggest returns the defined type name closest to name, or "": what
// closest(name, sorted short names) returns, from an index of the names
// made once, and remembered for each name (a missing type is often named
// by many pages). register drops both when a type is added.
func (c *compiler) suggest(name string) string {
	if c.shortIndex == nil {
		c.shortNames = c.shortNames[:0]
		for k := range c.byShort {
			c.shortNames = append(c.shortNames, k)
		}
		sort.Strings(c.shortNames)
		c.shortIndex = textdist.NewIndex(c.shortNames)
		c.suggested = map[string]string{}
	}
	_, n := splitQualified(name)
	ls := strings.ToLower(n)
	if s, ok := c.suggested[ls]; ok {
		return s
	}
	s := ""
	if i, _ := c.shortIndex.Nearest(ls, 1, closestLimit(ls)); i >= 0 {
		s = c.byShort[c.shortNames[i]][0].QualifiedName()
	}
	c.suggested[ls] = s
	return s
}

// resolveInheritance links every type to its parent from the three sources
// (prose, annotation baseType, "Inherited from" cells), reports conflicts
// and unknown parents, and cuts cycles.
func (c *compiler) resolveInheritance() {
	cellParents := map[*model.Type][]*model.Type{}
	for _, pt := range c.pending {
		t := pt.t
		var prose, ann *model.Type
		if pt.prose != nil {
			prose = c.lookupName(pt.prose.Text, pt.pi.ns)
			if prose == nil {
				prose = c.lookupTarget(pt.pi.page.Path, pt.prose.Target)
			}
			c.checkLinkText(pt.prose.Pos, pt.prose.Text, pt.prose.Target, pt.pi, prose)
			if prose == nil {
				c.diags.Add(pt.prosePos, RuleUnknownBaseType, "type %q inherits from %q, which is not defined", t.Name, pt.prose.Text)
			}
		}
		if pt.annBase != "" {
			ann = c.lookupName(pt.annBase, pt.pi.ns)
			if ann == nil {
				c.diags.Add(pt.annPos, RuleUnknownBaseType, "type %q has baseType %q, which is not defined", t.Name, pt.annBase)
			}
		}
		if pt.prose != nil || pt.annBase != "" {
			c.stated[t] = true
		}
		if t.Base != nil || t.BaseFrom != "" {
			// A secondary definition of a type whose primary page named a parent.
			continue
		}
		switch {
		case prose != nil:
			t.Base, t.BaseFrom = prose, "prose"
			if ann != nil && ann != prose {
				c.diags.Add(pt.prosePos, RuleInheritanceConflict,
					"type %q: the prose says it inherits from %q but the annotation baseType at line %d says %q",
					t.Name, prose.QualifiedName(), pt.annPos.Line, ann.QualifiedName())
			}
		case ann != nil:
			t.Base, t.BaseFrom = ann, "annotation"
		}
		// "Inherited from X" cells.
		for _, pp := range pt.rows {
			if pp.inherited != nil || pp.inhName != "" {
				c.stated[t] = true
			}
			x := c.inheritedType(pt, pp)
			if x != nil && x != t && !containsType(cellParents[t], x) {
				cellParents[t] = append(cellParents[t], x)
			}
		}
	}
	// Types that state their parent only through cells: the most derived
	// ancestor named (one whose chain contains the others).
	for _, pt := range c.pending {
		t := pt.t
		cands := cellParents[t]
		if t.Base != nil || len(cands) == 0 {
			continue
		}
		best := cands[0]
		for _, x := range cands[1:] {
			if inChain(x, best) {
				best = x
			}
		}
		t.Base, t.BaseFrom = best, "inherited-cells"
	}
	claims := c.derivedParents()
	c.cutCycles()
	c.checkDerivedClaims(claims)
	// Cells naming a type that is not an ancestor.
	for _, pt := range c.pending {
		t := pt.t
		if t.BaseFrom == "inherited-cells" || t.Base == nil {
			continue
		}
		for _, x := range cellParents[t] {
			if !inChain(t, x) {
				c.diags.Add(firstInheritedRow(c, pt, x), RuleInheritanceConflict,
					"type %q: a row says it is inherited from %q, which is not an ancestor (parent is %q)",
					t.Name, x.QualifiedName(), t.Base.QualifiedName())
				break
			}
		}
	}
	for _, t := range c.m.Types {
		if t.Base != nil {
			t.BaseName = t.Base.QualifiedName()
			t.Base.Derived = append(t.Base.Derived, t)
		}
	}
	for _, t := range c.m.Types {
		sort.Slice(t.Derived, func(i, j int) bool { return model.QualifiedLess(t.Derived[i], t.Derived[j]) })
	}
}

func firstInheritedRow(c *compiler, pt *pendingType, x *model.Type) input.Pos {
	for _, pp := range pt.rows {
		if c.inheritedType(pt, pp) == x {
			return pp.prop.Pos
		}
	}
	return pt.t.Pos
}

// inheritedType resolves the "Inherited from X" of a row, or nil.
func (c *compiler) inheritedType(pt *pendingType, pp *pendingProp) *model.Type {
	if pp.inherited != nil {
		if t := c.lookupName(pp.inherited.Text, pt.pi.ns); t != nil {
			return t
		}
		return c.lookupTarget(pt.pi.page.Path, pp.inherited.Target)
	}
	if pp.inhName != "" {
		return c.lookupName(pp.inhName, pt.pi.ns)
	}
	return nil
}

// checkLinkText reports a type link whose text and target disagree: the
// text names a type other than the one the target's page defines, or no
// type at all (nor a primitive, as "[DateTimeOffset](timestamp.md)"
// links a primitive to a page explaining it). got is the type the link
// was read as (by its text, else by its target). A link with an anchor
// (an enum section) or to a page that defines no type is not judged.
func (c *compiler) checkLinkText(pos input.Pos, text, target string, pi *pageInfo, got *model.Type) {
	text = strings.Trim(strings.TrimSpace(text), "`* ")
	if got == nil || strings.Contains(target, "#") || primitive(text) != "" || !isWord(text) {
		return
	}
	k := [2]string{pi.page.Path, target}
	page, seen := c.linked[k]
	if !seen {
		if c.linked == nil {
			c.linked = map[[2]string]*model.Type{}
		}
		page = c.lookupTarget(pi.page.Path, target)
		c.linked[k] = page
	}
	if page == nil || page.Kind == model.KindEnum || strings.EqualFold(text, page.Name) || strings.EqualFold(text, page.QualifiedName()) {
		return
	}
	if named := c.lookupName(text, pi.ns); named != nil {
		if named != page {
			c.diags.Add(pos, RuleTypeLinkMismatch, "the link text names %q but the link goes to the page of %q; read as %q", named.QualifiedName(), page.QualifiedName(), got.QualifiedName())
		}
		return
	}
	c.diags.Add(pos, RuleTypeLinkMismatch, "the link text %q names no type; read as %q, the type of the page it links to", text, page.QualifiedName())
}

// commonBase returns the nearest common base type of the types that the
// links of a type cell naming several types ("[a](a.md) or [b](b.md)")
// resolve to: the nearest ancestor (or self) of the first that is in the
// chain of every other. nil when the cell has fewer than two links, one
// does not resolve to an entity or complex type, or they share no
// ancestor.
func (c *compiler) commonBase(cell input.Cell, pi *pageInfo) *model.Type {
	if len(cell.Links) < 2 {
		return nil
	}
	var ts []*model.Type
	for _, l := range cell.Links {
		ref, ok := c.resolveRef(typeCell{name: strings.Trim(strings.TrimSpace(l.Text), "`* "), target: l.Target}, l.Text, pi)
		if !ok || ref.Type == nil || ref.Type.Kind == model.KindEnum {
			return nil
		}
		ts = append(ts, ref.Type)
	}
	for _, cand := range append([]*model.Type{ts[0]}, ts[0].Ancestors()...) {
		all := true
		for _, t := range ts[1:] {
			all = all && inChain(t, cand)
		}
		if all {
			return cand
		}
	}
	return nil
}

// inChain reports whether anc is t or one of its ancestors.
func inChain(t, anc *model.Type) bool {
	seen := map[*model.Type]bool{}
	for x := t; x != nil && !seen[x]; x = x.Base {
		if x == anc {
			return true
		}
		seen[x] = true
	}
	return false
}

func containsType(ts []*model.Type, t *model.Type) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

// cutCycles finds inheritance cycles, reports each once and breaks it at
// the type with the smallest qualified name.
func (c *compiler) cutCycles() {
	done := map[*model.Type]bool{}
	for _, pt := range c.pending {
		start := pt.t
		if done[start] {
			continue
		}
		var path []*model.Type
		onPath := map[*model.Type]int{}
		x := start
		for x != nil && !done[x] {
			if i, ok := onPath[x]; ok {
				cycle := path[i:]
				cut := cycle[0]
				var names []string
				for _, y := range cycle {
					names = append(names, y.QualifiedName())
					if y.QualifiedName() < cut.QualifiedName() {
						cut = y
					}
				}
				c.diags.Add(cut.Pos, RuleInheritanceCycle, "inheritance cycle: %s -> %s", strings.Join(names, " -> "), names[0])
				cut.Base, cut.BaseFrom = nil, ""
				break
			}
			onPath[x] = len(path)
			path = append(path, x)
			x = x.Base
		}
		for _, y := range path {
			done[y] = true
		}
	}
}

// resolveProperties resolves every row's type, attaches rows marked
// "Inherited from" to the declaring ancestor, and reports rows that
// redeclare an inherited property.
func (c *compiler) resolveProperties() {
	type inheritedRow struct {
		owner *model.Type
		prop  *model.Property
	}
	var inherited []inheritedRow
	for _, pt := range c.pending {
		t := pt.t
		seen := map[string]*model.Property{}
		for _, p := range t.Properties {
			seen[strings.ToLower(p.Name)] = p
		}
		merged := c.primary[t] != pt
		for _, pp := range pt.rows {
			prop := pp.prop
			tc := pp.tc
			if !pp.parsed {
				tc = parseTypeCell(pp.cell)
			}
			written := strings.TrimSpace(pp.cell.Raw)
			ref, ok := c.resolveRef(tc, written, pt.pi)
			if ok && tc.target != "" && len(pp.cell.Links) == 1 {
				c.checkLinkText(pp.cell.Links[0].Pos, tc.name, tc.target, pt.pi, ref.Type)
			}
			if !ok {
				what := "property " + strconv.Quote(prop.Name)
				if tc.problem != "" && tc.name == "" {
					c.diags.Add(pp.cell.Pos, RuleUnknownType, "%s: the type cannot be read (%s): %q", what, tc.problem, written)
				} else {
					c.unknownType(pp.cell.Pos, what, tc.name)
				}
			} else if tc.problem != "" {
				problem := tc.problem
				if base := c.commonBase(pp.cell, pt.pi); base != nil {
					// "[a](a.md) or [b](b.md)": a value of either is one of
					// their nearest common base type.
					ref.Name, ref.Type = base.QualifiedName(), base
					problem += fmt.Sprintf("; read as their nearest common base type %q", base.QualifiedName())
				}
				c.diags.Add(pp.cell.Pos, RuleTypeCellMalformed, "property %q: %s: %q", prop.Name, problem, written)
			}
			prop.Type = ref
			if tc.maxLength > 0 && prop.MaxLength == 0 {
				prop.MaxLength = tc.maxLength
			}
			if x := c.inheritedType(pt, pp); x != nil && x != t && inChain(t, x) {
				inherited = append(inherited, inheritedRow{x, prop})
				continue
			}
			key := strings.ToLower(prop.Name)
			if prev := seen[key]; prev != nil {
				if !merged || prev.Pos.File == prop.Pos.File {
					c.diags.Add(prop.Pos, RuleDuplicateProperty, "property %q is already listed at line %d", prop.Name, prev.Pos.Line)
				}
				continue
			}
			seen[key] = prop
			prop.Owner = t
			t.Properties = append(t.Properties, prop)
		}
		if pt.keyProp != "" {
			t.Key = pt.keyProp
		}
	}
	// Rows marked inherited belong to the ancestor: add the ones it lacks.
	for _, r := range inherited {
		if r.owner.Property(r.prop.Name) == nil {
			r.prop.Owner = r.owner
			r.owner.Properties = append(r.owner.Properties, r.prop)
		}
	}
	// Unmarked rows that redeclare an inherited property.
	for _, pt := range c.pending {
		t := pt.t
		if t.Base == nil {
			continue
		}
		kept := t.Properties[:0]
		for _, p := range t.Properties {
			if ip := t.Base.Property(p.Name); ip != nil {
				c.diags.Add(p.Pos, RuleDuplicateProperty, "property %q redeclares the one inherited from %q without saying so",
					p.Name, ip.Owner.QualifiedName())
				continue
			}
			kept = append(kept, p)
		}
		t.Properties = kept
	}
}

// finishTypes decides entity vs complex and checks key properties.
func (c *compiler) finishTypes() {
	for _, t := range c.m.Types {
		if t.Kind == model.KindEnum {
			continue
		}
		for _, p := range t.Properties {
			if p.Key && t.Key == "" {
				t.Key = p.Name
			}
		}
	}
	for _, t := range c.m.Types {
		if t.Kind == model.KindEnum {
			continue
		}
		chain := append([]*model.Type{t}, t.Ancestors()...)
		for _, x := range chain {
			if x.Key != "" || (strings.EqualFold(x.Name, "entity") && x.Namespace == model.DefaultNamespace) {
				t.Kind = model.KindEntity
				break
			}
		}
		for _, p := range t.Properties {
			if p.Name == t.Key {
				p.Key = true
			}
		}
	}
	for _, pt := range c.pending {
		if pt.keyProp != "" && pt.t.Property(pt.keyProp) == nil && len(pt.t.AllProperties()) > 0 {
			c.diags.Add(pt.keyPos, RuleKeyPropertyMissing, "keyProperty %q is not a property of %q or its ancestors", pt.keyProp, pt.t.Name)
		}
	}
}

// closest returns the candidate with the smallest edit distance to s
// (case-insensitive), if that distance is small for the length of s.
func closest(s string, cands []string) string {
	best, bestD := "", 1<<30
	ls := strings.ToLower(s)
	limit := closestLimit(s)
	for _, cnd := range cands {
		lc := strings.ToLower(cnd)
		if cnd == s {
			continue
		}
		if abs(len(lc)-len(ls)) > limit {
			continue
		}
		if d := textdist.Distance(ls, lc); d < bestD {
			best, bestD = cnd, d
		}
	}
	if bestD <= limit {
		return best
	}
	return ""
}

// closestLimit is the largest edit distance closest accepts for s.
func closestLimit(s string) int {
	if len(s) >= 12 {
		return 3
	}
	return 2
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
