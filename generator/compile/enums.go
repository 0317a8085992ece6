package compile

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
	"github.com/apidocgen/apidocgen/input/jsonx"
)

// readEnums reads the enums of an enum page: "X enum type" pages with a
// Members table, and aggregate pages with "### X values" sections.
func (c *compiler) readEnums(pi *pageInfo) {
	var hdg *input.Block
	h1Name := strings.TrimSpace(reH1Suffix.ReplaceAllString(pi.title, ""))
	for _, b := range pi.page.Blocks {
		if b.Kind == input.KindHeading {
			hdg = b
			continue
		}
		if b.Kind != input.KindTable {
			continue
		}
		lay := layoutOf(b.Table)
		if lay.shape != shapeMembers {
			c.pageTable(pi, b, lay)
			continue
		}
		var m []string
		if hdg != nil && hdg.Level >= 2 {
			m = valuesHeading(headingText(hdg))
		}
		switch {
		case m != nil:
			c.enumFromTable(pi, m[1], hdg, b)
		case hdg != nil && h1Name != "" && !strings.ContainsAny(h1Name, " \t") &&
			(hdg.Level == 1 || strings.EqualFold(headingText(hdg), "members")):
			c.enumFromTable(pi, h1Name, hdg, b)
		case hdg == nil:
			c.notRead(pi, b, "table of members has no heading naming its enum; not read")
		default:
			c.notRead(pi, b, "table of members under %q: the heading names no enum (\"X values\"); not read", headingText(hdg))
		}
	}
}

// pageTable records a table of a page that defines no type there (an enum
// page, a conceptual page): one that lists properties (a Type column) is
// reported as not read, the others carry no model data (a list of values
// on an overview page is prose).
func (c *compiler) pageTable(pi *pageInfo, b *input.Block, lay tableLayout) {
	switch lay.shape {
	case shapeProperties:
		c.notRead(pi, b, "table of properties on a page that defines no resource type; not read")
	case shapeMethods:
		c.addTable(pi, b, model.TableMethods, "")
	default:
		c.addTable(pi, b, model.TableText, "")
	}
}

var reFlagsWord = regexp.MustCompile(`(?i)\bflags\b`)

// enumFromTable defines enum name from an enum table under heading hdg. A
// second definition of the same enum adds its members to the first one.
func (c *compiler) enumFromTable(pi *pageInfo, name string, hdg, tb *input.Block) {
	ns := pi.ns
	if q, n := splitQualified(name); q != "" {
		ns, name = q, n
	}
	if ns == "" {
		ns = model.DefaultNamespace
	}
	t := &model.Type{Name: name, Namespace: ns, Kind: model.KindEnum, Pos: hdg.Pos}
	// Flags only when the docs say so: the word "flags" in the heading or
	// the enum's table ("No flags set.", "combined with ... flags").
	if reFlagsWord.MatchString(hdg.Text) {
		t.Flags = true
	}
	tbl := tb.Table
	var hs []string
	for _, h := range tbl.Header {
		hs = append(hs, strings.ToLower(strings.TrimSpace(h.Text)))
	}
	valCol, descCol := -1, -1
	for i, h := range hs {
		if i == 0 {
			continue
		}
		switch {
		case (h == "value" || h == "int value" || h == "numeric value" || h == "#") && valCol < 0:
			valCol = i
		case h == "description" && descCol < 0:
			descCol = i
		}
	}
	seen := map[string]bool{}
	for _, row := range tbl.Rows {
		if len(row.Cells) == 0 {
			continue
		}
		mname := strings.Trim(strings.TrimSpace(row.Cells[0].Text), "`* ")
		if mname == "" {
			continue
		}
		mem := &model.EnumMember{Name: mname, Pos: row.Cells[0].Pos}
		if valCol >= 0 && valCol < len(row.Cells) {
			if v, err := strconv.ParseInt(strings.TrimSpace(row.Cells[valCol].Text), 10, 64); err == nil {
				mem.Value = &v
			}
		}
		if descCol >= 0 && descCol < len(row.Cells) {
			mem.Doc = cleanDoc(strings.TrimSpace(row.Cells[descCol].Text))
			if !t.Flags && strings.Contains(mem.Doc, "lags") && reFlagsWord.MatchString(mem.Doc) {
				t.Flags = true
			}
		}
		if !isIdent(mname) {
			c.diags.Add(mem.Pos, RuleEnumMemberInvalid, "enum %q: member %q is not an identifier", name, mname)
		}
		if seen[mname] {
			c.diags.Add(mem.Pos, RuleEnumMemberInvalid, "enum %q: member %q is listed twice", name, mname)
			continue
		}
		seen[mname] = true
		t.Members = append(t.Members, mem)
	}
	prev := c.types[strings.ToLower(t.QualifiedName())]
	if prev != nil && prev.Kind != model.KindEnum {
		// A resource page defines a type of the name: the members
		// describe a type that is not in the model.
		c.diags.Add(t.Pos, RuleDuplicateType, "type %q is already defined at %s", t.QualifiedName(), prev.Pos)
		c.notRead(pi, tb, "enum %q is not read: the %s type of that name is defined at %s", t.QualifiedName(), prev.Kind, prev.Pos)
		return
	}
	c.addTable(pi, tb, model.TableEnum, t.QualifiedName())
	if prev != nil {
		// Another section or page defines the enum too: one enum with the
		// members of both.
		var added []string
		for _, m := range t.Members {
			if !hasMemberNamed(prev, m.Name) {
				prev.Members = append(prev.Members, m)
				added = append(added, m.Name)
			}
		}
		prev.Flags = prev.Flags || t.Flags
		if len(added) > 0 {
			c.diags.Add(t.Pos, RuleDuplicateType, "enum %q is also defined at %s; its members %s are added there", t.QualifiedName(), prev.Pos, strings.Join(added, ", "))
		} else {
			c.diags.Add(t.Pos, RuleDuplicateType, "enum %q is also defined at %s (same members)", t.QualifiedName(), prev.Pos)
		}
		c.anchors[strings.ToLower(pi.page.Path)+"#"+slug(hdg.Text)] = prev
		return
	}
	if c.register(t, pi.page.Path) {
		c.anchors[strings.ToLower(pi.page.Path)+"#"+slug(hdg.Text)] = t
	}
}

// membersFromValues adds to each enum the possible values that the
// description of a property typed with it lists ("Possible values are:
// a, b, c") and that the enum's own list lacks: two statements of one
// enum's members merge, as two definitions of the enum do. "null" is
// JSON's null, not a member. An added member is positioned at the row
// whose description lists it (which is how lint tells it from the
// enum's own members).
func (c *compiler) membersFromValues() {
	for _, t := range c.m.Types {
		for _, p := range t.Properties {
			e := p.Type.Type
			if e == nil || e.Kind != model.KindEnum || len(p.Values) == 0 {
				continue
			}
			var added []string
			for _, v := range p.Values {
				if strings.EqualFold(v, "null") || !isIdent(v) || hasMemberFolded(e, v) {
					continue
				}
				e.Members = append(e.Members, &model.EnumMember{Name: v, Pos: p.Pos})
				added = append(added, strconv.Quote(v))
			}
			if len(added) > 0 {
				c.diags.Add(p.Pos, RuleEnumMemberInferred, "the description of %q lists %s, which enum %q does not; added to its members",
					p.Name, strings.Join(added, ", "), e.QualifiedName())
			}
		}
	}
}

// hasMemberFolded reports whether enum t has a member called name,
// ignoring case.
func hasMemberFolded(t *model.Type, name string) bool {
	for _, m := range t.Members {
		if strings.EqualFold(m.Name, name) {
			return true
		}
	}
	return false
}

func isIdent(s string) bool {
	for i, r := range s {
		if !(r == '_' || unicode.IsLetter(r) || (i > 0 && unicode.IsDigit(r))) {
			return false
		}
	}
	return s != ""
}

// slug makes a GitHub-style heading anchor: lower case, spaces to '-',
// punctuation other than '-' and '_' dropped.
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// flagsFromExamples marks as flags the enums whose values the examples
// combine ("a,b"): a string value of an enum-typed property made of
// members joined by commas.
func (c *compiler) flagsFromExamples() {
	for _, ex := range c.m.Examples() {
		if ex.JSON != nil && ex.Type.Type != nil {
			markCombined(ex.JSON, ex.Type.Type, 0)
		}
	}
	// The body parameters of actions, in their request examples.
	for _, op := range c.m.Operations {
		for _, ex := range op.Examples {
			if ex.Kind != model.ExampleRequest || ex.JSON == nil || ex.JSON.Kind != jsonx.Object {
				continue
			}
			for _, mb := range ex.JSON.Members {
				for _, prm := range op.Params {
					if prm.In == model.InBody && strings.EqualFold(prm.Name, mb.Key) && prm.Type.Type != nil {
						et := prm.Type.Type
						switch {
						case et.Kind != model.KindEnum:
							markCombined(mb.Value, et, 0)
						case mb.Value.Kind == jsonx.String && combinesMembers(mb.Value.Str, et):
							et.Flags = true
						}
					}
				}
			}
		}
	}
}

// markCombined walks a JSON value shown for type t (an object, an array of
// them, or a collection response's "value").
func markCombined(v *jsonx.Value, t *model.Type, depth int) {
	if depth > 16 || t.Kind == model.KindEnum {
		return
	}
	switch v.Kind {
	case jsonx.Array:
		for _, e := range v.Elems {
			markCombined(e, t, depth+1)
		}
	case jsonx.Object:
		for _, mb := range v.Members {
			if mb.Key == "value" && mb.Value.Kind == jsonx.Array && t.Property("value") == nil {
				markCombined(mb.Value, t, depth+1)
				continue
			}
			v := mb.Value
			if v.Kind != jsonx.Object && v.Kind != jsonx.Array && (v.Kind != jsonx.String || strings.IndexByte(v.Str, ',') < 0) {
				continue // nothing to combine or walk into
			}
			p := t.Property(mb.Key)
			if p == nil || p.Type.Type == nil {
				continue
			}
			pt := p.Type.Type
			if pt.Kind != model.KindEnum {
				markCombined(v, pt, depth+1)
				continue
			}
			if v.Kind == jsonx.String && !pt.Flags && combinesMembers(v.Str, pt) {
				pt.Flags = true
			}
		}
	}
}

// combinesMembers reports whether s is two or more members of enum t
// joined by commas.
func combinesMembers(s string, t *model.Type) bool {
	parts := strings.Split(s, ",")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if !hasMemberNamed(t, strings.TrimSpace(p)) {
			return false
		}
	}
	return true
}

func hasMemberNamed(t *model.Type, name string) bool {
	for _, m := range t.Members {
		if m.Name == name {
			return true
		}
	}
	return false
}
