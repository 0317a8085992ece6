package gengo

import (
	"sort"
	"strings"

	"github.com/apidocgen/apidocgen/generator/model"
)

// A builder makes hand-written models for tests.
type builder struct {
	m    *model.Model
	line int
}

func newBuilder() *builder { return &builder{m: &model.Model{}} }

func (b *builder) pos(file string) model.Pos {
	b.line++
	return model.Pos{File: file, Line: b.line, Col: 1}
}

// typ adds a type. qname is "ns.name" (the last dot splits); base is a
// qualified name or "".
func (b *builder) typ(kind model.TypeKind, qname, base string, props ...*model.Property) *model.Type {
	i := strings.LastIndex(qname, ".")
	t := &model.Type{Name: qname[i+1:], Namespace: qname[:max(i, 0)], Kind: kind, BaseName: base}
	t.Pos = b.pos("resources/" + strings.ToLower(t.Name) + ".md")
	for _, p := range props {
		p.Owner = t
		p.Pos = b.pos(t.Pos.File)
	}
	t.Properties = props
	b.m.Types = append(b.m.Types, t)
	return t
}

func (b *builder) entity(qname, base string, props ...*model.Property) *model.Type {
	return b.typ(model.KindEntity, qname, base, props...)
}

func (b *builder) complex(qname, base string, props ...*model.Property) *model.Type {
	return b.typ(model.KindComplex, qname, base, props...)
}

func (b *builder) enum(qname string, flags bool, members ...string) *model.Type {
	t := b.typ(model.KindEnum, qname, "")
	t.Flags = flags
	for _, m := range members {
		t.Members = append(t.Members, &model.EnumMember{Name: m, Pos: b.pos(t.Pos.File)})
	}
	return t
}

// prop makes a property; typ is "Edm.String", "microsoft.graph.x",
// "Collection(...)" or "?written" for an unresolved type. Options: "null"
// (nullable stated), "notnull", "doc=...", "deprecated".
func prop(name, typ string, opts ...string) *model.Property {
	p := &model.Property{Name: name}
	if strings.HasPrefix(typ, "Collection(") {
		p.Type.Collection = true
		typ = strings.TrimSuffix(strings.TrimPrefix(typ, "Collection("), ")")
	}
	if strings.HasPrefix(typ, "?") {
		p.Type.Written = typ[1:]
	} else {
		p.Type.Name = typ
		p.Type.Written = typ
	}
	for _, o := range opts {
		switch {
		case o == "null":
			p.Nullable = model.True
		case o == "notnull":
			p.Nullable = model.False
		case o == "deprecated":
			p.Deprecated = true
		case strings.HasPrefix(o, "doc="):
			p.Doc = o[4:]
		}
	}
	return p
}

// op adds an operation on the page api/<id>.md with one URL template; its
// body parameters are made as prop makes properties ("required" in doc
// makes one required), and response is a type as prop takes it ("" for
// none).
func (b *builder) op(id, title string, kind model.OpKind, method, url, response string, body ...*model.Property) *model.Operation {
	page := "api/" + id + ".md"
	op := &model.Operation{Page: page, Title: title, Kind: kind, Method: method, Pos: b.pos(page)}
	op.Paths = []model.PathTemplate{{Method: method, Path: url, Pos: b.pos(page)}}
	for _, p := range body {
		op.Params = append(op.Params, &model.Parameter{Name: p.Name, In: model.InBody, Type: p.Type, Doc: p.Doc,
			Required: strings.Contains(p.Doc, "Required."), Pos: b.pos(page)})
	}
	if response != "" {
		r := prop("", response).Type
		op.Response = &r
		op.Status = 200
	}
	b.m.Operations = append(b.m.Operations, op)
	return op
}

// build sorts and links the model: bases, derived types, property types.
func (b *builder) build() *model.Model {
	m := b.m
	sort.Slice(m.Types, func(i, j int) bool { return m.Types[i].QualifiedName() < m.Types[j].QualifiedName() })
	m.Index()
	for _, t := range m.Types {
		t.Base, t.Derived = nil, nil
	}
	for _, t := range m.Types {
		if t.BaseName != "" {
			if bt := m.Lookup(t.BaseName); bt != nil {
				t.Base = bt
				bt.Derived = append(bt.Derived, t)
			}
		}
		for _, p := range t.Properties {
			resolve(m, &p.Type)
		}
	}
	for _, op := range m.Operations {
		for _, p := range op.Params {
			resolve(m, &p.Type)
		}
		if op.Response != nil {
			resolve(m, op.Response)
			if op.Response.Type != nil {
				op.Target, op.TargetName = op.Response.Type, op.Response.Name
			}
		}
	}
	return m
}

// resolve points r at its model type, or clears its name when there is
// none.
func resolve(m *model.Model, r *model.TypeRef) {
	if !r.IsPrimitive() && r.Name != "" {
		r.Type = m.Lookup(r.Name)
		if r.Type == nil {
			r.Name = ""
		}
	}
}
