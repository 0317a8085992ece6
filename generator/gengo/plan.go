package gengo

import (
	"fmt"
	"go/token"
	"path"
	"sort"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/generator/payload"
)

// reservedNames are the exported identifiers of the runtime files; no
// generated type or constant may take them.
var reservedNames = []string{
	"Binary", "CollectPages", "Date", "DateOf", "Decimal", "Decode", "Duration", "DurationOf", "JoinFlags",
	"LookupOperation", "MatchOperation", "NewObject", "Null", "Nullable", "OperationSpec", "Operations", "Page",
	"ParseDate", "ParseDuration", "ParseTimeOfDay", "Ptr", "Slice", "Some", "TimeOfDay", "UUID", "Validate",
}

// validatorNames are the exported identifiers of the validator runtime
// (templates/validate.tmpl), reserved too when Options.Validators is set.
var validatorNames = []string{
	"CreateMode", "ParseValidationMode", "ReadMode", "UpdateMode", "ValidateJSON", "ValidateValue",
	"ValidationError", "ValidationMode", "Violation",
}

// reservedFields are the field names no property may take: the methods and
// fields every generated struct has.
var reservedFields = []string{"AdditionalData", "MarshalJSON", "ODataType", "UnmarshalJSON"}

// fieldKind says how a field is declared and coded.
type fieldKind int

// The kinds of goField.
const (
	fieldPlain        fieldKind = iota // T, left out when zero (enums: "" is never a member)
	fieldOptional                      // *T for a non-nullable primitive scalar: nil is absent, false/0/"" are values
	fieldNullable                      // Nullable[T]
	fieldPtr                           // *T for a non-nullable struct value
	fieldPoly                          // XLike for a non-nullable polymorphic value
	fieldNullablePoly                  // Nullable[XLike]
	fieldSlice                         // []T
	fieldPolySlice                     // []XLike
	fieldRaw                           // json.RawMessage (Edm.Untyped, unresolved types)
	fieldOverride                      // a Go type from Overrides.FieldTypes
)

// A goType is the Go view of one model type. Emitters of other files in
// this package (validators) may read it.
type goType struct {
	T    *model.Type
	Name string // Go type name
	File string // output file path, relative to the output folder
	Pkg  *goPkg // the package declaring it
	// Only for struct types (entity and complex):
	Base     *goType   // embedded base type; nil for a root
	Derived  []*goType // direct children in Go, in model order
	Poly     bool      // has descendants: gets the Iface interface
	Iface    string    // "XLike" when Poly
	AsMethod string    // "AsX" when Poly
	Fields   []*goField
	// Only for enums:
	Members []*goMember
	// Syn is set for a payload type of an operation (package payload).
	Syn *payload.Synthesized
}

// IsEnum reports whether g is an enum.
func (g *goType) IsEnum() bool { return g.T.Kind == model.KindEnum }

// A goField is one property of a struct type.
type goField struct {
	P     *model.Property
	Name  string // Go field name
	JSON  string // member name
	Kind  fieldKind
	Elem  *goType // the property's type when it is a model type
	Prim  string  // the Edm name when it is a primitive
	Type  jen.Code
	Multi bool // a collection
}

// A goMember is one enum member.
type goMember struct {
	M     *model.EnumMember
	Const string // Go constant name
}

type plan struct {
	m     *model.Model
	opts  Options
	diags model.Diagnostics
	types []*goType // in model order
	byT   map[*model.Type]*goType
	names map[string]bool // package-level identifiers taken
	// root is the package users import; rt (the runtime) and parts are
	// set only when the output is split into internal packages (parts.go).
	root  *goPkg
	rt    *goPkg
	enums *goPkg // nil when there are no enums
	parts []*goPkg
	// override lookups, lower-cased keys, with a used mark
	typeNames, fieldNames, fieldTypes map[string]*override
	// payloads are the payloads of the model's operations; the payload
	// types this package emits are in types, after the model's.
	payloads *payload.Set
}

type override struct {
	key, value string
	used       bool
}

func lowerMap(in map[string]string) map[string]*override {
	out := make(map[string]*override, len(in))
	for k, v := range in {
		out[strings.ToLower(k)] = &override{key: k, value: v}
	}
	return out
}

func newPlan(m *model.Model, opts Options) *plan {
	p := &plan{
		m: m, opts: opts,
		byT:        map[*model.Type]*goType{},
		names:      map[string]bool{},
		typeNames:  lowerMap(opts.Overrides.TypeNames),
		fieldNames: lowerMap(opts.Overrides.FieldNames),
		fieldTypes: lowerMap(opts.Overrides.FieldTypes),
	}
	for _, n := range reservedNames {
		p.names[n] = true
	}
	if opts.Validators {
		for _, n := range validatorNames {
			p.names[n] = true
		}
	}
	included := p.selectTypes()
	for _, t := range m.Types {
		if included[t] {
			g := &goType{T: t}
			p.types = append(p.types, g)
			p.byT[t] = g
		}
	}
	// The payload types of the operations, when every type they use is
	// emitted too and, with roots, their namespace is a root's.
	p.payloads = payload.Derive(m)
	for _, t := range p.payloads.Types {
		if p.usesOnlyEmitted(t) && p.ownsNamespace(t.Namespace) {
			g := &goType{T: t, Syn: p.payloads.Synthesized(t)}
			p.types = append(p.types, g)
			p.byT[t] = g
			if d := g.Syn.Renamed; d != nil {
				p.diags.List = append(p.diags.List, *d)
			}
		}
	}
	p.linkBases()
	p.nameTypes()
	p.splitParts()
	p.assignFiles()
	for _, g := range p.types {
		if g.IsEnum() {
			p.nameMembers(g)
		}
	}
	done := map[*goType]bool{}
	for _, g := range p.types {
		if !g.IsEnum() {
			p.buildFields(g, done)
		}
	}
	p.reportUnusedOverrides()
	return p
}

// selectTypes returns the types to emit: all of them, or the closure of
// Options.Roots.
func (p *plan) selectTypes() map[*model.Type]bool {
	inc := map[*model.Type]bool{}
	if len(p.opts.Roots) == 0 {
		for _, t := range p.m.Types {
			inc[t] = true
		}
		return inc
	}
	var queue []*model.Type
	add := func(t *model.Type) {
		if t != nil && !inc[t] {
			inc[t] = true
			queue = append(queue, t)
		}
	}
	slot := func(t *model.Type) {
		add(t)
		if t != nil {
			for _, d := range t.Descendants() {
				add(d)
			}
		}
	}
	roots := append([]string(nil), p.opts.Roots...)
	sort.Strings(roots)
	for _, r := range roots {
		t := p.m.Lookup(r)
		if t == nil {
			p.diags.Add(optionsPos, RuleUnknownRoot, "root type %q is not in the model", r)
			continue
		}
		slot(t)
	}
	for len(queue) > 0 {
		t := queue[0]
		queue = queue[1:]
		for _, a := range t.Ancestors() {
			add(a)
		}
		for _, pr := range t.Properties {
			slot(pr.Type.Type)
		}
	}
	return inc
}

// ownsNamespace reports whether the operations of namespace ns belong to
// this package: always without roots, else when a root is in ns (so that
// with go.namespaces each operation goes to the package of its namespace).
func (p *plan) ownsNamespace(ns string) bool {
	if len(p.opts.Roots) == 0 {
		return true
	}
	for _, r := range p.opts.Roots {
		if t := p.m.Lookup(r); t != nil && t.Namespace == ns {
			return true
		}
	}
	return false
}

// usesOnlyEmitted reports whether every model type the properties of t
// refer to is emitted.
func (p *plan) usesOnlyEmitted(t *model.Type) bool {
	for _, pr := range t.Properties {
		if pr.Type.Type != nil && p.byT[pr.Type.Type] == nil {
			return false
		}
	}
	return true
}

// linkBases sets Base and Derived, cutting inheritance cycles.
func (p *plan) linkBases() {
	base := map[*goType]*goType{}
	for _, g := range p.types {
		if g.IsEnum() || g.T.Base == nil {
			continue
		}
		if b := p.byT[g.T.Base]; b != nil && !b.IsEnum() {
			base[g] = b
		}
	}
	for _, g := range p.types {
		var path []*goType
		on := map[*goType]int{}
		for x := g; x != nil; x = base[x] {
			if i, ok := on[x]; ok {
				cycle := path[i:]
				cut := cycle[0]
				for _, c := range cycle {
					if c.T.QualifiedName() < cut.T.QualifiedName() {
						cut = c
					}
				}
				names := make([]string, len(cycle))
				for j, c := range cycle {
					names[j] = c.T.QualifiedName()
				}
				p.diags.Add(cut.T.Pos, RuleBaseCycle, "type %q: inheritance cycle %s; base %q dropped",
					cut.T.QualifiedName(), strings.Join(names, " -> "), base[cut].T.QualifiedName())
				delete(base, cut)
				break
			}
			on[x] = len(path)
			path = append(path, x)
		}
	}
	for _, g := range p.types {
		if b := base[g]; b != nil {
			g.Base = b
			b.Derived = append(b.Derived, g)
		}
	}
	for _, g := range p.types {
		g.Poly = len(g.Derived) > 0
	}
}

// claim takes a package-level identifier, adding a numeric suffix when it
// is taken, and reports the collision.
func (p *plan) claim(want string, pos model.Pos, what string) string {
	name := want
	for i := 2; p.names[name]; i++ {
		name = fmt.Sprintf("%s%d", want, i)
	}
	if name != want {
		p.diags.Add(pos, RuleNameCollision, "%s: go name %q is taken; using %q", what, want, name)
	}
	p.names[name] = true
	return name
}

func (p *plan) nameTypes() {
	for _, g := range p.types {
		want := nsPrefix(g.T.Namespace) + exportedName(g.T.Name)
		if o := p.typeNames[strings.ToLower(g.T.QualifiedName())]; o != nil {
			o.used = true
			if token.IsIdentifier(o.value) && token.IsExported(o.value) {
				want = o.value
			} else {
				p.diags.Add(g.T.Pos, RuleOverride, "type %q: override name %q is not an exported go identifier", g.T.QualifiedName(), o.value)
			}
		}
		g.Name = p.claim(want, g.T.Pos, fmt.Sprintf("type %q", g.T.QualifiedName()))
	}
	for _, g := range p.types {
		if g.Poly {
			g.Iface = p.claim(g.Name+"Like", g.T.Pos, fmt.Sprintf("interface of type %q", g.T.QualifiedName()))
			g.AsMethod = "As" + g.Name
		}
	}
}

// assignFiles puts each type in "<namespace>.go", or "<namespace>_<letter>.go"
// when the namespace has more than Options.FileTypes types.
func (p *plan) assignFiles() {
	count := map[string]int{}
	for _, g := range p.types {
		if g.Syn == nil {
			count[g.T.Namespace]++
		}
	}
	for _, g := range p.types {
		slug := nsSlug(g.T.Namespace)
		if g.Syn != nil {
			// The payload types of the operations have a file of their own.
			g.File = path.Join(g.Pkg.Dir, slug+"_payloads.go")
			continue
		}
		if count[g.T.Namespace] <= p.opts.FileTypes {
			g.File = path.Join(g.Pkg.Dir, slug+".go")
			continue
		}
		letter := "x"
		if n := strings.ToLower(g.T.Name); n != "" && n[0] >= 'a' && n[0] <= 'z' {
			letter = n[:1]
		}
		g.File = path.Join(g.Pkg.Dir, slug+"_"+letter+".go")
	}
}

func (p *plan) nameMembers(g *goType) {
	seen := map[string]bool{}
	for _, mem := range g.T.Members {
		if seen[mem.Name] {
			p.diags.Add(mem.Pos, RuleDuplicateProperty, "enum %q: member %q is listed twice", g.T.QualifiedName(), mem.Name)
			continue
		}
		seen[mem.Name] = true
		c := p.claim(g.Name+exportedName(mem.Name), mem.Pos, fmt.Sprintf("enum %q member %q", g.T.QualifiedName(), mem.Name))
		g.Members = append(g.Members, &goMember{M: mem, Const: c})
	}
}

// buildFields fills g.Fields, after its base's (field names must not hide
// inherited ones, and inherited members are not declared twice).
func (p *plan) buildFields(g *goType, done map[*goType]bool) {
	if done[g] {
		return
	}
	done[g] = true
	taken := map[string]bool{}
	jsonTaken := map[string]bool{"@odata.type": true}
	for _, n := range reservedFields {
		taken[n] = true
	}
	var chain []*goType
	for b := g; b != nil; b = b.Base {
		chain = append(chain, b)
		taken[b.Name] = true
		if b.AsMethod != "" {
			taken[b.AsMethod] = true
		}
	}
	for _, b := range chain[1:] {
		p.buildFields(b, done)
		for _, f := range b.Fields {
			taken[f.Name] = true
			jsonTaken[f.JSON] = true
		}
	}
	// Names of descendants' As methods are promoted into no one, but a
	// derived type's field could hide them from its own descendants; keep
	// the ones of this type's subtree free too.
	var walk func(*goType)
	walk = func(x *goType) {
		if x.AsMethod != "" {
			taken[x.AsMethod] = true
		}
		for _, d := range x.Derived {
			walk(d)
		}
	}
	walk(g)
	qn := g.T.QualifiedName()
	for _, pr := range g.T.Properties {
		if pr.Name == "@odata.type" || pr.Name == "" {
			continue
		}
		if strings.ContainsAny(pr.Name, ",\"`\\") {
			p.diags.Add(pr.Pos, RuleUnsupportedName, "type %q: property name %q cannot be a struct tag; its values are kept in AdditionalData", qn, pr.Name)
			continue
		}
		if jsonTaken[pr.Name] {
			p.diags.Add(pr.Pos, RuleDuplicateProperty, "type %q: property %q is already declared by the type or a base type; not emitted again", qn, pr.Name)
			continue
		}
		jsonTaken[pr.Name] = true
		key := strings.ToLower(qn + "." + pr.Name)
		want := exportedName(pr.Name)
		if o := p.fieldNames[key]; o != nil {
			o.used = true
			if token.IsIdentifier(o.value) && token.IsExported(o.value) {
				want = o.value
			} else {
				p.diags.Add(pr.Pos, RuleOverride, "property %q: override name %q is not an exported go identifier", qn+"."+pr.Name, o.value)
			}
		}
		name := want
		for i := 2; taken[name]; i++ {
			name = fmt.Sprintf("%s%d", want, i)
		}
		if name != want {
			p.diags.Add(pr.Pos, RuleNameCollision, "type %q property %q: go name %q is taken; using %q", qn, pr.Name, want, name)
		}
		taken[name] = true
		f := &goField{P: pr, Name: name, JSON: pr.Name}
		p.fieldType(f, key)
		g.Fields = append(g.Fields, f)
	}
}

// fieldType decides how f is declared and coded.
func (p *plan) fieldType(f *goField, key string) {
	pr := f.P
	f.Multi = pr.Type.Collection
	if o := p.fieldTypes[key]; o != nil {
		o.used = true
		if c, ok := parseGoTypeWith(o.value, p.identRef); ok {
			f.Kind, f.Type = fieldOverride, c
			return
		}
		p.diags.Add(pr.Pos, RuleOverride, "property %q: override type %q is not a go type this generator understands", pr.Owner.QualifiedName()+"."+pr.Name, o.value)
	}
	var elem jen.Code
	var elemKind fieldKind
	switch {
	case pr.Type.IsPrimitive() && primitives[pr.Type.Name].code != nil:
		prim := primitives[pr.Type.Name]
		f.Prim = pr.Type.Name
		elem, elemKind = prim.code(), prim.kind
		if prim.runtime != "" {
			elem = p.rtRef(prim.runtime)
		}
	case pr.Type.Type != nil && p.byT[pr.Type.Type] != nil:
		e := p.byT[pr.Type.Type]
		f.Elem = e
		switch {
		case e.IsEnum() && hasEmptyMember(e):
			// "" is a member: only a pointer can send it.
			elem, elemKind = p.typeRef(e, e.Name), fieldOptional
		case e.IsEnum():
			// "" is never a member: a plain X left out when "" loses nothing.
			elem, elemKind = p.typeRef(e, e.Name), fieldPlain
		case e.Poly:
			elem, elemKind = p.typeRef(e, e.Iface), fieldPoly
		default:
			elem, elemKind = p.typeRef(e, e.Name), fieldPtr
		}
	default:
		what := pr.Type.String()
		if pr.Type.Name == "" {
			what = fmt.Sprintf("%q", pr.Type.Written)
		}
		p.diags.Add(pr.Pos, RuleUnresolvedType, "type %q property %q: type %s did not resolve; using json.RawMessage", ownerName(pr), pr.Name, what)
		f.Prim = model.EdmUntyped
		elem, elemKind = jen.Qual("encoding/json", "RawMessage"), fieldRaw
	}
	switch {
	case f.Multi && elemKind == fieldPoly:
		f.Kind, f.Type = fieldPolySlice, jen.Index().Add(elem)
	case f.Multi:
		f.Kind, f.Type = fieldSlice, jen.Index().Add(elem)
	case elemKind == fieldRaw:
		f.Kind, f.Type = fieldRaw, elem
	case pr.IsNullable() && elemKind == fieldPoly:
		f.Kind, f.Type = fieldNullablePoly, p.rtRef("Nullable").Types(elem)
	case pr.IsNullable() && elemKind == fieldPtr:
		// Nullable[*T]: all struct types share one instantiation shape.
		f.Kind, f.Type = fieldNullable, p.rtRef("Nullable").Types(jen.Op("*").Add(elem))
	case pr.IsNullable():
		f.Kind, f.Type = fieldNullable, p.rtRef("Nullable").Types(elem)
	case elemKind == fieldPtr:
		f.Kind, f.Type = fieldPtr, jen.Op("*").Add(elem)
	case elemKind == fieldOptional:
		// *T: a non-nullable scalar must be able to send false, 0 or "".
		f.Kind, f.Type = fieldOptional, jen.Op("*").Add(elem)
	default:
		f.Kind, f.Type = elemKind, elem
	}
}

// hasEmptyMember reports whether enum e lists "" as a member.
func hasEmptyMember(e *goType) bool {
	for _, m := range e.Members {
		if m.M.Name == "" {
			return true
		}
	}
	return false
}

func ownerName(pr *model.Property) string {
	if pr.Owner == nil {
		return ""
	}
	return pr.Owner.QualifiedName()
}

func (p *plan) reportUnusedOverrides() {
	for _, set := range []struct {
		what string
		m    map[string]*override
	}{{"type name", p.typeNames}, {"field name", p.fieldNames}, {"field type", p.fieldTypes}} {
		var keys []string
		for k, o := range set.m {
			if !o.used {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			p.diags.Add(optionsPos, RuleOverride, "%s override %q names no emitted type or property", set.what, set.m[k].key)
		}
	}
}

// A primitive is how an Edm type maps to Go.
type primitive struct {
	code func() jen.Code
	// runtime, when set, names the runtime type code refers to (for a
	// split output, where it lives in another package).
	runtime string
	// kind is for a single non-nullable value: fieldOptional (*T) for the
	// scalars, whose zero value is a real JSON value (false, 0, "", a date);
	// Binary keeps fieldSlice (nil is absent, an empty slice is sent) and
	// Edm.Untyped fieldRaw.
	kind fieldKind
}

var primitives = map[string]primitive{
	model.EdmString:         {func() jen.Code { return jen.String() }, "", fieldOptional},
	model.EdmBoolean:        {func() jen.Code { return jen.Bool() }, "", fieldOptional},
	model.EdmByte:           {func() jen.Code { return jen.Uint8() }, "", fieldOptional},
	model.EdmSByte:          {func() jen.Code { return jen.Int8() }, "", fieldOptional},
	model.EdmInt16:          {func() jen.Code { return jen.Int16() }, "", fieldOptional},
	model.EdmInt32:          {func() jen.Code { return jen.Int32() }, "", fieldOptional},
	model.EdmInt64:          {func() jen.Code { return jen.Int64() }, "", fieldOptional},
	model.EdmSingle:         {func() jen.Code { return jen.Float32() }, "", fieldOptional},
	model.EdmDouble:         {func() jen.Code { return jen.Float64() }, "", fieldOptional},
	model.EdmDecimal:        {func() jen.Code { return jen.Id("Decimal") }, "Decimal", fieldOptional},
	model.EdmDateTimeOffset: {func() jen.Code { return jen.Qual("time", "Time") }, "", fieldOptional},
	model.EdmDate:           {func() jen.Code { return jen.Id("Date") }, "Date", fieldOptional},
	model.EdmTimeOfDay:      {func() jen.Code { return jen.Id("TimeOfDay") }, "TimeOfDay", fieldOptional},
	model.EdmDuration:       {func() jen.Code { return jen.Id("Duration") }, "Duration", fieldOptional},
	model.EdmGuid:           {func() jen.Code { return jen.Id("UUID") }, "UUID", fieldOptional},
	model.EdmBinary:         {func() jen.Code { return jen.Id("Binary") }, "Binary", fieldSlice},
	model.EdmStream:         {func() jen.Code { return jen.Id("Binary") }, "Binary", fieldSlice},
	model.EdmUntyped:        {func() jen.Code { return jen.Qual("encoding/json", "RawMessage") }, "", fieldRaw},
}

// goBuiltins are the predeclared type names parseGoType accepts.
var goBuiltins = map[string]bool{
	"any": true, "bool": true, "byte": true, "float32": true, "float64": true, "int": true,
	"int8": true, "int16": true, "int32": true, "int64": true, "rune": true, "string": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true,
}

// stdShort maps the last element of a standard import path to the path, for
// overrides written as "json.RawMessage".
var stdShort = map[string]string{"json": "encoding/json", "netip": "net/netip", "url": "net/url", "big": "math/big"}

// parseGoType reads an override type: "[]", "*" and "map[string]" prefixes,
// then a builtin, a generated type name, or "import/path.Name".
func parseGoType(s string) (jen.Code, bool) {
	return parseGoTypeWith(s, func(name string) *jen.Statement { return jen.Id(name) })
}

// ValidOverrideType reports whether s is a Go type a field override may
// name (see parseGoType).
func ValidOverrideType(s string) bool {
	_, ok := parseGoType(s)
	return ok
}

// identRef refers to a generated or runtime type by its Go name, in
// whatever package declares it.
func (p *plan) identRef(name string) *jen.Statement {
	for _, g := range p.types {
		if g.Name == name {
			return p.typeRef(g, name)
		}
		if g.Iface == name {
			return p.typeRef(g, name)
		}
	}
	for _, r := range reservedNames {
		if r == name {
			return p.rtRef(name)
		}
	}
	return jen.Id(name)
}

// parseGoTypeWith is parseGoType with ident writing a bare type name.
func parseGoTypeWith(s string, ident func(string) *jen.Statement) (jen.Code, bool) {
	s = strings.TrimSpace(s)
	switch {
	case strings.HasPrefix(s, "[]"):
		c, ok := parseGoTypeWith(s[2:], ident)
		return jen.Index().Add(c), ok
	case strings.HasPrefix(s, "*"):
		c, ok := parseGoTypeWith(s[1:], ident)
		return jen.Op("*").Add(c), ok
	case strings.HasPrefix(s, "map[string]"):
		c, ok := parseGoTypeWith(s[len("map[string]"):], ident)
		return jen.Map(jen.String()).Add(c), ok
	case goBuiltins[s]:
		return jen.Id(s), true
	case token.IsIdentifier(s):
		return ident(s), token.IsExported(s)
	}
	i := strings.LastIndex(s, ".")
	if i <= 0 || !token.IsIdentifier(s[i+1:]) || !token.IsExported(s[i+1:]) {
		return nil, false
	}
	path := s[:i]
	if full, ok := stdShort[path]; ok {
		path = full
	}
	for _, part := range strings.Split(path, "/") {
		if !token.IsIdentifier(part) {
			return nil, false
		}
	}
	return jen.Qual(path, s[i+1:]), true
}

// optionsPos is the position of diagnostics about Options (roots and
// overrides), which come from a config rather than the docs.
var optionsPos = model.Pos{File: "options"}
