package csdl

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"sort"
	"strings"
)

// The XML namespaces of CSDL version 4.
const (
	NamespaceEdmx = "http://docs.oasis-open.org/odata/ns/edmx"
	NamespaceEdm  = "http://docs.oasis-open.org/odata/ns/edm"
)

// Load reads the CSDL file name of fsys. The error is for I/O only;
// problems in the file are in Document.Problems.
func Load(fsys fs.FS, name string) (*Document, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(name, f)
}

// Parse reads CSDL from src; name is the file name used in positions.
func Parse(name string, src []byte) *Document {
	doc, _ := Read(name, bytes.NewReader(src)) // a bytes.Reader never fails
	return doc
}

// Read reads CSDL from src as a stream; name is the file name used in
// positions. The error is for a failure of src only (the document read
// until then is returned with it); problems in the XML are in
// Document.Problems.
func Read(name string, src io.Reader) (*Document, error) {
	er := &lineReader{r: src, starts: []int64{0}}
	d := xml.NewDecoder(er)
	r := &reader{d: d, lines: er, doc: &Document{Path: name}}
	r.document()
	sort.SliceStable(r.doc.Problems, func(i, j int) bool {
		a, b := r.doc.Problems[i].Pos, r.doc.Problems[j].Pos
		return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
	})
	if er.err != nil {
		return r.doc, er.err
	}
	return r.doc, nil
}

// lineReader records where the lines of r start, for turning the
// decoder's byte offsets into line and column (the decoder's own InputPos
// is off by one line end after it un-reads a newline), and remembers the
// first error of r other than io.EOF, so that an I/O failure is told apart
// from malformed XML.
type lineReader struct {
	r      io.Reader
	err    error
	n      int64   // bytes read so far
	starts []int64 // offsets of the line starts read so far
	cur    int     // index into starts of the last line looked up
}

func (l *lineReader) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for i, b := range p[:n] {
		if b == '\n' {
			l.starts = append(l.starts, l.n+int64(i)+1)
		}
	}
	l.n += int64(n)
	if err != nil && err != io.EOF && l.err == nil {
		l.err = err
	}
	return n, err
}

// pos returns the line and column (1-based, in bytes) of offset off. The
// offsets asked for only grow, so the search starts at the last line found.
func (l *lineReader) pos(off int64) (line, col int) {
	if l.cur >= len(l.starts) || l.starts[l.cur] > off {
		l.cur = 0
	}
	for l.cur+1 < len(l.starts) && l.starts[l.cur+1] <= off {
		l.cur++
	}
	return l.cur + 1, int(off-l.starts[l.cur]) + 1
}

// reader walks the token stream. Every element function is called just
// after its start tag was read and returns just after its end tag (or when
// the stream ends).
type reader struct {
	d     *xml.Decoder
	lines *lineReader
	doc   *Document
	pos   Pos  // start of the token last read
	dead  bool // the stream ended or broke; no more tokens
}

// token returns the next token, or nil at the end of the stream or after
// an XML error (reported here).
func (r *reader) token() xml.Token {
	if r.dead {
		return nil
	}
	r.pos = r.endPos()
	tok, err := r.d.Token()
	if err != nil {
		r.dead = true
		if err != io.EOF {
			r.xmlError(err)
		}
		return nil
	}
	return tok
}

func (r *reader) xmlError(err error) {
	pos := r.endPos()
	msg := err.Error()
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		msg = se.Msg
		if se.Line != pos.Line {
			pos.Line, pos.Col = se.Line, 1
		}
	}
	r.problem(pos, ProblemXML, "malformed XML: %s", msg)
}

func (r *reader) problem(pos Pos, kind ProblemKind, format string, args ...any) {
	r.doc.Problems = append(r.doc.Problems, Problem{Pos: pos, Kind: kind, Message: fmt.Sprintf(format, args...)})
}

// document reads the prolog, the root element and what follows it.
func (r *reader) document() {
	rootSeen := false
	for {
		tok := r.token()
		if tok == nil {
			if !rootSeen && !r.hasProblem(ProblemXML) {
				r.problem(r.endPos(), ProblemXML, "not XML: no root element")
			}
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if rootSeen {
				r.problem(r.pos, ProblemXML, "malformed XML: element <%s> after the root element", t.Name.Local)
				r.dead = true
				return
			}
			rootSeen = true
			pos := r.pos
			if t.Name.Local != "Edmx" {
				r.problem(pos, ProblemRoot, "the root element is <%s>, not <edmx:Edmx>", qname(t.Name))
				r.dead = true
				return
			}
			if t.Name.Space != NamespaceEdmx {
				r.problem(pos, ProblemRoot, "the root element's namespace is %q, not the CSDL 4 namespace %q", t.Name.Space, NamespaceEdmx)
			}
			r.doc.Pos = pos
			r.edmx(t, pos)
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				r.problem(r.pos, ProblemXML, "not XML: text %q outside the root element", clip(string(bytes.TrimSpace(t))))
				r.dead = true
				return
			}
		}
	}
}

func (r *reader) hasProblem(k ProblemKind) bool {
	for _, p := range r.doc.Problems {
		if p.Kind == k {
			return true
		}
	}
	return false
}

// endPos is the position where the decoder stopped: the end of the token
// last read and the start of the next one.
func (r *reader) endPos() Pos {
	line, col := r.lines.pos(r.d.InputOffset())
	return Pos{File: r.doc.Path, Line: line, Col: col}
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}

func qname(n xml.Name) string {
	switch n.Space {
	case "":
		return n.Local
	case NamespaceEdmx:
		return "edmx:" + n.Local
	case NamespaceEdm:
		return n.Local
	}
	return "{" + n.Space + "}" + n.Local
}

// children reads the content of the element just started until its end
// tag, calling child for each child element (which must consume it, for
// example with skip) and text for character data when text is not nil.
func (r *reader) children(child func(se xml.StartElement, pos Pos), text func([]byte)) {
	for {
		tok := r.token()
		switch t := tok.(type) {
		case nil:
			return
		case xml.EndElement:
			return
		case xml.StartElement:
			child(t, r.pos)
		case xml.CharData:
			if text != nil {
				text(t)
			}
		}
	}
}

// skip consumes the content of the element just started.
func (r *reader) skip() {
	r.children(func(xml.StartElement, Pos) { r.skip() }, nil)
}

// unknown reports a child element the reader does not know under parent,
// and skips it.
func (r *reader) unknown(se xml.StartElement, pos Pos, parent string) {
	r.problem(pos, ProblemElement, "unknown element <%s> in <%s>", qname(se.Name), parent)
	r.skip()
}

// attrList holds the attributes of an element that the reader knows.
type attrList []xml.Attr

// get returns the value of attribute name, "" when absent.
func (l attrList) get(name string) string {
	v, _ := l.lookup(name)
	return v
}

func (l attrList) lookup(name string) (string, bool) {
	for _, a := range l {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

// attrs returns the attributes of se that are in known. Attributes in
// another namespace (xmlns declarations, xml:lang, vendor extensions) are
// left out; an unqualified attribute not in known is reported.
func (r *reader) attrs(se xml.StartElement, pos Pos, known ...string) attrList {
	clean := true
	for _, a := range se.Attr {
		if a.Name.Space != "" || !slices.Contains(known, a.Name.Local) {
			clean = false
			break
		}
	}
	if clean {
		return se.Attr // the common case: no copy
	}
	out := se.Attr[:0:0]
	for _, a := range se.Attr {
		if a.Name.Space != "" || a.Name.Local == "xmlns" {
			continue
		}
		if !slices.Contains(known, a.Name.Local) {
			r.problem(pos, ProblemAttribute, "unknown attribute %s=%q on <%s>", a.Name.Local, a.Value, se.Name.Local)
			continue
		}
		out = append(out, a)
	}
	return out
}

// required returns attribute name of m, reporting it when missing or empty.
func (r *reader) required(m attrList, name, el string, pos Pos) string {
	v := m.get(name)
	if v == "" {
		r.problem(pos, ProblemAttribute, "<%s> has no %s attribute", el, name)
	}
	return v
}

// boolean reads a Boolean attribute ("true" or "false"; absent is false).
func (r *reader) boolean(m attrList, name, el string, pos Pos) bool {
	switch v := m.get(name); v {
	case "", "false":
		return false
	case "true":
		return true
	default:
		r.problem(pos, ProblemAttribute, "%s=%q on <%s> is not true or false", name, v, el)
		return false
	}
}

// booleanText checks a Boolean attribute kept as text ("" when absent).
func (r *reader) booleanText(m attrList, name, el string, pos Pos) string {
	v := m.get(name)
	if v != "" && v != "true" && v != "false" {
		r.problem(pos, ProblemAttribute, "%s=%q on <%s> is not true or false", name, v, el)
		return ""
	}
	return v
}

var facetAttrs = []string{"Nullable", "MaxLength", "Precision", "Scale", "SRID", "Unicode", "DefaultValue"}

// facets reads the facets of m.
func (r *reader) facets(m attrList, el string, pos Pos) Facets {
	return Facets{
		Nullable:     r.booleanText(m, "Nullable", el, pos),
		MaxLength:    m.get("MaxLength"),
		Precision:    m.get("Precision"),
		Scale:        m.get("Scale"),
		SRID:         m.get("SRID"),
		Unicode:      r.booleanText(m, "Unicode", el, pos),
		DefaultValue: m.get("DefaultValue"),
	}
}

func (r *reader) edmx(se xml.StartElement, pos Pos) {
	a := r.attrs(se, pos, "Version")
	r.doc.Version = a.get("Version")
	r.children(func(c xml.StartElement, cpos Pos) {
		switch c.Name.Local {
		case "Reference":
			r.reference(c, cpos)
		case "DataServices":
			r.attrs(c, cpos)
			r.children(func(s xml.StartElement, spos Pos) {
				if s.Name.Local == "Schema" {
					r.schema(s, spos)
					return
				}
				r.unknown(s, spos, "edmx:DataServices")
			}, nil)
		default:
			r.unknown(c, cpos, "edmx:Edmx")
		}
	}, nil)
}

func (r *reader) reference(se xml.StartElement, pos Pos) {
	a := r.attrs(se, pos, "Uri")
	ref := &Reference{URI: r.required(a, "Uri", "edmx:Reference", pos), Pos: pos}
	r.doc.References = append(r.doc.References, ref)
	r.children(func(c xml.StartElement, cpos Pos) {
		switch c.Name.Local {
		case "Include":
			a := r.attrs(c, cpos, "Namespace", "Alias")
			ref.Includes = append(ref.Includes, &Include{Namespace: r.required(a, "Namespace", "edmx:Include", cpos), Alias: a.get("Alias"), Pos: cpos})
			r.skip()
		case "IncludeAnnotations":
			a := r.attrs(c, cpos, "TermNamespace", "Qualifier", "TargetNamespace")
			ref.IncludeAnnotations = append(ref.IncludeAnnotations, &IncludeAnnotations{
				TermNamespace: r.required(a, "TermNamespace", "edmx:IncludeAnnotations", cpos), Qualifier: a.get("Qualifier"), TargetNamespace: a.get("TargetNamespace"), Pos: cpos})
			r.skip()
		case "Annotation":
			ref.List = append(ref.List, r.annotation(c, cpos))
		default:
			r.unknown(c, cpos, "edmx:Reference")
		}
	}, nil)
}

func (r *reader) schema(se xml.StartElement, pos Pos) {
	a := r.attrs(se, pos, "Namespace", "Alias")
	s := &Schema{Namespace: r.required(a, "Namespace", "Schema", pos), Alias: a.get("Alias"), Pos: pos}
	r.doc.Schemas = append(r.doc.Schemas, s)
	r.children(func(c xml.StartElement, cpos Pos) {
		switch c.Name.Local {
		case "EntityType":
			s.EntityTypes = append(s.EntityTypes, r.structured(c, cpos, true))
		case "ComplexType":
			s.ComplexTypes = append(s.ComplexTypes, r.structured(c, cpos, false))
		case "EnumType":
			s.EnumTypes = append(s.EnumTypes, r.enum(c, cpos))
		case "TypeDefinition":
			s.TypeDefinitions = append(s.TypeDefinitions, r.typeDefinition(c, cpos))
		case "Action":
			s.Actions = append(s.Actions, r.operation(c, cpos, false))
		case "Function":
			s.Functions = append(s.Functions, r.operation(c, cpos, true))
		case "EntityContainer":
			s.Containers = append(s.Containers, r.container(c, cpos))
		case "Term":
			s.Terms = append(s.Terms, r.term(c, cpos))
		case "Annotations":
			s.Targets = append(s.Targets, r.annotationsTarget(c, cpos))
		case "Annotation":
			s.List = append(s.List, r.annotation(c, cpos))
		default:
			r.unknown(c, cpos, "Schema")
		}
	}, nil)
}

// annotated reads the children of an element whose only children are
// Annotations, into list.
func (r *reader) annotated(list *Annotations, el string) {
	r.children(func(c xml.StartElement, cpos Pos) {
		if c.Name.Local == "Annotation" {
			list.List = append(list.List, r.annotation(c, cpos))
			return
		}
		r.unknown(c, cpos, el)
	}, nil)
}

func (r *reader) structured(se xml.StartElement, pos Pos, entity bool) *StructuredType {
	el := "ComplexType"
	if entity {
		el = "EntityType"
	}
	a := r.attrs(se, pos, "Name", "BaseType", "Abstract", "OpenType", "HasStream")
	t := &StructuredType{Entity: entity, Name: r.required(a, "Name", el, pos), BaseType: a.get("BaseType"),
		Abstract: r.boolean(a, "Abstract", el, pos), OpenType: r.boolean(a, "OpenType", el, pos), HasStream: r.boolean(a, "HasStream", el, pos), Pos: pos}
	r.children(func(c xml.StartElement, cpos Pos) {
		switch c.Name.Local {
		case "Key":
			if !entity {
				r.problem(cpos, ProblemElement, "a complex type has no key: <Key> in <ComplexType>")
			}
			r.attrs(c, cpos)
			r.children(func(k xml.StartElement, kpos Pos) {
				if k.Name.Local != "PropertyRef" {
					r.unknown(k, kpos, "Key")
					return
				}
				ka := r.attrs(k, kpos, "Name", "Alias")
				t.Key = append(t.Key, &PropertyRef{Name: r.required(ka, "Name", "PropertyRef", kpos), Alias: ka.get("Alias"), Pos: kpos})
				r.skip()
			}, nil)
		case "Property":
			pa := r.attrs(c, cpos, append([]string{"Name", "Type"}, facetAttrs...)...)
			p := &Property{Name: r.required(pa, "Name", "Property", cpos), Type: r.required(pa, "Type", "Property", cpos),
				Facets: r.facets(pa, "Property", cpos), Pos: cpos}
			t.Properties = append(t.Properties, p)
			r.annotated(&p.Annotations, "Property")
		case "NavigationProperty":
			t.Navigation = append(t.Navigation, r.navigation(c, cpos))
		case "Annotation":
			t.List = append(t.List, r.annotation(c, cpos))
		default:
			r.unknown(c, cpos, el)
		}
	}, nil)
	return t
}

func (r *reader) navigation(se xml.StartElement, pos Pos) *NavigationProperty {
	a := r.attrs(se, pos, "Name", "Type", "Nullable", "Partner", "ContainsTarget")
	n := &NavigationProperty{Name: r.required(a, "Name", "NavigationProperty", pos), Type: r.required(a, "Type", "NavigationProperty", pos),
		Nullable: r.booleanText(a, "Nullable", "NavigationProperty", pos), Partner: a.get("Partner"),
		ContainsTarget: r.boolean(a, "ContainsTarget", "NavigationProperty", pos), Pos: pos}
	r.children(func(c xml.StartElement, cpos Pos) {
		switch c.Name.Local {
		case "ReferentialConstraint":
			ca := r.attrs(c, cpos, "Property", "ReferencedProperty")
			n.ReferentialConstraints = append(n.ReferentialConstraints, ca.get("Property")+"="+ca.get("ReferencedProperty"))
			r.annotated(&n.Annotations, "ReferentialConstraint")
		case "OnDelete":
			ca := r.attrs(c, cpos, "Action")
			n.OnDelete = ca.get("Action")
			r.annotated(&n.Annotations, "OnDelete")
		case "Annotation":
			n.List = append(n.List, r.annotation(c, cpos))
		default:
			r.unknown(c, cpos, "NavigationProperty")
		}
	}, nil)
	return n
}

func (r *reader) enum(se xml.StartElement, pos Pos) *EnumType {
	a := r.attrs(se, pos, "Name", "UnderlyingType", "IsFlags")
	e := &EnumType{Name: r.required(a, "Name", "EnumType", pos), UnderlyingType: a.get("UnderlyingType"), IsFlags: r.boolean(a, "IsFlags", "EnumType", pos), Pos: pos}
	r.children(func(c xml.StartElement, cpos Pos) {
		switch c.Name.Local {
		case "Member":
			ma := r.attrs(c, cpos, "Name", "Value")
			m := &Member{Name: r.required(ma, "Name", "Member", cpos), Value: ma.get("Value"), Pos: cpos}
			e.Members = append(e.Members, m)
			r.annotated(&m.Annotations, "Member")
		case "Annotation":
			e.List = append(e.List, r.annotation(c, cpos))
		default:
			r.unknown(c, cpos, "EnumType")
		}
	}, nil)
	return e
}

func (r *reader) typeDefinition(se xml.StartElement, pos Pos) *TypeDefinition {
	a := r.attrs(se, pos, append([]string{"Name", "UnderlyingType"}, facetAttrs...)...)
	td := &TypeDefinition{Name: r.required(a, "Name", "TypeDefinition", pos), UnderlyingType: r.required(a, "UnderlyingType", "TypeDefinition", pos),
		Facets: r.facets(a, "TypeDefinition", pos), Pos: pos}
	r.annotated(&td.Annotations, "TypeDefinition")
	return td
}

func (r *reader) operation(se xml.StartElement, pos Pos, function bool) *Operation {
	el := "Action"
	known := []string{"Name", "IsBound", "EntitySetPath"}
	if function {
		el = "Function"
		known = append(known, "IsComposable")
	}
	a := r.attrs(se, pos, known...)
	op := &Operation{Function: function, Name: r.required(a, "Name", el, pos), IsBound: r.boolean(a, "IsBound", el, pos),
		IsComposable: r.boolean(a, "IsComposable", el, pos), EntitySetPath: a.get("EntitySetPath"), Pos: pos}
	r.children(func(c xml.StartElement, cpos Pos) {
		switch c.Name.Local {
		case "Parameter":
			pa := r.attrs(c, cpos, append([]string{"Name", "Type"}, facetAttrs...)...)
			p := &Parameter{Name: r.required(pa, "Name", "Parameter", cpos), Type: r.required(pa, "Type", "Parameter", cpos),
				Facets: r.facets(pa, "Parameter", cpos), Pos: cpos}
			op.Parameters = append(op.Parameters, p)
			r.annotated(&p.Annotations, "Parameter")
		case "ReturnType":
			ra := r.attrs(c, cpos, append([]string{"Type"}, facetAttrs...)...)
			rt := &ReturnType{Type: r.required(ra, "Type", "ReturnType", cpos), Facets: r.facets(ra, "ReturnType", cpos), Pos: cpos}
			if op.ReturnType != nil {
				r.problem(cpos, ProblemElement, "a second <ReturnType> in <%s> %q", el, op.Name)
			} else {
				op.ReturnType = rt
			}
			r.annotated(&rt.Annotations, "ReturnType")
		case "Annotation":
			op.List = append(op.List, r.annotation(c, cpos))
		default:
			r.unknown(c, cpos, el)
		}
	}, nil)
	if op.IsBound && len(op.Parameters) == 0 {
		r.problem(pos, ProblemAttribute, "bound <%s> %q has no binding parameter", el, op.Name)
	}
	return op
}

func (r *reader) container(se xml.StartElement, pos Pos) *EntityContainer {
	a := r.attrs(se, pos, "Name", "Extends")
	ec := &EntityContainer{Name: r.required(a, "Name", "EntityContainer", pos), Extends: a.get("Extends"), Pos: pos}
	r.children(func(c xml.StartElement, cpos Pos) {
		switch c.Name.Local {
		case "EntitySet":
			ca := r.attrs(c, cpos, "Name", "EntityType", "IncludeInServiceDocument")
			es := &EntitySet{Name: r.required(ca, "Name", "EntitySet", cpos), Type: r.required(ca, "EntityType", "EntitySet", cpos),
				IncludeInServiceDocument: r.booleanText(ca, "IncludeInServiceDocument", "EntitySet", cpos), Pos: cpos}
			ec.EntitySets = append(ec.EntitySets, es)
			r.bindings(es, "EntitySet")
		case "Singleton":
			ca := r.attrs(c, cpos, "Name", "Type", "Nullable")
			es := &EntitySet{Name: r.required(ca, "Name", "Singleton", cpos), Type: r.required(ca, "Type", "Singleton", cpos),
				Nullable: r.booleanText(ca, "Nullable", "Singleton", cpos), Pos: cpos}
			ec.Singletons = append(ec.Singletons, es)
			r.bindings(es, "Singleton")
		case "ActionImport":
			ca := r.attrs(c, cpos, "Name", "Action", "EntitySet")
			oi := &OperationImport{Name: r.required(ca, "Name", "ActionImport", cpos), Operation: r.required(ca, "Action", "ActionImport", cpos),
				EntitySet: ca.get("EntitySet"), Pos: cpos}
			ec.ActionImports = append(ec.ActionImports, oi)
			r.annotated(&oi.Annotations, "ActionImport")
		case "FunctionImport":
			ca := r.attrs(c, cpos, "Name", "Function", "EntitySet", "IncludeInServiceDocument")
			oi := &OperationImport{Name: r.required(ca, "Name", "FunctionImport", cpos), Operation: r.required(ca, "Function", "FunctionImport", cpos),
				EntitySet: ca.get("EntitySet"), IncludeInServiceDocument: r.booleanText(ca, "IncludeInServiceDocument", "FunctionImport", cpos), Pos: cpos}
			ec.FunctionImports = append(ec.FunctionImports, oi)
			r.annotated(&oi.Annotations, "FunctionImport")
		case "Annotation":
			ec.List = append(ec.List, r.annotation(c, cpos))
		default:
			r.unknown(c, cpos, "EntityContainer")
		}
	}, nil)
	return ec
}

func (r *reader) bindings(es *EntitySet, el string) {
	r.children(func(c xml.StartElement, cpos Pos) {
		switch c.Name.Local {
		case "NavigationPropertyBinding":
			ca := r.attrs(c, cpos, "Path", "Target")
			es.Bindings = append(es.Bindings, &Binding{Path: r.required(ca, "Path", c.Name.Local, cpos), Target: r.required(ca, "Target", c.Name.Local, cpos), Pos: cpos})
			r.skip()
		case "Annotation":
			es.List = append(es.List, r.annotation(c, cpos))
		default:
			r.unknown(c, cpos, el)
		}
	}, nil)
}

func (r *reader) term(se xml.StartElement, pos Pos) *Term {
	a := r.attrs(se, pos, append([]string{"Name", "Type", "BaseTerm", "AppliesTo"}, facetAttrs...)...)
	t := &Term{Name: r.required(a, "Name", "Term", pos), Type: r.required(a, "Type", "Term", pos), BaseTerm: a.get("BaseTerm"),
		AppliesTo: a.get("AppliesTo"), DefaultValue: a.get("DefaultValue"), Nullable: r.booleanText(a, "Nullable", "Term", pos), Pos: pos}
	r.annotated(&t.Annotations, "Term")
	return t
}

func (r *reader) annotationsTarget(se xml.StartElement, pos Pos) *AnnotationsTarget {
	a := r.attrs(se, pos, "Target", "Qualifier")
	at := &AnnotationsTarget{Target: r.required(a, "Target", "Annotations", pos), Qualifier: a.get("Qualifier"), Pos: pos}
	r.annotated(&at.Annotations, "Annotations")
	return at
}

// constantAttrs are the attributes that give an annotation or a property
// value a constant or path value.
var constantAttrs = []string{"Binary", "Bool", "Date", "DateTimeOffset", "Decimal", "Duration", "EnumMember", "Float", "Guid",
	"Int", "String", "TimeOfDay", "AnnotationPath", "ModelElementPath", "NavigationPropertyPath", "Path", "PropertyPath", "UrlRef"}

// valueAttr returns the expression given by a constant attribute of m, if
// any (reporting a second one).
func (r *reader) valueAttr(m attrList, el string, pos Pos) *Expr {
	var e *Expr
	for _, k := range constantAttrs {
		v, ok := m.lookup(k)
		if !ok {
			continue
		}
		if e != nil {
			r.problem(pos, ProblemAttribute, "<%s> has two values, %s and %s", el, e.Kind, k)
			continue
		}
		e = &Expr{Kind: k, Value: v, Pos: pos}
	}
	return e
}

func (r *reader) annotation(se xml.StartElement, pos Pos) *Annotation {
	a := r.attrs(se, pos, append([]string{"Term", "Qualifier"}, constantAttrs...)...)
	an := &Annotation{Term: r.required(a, "Term", "Annotation", pos), Qualifier: a.get("Qualifier"), Pos: pos}
	an.Value = r.valueAttr(a, "Annotation", pos)
	r.children(func(c xml.StartElement, cpos Pos) {
		if c.Name.Local == "Annotation" {
			an.List = append(an.List, r.annotation(c, cpos))
			return
		}
		e := r.expr(c, cpos)
		if an.Value != nil {
			r.problem(cpos, ProblemElement, "annotation %q has a second value <%s>", an.Term, c.Name.Local)
			return
		}
		an.Value = e
	}, nil)
	return an
}

// expr reads an expression element: its kind is its name, its text the
// value of a constant, its attributes and children kept.
func (r *reader) expr(se xml.StartElement, pos Pos) *Expr {
	e := &Expr{Kind: se.Name.Local, Pos: pos}
	for _, a := range se.Attr {
		if a.Name.Space != "" || a.Name.Local == "xmlns" {
			continue
		}
		if a.Name.Local == "Type" {
			e.Type = a.Value
			continue
		}
		e.Attrs = append(e.Attrs, Attr{Name: a.Name.Local, Value: a.Value})
	}
	var text strings.Builder
	r.children(func(c xml.StartElement, cpos Pos) {
		switch c.Name.Local {
		case "Annotation":
			e.List = append(e.List, r.annotation(c, cpos))
		case "PropertyValue":
			pa := r.attrs(c, cpos, append([]string{"Property"}, constantAttrs...)...)
			pv := &PropertyValue{Property: r.required(pa, "Property", "PropertyValue", cpos), Value: r.valueAttr(pa, "PropertyValue", cpos), Pos: cpos}
			e.Props = append(e.Props, pv)
			r.children(func(v xml.StartElement, vpos Pos) {
				if v.Name.Local == "Annotation" {
					pv.List = append(pv.List, r.annotation(v, vpos))
					return
				}
				x := r.expr(v, vpos)
				if pv.Value == nil {
					pv.Value = x
				} else {
					r.problem(vpos, ProblemElement, "property value %q has a second value <%s>", pv.Property, v.Name.Local)
				}
			}, nil)
		default:
			e.Items = append(e.Items, r.expr(c, cpos))
		}
	}, func(b []byte) { text.Write(b) })
	if len(e.Items) == 0 && len(e.Props) == 0 {
		e.Value = text.String()
		if e.Kind != "String" {
			e.Value = strings.TrimSpace(e.Value)
		}
	}
	return e
}
