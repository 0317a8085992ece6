// Package crosscheck compares the model of a docs tree with the model of
// the API's metadata (both package generator/model; the metadata's built
// by generator/metadata) and reports every disagreement as a finding
// with a "metadata-" rule, at the docs position where it can be fixed,
// together with an agreement summary: per category, how much of what the
// metadata says the docs say too. The summary is the fidelity measure of
// the docs reader (docs/metadata.md defines every figure).
//
// Names match by qualified name (namespace + "." + name), ignoring case; a
// case difference is a finding of its own (metadata-name-case) and does
// not count against the figures. Twin short names in two namespaces are
// two types. The metadata's aliases are already resolved in its model.
package crosscheck

import (
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
)

// Options adjust the cross-check.
type Options struct {
	// MissingTypeKinds lists the kinds of metadata types that the docs
	// must define: a type of these kinds that the docs lack is a
	// metadata-type-missing finding. nil means every kind (entity,
	// complex, enum); an empty non-nil list reports none.
	MissingTypeKinds []model.TypeKind
	// Listed, when not nil, reports whether the docs page path lists a
	// property called name somewhere the docs reader did not take it from
	// (a table row it could not attach to the type): such a property is
	// not reported missing. It does not change the figures, which measure
	// the model.
	Listed func(path, name string) bool
	// Mentions, when not nil, reports whether the prose of docs page path
	// contains word (case-insensitively): a type whose page says
	// "abstract" or "open type" anywhere is not reported as left unmarked,
	// nor one whose page names the metadata's base type next to "inherit",
	// "derive", "subclass" or "subtype" as having no base, whatever the
	// docs reader made of the sentence.
	Mentions func(path, word string) bool
	// Pages, when not nil, are the parsed docs pages the docs model was
	// compiled from: each disagreement of the base, property and enum
	// member figures is then attributed (see Attribution) to the docs
	// reader, when the page holds the metadata's answer, or to the docs,
	// when they are silent on it. The findings do not change.
	Pages []*input.Page
}

// A Result is the outcome of Compare.
type Result struct {
	// Findings are sorted (see model.SortDiagnostics).
	Findings []model.Diagnostic `json:"findings"`
	Summary  Summary            `json:"summary"`
}

// A Summary holds the agreement figures, in a fixed order.
type Summary struct {
	Figures []Figure `json:"figures"`
	// Disagreements lists the attributed disagreements (Options.Pages),
	// sorted by position.
	Disagreements []Disagreement `json:"disagreements,omitempty"`
}

// A Figure is one agreement figure: Agree of Total agree.
type Figure struct {
	ID    string `json:"id"`   // stable, e.g. "base-types"
	Name  string `json:"name"` // for people, e.g. "base types"
	Agree int    `json:"agree"`
	Total int    `json:"total"`
	// Of says what Total counts.
	Of string `json:"of"`
	// Attribution splits the disagreements (Total-Agree) by where the
	// answer is; nil for a figure that is not attributed or without
	// Options.Pages.
	Attribution *Attribution `json:"attribution,omitempty"`
}

// The IDs of the figures, in Summary order. docs/metadata.md defines each.
const (
	FigTypesFound         = "types-found"
	FigTypesKnown         = "types-known"
	FigBaseTypes          = "base-types"
	FigAbstractOpen       = "abstract-open"
	FigPropertiesFound    = "properties-found"
	FigPropertyPrecision  = "property-precision"
	FigPropertyTypes      = "property-types"
	FigCollections        = "collections"
	FigNullability        = "nullability"
	FigPropertyKinds      = "property-kinds"
	FigEnumMembers        = "enum-members"
	FigEnumMembersKnown   = "enum-members-known"
	FigOperationsFound    = "operations-found"
	FigOperationsKnown    = "operations-known"
	FigOperationSignature = "operation-signatures"
	// FigFlagged is not computed by Compare: generator/lint adds it (see
	// Flagged), as it needs the docs-only findings.
	FigFlagged = "disagreements-flagged"
)

// Flagged is the figure FigFlagged with its counts left to fill: of the
// cross-check's base and property findings, those that a docs-only lint
// finding is about (docs/metadata.md says when one is).
var Flagged = Figure{ID: FigFlagged, Name: "flagged disagreements",
	Of: "base and property findings of the cross-check that a docs-only lint finding is about"}

// Percent returns 100*Agree/Total, or 100 when Total is 0.
func (f Figure) Percent() float64 {
	if f.Total == 0 {
		return 100
	}
	return 100 * float64(f.Agree) / float64(f.Total)
}

// String formats f as "base types: 980/1,270 = 77.2%".
func (f Figure) String() string {
	return fmt.Sprintf("%s: %s/%s = %.1f%%", f.Name, thousands(f.Agree), thousands(f.Total), f.Percent())
}

// Get returns the figure with the given ID.
func (s Summary) Get(id string) (Figure, bool) {
	for _, f := range s.Figures {
		if f.ID == id {
			return f, true
		}
	}
	return Figure{}, false
}

// WriteText writes the summary as aligned text, one figure a line.
func (s Summary) WriteText(w io.Writer) error {
	width := 0
	for _, f := range s.Figures {
		width = max(width, len(f.Name))
	}
	if _, err := fmt.Fprintln(w, "agreement of the docs with the metadata:"); err != nil {
		return err
	}
	for _, f := range s.Figures {
		frac := thousands(f.Agree) + "/" + thousands(f.Total)
		if _, err := fmt.Fprintf(w, "  %-*s %13s = %5.1f%%  (%s)\n", width, f.Name, frac, f.Percent(), f.Of); err != nil {
			return err
		}
		if f.Attribution != nil {
			if _, err := fmt.Fprintf(w, "  %-*s %s\n", width+2, "", attributionLine(f.Attribution)); err != nil {
				return err
			}
		}
	}
	return nil
}

// thousands writes n with commas: 1,270.
func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// Compare compares the docs model with the metadata model. Both must be
// resolved models (as generator/compile and generator/metadata build
// them); neither is changed.
func Compare(docs, meta *model.Model, opts Options) *Result {
	c := &checker{docs: docs, meta: meta, opts: opts, figs: map[string]*Figure{}}
	if opts.Pages != nil {
		c.attr = newAttributor(opts.Pages, docs)
	}
	c.run()
	res := &Result{Findings: model.SortDiagnostics(c.diags.List)}
	for _, d := range figureDefs {
		f := c.fig(d.ID)
		if c.attr != nil && attributedFigures[d.ID] && f.Attribution == nil {
			f.Attribution = &Attribution{}
		}
		res.Summary.Figures = append(res.Summary.Figures, *f)
	}
	if c.attr != nil {
		res.Summary.Disagreements = c.attr.disagreements()
	}
	return res
}

// figureDefs are the figures in Summary order, with what they count.
var figureDefs = []Figure{
	{ID: FigTypesFound, Name: "types found", Of: "metadata types the docs define"},
	{ID: FigTypesKnown, Name: "types known", Of: "docs types the metadata defines"},
	{ID: FigBaseTypes, Name: "base types", Of: "matched entity and complex types with the metadata's direct base, or none"},
	{ID: FigAbstractOpen, Name: "abstract and open", Of: "matched entity and complex types with the metadata's abstract and open flags"},
	{ID: FigPropertiesFound, Name: "properties found", Of: "properties the metadata declares on matched types that the docs give the type"},
	{ID: FigPropertyPrecision, Name: "property precision", Of: "rows of matched types whose property the metadata declares on the same type"},
	{ID: FigPropertyTypes, Name: "property types", Of: "found properties whose docs type is the metadata's"},
	{ID: FigCollections, Name: "collection-ness", Of: "found properties that are collections in both or in neither"},
	{ID: FigNullability, Name: "nullability", Of: "found single-valued properties whose docs state nullability, stating the metadata's"},
	{ID: FigPropertyKinds, Name: "property kinds", Of: "found properties that are navigation properties in both or in neither"},
	{ID: FigEnumMembers, Name: "enum members", Of: "members of matched metadata enums listed in the docs' enum"},
	{ID: FigEnumMembersKnown, Name: "enum members known", Of: "members of matched docs enums that the metadata's enum has"},
	{ID: FigOperationsFound, Name: "operations found", Of: "metadata actions and functions an API page documents"},
	{ID: FigOperationsKnown, Name: "operations known", Of: "docs action and function pages whose operation the metadata defines"},
	{ID: FigOperationSignature, Name: "operation signatures", Of: "documented operations whose parameters and return type are the metadata's"},
}

type checker struct {
	docs, meta *model.Model
	opts       Options
	diags      model.Diagnostics
	figs       map[string]*Figure
	// matched maps each metadata type to its docs type, and back.
	match    map[*model.Type]*model.Type
	docsType map[*model.Type]*model.Type
	// docsByName indexes the docs types by lower-cased qualified name.
	docsByName map[string][]*model.Type
	// attr attributes the disagreements; nil without Options.Pages.
	attr *attributor
}

// fig returns the figure with the given ID, creating it from figureDefs.
func (c *checker) fig(id string) *Figure {
	if f := c.figs[id]; f != nil {
		return f
	}
	for _, d := range figureDefs {
		if d.ID == id {
			f := d
			c.figs[id] = &f
			return &f
		}
	}
	panic("crosscheck: unknown figure " + id)
}

// count adds one to the total of figure id, and to its agreements when ok.
func (c *checker) count(id string, ok bool) {
	f := c.fig(id)
	f.Total++
	if ok {
		f.Agree++
	}
}

func (c *checker) add(pos model.Pos, r model.Rule, format string, args ...any) {
	c.diags.Add(pos, r, format, args...)
}

func (c *checker) run() {
	c.matchTypes()
	for _, mt := range c.meta.Types {
		dt := c.match[mt]
		if dt == nil {
			continue
		}
		switch {
		case (mt.Kind == model.KindEnum) != (dt.Kind == model.KindEnum):
			c.add(dt.Pos, RuleTypeKind, "the docs define %q as %s type, the metadata as %s type", dt.QualifiedName(), article(dt.Kind), article(mt.Kind))
		case mt.Kind == model.KindEnum:
			c.enum(dt, mt)
		default:
			c.structured(dt, mt)
		}
	}
	c.operations()
}

func article(k model.TypeKind) string {
	if k == model.KindEntity || k == model.KindEnum {
		return "an " + string(k)
	}
	return "a " + string(k)
}

// matchTypes pairs the metadata types with the docs types of the same
// qualified name: the same spelling first, else the only one that differs
// in case.
func (c *checker) matchTypes() {
	c.match = map[*model.Type]*model.Type{}
	c.docsType = map[*model.Type]*model.Type{}
	c.docsByName = map[string][]*model.Type{}
	for _, t := range c.docs.Types {
		k := strings.ToLower(t.QualifiedName())
		c.docsByName[k] = append(c.docsByName[k], t)
	}
	metaByName := map[string][]*model.Type{}
	for _, t := range c.meta.Types {
		k := strings.ToLower(t.QualifiedName())
		metaByName[k] = append(metaByName[k], t)
	}
	pick := func(q string, cands []*model.Type, taken map[*model.Type]*model.Type) *model.Type {
		var free []*model.Type
		for _, x := range cands {
			if taken[x] != nil {
				continue
			}
			if x.QualifiedName() == q {
				return x
			}
			free = append(free, x)
		}
		if len(free) == 1 {
			return free[0]
		}
		return nil
	}
	// Exact spellings first, so a case twin never takes another's match.
	for pass := 0; pass < 2; pass++ {
		for _, mt := range c.meta.Types {
			if c.match[mt] != nil {
				continue
			}
			cands := c.docsByName[strings.ToLower(mt.QualifiedName())]
			var dt *model.Type
			if pass == 0 {
				for _, x := range cands {
					if x.QualifiedName() == mt.QualifiedName() && c.docsType[x] == nil {
						dt = x
					}
				}
			} else {
				dt = pick(mt.QualifiedName(), cands, c.docsType)
			}
			if dt != nil {
				c.match[mt], c.docsType[dt] = dt, mt
			}
		}
	}
	missingKinds := map[model.TypeKind]bool{model.KindEntity: true, model.KindComplex: true, model.KindEnum: true}
	if c.opts.MissingTypeKinds != nil {
		missingKinds = map[model.TypeKind]bool{}
		for _, k := range c.opts.MissingTypeKinds {
			missingKinds[k] = true
		}
	}
	for _, mt := range c.meta.Types {
		dt := c.match[mt]
		c.count(FigTypesFound, dt != nil)
		switch {
		case dt == nil && missingKinds[mt.Kind]:
			c.add(mt.Pos, RuleTypeMissing, "%s type %q of the metadata is not defined in the docs", mt.Kind, mt.QualifiedName())
		case dt != nil && dt.Name != mt.Name:
			c.add(dt.Pos, RuleNameCase, "the docs spell type %q as %q", mt.QualifiedName(), dt.Name)
		}
	}
	usedAsType := c.docsTypeUses()
	enumPages := map[string]bool{}
	for _, p := range c.docs.Pages {
		if p.Kind == model.PageEnum {
			enumPages[p.Path] = true
		}
	}
	for _, dt := range c.docs.Types {
		known := c.docsType[dt] != nil
		c.count(FigTypesKnown, known)
		if known {
			continue
		}
		// An enum section of a resource page that no property uses as its
		// type documents the values of a string, not a type.
		if dt.Kind == model.KindEnum && !usedAsType[dt] && !enumPages[dt.Pos.File] {
			continue
		}
		c.add(dt.Pos, RuleTypeUnknown, "%s type %q is not in the metadata%s", dt.Kind, dt.QualifiedName(), c.suggestType(dt))
	}
}

// docsTypeUses returns the docs types that some property, parameter or
// operation uses as its type.
func (c *checker) docsTypeUses() map[*model.Type]bool {
	used := map[*model.Type]bool{}
	for _, t := range c.docs.Types {
		for _, p := range t.Properties {
			if p.Type.Type != nil {
				used[p.Type.Type] = true
			}
		}
	}
	for _, op := range c.docs.Operations {
		for _, p := range op.Params {
			if p.Type.Type != nil {
				used[p.Type.Type] = true
			}
		}
	}
	return used
}

// suggestType names a metadata type of the same short name in another
// namespace, for a docs type the metadata lacks.
func (c *checker) suggestType(dt *model.Type) string {
	var names []string
	for _, mt := range c.meta.Types {
		if strings.EqualFold(mt.Name, dt.Name) && c.match[mt] == nil {
			names = append(names, mt.QualifiedName())
		}
	}
	if len(names) == 0 {
		return ""
	}
	sort.Strings(names)
	return fmt.Sprintf(" (the metadata has %q)", names[0])
}

// structured compares an entity or complex type.
func (c *checker) structured(dt, mt *model.Type) {
	mentions := func(word string) bool { return c.opts.Mentions != nil && c.opts.Mentions(dt.Pos.File, word) }
	baseOK := strings.EqualFold(dt.BaseName, mt.BaseName)
	c.count(FigBaseTypes, baseOK)
	if !baseOK && c.attr != nil {
		c.attribute(FigBaseTypes, dt.Pos, "base type of "+dt.Name, orNone(dt.BaseName), orNone(mt.BaseName), c.attr.baseAnswer(dt, mt))
	}
	switch {
	case baseOK:
	case dt.BaseName == "" && mt.Base != nil && mentions(mt.Base.Name) && (mentions("inherit") || mentions("derive") || mentions("subclass") || mentions("subtype")):
		// The page names the base in a sentence the reader did not take.
	case dt.BaseName == "":
		c.add(dt.Pos, RuleBaseType, "the docs name no base type for %q; the metadata derives it from %q", dt.Name, mt.BaseName)
	case mt.BaseName == "":
		c.add(dt.Pos, RuleBaseType, "the docs derive %q from %q; in the metadata it has no base type", dt.Name, dt.BaseName)
	default:
		c.add(dt.Pos, RuleBaseType, "the docs derive %q from %q; the metadata from %q", dt.Name, dt.BaseName, mt.BaseName)
	}
	c.count(FigAbstractOpen, dt.Abstract == mt.Abstract && dt.Open == mt.Open)
	switch {
	case mt.Abstract && !dt.Abstract && !mentions("abstract"):
		c.add(dt.Pos, RuleAbstract, "%q is abstract in the metadata; the docs do not mark it abstract", dt.Name)
	case dt.Abstract && !mt.Abstract:
		c.add(dt.Pos, RuleAbstract, "the docs mark %q abstract; in the metadata it is not", dt.Name)
	}
	switch {
	case mt.Open && !dt.Open && !mentions("open type"):
		c.add(dt.Pos, RuleOpenType, "%q is an open type in the metadata; the docs do not mark it open", dt.Name)
	case dt.Open && !mt.Open:
		c.add(dt.Pos, RuleOpenType, "the docs mark %q open; in the metadata it is not an open type", dt.Name)
	}
	c.properties(dt, mt)
}

// byLowerName indexes properties by lower-cased name; the first wins.
func byLowerName(ps []*model.Property) map[string]*model.Property {
	out := make(map[string]*model.Property, len(ps))
	for _, p := range ps {
		k := strings.ToLower(p.Name)
		if out[k] == nil {
			out[k] = p
		}
	}
	return out
}

// properties compares the properties of a matched pair of structured types.
func (c *checker) properties(dt, mt *model.Type) {
	docsAll := byLowerName(dt.AllProperties())
	for _, mp := range mt.Properties {
		dp := docsAll[strings.ToLower(mp.Name)]
		c.count(FigPropertiesFound, dp != nil)
		if dp == nil && c.attr != nil {
			c.attribute(FigPropertiesFound, dt.Pos, "property "+dt.Name+"."+mp.Name, "none", mp.Type.String(), c.attr.foundAnswer(dt, mp.Name))
		}
		if dp == nil && c.opts.Listed != nil && c.opts.Listed(dt.Pos.File, mp.Name) {
			continue
		}
		if dp == nil {
			c.add(dt.Pos, RulePropertyMissing, "%s %q of %q (%s in the metadata) is not in the docs", propWord(mp), mp.Name, dt.Name, mp.Type)
			continue
		}
		// Differences of a row inherited in the docs are reported on the
		// type that declares it, not once per descendant.
		report := dp.Owner == dt
		if report && dp.Name != mp.Name {
			c.add(dp.Pos, RuleNameCase, "the docs spell property %q of %q as %q", mp.Name, mt.QualifiedName(), dp.Name)
		}
		typeOK := sameType(dp.Type, mp.Type)
		if mp.Type.Resolved() { // else a csdl-unknown-type diagnostic says why
			c.count(FigPropertyTypes, typeOK)
			if !typeOK && c.attr != nil {
				c.attribute(FigPropertyTypes, dp.Pos, "type of "+dt.Name+"."+mp.Name, docsTypeString(dp.Type), typeName(mp.Type), c.attr.typeAnswer(dp, mp.Type))
			}
		}
		if !typeOK && report && mp.Type.Resolved() {
			c.add(dp.Pos, RulePropertyType, "property %q of %q has the type %s in the docs and %s in the metadata", dp.Name, dt.Name, docsTypeString(dp.Type), typeName(mp.Type))
		}
		collOK := dp.Type.Collection == mp.Type.Collection
		c.count(FigCollections, collOK)
		if !collOK && c.attr != nil {
			c.attribute(FigCollections, dp.Pos, "collection-ness of "+dt.Name+"."+mp.Name, collWord(dp.Type.Collection), collWord(mp.Type.Collection), c.attr.collectionAnswer(dp, mp.Type.Collection))
		}
		// A cell that says "collection" where the reader saw one value
		// ("[x](x.md) collection. Holds ...") is not held against the docs.
		if !collOK && report && !(mp.Type.Collection && reCollectionWord.MatchString(dp.Type.Written)) {
			c.add(dp.Pos, RulePropertyCollection, "property %q of %q is %s in the docs and %s in the metadata", dp.Name, dt.Name, collWord(dp.Type.Collection), collWord(mp.Type.Collection))
		}
		if !dp.Type.Collection && !mp.Type.Collection && dp.Nullable != model.Unstated {
			docsNull, metaNull := dp.Nullable == model.True, mp.Nullable != model.False
			c.count(FigNullability, docsNull == metaNull)
			if docsNull != metaNull && report {
				c.add(dp.Pos, RulePropertyNullable, "property %q of %q is %s in the docs and %s in the metadata", dp.Name, dt.Name, nullWord(docsNull), nullWord(metaNull))
			}
		}
		kindOK := dp.Relationship == mp.Relationship
		c.count(FigPropertyKinds, kindOK)
		if !kindOK && c.attr != nil {
			c.attribute(FigPropertyKinds, dp.Pos, "kind of "+dt.Name+"."+mp.Name, kindWord(dp.Relationship), kindWord(mp.Relationship), c.attr.kindAnswer(dp, mp.Relationship))
		}
		if !kindOK && report {
			if mp.Relationship {
				c.add(dp.Pos, RulePropertyKind, "%q of %q is a navigation property in the metadata; the docs list it with the properties, not the relationships", dp.Name, dt.Name)
			} else {
				c.add(dp.Pos, RulePropertyKind, "%q of %q is a structural property in the metadata; the docs list it with the relationships", dp.Name, dt.Name)
			}
		}
	}
	metaOwn := byLowerName(mt.Properties)
	metaAll := byLowerName(mt.AllProperties())
	for _, dp := range dt.Properties {
		if strings.HasPrefix(dp.Name, "@") {
			c.instanceAnnotation(dp, mt)
			continue
		}
		k := strings.ToLower(dp.Name)
		c.count(FigPropertyPrecision, metaOwn[k] != nil)
		if metaOwn[k] == nil && c.attr != nil {
			owner := declaringAncestor(mt, dp.Name)
			ownerName := "none"
			if owner != nil {
				ownerName = owner.QualifiedName()
			}
			c.attribute(FigPropertyPrecision, dp.Pos, "row "+dt.Name+"."+dp.Name, dt.QualifiedName(), ownerName, c.attr.precisionAnswer(dt, owner, dp))
		}
		if metaAll[k] != nil {
			continue // declared by the type or, in the metadata, by an ancestor
		}
		c.add(dp.Pos, RulePropertyUnknown, "%q is not a property of %q in the metadata%s", dp.Name, mt.QualifiedName(), derivedNote(mt, k))
	}
}

// instanceAnnotation checks a row that lists an instance annotation
// ("@microsoft.graph.downloadUrl") against the metadata's terms; the
// protocol's own "@odata." annotations are not the metadata's to define.
// Such rows are not properties and count in no figure.
func (c *checker) instanceAnnotation(dp *model.Property, mt *model.Type) {
	name := strings.TrimPrefix(dp.Name, "@")
	if strings.HasPrefix(strings.ToLower(name), "odata.") {
		return
	}
	for _, t := range c.meta.Terms {
		if strings.EqualFold(t.Name, name) {
			return
		}
	}
	c.add(dp.Pos, RulePropertyUnknown, "instance annotation %q of %q is not a term of the metadata", dp.Name, mt.QualifiedName())
}

// derivedNote names the metadata types derived from t that declare the
// property with lower-cased name k.
func derivedNote(t *model.Type, k string) string {
	var names []string
	for _, d := range t.Descendants() {
		for _, p := range d.Properties {
			if strings.ToLower(p.Name) == k {
				names = append(names, d.Name)
			}
		}
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf(" (derived type %q declares it)", names[0])
	}
	return fmt.Sprintf(" (derived types %q and %d more declare it)", names[0], len(names)-1)
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func propWord(p *model.Property) string {
	if p.Relationship {
		return "navigation property"
	}
	return "property"
}

func kindWord(relationship bool) string {
	if relationship {
		return "navigation property"
	}
	return "structural property"
}

func collWord(b bool) string {
	if b {
		return "a collection"
	}
	return "a single value"
}

func nullWord(b bool) string {
	if b {
		return "nullable"
	}
	return "not nullable"
}

var reCollectionWord = regexp.MustCompile(`(?i)\bcollection\b`)

// floating are the floating-point primitives, which the docs use for one
// another (Double for an Edm.Single): JSON numbers either way.
var floating = map[string]bool{model.EdmSingle: true, model.EdmDouble: true}

// sameType reports whether the docs type d names the metadata type m,
// collection-ness aside: the same qualified name (ignoring case), two
// floating-point primitives, any JSON value (Edm.Untyped) for a complex
// type without properties (how metadata spells "any JSON"), or a docs
// type cell whose word is the short name of the metadata's type even
// though the docs reader did not resolve it to that type (a word it took
// for a primitive, such as Json, or a type the docs never define).
func sameType(d, m model.TypeRef) bool {
	if strings.EqualFold(d.Name, m.Name) {
		return true
	}
	if floating[d.Name] && floating[m.Name] {
		return true
	}
	if m.IsPrimitive() || m.Name == "" {
		return false
	}
	if d.Name == model.EdmUntyped && m.Type != nil && m.Type.Kind == model.KindComplex && len(m.Type.AllProperties()) == 0 {
		return true
	}
	if d.Name == "" || d.IsPrimitive() {
		short := shortName(m.Name)
		return strings.EqualFold(writtenWord(d.Written), short)
	}
	return false
}

// writtenWord returns the type name of a docs type cell as written,
// decoration removed: the link text of "[x](x.md) collection", the word
// of "**x**", "Collection(x)" or "`x`".
func writtenWord(w string) string {
	s := strings.TrimSpace(w)
	if i := strings.IndexByte(s, '['); i >= 0 {
		if j := strings.IndexByte(s[i:], ']'); j > 0 {
			s = s[i+1 : i+j]
		}
	}
	s = strings.TrimSpace(s)
	if len(s) > len("collection(") && strings.EqualFold(s[:len("collection(")], "collection(") {
		s = strings.TrimSuffix(s[len("collection("):], ")")
	}
	if f := strings.Fields(s); len(f) > 0 {
		s = f[0]
	}
	return strings.Trim(s, "*`_")
}

// docsTypeString shows a docs type: the resolved name, or the cell as
// written when it did not resolve.
func docsTypeString(r model.TypeRef) string {
	if r.Name == "" {
		return fmt.Sprintf("%q (unresolved)", r.Written)
	}
	return typeName(r)
}

// typeName shows a type reference's name without collection-ness (that is
// compared on its own).
func typeName(r model.TypeRef) string {
	return fmt.Sprintf("%q", r.Name)
}

// enum compares a matched pair of enums.
func (c *checker) enum(dt, mt *model.Type) {
	docs := map[string]*model.EnumMember{}
	for _, m := range dt.Members {
		k := strings.ToLower(m.Name)
		if docs[k] == nil {
			docs[k] = m
		}
	}
	meta := map[string]bool{}
	for _, m := range mt.Members {
		meta[strings.ToLower(m.Name)] = true
		dm := docs[strings.ToLower(m.Name)]
		c.count(FigEnumMembers, dm != nil)
		if dm == nil && c.attr != nil {
			c.attribute(FigEnumMembers, dt.Pos, "member "+dt.Name+"."+m.Name, "none", m.Name, c.attr.memberAnswer(dt, m.Name))
		}
		switch {
		case dm == nil:
			c.add(dt.Pos, RuleMemberMissing, "member %q of enum %q is not in the docs", m.Name, mt.QualifiedName())
		case dm.Name != m.Name:
			c.add(dm.Pos, RuleNameCase, "the docs spell member %q of enum %q as %q", m.Name, mt.QualifiedName(), dm.Name)
		}
	}
	for _, m := range dt.Members {
		ok := meta[strings.ToLower(m.Name)]
		c.count(FigEnumMembersKnown, ok)
		if !ok {
			c.add(m.Pos, RuleMemberUnknown, "%q is not a member of enum %q in the metadata", m.Name, mt.QualifiedName())
		}
	}
	if mt.Flags && !dt.Flags {
		c.add(dt.Pos, RuleFlags, "enum %q is a flags enum in the metadata (members combine, as \"a,b\"); the docs do not say so", mt.QualifiedName())
	}
}

func sortRules(rs []model.Rule) []model.Rule {
	sort.Slice(rs, func(i, j int) bool { return rs[i].ID < rs[j].ID })
	return rs
}
