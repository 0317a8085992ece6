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
	reAbstract  = regexp.MustCompile(`(?i)\babstract (base )?(type|class|entity)\b`)
	reOpenProse = regexp.MustCompile(`(?i)\b(this|it|this type|this resource) is an open type\b`)
)

// leadingName returns the (possibly qualified) name that s starts with:
// "microsoft.graph.entity, is the locale" gives "microsoft.graph.entity".
// A sentence's full stop after the name is not part of it.
func leadingName(s string) string {
	s = strings.TrimLeft(s, " *`")
	i := 0
	for i < len(s) && (isWordByte(s[i]) || s[i] == '.') {
		i++
	}
	return strings.TrimRight(s[:i], ".")
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

var (
	reNameDecor = regexp.MustCompile(`(?i)\s*\((deprecated|preview|beta)\)\s*$`)
)

// readPropertyTable reads a Properties or Relationships table of type pt
// whose types are in column typeCol.
func (c *compiler) readPropertyTable(pt *pendingType, b *input.Block, typeCol int, rel bool) {
	tbl := b.Table
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
					pp.inhName = leadingName(rest)
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
	// "a, b, c", "a, b or c", "a, b, and c", "a or b"; an item may be
	// followed by its meaning ("standard - the default", "x: y").
	for _, f := range strings.FieldsFunc(list, func(r rune) bool { return r == ',' || r == ';' }) {
		for _, g := range splitOrAnd(f) {
			g = strings.TrimSpace(g)
			if i := strings.IndexAny(g, ":("); i > 0 {
				g = g[:i]
			} else if i := strings.Index(g, " - "); i > 0 {
				g = g[:i]
			}
			g = strings.Trim(g, "*'\" ")
			if isASCIIIdent(g) && !slices.Contains(out, g) {
				out = append(out, g)
			}
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// splitOrAnd splits a list item on the words "or" and "and": "Orange or
// Red" gives "Orange" and "Red", "and c" gives "c".
func splitOrAnd(s string) []string {
	f := strings.Fields(s)
	var out []string
	start := 0
	for i, w := range f {
		if w == "or" || w == "and" {
			if i > start {
				out = append(out, strings.Join(f[start:i], " "))
			}
			start = i + 1
		}
	}
	if start < len(f) {
		out = append(out, strings.Join(f[start:], " "))
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
