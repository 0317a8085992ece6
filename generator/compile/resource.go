package compile

import (
	"bytes"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
)

var (
	reInherits = regexp.MustCompile(`(?i)\b(inherits from|derived from|derives from|inherited from)\b`)
	reAbstract = regexp.MustCompile(`(?i)\babstract (base )?(type|class|entity)\b`)
)

// readResource reads a resource page: its main type, properties,
// relationships, in-page enums and JSON representation blocks.
func (c *compiler) readResource(pi *pageInfo) {
	p := pi.page
	// Resource annotations and the fences they describe.
	var anns []*input.Block
	for _, b := range p.Blocks {
		if b.Kind == input.KindComment && b.Comment.Annotation != nil &&
			strings.EqualFold(b.Comment.Annotation.String("blockType"), "resource") {
			anns = append(anns, b)
		}
	}
	t := &model.Type{Kind: model.KindComplex, Pos: pi.h1}
	if !t.Pos.IsValid() {
		t.Pos = input.Pos{File: p.Path, Line: 1, Col: 1}
	}
	pt := &pendingType{t: t, pi: pi}
	name := strings.TrimSpace(reH1Suffix.ReplaceAllString(pi.title, ""))
	if strings.ContainsAny(name, " \t") || name == "" {
		// A prose title ("Chart"-like titles are fine; sentences are not).
		name = strings.TrimSuffix(path.Base(p.Path), ".md")
	}
	ns := pi.ns
	if len(anns) > 0 {
		a := anns[0].Comment.Annotation
		if q := strings.TrimPrefix(a.String("@odata.type"), "#"); q != "" {
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
			pt.annPos = keyPos(anns[0].Comment, a, "baseType")
		}
		t.Open = a.Bool("openType")
		t.Abstract = a.Bool("abstract") || a.Bool("isAbstract")
		t.MediaEntity = a.Bool("isMediaEntity")
		if k := a.String("keyProperty"); k != "" {
			pt.keyProp = k
			pt.keyPos = keyPos(anns[0].Comment, a, "keyProperty")
		}
	}
	if ns == "" {
		ns = model.DefaultNamespace
	}
	t.Name, t.Namespace = name, ns
	t.Doc = leadText(p)
	t.Deprecated = strings.Contains(strings.ToLower(pi.title), "(deprecated)")

	// Prose before the first H2: "Inherits from [x](x.md)", "abstract type".
	for _, b := range p.Blocks {
		if b.Kind == input.KindHeading && b.Level == 2 {
			break
		}
		if b.Kind != input.KindParagraph {
			continue
		}
		if pt.prose == nil && (strings.Contains(b.Text, "nherit") || strings.Contains(b.Text, "erive")) {
			if loc := reInherits.FindStringIndex(b.Text); loc != nil {
				if l := linkAfter(b, loc[1]); l != nil {
					lc := *l
					pt.prose = &lc
					pt.prosePos = l.Pos
				}
			}
		}
		if strings.Contains(b.Text, "bstract") && reAbstract.MatchString(b.Text) {
			t.Abstract = true
		}
	}
	if prev := c.types[strings.ToLower(t.QualifiedName())]; prev != nil && c.primary[prev] == nil {
		// The name is taken by an enum (a "### x values" section read
		// earlier): the page's tables and examples would describe a type
		// that is not in the model, so say so. Its in-page enums are
		// still read below.
		c.diags.Add(t.Pos, RuleDuplicateType, "type %q is already defined as an enum at %s; the properties and JSON representation of this page are not read", t.QualifiedName(), prev.Pos)
		pt.t = t
	} else if prev != nil {
		// A second page defines the same type (an Intune page re-listing
		// user, say). Its rows are merged into the first definition; the
		// page whose file name is the type's name is the primary one.
		prim := c.primary[prev]
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
		} else {
			c.diags.Add(t.Pos, RuleDuplicateType, "type %q is already defined at %s", t.QualifiedName(), prev.Pos)
			pt.t = prev
			c.pending = append(c.pending, pt)
		}
		t = prev
	} else {
		c.register(t, p.Path)
		c.primary[t] = pt
		c.pending = append(c.pending, pt)
	}

	// Tables by section.
	var h2 string
	var hdg *input.Block
	for i, b := range p.Blocks {
		switch b.Kind {
		case input.KindHeading:
			if b.Level <= 2 {
				h2 = c.lower(strings.TrimSpace(b.Text))
			}
			hdg = b
			continue
		case input.KindTable:
		default:
			continue
		}
		_ = i
		tbl := b.Table
		switch tableKind(tbl) {
		case "property":
			// Only tables right under a Properties or Relationships heading
			// (any level): a subsection such as "Properties of a policy
			// definition" describes something else.
			sec := ""
			if hdg != nil {
				sec = c.lower(strings.TrimSpace(hdg.Text))
			}
			switch sec {
			case "properties", "relationships", "property", "relationship", "instance attributes", "navigation properties":
				c.readPropertyTable(pt, b, strings.HasPrefix(sec, "relationship") || sec == "navigation properties")
			}
		case "enum":
			if hdg != nil {
				if m := valuesHeading(hdg.Text); m != nil && hdg.Level >= 2 {
					c.enumFromTable(pi, m[1], hdg, b)
				}
			}
		case "noname":
			if h2 == "properties" || h2 == "relationships" {
				c.diags.Add(b.Pos, RuleTableMalformed, "property table has no name column")
			}
		}
	}
	// JSON representation blocks.
	for _, ab := range anns {
		a := ab.Comment.Annotation
		if a.Next < 0 || a.Next >= len(p.Blocks) || p.Blocks[a.Next].Kind != input.KindCode {
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

// fileNames reports whether the page's file name is the type's name.
func fileNames(pagePath, name string) bool {
	return strings.EqualFold(strings.TrimSuffix(path.Base(pagePath), ".md"), name)
}

// linkAfter returns the first link of b whose text starts after byte
// offset off of b.Text.
func linkAfter(b *input.Block, off int) *input.Link {
	rest := b.Text[off:]
	var best *input.Link
	bestAt := 40
	for i := range b.Links {
		l := &b.Links[i]
		j := strings.Index(rest, l.Text)
		if j < 0 || l.Text == "" {
			continue
		}
		if j < bestAt || (j == bestAt && best != nil && len(l.Text) > len(best.Text)) {
			best, bestAt = l, j
		}
	}
	return best
}

// setBody fills an example's body from code lines starting at line from.
func setBody(ex *model.Example, code *input.CodeBlock, from int) {
	lines := code.Lines[from:]
	// Trim blank lines around the body.
	for len(lines) > 0 && strings.TrimSpace(lines[0].Text) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1].Text) == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) == 0 {
		return
	}
	var sb strings.Builder
	n := 0
	for i, l := range lines {
		if i > 0 {
			sb.WriteByte('\n')
			n++
			if lines[i-1].CR {
				n++
			}
		}
		sb.WriteString(l.Text)
		n += len(l.Text)
	}
	ex.Body = sb.String()
	ex.BodyPos = lines[0].Pos
	ex.BodyBytes = n
}

// tableKind tells property tables ("property"), enum tables ("enum"),
// property-like tables without a name column ("noname") and others ("").
func tableKind(t *input.Table) string {
	if len(t.Header) == 0 {
		return ""
	}
	for i, h := range t.Header {
		if lowerEq(strings.TrimSpace(h.Text), "type") {
			if i == 0 {
				return "noname"
			}
			return "property"
		}
	}
	h0 := strings.TrimSpace(t.Header[0].Text)
	for _, w := range []string{"member", "members", "name", "value", "enum value", "enumeration value"} {
		if lowerEq(h0, w) {
			return "enum"
		}
	}
	return ""
}

var (
	reNameDecor = regexp.MustCompile(`(?i)\s*\((deprecated|preview|beta)\)\s*$`)
)

// readPropertyTable reads a Properties or Relationships table of type pt.
func (c *compiler) readPropertyTable(pt *pendingType, b *input.Block, rel bool) {
	tbl := b.Table
	typeCol := -1
	for i, h := range tbl.Header {
		if strings.EqualFold(strings.TrimSpace(h.Text), "type") {
			typeCol = i
			break
		}
	}
	descCol := typeCol + 1
	for _, row := range tbl.Rows {
		if len(row.Cells) == 0 {
			continue
		}
		nameCell := row.Cells[0]
		name := strings.TrimSpace(nameCell.Text)
		if len(row.Cells) <= typeCol {
			if nameCell.Bold && name != "" { // an Intune group row "|**Apps**|"
				continue
			}
			c.diags.Add(row.Pos, RuleTableMalformed, "row %q has no type cell", name)
			continue
		}
		typeCell := row.Cells[typeCol]
		desc := ""
		if descCol < len(row.Cells) {
			if tbl.Columns <= descCol+1 {
				desc = row.Joined(descCol)
			} else {
				desc = strings.TrimSpace(row.Cells[descCol].Text)
			}
		}
		if name == "" {
			c.diags.Add(row.Pos, RuleTableMalformed, "row has no property name")
			continue
		}
		if strings.TrimSpace(typeCell.Text) == "" && desc == "" && nameCell.Bold {
			continue // group row
		}
		deprecated := false
		if strings.HasSuffix(name, ")") {
			if m := reNameDecor.FindStringSubmatch(name); m != nil {
				deprecated = strings.EqualFold(m[1], "deprecated")
				name = strings.TrimSpace(name[:len(name)-len(m[0])])
			}
		}
		name = strings.Trim(name, "`* ")
		if !isPropName(name) {
			c.diags.Add(nameCell.Pos, RuleTableMalformed, "property name %q is not an identifier", name)
			continue
		}
		prop := &model.Property{Name: name, Relationship: rel, Pos: row.Pos, Deprecated: deprecated}
		applyFacts(prop, desc)
		prop.Doc = cleanDoc(desc)
		pp := &pendingProp{prop: prop, cell: typeCell}
		// Swapped cells: the description is a lone type word.
		if tc := parseTypeCell(typeCell); tc.problem != "" && primitive(desc) != "" {
			pp.cell = input.Cell{Raw: desc, Text: desc, Pos: typeCell.Pos}
			c.diags.Add(typeCell.Pos, RuleTypeCellMalformed, "property %q: type and description cells look swapped", name)
		} else {
			pp.tc, pp.parsed = tc, true // resolveProperties needs the same
		}
		if descCol < len(row.Cells) {
			if loc := findInherited(desc); loc != nil {
				rest := desc[loc[1]:]
				for _, cc := range row.Cells[descCol:] {
					for i := range cc.Links {
						if strings.HasPrefix(rest, cc.Links[i].Text) {
							l := cc.Links[i]
							pp.inherited = &l
						}
					}
				}
				if pp.inherited == nil {
					if f := strings.FieldsFunc(rest, func(r rune) bool { return r == ' ' || r == '.' || r == ',' }); len(f) > 0 {
						pp.inhName = f[0]
					}
				}
			}
		}
		pt.rows = append(pt.rows, pp)
	}
}

// Facts read from descriptions (docs input-format §10).
var (
	reNotNullable = regexp.MustCompile(`(?i)\b(not nullable|non-nullable|cannot be null|can't be null|is never null)\b`)
	reNullable    = regexp.MustCompile(`(?i)(^|[^-\w])nullable\b`)
	reRequired    = regexp.MustCompile(`(^|[.>]\s*|\s)Required(\.|\s+on create\b|\s*$)`)
	reKeyFact     = regexp.MustCompile(`(^|\.\s*|\s)Key\.`)
	reMaxLen      = regexp.MustCompile(`(?i)(?:maximum length (?:is|of)|max(?:imum)? (?:of )?|must not exceed|up to|no more than|cannot exceed|limited to)\s*(\d+)\s*(?:characters|chars)\b|(?:maximum length|max length)\s*(?:is|of|:)?\s*(\d+)`)
	reDefault     = regexp.MustCompile("(?i)\\b(?:default value is|default is|defaults to|the default value is|by default,? (?:it is|this is|the value is))\\s*[`*'\"]*([\\w.:+-]+)")
	reDeprecated  = regexp.MustCompile(`(?i)(^|\.\s+|\*\*)(deprecated\b|this property is deprecated|this property has been deprecated)`)
	rePossible    = regexp.MustCompile(`(?i)\b(?:the )?(?:possible|supported|allowed|valid) values (?:are|include)\s*:?\s*`)
	reBacktick    = regexp.MustCompile("`([^`]+)`")
	reIdent       = regexp.MustCompile(`^[A-Za-z_][\w]*$`)
)

// applyFacts sets read-only, nullable, required, key, maximum length,
// default, deprecation and possible values from a description.
func applyFacts(p *model.Property, desc string) {
	if desc == "" {
		return
	}
	// Cheap substring tests guard each regular expression: most
	// descriptions state few facts, and regexp is slow. low is
	// strings.ToLower(desc), in a stack buffer when desc is ASCII.
	var buf [512]byte
	low, ascii := lowerBytes(buf[:0], desc)
	has := func(sub string) bool { return bytes.Contains(low, []byte(sub)) }
	p.ReadOnly = has("read-only") || has("read only") || has("readonly")
	if has("nullable") || has("null.") || has("be null") {
		// The expressions are case-insensitive: U+017F matches 's', and
		// stays itself in low, so non-ASCII text skips the inner guards.
		if (!ascii || has("not nullable") || has("non-nullable") || has("cannot be null") || has("can't be null") || has("is never null")) &&
			reNotNullable.MatchString(desc) {
			p.Nullable = model.False
		} else if has("nullable") && reNullable.MatchString(desc) {
			p.Nullable = model.True
		}
	}
	p.Required = hasRequiredFact(desc)
	p.Key = strings.Contains(desc, "Key.") && reKeyFact.MatchString(desc)
	if (has("char") || has("length")) && hasDigit(desc) &&
		(!ascii || has("max") || has("must not exceed") || has("up to") || has("no more than") || has("cannot exceed") || has("limited to")) {
		if m := reMaxLen.FindStringSubmatch(desc); m != nil {
			s := m[1]
			if s == "" {
				s = m[2]
			}
			p.MaxLength, _ = strconv.Atoi(s)
		}
	}
	if has("default") && (!ascii || has("default value is") || has("default is") || has("defaults to") || has("by default")) {
		if m := reDefault.FindStringSubmatch(desc); m != nil {
			p.Default = strings.TrimRight(m[1], ".")
		}
	}
	if has("deprecat") && reDeprecated.MatchString(desc) {
		p.Deprecated = true
	}
	if has("values are") || has("values include") {
		p.Values = possibleValues(desc)
	}
}

// possibleValues reads "Possible values are: `a`, `b`, `c`." lists.
func possibleValues(desc string) []string {
	start := possibleValuesEnd(desc)
	if start < 0 {
		return nil
	}
	rest := desc[start:]
	// The list ends at the first sentence end outside backticks.
	end := len(rest)
	inTick := false
	for i := 0; i < len(rest); i++ {
		switch rest[i] {
		case '`':
			inTick = !inTick
		case '.', '\n':
			if !inTick && (i+1 == len(rest) || rest[i+1] == ' ' || rest[i+1] == '\n') {
				end = i
				i = len(rest)
			}
		}
	}
	list := rest[:end]
	var out []string
	if strings.Contains(list, "`") {
		for _, m := range backtickSpans(list) {
			v := strings.TrimSpace(m)
			if isASCIIIdent(v) && !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
		return out
	}
	for _, f := range strings.FieldsFunc(list, func(r rune) bool { return r == ',' || r == ';' }) {
		f = strings.TrimSpace(f)
		f = strings.TrimPrefix(f, "and ")
		f = strings.TrimPrefix(f, "or ")
		f = strings.Trim(f, "*'\" ")
		if isASCIIIdent(f) && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// findInherited locates "Inherited from " in a description.
func findInherited(desc string) []int {
	i := strings.Index(desc, "nherited from ")
	if i < 1 || (desc[i-1] != 'I' && desc[i-1] != 'i') {
		return nil
	}
	end := i + len("nherited from ")
	if strings.HasPrefix(desc[end:], "the ") {
		end += len("the ")
	}
	return []int{i - 1, end}
}

// isPropName reports whether s is a property or parameter name: an
// identifier, optionally starting with '@' and holding '.', '@' or '-'
// (instance annotations such as "@microsoft.graph.conflictBehavior").
func isPropName(s string) bool {
	s = strings.TrimPrefix(s, "@")
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_' || c|0x20 >= 'a' && c|0x20 <= 'z':
		case i > 0 && (c >= '0' && c <= '9' || c == '.' || c == '@' || c == '-'):
		default:
			return false
		}
	}
	return true
}
