package compile

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
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
		if b.Kind != input.KindTable || tableKind(b.Table) != "enum" {
			continue
		}
		switch {
		case hdg != nil && hdg.Level >= 2 && reValuesHdg.MatchString(hdg.Text):
			m := reValuesHdg.FindStringSubmatch(hdg.Text)
			c.enumFromTable(pi, m[1], hdg, b)
		case hdg != nil && h1Name != "" && !strings.ContainsAny(h1Name, " \t") &&
			(hdg.Level == 1 || strings.EqualFold(strings.TrimSpace(hdg.Text), "members")):
			c.enumFromTable(pi, h1Name, hdg, b)
		}
	}
}

// enumFromTable defines enum name from an enum table under heading hdg.
func (c *compiler) enumFromTable(pi *pageInfo, name string, hdg, tb *input.Block) {
	ns := pi.ns
	if q, n := splitQualified(name); q != "" {
		ns, name = q, n
	}
	if ns == "" {
		ns = model.DefaultNamespace
	}
	t := &model.Type{Name: name, Namespace: ns, Kind: model.KindEnum, Pos: hdg.Pos}
	if strings.Contains(strings.ToLower(hdg.Text), "flags") {
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
	if !t.Flags {
		t.Flags = looksLikeFlags(t.Members)
	}
	if c.register(t, pi.page.Path) {
		c.anchors[strings.ToLower(pi.page.Path)+"#"+slug(hdg.Text)] = t
	}
}

// looksLikeFlags reports whether member values are distinct powers of two
// (zero allowed) with at least three non-zero members reaching 4.
func looksLikeFlags(ms []*model.EnumMember) bool {
	nonzero, max := 0, int64(0)
	seen := map[int64]bool{}
	for _, m := range ms {
		if m.Value == nil {
			return false
		}
		v := *m.Value
		if v < 0 || seen[v] {
			return false
		}
		seen[v] = true
		if v == 0 {
			continue
		}
		if v&(v-1) != 0 {
			return false
		}
		nonzero++
		if v > max {
			max = v
		}
	}
	return nonzero >= 3 && max >= 4
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
