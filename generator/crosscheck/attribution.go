package crosscheck

import (
	"fmt"
	"path"
	"sort"
	"strings"
	"unicode"

	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
)

// An Attribution splits the disagreements of one figure (Total-Agree) by
// where the answer is: whether the docs page holds the metadata's answer
// somewhere a reader could have read it (then the disagreement is the
// docs reader's to fix: reader-attributable), or whether the docs are
// silent on it (they say nothing, or say something else). It is computed
// for the figures of attributedFigures when Options.Pages is given;
// docs/metadata.md defines where each figure looks, and the type name
// says when a piece of text names something.
type Attribution struct {
	// DocsHold counts the disagreements whose answer the page holds where
	// the reader could have read it: reader-attributable.
	DocsHold int `json:"docsHoldAnswer"`
	// Silent counts the others: the docs say nothing, or something else.
	Silent int `json:"docsSilent"`
}

// A Disagreement is one disagreement of an attributed figure.
type Disagreement struct {
	Figure string    `json:"figure"` // the figure's ID
	Pos    model.Pos `json:"pos"`    // the docs position: the type's heading or the row
	// What names what disagrees ("base type of user", "property
	// user.deletedDateTime"), Docs and Metadata what each says.
	What     string `json:"what"`
	Docs     string `json:"docs"`
	Metadata string `json:"metadata"`
	// Answer is where the page holds the metadata's answer; nil when the
	// docs are silent on it.
	Answer *model.Pos `json:"answer,omitempty"`
}

// attributedFigures are the figures whose disagreements are attributed.
var attributedFigures = map[string]bool{
	FigBaseTypes: true, FigPropertiesFound: true, FigPropertyPrecision: true,
	FigPropertyTypes: true, FigCollections: true, FigPropertyKinds: true, FigEnumMembers: true,
}

// attributor finds the metadata's answers in the docs pages.
type attributor struct {
	pages map[string]*input.Page
	defs  Definitions
	// enumUses maps a docs enum to the properties typed with it.
	enumUses map[*model.Type][]*model.Property
	// tables says what the docs reader read each table as, by position.
	tables map[model.Pos]model.TableKind
	list   []Disagreement
}

func newAttributor(pages []*input.Page, docs *model.Model) *attributor {
	a := &attributor{pages: map[string]*input.Page{}, defs: NewDefinitions(docs), enumUses: map[*model.Type][]*model.Property{}, tables: map[model.Pos]model.TableKind{}}
	for _, p := range pages {
		a.pages[p.Path] = p
	}
	for _, p := range docs.Pages {
		for _, t := range p.Tables {
			a.tables[t.Pos] = t.Kind
		}
	}
	for _, t := range docs.Types {
		for _, p := range t.Properties {
			if e := p.Type.Type; e != nil && e.Kind == model.KindEnum {
				a.enumUses[e] = append(a.enumUses[e], p)
			}
		}
	}
	return a
}

// Definitions indexes where the entity and complex types of a docs model
// are defined: a type's definition runs from its heading to the heading
// of the next type defined on the same page (the first one from the top
// of the page), so that the several definitions of one page are told
// apart.
type Definitions struct {
	lines map[string][]int // page path -> sorted first lines
}

// NewDefinitions indexes the definitions of the types of docs.
func NewDefinitions(docs *model.Model) Definitions {
	d := Definitions{lines: map[string][]int{}}
	for _, t := range docs.Types {
		if t.Kind != model.KindEnum {
			d.lines[t.Pos.File] = append(d.lines[t.Pos.File], t.Pos.Line)
		}
	}
	for _, ls := range d.lines {
		sort.Ints(ls)
	}
	return d
}

// Span returns the lines of the page of pos, the heading of a type, that
// define that type: from from up to, not including, to (0: the end of the
// page).
func (d Definitions) Span(pos model.Pos) (from, to int) {
	ls := d.lines[pos.File]
	i := sort.SearchInts(ls, pos.Line)
	if i > 0 {
		from = pos.Line
	}
	for j := i; j < len(ls); j++ {
		if ls[j] > pos.Line {
			return from, ls[j]
		}
	}
	return from, 0
}

// span is a range of lines of a page: from From up to, not including, To
// (0: the end of the page).
type span struct {
	page     *input.Page
	From, To int
}

func (s span) holds(line int) bool { return line >= s.From && (s.To == 0 || line < s.To) }

// definition returns the lines of the page that define the entity or
// complex type t: from its heading (the top of the page for the page's
// first definition) to the next definition's.
func (a *attributor) definition(t *model.Type) span {
	s := span{page: a.pages[t.Pos.File]}
	s.From, s.To = a.defs.Span(t.Pos)
	return s
}

// section returns the lines under the heading at pos, up to the next
// heading of the same or a higher level (the whole page for an H1).
func (a *attributor) section(pos model.Pos) span {
	s := span{page: a.pages[pos.File], From: pos.Line}
	if s.page == nil {
		return s
	}
	level := 0
	for _, b := range s.page.Blocks {
		if b.Kind != input.KindHeading {
			continue
		}
		switch {
		case b.Pos.Line == pos.Line:
			level = b.Level
			if level == 1 {
				return span{page: s.page}
			}
		case level > 0 && b.Pos.Line > pos.Line && b.Level <= level:
			s.To = b.Pos.Line
			return s
		}
	}
	return s
}

// blocks calls f for each block of the span.
func (s span) blocks(f func(*input.Block) bool) bool {
	if s.page == nil {
		return false
	}
	for _, b := range s.page.Blocks {
		if s.holds(b.Pos.Line) && f(b) {
			return true
		}
	}
	return false
}

// A name is what a page may name: a type (Short and Qualified) or an enum
// member or property (Short only). A piece of text names it when
//
//   - a link's text is the name, or its target is the name's page
//     ("x.md") or an in-page anchor of it ("#x", "#x-values"), ignoring
//     case (inLinks);
//   - the text holds its qualified name ("microsoft.graph.x");
//   - the text holds the name as a whole word, ignoring case, and the name
//     is an identifier no English sentence holds by chance: it has an
//     upper-case letter, a digit or an underscore after its first
//     character ("directoryObject", "unknownFutureValue"). A plain word
//     ("entity", "request", "high") counts only as a link, a whole cell
//     or in a type cell (inText's plain).
type name struct{ Short, Qualified string }

func typeNamed(t *model.Type) name { return name{t.Name, t.QualifiedName()} }

// distinctive reports whether s reads as an identifier in any sentence:
// an upper-case letter, a digit or an underscore after its first rune.
func distinctive(s string) bool {
	for i, r := range s {
		if i > 0 && (unicode.IsUpper(r) || unicode.IsDigit(r) || r == '_') {
			return true
		}
	}
	return false
}

// inText reports whether text holds n (see the package comment above): its
// qualified name, or its short name as a whole word when that is
// distinctive (or when plain is set).
func (n name) inText(text string, plain bool) bool {
	low := strings.ToLower(text)
	if n.Qualified != "" && wholeWord(low, strings.ToLower(n.Qualified)) {
		return true
	}
	return (plain || distinctive(n.Short)) && wholeWord(low, strings.ToLower(n.Short))
}

// inLinks reports whether a link names n by its text or target.
func (n name) inLinks(links []input.Link) bool {
	short := strings.ToLower(n.Short)
	for _, l := range links {
		if strings.EqualFold(strings.Trim(l.Text, "*`_ "), n.Short) {
			return true
		}
		target, frag, _ := strings.Cut(strings.ToLower(l.Target), "#")
		if target != "" && strings.TrimSuffix(path.Base(target), ".md") == short && strings.HasSuffix(target, ".md") {
			return true
		}
		if target == "" && (frag == short || frag == short+"-values") {
			return true
		}
	}
	return false
}

// wholeWord reports whether w occurs in s with no letter, digit or
// underscore on either side (both lower-cased).
func wholeWord(s, w string) bool {
	if w == "" {
		return false
	}
	for from := 0; ; {
		i := strings.Index(s[from:], w)
		if i < 0 {
			return false
		}
		i += from
		j := i + len(w)
		if (i == 0 || !wordByte(s[i-1])) && (j == len(s) || !wordByte(s[j])) {
			return true
		}
		from = i + 1
	}
}

func wordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// proseNames returns where the prose of the span (headings, paragraphs,
// lists, quotes), its annotations' baseType, or a table cell that says
// "inherited from" names n.
func (s span) proseNames(n name) *model.Pos {
	var at *model.Pos
	s.blocks(func(b *input.Block) bool {
		switch b.Kind {
		case input.KindHeading, input.KindParagraph, input.KindQuote:
			if n.inLinks(b.Links) || n.inText(b.Text, false) {
				at = &b.Pos
			}
		case input.KindList:
			if n.inLinks(b.Links) || n.inText(strings.Join(b.Items, "\n"), false) {
				at = &b.Pos
			}
		case input.KindComment:
			if an := b.Comment.Annotation; an != nil && n.inText(an.String("baseType"), true) {
				at = &b.Comment.BodyPos
			}
		case input.KindTable:
			for _, r := range b.Table.Rows {
				for _, c := range r.Cells {
					if strings.Contains(strings.ToLower(c.Text), "inherited from") && (n.inLinks(c.Links) || n.inText(c.Text, true)) {
						at = &c.Pos
						return true
					}
				}
			}
		}
		return at != nil
	})
	return at
}

// row returns the table row of the span's page that starts at pos.
func (s span) row(pos model.Pos) *input.Row {
	var row *input.Row
	s.blocks(func(b *input.Block) bool {
		if b.Kind == input.KindTable {
			for _, r := range b.Table.Rows {
				if r.Pos.Line == pos.Line {
					row = r
					return true
				}
			}
		}
		return false
	})
	return row
}

// attribute records a disagreement of figure fig with its answer (nil when
// the docs are silent) and counts it.
func (c *checker) attribute(fig string, pos model.Pos, what, docs, meta string, answer *model.Pos) {
	if c.attr == nil {
		return
	}
	f := c.fig(fig)
	if f.Attribution == nil {
		f.Attribution = &Attribution{}
	}
	if answer != nil {
		f.Attribution.DocsHold++
	} else {
		f.Attribution.Silent++
	}
	c.attr.list = append(c.attr.list, Disagreement{Figure: fig, Pos: pos, What: what, Docs: docs, Metadata: meta, Answer: answer})
}

// baseAnswer returns where the definition of dt holds mt's base: the base
// type named in its prose, annotation or "Inherited from" cells. That a
// type has no base is nothing a page says: a type the docs give a base
// that the metadata's lacks has no answer on its page (the docs state
// another parent, or name none and give it the root's key, which the
// reader takes for the sign of the root's descendants).
func (a *attributor) baseAnswer(dt, mt *model.Type) *model.Pos {
	if mt.Base == nil {
		return nil
	}
	return a.definition(dt).proseNames(typeNamed(mt.Base))
}

// precisionAnswer returns where the page holds the answer for a row dp of
// dt whose property the metadata declares on owner, a proper ancestor of
// dt's metadata type (declaringAncestor), rather than on that type: the
// definition of dt names that ancestor (as for the base type) while the
// docs' own chain of dt does not hold it. A row the metadata does not
// declare on the chain (owner nil), or one whose declaring ancestor is in
// the docs' chain too (the ancestor's page leaves it out), has no answer
// on the page.
func (a *attributor) precisionAnswer(dt, owner *model.Type, dp *model.Property) *model.Pos {
	if owner == nil {
		return nil
	}
	for _, x := range dt.Ancestors() {
		if strings.EqualFold(x.QualifiedName(), owner.QualifiedName()) {
			return nil
		}
	}
	n := typeNamed(owner)
	def := a.definition(dt)
	if r := def.row(dp.Pos); r != nil {
		for _, cl := range r.Cells[min(1, len(r.Cells)):] {
			if n.inLinks(cl.Links) || n.inText(cl.Text, false) {
				return &cl.Pos
			}
		}
	}
	return def.proseNames(n)
}

// declaringAncestor returns the proper ancestor of t that declares the
// property called name (ignoring case), or nil.
func declaringAncestor(t *model.Type, name string) *model.Type {
	for _, x := range t.Ancestors() {
		for _, p := range x.Properties {
			if strings.EqualFold(p.Name, name) {
				return x
			}
		}
	}
	return nil
}

// foundAnswer returns where the definition of dt lists the metadata's
// property called prop, which the docs reader did not give the type: the
// first cell of a row of a table that may list properties (not a table
// of methods, permissions, headers, parameters, derived types, enum
// members or values), a member of the type's JSON representation, a
// property its resource annotation lists (optionalProperties,
// nullableProperties), or a whole word of its prose when the name is
// distinctive.
func (a *attributor) foundAnswer(dt *model.Type, prop string) *model.Pos {
	for _, e := range dt.Examples {
		if e.JSON == nil || e.Kind != model.ExampleResource {
			continue
		}
		for _, m := range e.JSON.Members {
			if strings.EqualFold(m.Key, prop) {
				p := e.LineOf(m.KeyOffset)
				return &p
			}
		}
	}
	n := name{Short: prop}
	var at *model.Pos
	a.definition(dt).blocks(func(b *input.Block) bool {
		switch b.Kind {
		case input.KindTable:
			if !mayListProperties[a.tables[b.Pos]] {
				return false
			}
			for _, r := range b.Table.Rows {
				if len(r.Cells) > 0 && strings.EqualFold(strings.Trim(r.Cells[0].Text, "*`_ "), prop) {
					at = &r.Pos
					return true
				}
			}
		case input.KindParagraph, input.KindQuote:
			if n.inText(b.Text, false) {
				at = &b.Pos
			}
		case input.KindList:
			if n.inText(strings.Join(b.Items, "\n"), false) {
				at = &b.Pos
			}
		case input.KindComment:
			if an := b.Comment.Annotation; an != nil && an.String("blockType") == "resource" &&
				(listsName(an.Fields["optionalProperties"], prop) || listsName(an.Fields["nullableProperties"], prop)) {
				at = &b.Comment.BodyPos
			}
		}
		return at != nil
	})
	return at
}

// listsName reports whether v, an annotation's list of names, holds name
// (ignoring case).
func listsName(v any, name string) bool {
	list, _ := v.([]any)
	for _, x := range list {
		if s, ok := x.(string); ok && strings.EqualFold(s, name) {
			return true
		}
	}
	return false
}

// mayListProperties are the kinds of table whose rows may be properties.
var mayListProperties = map[model.TableKind]bool{
	model.TableProperties: true, model.TableRelationships: true, model.TableText: true, model.TableNotRead: true,
}

// typeAnswer returns where the row of dp names the metadata's type of the
// property, mt: its type cell or description names the type (a primitive
// by its Edm name without "Edm.", as a whole word of the cell).
func (a *attributor) typeAnswer(dp *model.Property, mt model.TypeRef) *model.Pos {
	page := a.pages[dp.Pos.File]
	r := span{page: page}.row(dp.Pos)
	if r == nil || len(r.Cells) < 2 {
		return nil
	}
	n := name{Short: shortName(mt.Name)}
	if !mt.IsPrimitive() {
		n.Qualified = mt.Name
	}
	for i, cl := range r.Cells[1:] {
		// Only the type cell reads a plain word as a type.
		if n.inLinks(cl.Links) || n.inText(cl.Text, i == 0) {
			return &cl.Pos
		}
	}
	// A type cell naming several types that all derive from mt ("[a](a.md)
	// or [b](b.md)") says a value is one of mt's descendants.
	if t := mt.Type; t != nil && len(r.Cells[1].Links) > 1 {
		desc := map[string]bool{}
		for _, d := range t.Descendants() {
			desc[strings.ToLower(d.Name)] = true
		}
		all := true
		for _, l := range r.Cells[1].Links {
			all = all && desc[strings.ToLower(strings.Trim(l.Text, "*`_ "))]
		}
		if all {
			return &r.Cells[1].Pos
		}
	}
	return nil
}

// collectionAnswer returns where the row of dp says what the metadata
// says of the property's collection-ness: for a collection, its type cell
// or description holds the word "collection" or "array"; for a single
// value (which the reader read as a collection), its type cell does not
// say "collection".
func (a *attributor) collectionAnswer(dp *model.Property, metaCollection bool) *model.Pos {
	r := span{page: a.pages[dp.Pos.File]}.row(dp.Pos)
	if r == nil || len(r.Cells) < 2 {
		return nil
	}
	says := func(c input.Cell) bool {
		low := strings.ToLower(c.Text)
		return wholeWord(low, "collection") || wholeWord(low, "array")
	}
	if !metaCollection {
		if !says(r.Cells[1]) {
			return &r.Cells[1].Pos
		}
		return nil
	}
	for _, cl := range r.Cells[1:] {
		if says(cl) {
			return &cl.Pos
		}
	}
	return nil
}

// kindAnswer returns where the page says of the row of dp what the
// metadata says of its kind: the heading above the row's table speaks of
// relationships (or navigation properties) for a navigation property, of
// properties and not relationships for a structural one (the reader went
// by the table's header instead); or, for a navigation property, the
// row's description says "navigation property" or "relationship".
func (a *attributor) kindAnswer(dp *model.Property, metaRelationship bool) *model.Pos {
	page := a.pages[dp.Pos.File]
	if page == nil {
		return nil
	}
	var heading *input.Block
	for _, b := range page.Blocks {
		if b.Pos.Line > dp.Pos.Line {
			break
		}
		if b.Kind == input.KindHeading {
			heading = b
		}
	}
	if heading != nil {
		low := strings.ToLower(heading.Text)
		rel := strings.Contains(low, "relationship") || strings.Contains(low, "navigation")
		if rel == metaRelationship && (rel || strings.Contains(low, "propert")) {
			return &heading.Pos
		}
	}
	r := span{page: page}.row(dp.Pos)
	if r == nil || !metaRelationship {
		return nil
	}
	for _, cl := range r.Cells[min(2, len(r.Cells)):] {
		low := strings.ToLower(cl.Text)
		if strings.Contains(low, "navigation property") || wholeWord(low, "relationship") {
			return &cl.Pos
		}
	}
	return nil
}

// memberAnswer returns where the docs list member of enum dt: a table
// cell of the enum's section that is the member, a distinctive whole word
// of its prose, or the possible values that the description of a property
// typed with the enum lists.
func (a *attributor) memberAnswer(dt *model.Type, member string) *model.Pos {
	n := name{Short: member}
	var at *model.Pos
	a.section(dt.Pos).blocks(func(b *input.Block) bool {
		switch b.Kind {
		case input.KindTable:
			for _, r := range b.Table.Rows {
				for _, cl := range r.Cells {
					if strings.EqualFold(strings.Trim(cl.Text, "*`_ "), member) {
						at = &cl.Pos
						return true
					}
				}
			}
		case input.KindParagraph, input.KindQuote, input.KindHeading:
			if n.inText(b.Text, false) {
				at = &b.Pos
			}
		case input.KindList:
			for _, it := range b.Items {
				if f := strings.Fields(it); len(f) > 0 && strings.EqualFold(strings.Trim(f[0], "*`_:,."), member) || n.inText(it, false) {
					at = &b.Pos
				}
			}
		}
		return at != nil
	})
	if at != nil {
		return at
	}
	for _, p := range a.enumUses[dt] {
		for _, v := range p.Values {
			if strings.EqualFold(v, member) {
				return &p.Pos
			}
		}
	}
	return nil
}

// disagreements returns the attributed disagreements, sorted by position
// and figure.
func (a *attributor) disagreements() []Disagreement {
	out := a.list
	sort.SliceStable(out, func(i, j int) bool {
		x, y := out[i], out[j]
		if x.Pos.File != y.Pos.File {
			return x.Pos.File < y.Pos.File
		}
		if x.Pos.Line != y.Pos.Line {
			return x.Pos.Line < y.Pos.Line
		}
		if x.Figure != y.Figure {
			return x.Figure < y.Figure
		}
		return x.What < y.What
	})
	return out
}

// attributionLine formats an Attribution for the text summary.
func attributionLine(a *Attribution) string {
	return fmt.Sprintf("disagreements where the docs hold the answer: %s (reader-attributable); docs silent: %s", thousands(a.DocsHold), thousands(a.Silent))
}
