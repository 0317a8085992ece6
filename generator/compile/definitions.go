package compile

import (
	"cmp"
	"path"
	"slices"
	"strings"
	"unicode"

	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
)

// A definition is one type a resource page defines: the resource
// annotations that name it and the blocks that describe it.
type definition struct {
	anns     []*input.Block // its resource annotations, in page order (none on a page without one)
	annAt    []int          // their indexes in the page's blocks
	heading  *input.Block   // the heading that opens it; nil for the page's first definition
	from, to int            // its blocks are page.Blocks[from:to]
	name     string         // lower-cased @odata.type of its first annotation; "" when none
}

// isResourceAnnotation reports whether b is a resource annotation comment.
func isResourceAnnotation(b *input.Block) bool {
	return b.Kind == input.KindComment && b.Comment.Annotation != nil &&
		strings.EqualFold(b.Comment.Annotation.String("blockType"), "resource")
}

// annotatedType returns the @odata.type of a resource annotation without
// a leading '#'.
func annotatedType(b *input.Block) string {
	return strings.TrimPrefix(strings.TrimSpace(b.Comment.Annotation.String("@odata.type")), "#")
}

// definitions splits a resource page into the types it defines: one per
// distinct @odata.type of its resource annotations (an annotation without
// a type belongs to the definition before it), or one for the whole page
// when there is at most one. Each later definition starts at the
// outermost heading between the JSON block of the definition before it
// and its own annotation, so it keeps the prose and tables written above
// its annotation.
func definitions(p *input.Page) []*definition {
	var defs []*definition
	byName := map[string]*definition{}
	for i, b := range p.Blocks {
		if !isResourceAnnotation(b) {
			continue
		}
		q := strings.ToLower(annotatedType(b))
		var d *definition
		switch {
		case q == "" && len(defs) > 0:
			d = defs[len(defs)-1]
		case q != "" && byName[q] != nil:
			d = byName[q]
		default:
			d = &definition{name: q}
			defs = append(defs, d)
			if q != "" {
				byName[q] = d
			}
		}
		d.anns = append(d.anns, b)
		d.annAt = append(d.annAt, i)
	}
	if len(defs) <= 1 {
		if len(defs) == 0 {
			defs = []*definition{{}}
		}
		defs[0].from, defs[0].to = 0, len(p.Blocks)
		return defs
	}
	defs[0].from = 0
	for k := 1; k < len(defs); k++ {
		first := defs[k].annAt[0]
		// The end of the definition before: the JSON block of its last
		// annotation above this one.
		prevEnd := defs[k-1].from
		for j, at := range defs[k-1].annAt {
			if at < first {
				prevEnd = at
				if a := defs[k-1].anns[j].Comment.Annotation; a.Next > at && a.Next < first {
					prevEnd = a.Next
				}
			}
		}
		start := prevEnd + 1
		best := 7
		for i := prevEnd + 1; i < first; i++ {
			if b := p.Blocks[i]; b.Kind == input.KindHeading && b.Level < best {
				best, start = b.Level, i
			}
		}
		if best < 7 {
			defs[k].heading = p.Blocks[start]
		}
		defs[k].from = start
		defs[k-1].to = start
	}
	defs[len(defs)-1].to = len(p.Blocks)
	// A title that does not name the first type ("# Tea set types") leaves
	// it the section that holds its annotation: the last of the outermost
	// headings (H2 or deeper) above it.
	title, _ := p.Title()
	if _, short := splitQualified(defs[0].name); !strings.EqualFold(strings.TrimSpace(reH1Suffix.ReplaceAllString(title, "")), short) {
		best := 7
		for i := 0; i < defs[0].annAt[0]; i++ {
			if b := p.Blocks[i]; b.Kind == input.KindHeading && b.Level >= 2 && b.Level <= best {
				best, defs[0].heading = b.Level, b
			}
		}
	}
	return defs
}

// readResource reads a resource page: the types it defines, their
// properties, relationships, in-page enums and JSON representation blocks.
func (c *compiler) readResource(pi *pageInfo) {
	defs := definitions(pi.page)
	pts := make([]*pendingType, len(defs))
	for k, d := range defs {
		pts[k] = c.defineType(pi, d, k == 0)
	}
	c.readResourceTables(pi, defs, pts)
	for k, d := range defs {
		c.readJSONBlocks(pi, d, pts[k].t)
	}
}

// defineType makes (or finds, when another page defines it too) the type
// of definition d, the page's first when first is set, and reads what its
// prose says: doc, parent, abstract, open.
func (c *compiler) defineType(pi *pageInfo, d *definition, first bool) *pendingType {
	p := pi.page
	t := &model.Type{Kind: model.KindComplex, Pos: pi.h1}
	title := pi.title
	// The page's title and lead describe the first definition, unless it
	// has a heading of its own.
	main := first && d.heading == nil
	if !main {
		title = ""
		t.Pos = d.anns[0].Pos
		if d.heading != nil {
			title, t.Pos = headingText(d.heading), d.heading.Pos
		}
	}
	if !t.Pos.IsValid() {
		t.Pos = input.Pos{File: p.Path, Line: 1, Col: 1}
	}
	pt := &pendingType{t: t, pi: pi}
	name := strings.TrimSpace(reH1Suffix.ReplaceAllString(title, ""))
	if main && strings.ContainsAny(name, " \t") || name == "" {
		// A prose title ("Chart"-like titles are fine; sentences are not).
		name = strings.TrimSuffix(path.Base(p.Path), ".md")
	}
	ns := pi.ns
	if len(d.anns) > 0 {
		ab := d.anns[0]
		a := ab.Comment.Annotation
		if q := annotatedType(ab); q != "" {
			ans, an := splitQualified(q)
			// The annotation names the type, except that a camelCase H1
			// beats an all-lower-case annotation spelling ("orgcontact").
			if !(strings.EqualFold(an, name) && an == strings.ToLower(an) && name != strings.ToLower(name) && name[0] == strings.ToLower(name)[0]) {
				name = an
			}
			if ans != "" {
				ns = ans
			}
		}
		if b := a.String("baseType"); b != "" {
			pt.annBase = strings.TrimPrefix(b, "#")
			pt.annPos = keyPos(ab.Comment, a, "baseType")
		}
		t.Open = a.Bool("openType")
		t.Abstract = a.Bool("abstract") || a.Bool("isAbstract")
		t.MediaEntity = a.Bool("isMediaEntity")
		if k := a.String("keyProperty"); k != "" {
			pt.keyProp = k
			pt.keyPos = keyPos(ab.Comment, a, "keyProperty")
		}
	}
	if ns == "" {
		ns = model.DefaultNamespace
	}
	t.Name, t.Namespace = name, ns
	blocks := p.Blocks[d.from:d.to]
	for i, b := range blocks {
		if b == d.heading {
			blocks = blocks[i:]
			break
		}
	}
	if main {
		t.Doc = leadText(p)
	} else {
		t.Doc = sectionText(blocks)
	}
	t.Deprecated = lowerContains(title, "(deprecated)")

	// The prose: "Inherits from [x](x.md)" and its other wordings, "an
	// abstract type", "this is an open type". What the lead says (before
	// the first subsection) comes first; a page may say it anywhere, under
	// Properties say.
	lead, rest := splitLead(blocks, main)
	for _, part := range [][]*input.Block{lead, rest} {
		for _, b := range part {
			if b.Kind != input.KindParagraph && b.Kind != input.KindQuote {
				continue
			}
			if pt.prose == nil {
				if l := proseParent(b, t.Name); l != nil {
					lc := *l
					pt.prose = &lc
					pt.prosePos = l.Pos
				}
			}
			if strings.Contains(b.Text, "bstract") && reAbstract.MatchString(b.Text) {
				t.Abstract = true
			}
			if strings.Contains(b.Text, "pen type") && reOpenProse.MatchString(b.Text) {
				t.Open = true
			}
		}
	}
	if c.addDefinition(pi, pt) && !main && d.heading != nil {
		c.anchors[strings.ToLower(p.Path)+"#"+slug(d.heading.Text)] = pt.t
	}
	return pt
}

// addDefinition registers the type of pt, or merges it into the type of
// the same name another page (or definition) defined first. It reports
// false when the name is an enum's: the type is then left out.
func (c *compiler) addDefinition(pi *pageInfo, pt *pendingType) bool {
	p := pi.page
	t := pt.t
	prev := c.types[strings.ToLower(t.QualifiedName())]
	if prev == nil {
		c.register(t, p.Path)
		c.primary[t] = pt
		c.pending = append(c.pending, pt)
		return true
	}
	prim := c.primary[prev]
	if prim == nil {
		// The name is taken by an enum (a "### x values" section read
		// earlier): the definition's properties and JSON representation
		// would describe a type that is not in the model, so say so.
		c.diags.Add(t.Pos, RuleDuplicateType, "type %q is already defined as an enum at %s; the properties and JSON representation of this page are not read", t.QualifiedName(), prev.Pos)
		pt.lost = true
		return false
	}
	// A second page defines the same type (an Intune page re-listing
	// user, say). Its rows are merged into the first definition; the page
	// whose file name is the type's name is the primary one.
	if fileNames(p.Path, t.Name) && !fileNames(prim.pi.page.Path, t.Name) {
		c.diags.Add(prev.Pos, RuleDuplicateType, "type %q is also defined at %s", t.QualifiedName(), t.Pos)
		prev.Pos, prev.Doc, prev.Open, prev.Abstract, prev.MediaEntity, prev.Deprecated = t.Pos, t.Doc, t.Open, t.Abstract, t.MediaEntity, t.Deprecated
		pt.t = prev
		c.primary[prev] = pt
		// The primary pending goes first so its inheritance wins.
		for i, x := range c.pending {
			if x == prim {
				c.pending = append(c.pending[:i], append([]*pendingType{pt}, c.pending[i:]...)...)
				break
			}
		}
		return true
	}
	c.diags.Add(t.Pos, RuleDuplicateType, "type %q is already defined at %s", t.QualifiedName(), prev.Pos)
	pt.t = prev
	c.pending = append(c.pending, pt)
	return true
}

// splitLead splits a definition's blocks into its lead (before the first
// H2 of the page's first definition, before the first heading after the
// opening heading of a later one) and the rest.
func splitLead(blocks []*input.Block, main bool) (lead, rest []*input.Block) {
	for i, b := range blocks {
		if b.Kind != input.KindHeading {
			continue
		}
		if main && b.Level >= 2 || !main && i > 0 {
			return blocks[:i], blocks[i:]
		}
	}
	return blocks, nil
}

// sectionText is the prose of a later definition: the paragraphs after
// its opening heading, up to the next heading.
func sectionText(blocks []*input.Block) string {
	var parts []string
	for i, b := range blocks {
		if b.Kind == input.KindHeading && i > 0 {
			break
		}
		if b.Kind == input.KindParagraph {
			if t := cleanDoc(strings.TrimSpace(b.Text)); t != "" {
				parts = append(parts, t)
			}
		}
	}
	return strings.Join(parts, "\n\n")
}

// readJSONBlocks reads the JSON representation blocks of a definition.
func (c *compiler) readJSONBlocks(pi *pageInfo, d *definition, t *model.Type) {
	p := pi.page
	for _, ab := range d.anns {
		a := ab.Comment.Annotation
		if a.Next < 0 || a.Next >= len(p.Blocks) || p.Blocks[a.Next].Kind != input.KindCode {
			c.diags.Add(ab.Pos, RuleAnnotationWithoutCode, "resource annotation of %q is not followed by the JSON code block it describes", t.Name)
			continue
		}
		cb := p.Blocks[a.Next]
		ex := &model.Example{Kind: model.ExampleResource, Page: p.Path, Pos: cb.Pos,
			Type: model.TypeRef{Name: t.QualifiedName(), Type: t}}
		setBody(ex, cb.Code, 0)
		c.parseJSON(ex)
		t.Examples = append(t.Examples, ex)
	}
}

// sortTables puts a page's table records in page order.
func sortTables(pi *pageInfo) {
	slices.SortStableFunc(pi.info.Tables, func(a, b *model.PageTable) int {
		if c := cmp.Compare(a.Pos.Line, b.Pos.Line); c != 0 {
			return c
		}
		return cmp.Compare(a.Pos.Col, b.Pos.Col)
	})
}

// readResourceTables reads every table of a resource page as what its
// shape and place make it: properties or relationships of the definition
// it stands in, enum members under an "X values" heading, the values of a
// property under a heading naming it, the derived types of a type; a table
// that looks like data but cannot be read is reported.
func (c *compiler) readResourceTables(pi *pageInfo, defs []*definition, pts []*pendingType) {
	p := pi.page
	var chain headingChain
	var values []deferredValues
	k := 0
	intro := false // the paragraph before introduces a list of derived types
	for i, b := range p.Blocks {
		for k+1 < len(defs) && i >= defs[k+1].from {
			k++
		}
		switch b.Kind {
		case input.KindHeading:
			if !isTabHeading(b) {
				chain.push(b)
			}
			intro = false
			continue
		case input.KindParagraph:
			intro = c.readDerivedProse(pts[k], b)
			continue
		case input.KindList:
			if intro || derivedTypesHeading(&chain) != nil {
				c.readDerivedList(pts[k], b)
			}
			intro = false
			continue
		case input.KindTable:
		default:
			continue
		}
		pt := pts[k]
		if len(defs) > 1 {
			pt = namedDefinition(&chain, pts, pt)
		}
		if v := c.readResourceTable(pi, pt, &chain, b); v != nil {
			values = append(values, *v)
		}
	}
	for _, v := range values {
		c.readValuesTable(pi, v)
	}
	sortTables(pi)
}

// namedDefinition returns the definition whose type a heading above the
// table names ("## fooBar", "### fooBar properties"), or def when none
// does.
func namedDefinition(chain *headingChain, pts []*pendingType, def *pendingType) *pendingType {
	for _, h := range chain.below() {
		name := strings.TrimSpace(reH1Suffix.ReplaceAllString(headingText(h), ""))
		if lowerHasSuffix(name, " properties") {
			name = strings.TrimSpace(name[:len(name)-len(" properties")])
		}
		for _, pt := range pts {
			if strings.EqualFold(name, pt.t.Name) {
				return pt
			}
		}
	}
	return def
}

// deferredValues is a table of allowed values waiting for the rows of its
// type to be read (its heading names a property).
type deferredValues struct {
	pt     *pendingType
	b, hdg *input.Block
}

// readResourceTable reads one table of a resource page (see
// readResourceTables). A values table is returned to be read once every
// property row of the type is known.
func (c *compiler) readResourceTable(pi *pageInfo, pt *pendingType, chain *headingChain, b *input.Block) *deferredValues {
	lay := layoutOf(b.Table)
	hdg := chain.nearest()
	t := pt.t
	if pt.lost && (lay.shape == shapeProperties || lay.shape == shapeTypeList) {
		c.notRead(pi, b, "table of %q is not read: the name is an enum's (duplicate-type at %s)", t.QualifiedName(), t.Pos)
		return nil
	}
	switch lay.shape {
	case shapeProperties:
		if h := describesOther(chain, t.Name, b.Table); h != nil {
			c.notRead(pi, b, "table under %q does not list properties of %q; not read", headingText(h), t.Name)
			return nil
		}
		// A heading says what a table is; the header, when no heading
		// does. A header of relationships under a heading of properties
		// (and of nothing else) lists properties.
		header := lowerHasPrefix(strings.TrimSpace(b.Table.Header[0].Text), "relationship")
		rel := header
		headed := false
		for _, h := range chain.below() {
			if lowerContains(h.Text, "relationship") || lowerContains(h.Text, "navigation propert") {
				rel, headed = true, true
			}
		}
		if n := chain.nearest(); header && !headed && n != nil && n.Level >= 2 && lowerContains(n.Text, "propert") {
			rel = false
			c.diags.Add(b.Pos, RuleTableMalformed, "the header reads %q but the table stands under %q: read as properties", strings.TrimSpace(b.Table.Header[0].Text), headingText(n))
		}
		if lay.wrongHeader != "" {
			c.diags.Add(b.Pos, RuleTableMalformed, "the header reads %q but the rows are properties", lay.wrongHeader)
		}
		kind := model.TableProperties
		if rel {
			kind = model.TableRelationships
		}
		c.addTable(pi, b, kind, t.QualifiedName())
		c.readPropertyTable(pt, b, lay.typeCol, rel)
	case shapeMembers:
		if hdg != nil && hdg.Level >= 2 {
			if m := valuesHeading(headingText(hdg)); m != nil {
				c.enumFromTable(pi, m[1], hdg, b)
				return nil
			}
		}
		return &deferredValues{pt: pt, b: b, hdg: hdg}
	case shapeTypeList:
		if h := derivedTypesHeading(chain); h != nil {
			c.addTable(pi, b, model.TableDerivedTypes, t.QualifiedName())
			c.readDerivedTable(pt, b)
			return nil
		}
		c.notRead(pi, b, "table has a Type column but no name column; not read")
	case shapeMethods:
		c.addTable(pi, b, model.TableMethods, "")
	default:
		c.addTable(pi, b, model.TableText, "")
	}
	return nil
}

// describesOther returns the heading above a property table that says the
// table describes something other than the type: "Properties of a policy
// definition", an example, parameters. The columns count too: a parameter
// table lists parameters.
func describesOther(chain *headingChain, typeName string, t *input.Table) *input.Block {
	h0 := strings.TrimSpace(t.Header[0].Text)
	for _, h := range chain.below() {
		low := strings.ToLower(headingText(h))
		switch {
		case strings.Contains(low, "example"), strings.Contains(low, "parameter"):
			return h
		case strings.HasPrefix(low, "properties of "), strings.HasPrefix(low, "members of "), strings.HasPrefix(low, "attributes of "):
			if !namesType(low[strings.Index(low, " of ")+4:], typeName) {
				return h
			}
		}
	}
	if lowerHasPrefix(h0, "parameter") || lowerHasPrefix(h0, "query parameter") || lowerEq(h0, "header") {
		return chain.nearest()
	}
	return nil
}

// namesType reports whether s ("a user", "the driveItem resource") names
// the type called name.
func namesType(s, name string) bool {
	s = strings.TrimSpace(s)
	for _, a := range []string{"a ", "an ", "the ", "this "} {
		s = strings.TrimPrefix(s, a)
	}
	for _, w := range []string{" resource type", " complex type", " entity type", " resource", " type", " object", " entity"} {
		s = strings.TrimSuffix(s, w)
	}
	return s == "resource" || s == "type" || strings.EqualFold(s, name)
}

// derivedTypesHeading returns the heading above a table that says the
// table lists derived types ("Derived types", "Subtypes"), or nil.
func derivedTypesHeading(chain *headingChain) *input.Block {
	if h := chain.nearest(); h != nil && h.Level >= 2 {
		low := strings.ToLower(headingText(h))
		for _, w := range []string{"derived type", "subtype", "sub-type", "subclass", "derived resource", "child type"} {
			if strings.Contains(low, w) {
				return h
			}
		}
	}
	return nil
}

// readValuesTable reads a table of values ("Value | Description" under
// "### sortBy options", "#### Roles property values") as the allowed
// values of the property its heading names, added to those its
// description lists. A table whose heading names no property of the type
// is reported.
func (c *compiler) readValuesTable(pi *pageInfo, v deferredValues) {
	t := v.pt.t
	if v.hdg == nil {
		c.notRead(pi, v.b, "table of values names no property of %q; not read", t.Name)
		return
	}
	words := strings.FieldsFunc(headingText(v.hdg), func(r rune) bool { return !(r == '_' || r == '@' || r == '.' || isWordRune(r)) })
	var prop *model.Property
	for _, pp := range v.pt.rows {
		for _, w := range words {
			if strings.EqualFold(w, pp.prop.Name) && (prop == nil || len(pp.prop.Name) > len(prop.Name)) {
				prop = pp.prop
			}
		}
	}
	if prop == nil {
		c.notRead(pi, v.b, "table of values under %q names no property of %q; not read", headingText(v.hdg), t.Name)
		return
	}
	c.addTable(pi, v.b, model.TableValues, t.QualifiedName()+"."+prop.Name)
	for _, r := range v.b.Table.Rows {
		if len(r.Cells) == 0 {
			continue
		}
		val := strings.Trim(strings.TrimSpace(r.Cells[0].Text), "`*'\" ")
		switch {
		case val == "":
		case !isASCIIIdent(val):
			c.diags.Add(r.Pos, RuleEnumMemberInvalid, "value %q of property %q is not an identifier; not kept", val, prop.Name)
		case !slices.Contains(prop.Values, val):
			prop.Values = append(prop.Values, val)
		}
	}
}

// isWordRune reports whether r is a letter or digit.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// A looseResource is a resource annotation on a page that is not a
// resource page (an API page showing the JSON of a type it uses).
type looseResource struct {
	pi *pageInfo
	b  *input.Block
}

// readLooseResources reads the resource annotations of pages that are not
// resource pages: the JSON block is an example of the type when a
// resource page defines it; otherwise the annotation is the only
// definition of the type, which is made from it and reported.
func (c *compiler) readLooseResources() {
	for _, lr := range c.loose {
		q := annotatedType(lr.b)
		d := &definition{anns: []*input.Block{lr.b}}
		if t := c.lookupName(q, lr.pi.ns); t != nil && t.Kind != model.KindEnum {
			c.readJSONBlocks(lr.pi, d, t)
			continue
		}
		if q == "" {
			c.diags.Add(lr.b.Pos, RuleLooseResource, "resource annotation names no type (no \"@odata.type\")")
			continue
		}
		pt := c.defineType(lr.pi, d, false)
		c.diags.Add(lr.b.Pos, RuleLooseResource, "type %q is defined only by this resource annotation on a page that is not a resource page; no table lists its properties", pt.t.QualifiedName())
		c.readJSONBlocks(lr.pi, d, pt.t)
	}
}
