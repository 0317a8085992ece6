// Package metadata builds the model (package generator/model) of an API
// from its OData CSDL metadata (read by input/csdl): the same types,
// properties, enums and operations that generator/compile builds from the
// docs, so that the two models can be compared (generator/crosscheck) and
// Go and JSON Schema can be generated from the metadata alone.
//
// Names are qualified with their schema's namespace, aliases resolved
// (graph.user is microsoft.graph.user); type references resolve to model
// types or Edm primitives; Core.Description, Core.Permissions (Read),
// Core.Computed and Core.Revisions (Deprecated) become Doc, ReadOnly and
// Deprecated, and every other annotation is kept by term. Problems in the
// file are diagnostics with "csdl-" rules; the model is built from what
// could be read.
package metadata

import (
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input/csdl"
)

// Load reads the metadata file name of fsys and builds its model. The
// error is for I/O failures only; problems in the file are diagnostics.
func Load(fsys fs.FS, name string) (*model.Model, error) {
	doc, err := csdl.Load(fsys, name)
	if err != nil {
		return nil, err
	}
	return Compile(doc), nil
}

// Unusable reports whether m, built from metadata, holds nothing because
// the file could not be read as CSDL at all (not XML, another root
// element, no Schema): a command then stops instead of going on with an
// empty model.
func Unusable(m *model.Model) bool {
	if len(m.Types) > 0 || len(m.Operations) > 0 {
		return false
	}
	for _, d := range m.Diagnostics {
		if d.Rule == RuleXMLInvalid.ID || d.Rule == RuleRootInvalid.ID {
			return true
		}
	}
	return false
}

// Compile builds the model of doc. It never fails: problems are
// diagnostics of the model.
func Compile(doc *csdl.Document) *model.Model {
	c := &compiler{doc: doc, m: &model.Model{}, alias: map[string]string{}, types: map[string]*model.Type{},
		lowerTypes: map[string]string{}, typedefs: map[string]*csdl.TypeDefinition{}, structured: map[*model.Type]*csdl.StructuredType{},
		ops: map[string][]*model.Operation{}, opSig: map[*model.Operation][]string{}, terms: map[string]*model.Term{}}
	c.run()
	return c.m
}

type compiler struct {
	doc        *csdl.Document
	m          *model.Model
	diags      model.Diagnostics
	alias      map[string]string // alias -> namespace
	types      map[string]*model.Type
	lowerTypes map[string]string // lower-cased qualified name -> qualified name, for suggestions
	typedefs   map[string]*csdl.TypeDefinition
	structured map[*model.Type]*csdl.StructuredType
	ops        map[string][]*model.Operation // qualified name -> overloads, in file order
	opSig      map[*model.Operation][]string // the canonical types of an overload's parameters, binding first
	terms      map[string]*model.Term
}

// annotated is what an annotation can set on a model element.
type annotated struct {
	doc        *string
	readOnly   *bool
	deprecated *bool
	keep       *[]*model.Annotation
}

func (c *compiler) run() {
	c.problems()
	for _, r := range c.doc.References {
		for _, in := range r.Includes {
			if in.Alias != "" {
				c.alias[in.Alias] = in.Namespace
			}
		}
	}
	for _, s := range c.doc.Schemas {
		if s.Alias != "" {
			c.alias[s.Alias] = s.Namespace
		}
	}
	if len(c.doc.Schemas) == 0 && !c.hasXMLProblem() {
		pos := c.doc.Pos
		if !pos.IsValid() {
			pos = model.Pos{File: c.doc.Path, Line: 1, Col: 1}
		}
		c.diags.Add(pos, RuleRootInvalid, "the metadata defines no Schema")
	}
	for _, s := range c.doc.Schemas {
		c.declare(s)
	}
	c.resolveBases()
	for _, s := range c.doc.Schemas {
		for _, st := range append(append([]*csdl.StructuredType(nil), s.EntityTypes...), s.ComplexTypes...) {
			if t := c.types[s.Namespace+"."+st.Name]; t != nil && c.structured[t] == st {
				c.properties(t, st)
			}
		}
		for _, op := range s.Actions {
			c.operation(s, op)
		}
		for _, op := range s.Functions {
			c.operation(s, op)
		}
		for _, tm := range s.Terms {
			c.term(s, tm)
		}
	}
	for _, s := range c.doc.Schemas {
		for _, ec := range s.Containers {
			c.container(s, ec)
		}
	}
	c.keys()
	c.externalAnnotations()
	c.finish()
}

func (c *compiler) hasXMLProblem() bool {
	for _, p := range c.doc.Problems {
		if p.Kind == csdl.ProblemXML || p.Kind == csdl.ProblemRoot {
			return true
		}
	}
	return false
}

// problems turns the reader's problems into diagnostics.
func (c *compiler) problems() {
	for _, p := range c.doc.Problems {
		r := RuleAttributeInvalid
		switch p.Kind {
		case csdl.ProblemXML:
			r = RuleXMLInvalid
		case csdl.ProblemRoot:
			r = RuleRootInvalid
		case csdl.ProblemElement:
			r = RuleElementUnknown
		}
		c.diags.Add(p.Pos, r, "%s", p.Message)
	}
}

// qualify resolves the alias of a qualified name: "graph.user" is
// "microsoft.graph.user" when graph is the alias of microsoft.graph.
func (c *compiler) qualify(name string) string {
	i := strings.LastIndexByte(name, '.')
	if i <= 0 {
		return name
	}
	if ns, ok := c.alias[name[:i]]; ok {
		return ns + "." + name[i+1:]
	}
	return name
}

// declare creates the model types of schema s.
func (c *compiler) declare(s *csdl.Schema) {
	add := func(t *model.Type, pos model.Pos) bool {
		q := t.QualifiedName()
		if prev := c.types[q]; prev != nil {
			c.diags.Add(pos, RuleDuplicateName, "type %q is defined twice (first at %s)", q, prev.Pos)
			return false
		}
		if _, ok := c.typedefs[q]; ok {
			c.diags.Add(pos, RuleDuplicateName, "type %q is also a type definition", q)
			return false
		}
		c.types[q] = t
		c.lowerTypes[strings.ToLower(q)] = q
		c.m.Types = append(c.m.Types, t)
		return true
	}
	for _, st := range append(append([]*csdl.StructuredType(nil), s.EntityTypes...), s.ComplexTypes...) {
		if st.Name == "" {
			continue
		}
		t := &model.Type{Name: st.Name, Namespace: s.Namespace, Kind: model.KindComplex, Pos: st.Pos,
			Abstract: st.Abstract, Open: st.OpenType, MediaEntity: st.HasStream}
		if st.Entity {
			t.Kind = model.KindEntity
		}
		if add(t, st.Pos) {
			c.structured[t] = st
			c.annotate(st.List, annotated{doc: &t.Doc, deprecated: &t.Deprecated, keep: &t.Annotations})
		}
	}
	for _, e := range s.EnumTypes {
		if e.Name == "" {
			continue
		}
		t := &model.Type{Name: e.Name, Namespace: s.Namespace, Kind: model.KindEnum, Pos: e.Pos, Flags: e.IsFlags}
		if !add(t, e.Pos) {
			continue
		}
		c.annotate(e.List, annotated{doc: &t.Doc, deprecated: &t.Deprecated, keep: &t.Annotations})
		seen := map[string]bool{}
		for _, mb := range e.Members {
			if mb.Name == "" {
				continue
			}
			if seen[mb.Name] {
				c.diags.Add(mb.Pos, RuleDuplicateName, "enum %q has two members %q", t.QualifiedName(), mb.Name)
				continue
			}
			seen[mb.Name] = true
			em := &model.EnumMember{Name: mb.Name, Pos: mb.Pos}
			if mb.Value != "" {
				if v, err := strconv.ParseInt(mb.Value, 10, 64); err == nil {
					em.Value = &v
				} else {
					c.diags.Add(mb.Pos, RuleAttributeInvalid, "member %q of enum %q has the value %q, not an integer", mb.Name, t.QualifiedName(), mb.Value)
				}
			}
			t.Members = append(t.Members, em)
			c.annotate(mb.List, annotated{doc: &em.Doc, keep: &em.Annotations})
		}
	}
	for _, td := range s.TypeDefinitions {
		if td.Name == "" {
			continue
		}
		q := s.Namespace + "." + td.Name
		if c.types[q] != nil || c.typedefs[q] != nil {
			c.diags.Add(td.Pos, RuleDuplicateName, "type %q is defined twice", q)
			continue
		}
		c.typedefs[q] = td
	}
}

// resolveBases links every structured type to its base type and cuts
// inheritance cycles.
func (c *compiler) resolveBases() {
	for _, t := range c.m.Types {
		st := c.structured[t]
		if st == nil || st.BaseType == "" {
			continue
		}
		q := c.qualify(st.BaseType)
		b := c.types[q]
		switch {
		case b == nil:
			c.diags.Add(st.Pos, RuleUnknownType, "base type %q of %q is not defined%s", st.BaseType, t.QualifiedName(), c.suggest(q))
			continue
		case b.Kind == model.KindEnum || (b.Kind == model.KindEntity) != (t.Kind == model.KindEntity):
			c.diags.Add(st.Pos, RuleUnknownType, "base type %q of %s type %q is a %s type", st.BaseType, t.Kind, t.QualifiedName(), b.Kind)
			continue
		}
		t.BaseName, t.BaseFrom, t.Base = b.QualifiedName(), "metadata", b
	}
	// Cut cycles, visiting types in name order so the same link is cut
	// whatever the file order.
	byName := append([]*model.Type(nil), c.m.Types...)
	sort.Slice(byName, func(i, j int) bool { return model.QualifiedLess(byName[i], byName[j]) })
	done := map[*model.Type]bool{}
	for _, t := range byName {
		onPath := map[*model.Type]bool{}
		for x := t; x != nil && !done[x]; x = x.Base {
			onPath[x] = true
			if x.Base != nil && onPath[x.Base] {
				c.diags.Add(x.Pos, RuleInheritanceCycle, "%q derives from %q, which derives from %q: the link is cut", x.QualifiedName(), x.BaseName, x.QualifiedName())
				x.Base, x.BaseName, x.BaseFrom = nil, "", ""
				break
			}
		}
		for x := range onPath {
			done[x] = true
		}
	}
}

// suggest returns ` (did you mean "x"?)` when a type differs from q only in
// case.
func (c *compiler) suggest(q string) string {
	if s, ok := c.lowerTypes[strings.ToLower(q)]; ok {
		return ` (did you mean "` + s + `"?)`
	}
	return ""
}

// typeRef resolves a type as written ("Edm.String", "graph.user",
// "Collection(graph.user)") at pos; what describes the reference in a
// message (called only for one).
func (c *compiler) typeRef(written string, pos model.Pos, what func() string) (model.TypeRef, *csdl.TypeDefinition) {
	ref := model.TypeRef{Written: written}
	name := strings.TrimSpace(written)
	if strings.HasPrefix(name, "Collection(") && strings.HasSuffix(name, ")") {
		ref.Collection = true
		name = strings.TrimSpace(name[len("Collection(") : len(name)-1])
	}
	if name == "" {
		return ref, nil // the reader reported the missing attribute
	}
	if strings.HasPrefix(name, "Edm.") {
		if p, ok := primitive(name); ok {
			ref.Name = p
			return ref, nil
		}
		c.diags.Add(pos, RuleUnknownType, "%s has the type %q, which is not an Edm type apidocgen knows", what(), written)
		return ref, nil
	}
	q := c.qualify(name)
	if t := c.types[q]; t != nil {
		ref.Name, ref.Type = q, t
		return ref, nil
	}
	if td := c.typedefs[q]; td != nil {
		if p, ok := primitive(td.UnderlyingType); ok {
			ref.Name = p
			return ref, td
		}
		c.diags.Add(td.Pos, RuleUnknownType, "type definition %q has the underlying type %q, which is not an Edm primitive", q, td.UnderlyingType)
		return ref, td
	}
	c.diags.Add(pos, RuleUnknownType, "%s has the type %q, which is not defined%s", what(), written, c.suggest(q))
	return ref, nil
}

// primitive maps an Edm type name to the model's; the spatial and abstract
// Edm types (Edm.Geography*, Edm.PrimitiveType, ...) are any JSON value.
func primitive(name string) (string, bool) {
	for _, p := range model.Primitives {
		if p == name {
			return p, true
		}
	}
	switch {
	case strings.HasPrefix(name, "Edm.Geography"), strings.HasPrefix(name, "Edm.Geometry"),
		name == "Edm.PrimitiveType", name == "Edm.ComplexType", name == "Edm.EntityType", name == "Edm.Untyped":
		return model.EdmUntyped, true
	}
	return "", false
}

// properties fills in the properties and navigation properties of t.
func (c *compiler) properties(t *model.Type, st *csdl.StructuredType) {
	seen := map[string]bool{}
	newProp := func(name string, pos model.Pos) *model.Property {
		if name == "" {
			return nil
		}
		if seen[name] {
			c.diags.Add(pos, RuleDuplicateName, "type %q has two properties %q", t.QualifiedName(), name)
			return nil
		}
		seen[name] = true
		p := &model.Property{Name: name, Pos: pos, Owner: t}
		t.Properties = append(t.Properties, p)
		return p
	}
	for _, sp := range st.Properties {
		p := newProp(sp.Name, sp.Pos)
		if p == nil {
			continue
		}
		var td *csdl.TypeDefinition
		p.Type, td = c.typeRef(sp.Type, sp.Pos, func() string { return "property " + strconv.Quote(t.QualifiedName()+"/"+sp.Name) })
		if td != nil {
			c.facets(p, td.Facets, td.Pos)
		}
		c.facets(p, sp.Facets, sp.Pos)
		c.annotate(sp.List, propertyTarget(p))
	}
	for _, np := range st.Navigation {
		p := newProp(np.Name, np.Pos)
		if p == nil {
			continue
		}
		p.Relationship, p.ContainsTarget, p.Partner = true, np.ContainsTarget, np.Partner
		p.Type, _ = c.typeRef(np.Type, np.Pos, func() string { return "navigation property " + strconv.Quote(t.QualifiedName()+"/"+np.Name) })
		if p.Type.Type != nil && p.Type.Type.Kind != model.KindEntity {
			c.diags.Add(np.Pos, RuleUnknownType, "navigation property %q has the type %q, which is not an entity type", t.QualifiedName()+"/"+np.Name, np.Type)
		}
		p.Nullable = tri(np.Nullable)
		c.annotate(np.List, propertyTarget(p))
	}
}

// facets sets the facts of p that facets state (a later call, for the
// property itself, overrides those of its type definition).
func (c *compiler) facets(p *model.Property, f csdl.Facets, pos model.Pos) {
	if f.Nullable != "" {
		p.Nullable = tri(f.Nullable)
	}
	if f.MaxLength != "" && f.MaxLength != "max" {
		if n, err := strconv.Atoi(f.MaxLength); err == nil && n > 0 {
			p.MaxLength = n
		} else {
			c.diags.Add(pos, RuleAttributeInvalid, "MaxLength %q of %q is not a positive integer or max", f.MaxLength, p.Name)
		}
	}
	if f.Precision != "" {
		if n, err := strconv.Atoi(f.Precision); err == nil && n >= 0 {
			p.Precision = n
		} else {
			c.diags.Add(pos, RuleAttributeInvalid, "Precision %q of %q is not an integer", f.Precision, p.Name)
		}
	}
	if f.Scale != "" {
		p.Scale = f.Scale
	}
	if f.DefaultValue != "" {
		p.Default = f.DefaultValue
	}
}

func tri(s string) model.Tri {
	switch s {
	case "true":
		return model.True
	case "false":
		return model.False
	}
	return model.Unstated
}

// keys marks the key properties of the entity types.
func (c *compiler) keys() {
	for _, t := range c.m.Types {
		st := c.structured[t]
		if st == nil {
			continue
		}
		for _, k := range st.Key {
			if k.Name == "" {
				continue
			}
			p := t.Property(k.Name)
			if p == nil || p.Owner != t {
				c.diags.Add(k.Pos, RuleReferenceUnresolved, "key property %q is not a property of %q", k.Name, t.QualifiedName())
				continue
			}
			p.Key = true
			if t.Key == "" {
				t.Key = k.Name
			}
		}
	}
}

// operation adds an action or function.
func (c *compiler) operation(s *csdl.Schema, src *csdl.Operation) {
	if src.Name == "" {
		return
	}
	q := s.Namespace + "." + src.Name
	op := &model.Operation{Name: q, Title: src.Name, Kind: model.OpAction, Method: "POST", Pos: src.Pos, Composable: src.IsComposable}
	in := model.InBody
	if src.Function {
		op.Kind, op.Method, in = model.OpFunction, "GET", model.InQuery
	}
	what := string(op.Kind) // "action" or "function", for messages
	var sig []string
	for i, sp := range src.Parameters {
		ref, _ := c.typeRef(sp.Type, sp.Pos, func() string { return "parameter " + strconv.Quote(sp.Name) + " of " + what + " " + strconv.Quote(q) })
		sig = append(sig, canonicalType(c, sp.Type))
		if i == 0 && src.IsBound {
			op.Binding = &ref
			if ref.Type != nil {
				op.Target, op.TargetName = ref.Type, ref.Name
			}
			continue
		}
		prm := &model.Parameter{Name: sp.Name, In: in, Type: ref, Nullable: tri(sp.Nullable), Pos: sp.Pos}
		c.annotate(sp.List, annotated{doc: &prm.Doc, keep: &prm.Annotations})
		op.Params = append(op.Params, prm)
	}
	if rt := src.ReturnType; rt != nil {
		ref, _ := c.typeRef(rt.Type, rt.Pos, func() string { return "the return type of " + what + " " + strconv.Quote(q) })
		op.Response = &ref
	}
	c.annotate(src.List, annotated{doc: &op.Doc, keep: &op.Annotations})
	c.m.Operations = append(c.m.Operations, op)
	c.ops[q] = append(c.ops[q], op)
	c.opSig[op] = sig
}

// canonicalType writes a type reference qualified and without spaces, as
// annotation targets of overloads spell it.
func canonicalType(c *compiler, written string) string {
	s := strings.ReplaceAll(written, " ", "")
	if strings.HasPrefix(s, "Collection(") && strings.HasSuffix(s, ")") {
		return "Collection(" + c.qualify(s[len("Collection("):len(s)-1]) + ")"
	}
	return c.qualify(s)
}

func (c *compiler) term(s *csdl.Schema, src *csdl.Term) {
	if src.Name == "" {
		return
	}
	q := s.Namespace + "." + src.Name
	ref, _ := c.typeRef(src.Type, src.Pos, func() string { return "term " + strconv.Quote(q) })
	t := &model.Term{Name: q, Type: ref, AppliesTo: src.AppliesTo, Pos: src.Pos}
	c.annotate(src.List, annotated{doc: &t.Doc, keep: &t.Annotations})
	c.terms[q] = t
	c.m.Terms = append(c.m.Terms, t)
}

func (c *compiler) container(s *csdl.Schema, src *csdl.EntityContainer) {
	q := s.Namespace + "." + src.Name
	if c.m.Container != nil {
		c.diags.Add(src.Pos, RuleDuplicateName, "a second entity container %q (the first is %q)", q, c.m.Container.Name)
		return
	}
	ct := &model.Container{Name: q, Pos: src.Pos}
	c.m.Container = ct
	c.annotate(src.List, annotated{keep: &ct.Annotations})
	sets := map[string]bool{}
	for _, es := range append(append([]*csdl.EntitySet(nil), src.EntitySets...), src.Singletons...) {
		sets[es.Name] = true
	}
	set := func(es *csdl.EntitySet, what string) *model.EntitySet {
		out := &model.EntitySet{Name: es.Name, Pos: es.Pos}
		ref, _ := c.typeRef(es.Type, es.Pos, func() string { return what + " " + strconv.Quote(es.Name) })
		if ref.Type != nil && ref.Type.Kind != model.KindEntity {
			c.diags.Add(es.Pos, RuleUnknownType, "%s %q has the type %q, which is not an entity type", what, es.Name, es.Type)
		}
		out.Type = ref.Name
		for _, b := range es.Bindings {
			out.Bindings = append(out.Bindings, model.Binding{Path: b.Path, Target: b.Target, Pos: b.Pos})
			if ref.Type != nil && !strings.ContainsAny(b.Path, "/") && ref.Type.Property(b.Path) == nil && !derivedHas(ref.Type, b.Path) {
				c.diags.Add(b.Pos, RuleReferenceUnresolved, "binding path %q is not a navigation property of %q", b.Path, ref.Name)
			}
			if !strings.ContainsAny(b.Target, "/.") && !sets[b.Target] {
				c.diags.Add(b.Pos, RuleReferenceUnresolved, "binding target %q is not an entity set or singleton of %q", b.Target, q)
			}
		}
		c.annotate(es.List, annotated{keep: &out.Annotations})
		return out
	}
	for _, es := range src.EntitySets {
		ct.EntitySets = append(ct.EntitySets, set(es, "entity set"))
	}
	for _, es := range src.Singletons {
		ct.Singletons = append(ct.Singletons, set(es, "singleton"))
	}
	imp := func(oi *csdl.OperationImport, what string) *model.OperationImport {
		out := &model.OperationImport{Name: oi.Name, Operation: c.qualify(oi.Operation), EntitySet: oi.EntitySet, Pos: oi.Pos}
		if oi.Operation != "" && len(c.ops[out.Operation]) == 0 {
			c.diags.Add(oi.Pos, RuleReferenceUnresolved, "%s %q names %q, which is not defined", what, oi.Name, oi.Operation)
		}
		c.annotate(oi.List, annotated{keep: &out.Annotations})
		return out
	}
	for _, oi := range src.ActionImports {
		ct.ActionImports = append(ct.ActionImports, imp(oi, "action import"))
	}
	for _, oi := range src.FunctionImports {
		ct.FunctionImports = append(ct.FunctionImports, imp(oi, "function import"))
	}
}

// derivedHas reports whether a type derived from t declares prop (a
// binding path may name the property of a derived type without a cast).
func derivedHas(t *model.Type, prop string) bool {
	for _, d := range t.Descendants() {
		for _, p := range d.Properties {
			if p.Name == prop {
				return true
			}
		}
	}
	return false
}

// externalAnnotations applies the schemas' Annotations elements.
func (c *compiler) externalAnnotations() {
	for _, s := range c.doc.Schemas {
		for _, at := range s.Targets {
			if at.Target == "" {
				continue
			}
			list := c.resolveTarget(c.canonicalTarget(at.Target))
			if len(list) == 0 {
				c.diags.Add(at.Pos, RuleReferenceUnresolved, "annotation target %q names nothing in the metadata", at.Target)
				continue
			}
			for _, a := range list {
				c.annotate(at.List, a)
			}
		}
	}
}

func propertyTarget(p *model.Property) annotated {
	return annotated{doc: &p.Doc, readOnly: &p.ReadOnly, deprecated: &p.Deprecated, keep: &p.Annotations}
}

// resolveTarget returns what a canonical annotation target annotates: a
// type, a property or enum member ("ns.type/name"), the overloads of an
// operation ("ns.op", or "ns.op(types)" for those of that signature: all
// parameter types, or the binding type only for a bound action) or one of
// their parameters ("ns.op/param"), a term, the container or one of its
// entity sets, singletons and imports ("ns.container/name").
func (c *compiler) resolveTarget(target string) []annotated {
	head, rest, _ := strings.Cut(target, "/")
	name, args, hasArgs := strings.Cut(head, "(")
	args = strings.TrimSuffix(args, ")")
	if t := c.types[name]; t != nil && !hasArgs {
		switch {
		case rest == "":
			return []annotated{{doc: &t.Doc, deprecated: &t.Deprecated, keep: &t.Annotations}}
		case t.Kind == model.KindEnum:
			for _, em := range t.Members {
				if em.Name == rest {
					return []annotated{{doc: &em.Doc, keep: &em.Annotations}}
				}
			}
		default:
			if p := t.Property(rest); p != nil {
				return []annotated{propertyTarget(p)}
			}
		}
		return nil
	}
	if ops := c.ops[name]; len(ops) > 0 {
		var out []annotated
		for _, op := range ops {
			sig := c.opSig[op]
			if hasArgs && args != strings.Join(sig, ",") && !(op.Binding != nil && op.Kind == model.OpAction && len(sig) > 0 && args == sig[0]) {
				continue
			}
			if rest == "" {
				out = append(out, annotated{doc: &op.Doc, keep: &op.Annotations})
				continue
			}
			for _, prm := range op.Params {
				if prm.Name == rest {
					out = append(out, annotated{doc: &prm.Doc, keep: &prm.Annotations})
				}
			}
		}
		return out
	}
	if t := c.terms[name]; t != nil && rest == "" && !hasArgs {
		return []annotated{{doc: &t.Doc, keep: &t.Annotations}}
	}
	if ct := c.m.Container; ct != nil && ct.Name == name && !hasArgs {
		if rest == "" {
			return []annotated{{keep: &ct.Annotations}}
		}
		for _, es := range append(append([]*model.EntitySet(nil), ct.EntitySets...), ct.Singletons...) {
			if es.Name == rest {
				return []annotated{{keep: &es.Annotations}}
			}
		}
		for _, oi := range append(append([]*model.OperationImport(nil), ct.ActionImports...), ct.FunctionImports...) {
			if oi.Name == rest {
				return []annotated{{keep: &oi.Annotations}}
			}
		}
	}
	return nil
}

// canonicalTarget qualifies the names of an annotation target path:
// "graph.user/manager" is "microsoft.graph.user/manager",
// "graph.f(graph.user, Edm.String)" is
// "microsoft.graph.f(microsoft.graph.user,Edm.String)".
func (c *compiler) canonicalTarget(target string) string {
	head, rest, _ := strings.Cut(target, "/")
	if rest != "" {
		rest = "/" + rest
	}
	name, args, hasArgs := strings.Cut(head, "(")
	name = c.qualify(strings.TrimSpace(name))
	if !hasArgs {
		return name + rest
	}
	args = strings.TrimSuffix(strings.TrimSpace(args), ")")
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(args); i++ {
		switch args[i] {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				parts = append(parts, canonicalType(c, args[start:i]))
				start = i + 1
			}
		}
	}
	if strings.TrimSpace(args) != "" {
		parts = append(parts, canonicalType(c, args[start:]))
	}
	return name + "(" + strings.Join(parts, ",") + ")" + rest
}

// The terms the model has fields for.
const (
	termDescription = "Org.OData.Core.V1.Description"
	termPermissions = "Org.OData.Core.V1.Permissions"
	termComputed    = "Org.OData.Core.V1.Computed"
	termRevisions   = "Org.OData.Core.V1.Revisions"
)

// annotate applies annotations to a model element: the terms the model
// has fields for set them, every other annotation is kept.
func (c *compiler) annotate(list []*csdl.Annotation, a annotated) {
	for _, an := range list {
		term := c.qualify(an.Term)
		switch {
		case term == termDescription && a.doc != nil && an.Qualifier == "" && an.Value != nil:
			if *a.doc == "" {
				*a.doc = strings.TrimSpace(an.Value.Value)
				continue
			}
		case term == termPermissions && a.readOnly != nil && an.Value != nil:
			if v := c.qualify(strings.TrimSpace(an.Value.Value)); v == "Org.OData.Core.V1.Permission/Read" || v == "Org.OData.Core.V1.Permission/None" {
				*a.readOnly = true
				continue
			}
		case term == termComputed && a.readOnly != nil && (an.Value == nil || an.Value.Value == "true"):
			*a.readOnly = true
			continue
		case term == termRevisions && a.deprecated != nil && revisesDeprecated(an.Value):
			*a.deprecated = true
		}
		if a.keep != nil {
			*a.keep = append(*a.keep, &model.Annotation{Term: term, Qualifier: an.Qualifier, Value: c.value(an.Value), Pos: an.Pos})
		}
	}
}

// revisesDeprecated reports whether a Core.Revisions value has a revision
// of kind Deprecated.
func revisesDeprecated(e *csdl.Expr) bool {
	if e == nil {
		return false
	}
	for _, it := range e.Items {
		for _, pv := range it.Props {
			if pv.Property == "Kind" && pv.Value != nil && strings.HasSuffix(pv.Value.Value, "/Deprecated") {
				return true
			}
		}
	}
	return false
}

// value renders an annotation value as JSON-like data (see
// model.Annotation).
func (c *compiler) value(e *csdl.Expr) any {
	if e == nil {
		return nil
	}
	switch e.Kind {
	case "Bool":
		return e.Value == "true"
	case "Record":
		m := map[string]any{}
		if e.Type != "" {
			m["@type"] = c.qualify(e.Type)
		}
		for _, pv := range e.Props {
			m[pv.Property] = c.value(pv.Value)
		}
		return m
	case "Collection":
		out := []any{}
		for _, it := range e.Items {
			out = append(out, c.value(it))
		}
		return out
	case "Null":
		return map[string]any{"$Null": true}
	}
	if len(e.Items) == 0 && len(e.Props) == 0 && len(e.Attrs) == 0 && e.Type == "" {
		return e.Value
	}
	m := map[string]any{}
	var ops []any
	for _, it := range e.Items {
		ops = append(ops, c.value(it))
	}
	if ops == nil && e.Value != "" {
		ops = []any{e.Value}
	}
	m["$"+e.Kind] = ops
	for _, at := range e.Attrs {
		m["$"+at.Name] = at.Value
	}
	if e.Type != "" {
		m["$Type"] = c.qualify(e.Type)
	}
	return m
}

// finish links derived types, sorts and indexes the model.
func (c *compiler) finish() {
	for _, t := range c.m.Types {
		if t.Base != nil {
			t.Base.Derived = append(t.Base.Derived, t)
		}
	}
	sort.Slice(c.m.Types, func(i, j int) bool { return model.QualifiedLess(c.m.Types[i], c.m.Types[j]) })
	for _, t := range c.m.Types {
		sort.Slice(t.Derived, func(i, j int) bool { return model.QualifiedLess(t.Derived[i], t.Derived[j]) })
	}
	sort.SliceStable(c.m.Operations, func(i, j int) bool {
		a, b := c.m.Operations[i].Pos, c.m.Operations[j].Pos
		return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
	})
	c.m.Index()
	c.m.Diagnostics = model.SortDiagnostics(c.diags.List)
}
