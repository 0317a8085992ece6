// Package model is apidocgen's intermediate representation: the types,
// properties, enums, operations and examples that a docs tree describes,
// resolved (type references point at types, inheritance is linked) and each
// carrying the position it was read from. The compiler (generator/compile)
// builds a Model; the emitters (generator/gengo, generator/genschema) and
// the linter (generator/lint) only read it.
//
// A Model is target-neutral: it says what the docs say, not how Go or JSON
// Schema spell it.
package model

import (
	"strings"

	"github.com/apidocgen/apidocgen/input"
	"github.com/apidocgen/apidocgen/input/jsonx"
)

// Pos is a position in a docs file (file:line:col).
type Pos = input.Pos

// DefaultNamespace is the namespace of names written without one.
const DefaultNamespace = "microsoft.graph"

// A Model is everything read from one docs tree.
type Model struct {
	// Types holds every entity, complex and enum type, sorted by
	// QualifiedName (case-sensitive byte order).
	Types []*Type `json:"types"`
	// Operations holds every operation read from an API page, sorted by
	// page path then position.
	Operations []*Operation `json:"operations"`
	// Pages says how each page was classified, sorted by path.
	Pages []*Page `json:"pages"`
	// Diagnostics holds every problem met while reading, sorted (see
	// SortDiagnostics).
	Diagnostics []Diagnostic `json:"diagnostics"`
	// Container and Terms come from API metadata only (see metadata.go);
	// nil for a docs model.
	Container *Container `json:"container,omitempty"`
	Terms     []*Term    `json:"terms,omitempty"`

	byName map[string]*Type // lower-cased qualified name -> type
}

// Index (re)builds the lookup table behind Lookup. The compiler calls it;
// code that builds a Model by hand must call it after filling Types.
func (m *Model) Index() {
	m.byName = make(map[string]*Type, len(m.Types))
	for _, t := range m.Types {
		m.byName[strings.ToLower(t.QualifiedName())] = t
	}
}

// Lookup returns the type with the given qualified name, compared
// case-insensitively, or nil.
func (m *Model) Lookup(qualified string) *Type {
	if m.byName == nil {
		m.Index()
	}
	return m.byName[strings.ToLower(qualified)]
}

// Examples returns every example of the model: the JSON representations of
// the types, then the examples of the operations, in model order.
func (m *Model) Examples() []*Example {
	var out []*Example
	for _, t := range m.Types {
		out = append(out, t.Examples...)
	}
	for _, op := range m.Operations {
		out = append(out, op.Examples...)
	}
	return out
}

// PageKind says what a page is, decided from its structure (not doc_type).
type PageKind string

// The kinds of Page.
const (
	PageResource   PageKind = "resource"   // defines entity or complex types, one per distinct resource annotation (and maybe enums)
	PageEnum       PageKind = "enum"       // defines enums only (an "X enum type" page or enums*.md)
	PageAPI        PageKind = "api"        // defines an operation (and one per H2 that documents its own)
	PageConceptual PageKind = "conceptual" // anything else; read for links only
)

// A Page records how one file was classified.
type Page struct {
	Path      string   `json:"path"`
	Kind      PageKind `json:"kind"`
	Title     string   `json:"title"`               // first H1, plain text
	Namespace string   `json:"namespace,omitempty"` // from the "Namespace:" line
	DocType   string   `json:"docType,omitempty"`   // front matter doc_type as written
	// Tables says what each table of the page was read as, in page order:
	// every table is listed, so a table the model does not hold is either
	// of a kind that carries no model data (methods, permissions, headers,
	// text) or TableNotRead, with a diagnostic at its position saying why.
	Tables []*PageTable `json:"tables,omitempty"`
}

// A PageTable records what one table of a page was read as.
type PageTable struct {
	Pos  Pos       `json:"pos"` // the table's first byte
	Kind TableKind `json:"kind"`
	// Of names what the table was read into: the qualified name of the
	// type whose properties, relationships or members it lists, or of the
	// type its values are allowed for (TableValues, with the property
	// after a '.'); "" for an operation's tables and for the kinds that
	// carry no model data.
	Of string `json:"of,omitempty"`
}

// TableKind says what a table of a page was read as.
type TableKind string

// The kinds of PageTable.
const (
	TableProperties    TableKind = "properties"    // rows are properties of Of
	TableRelationships TableKind = "relationships" // rows are navigation properties of Of
	TableEnum          TableKind = "enum"          // rows are members of the enum Of
	TableValues        TableKind = "values"        // rows are the allowed values of a property (Of is type.property)
	TableDerivedTypes  TableKind = "derived-types" // rows name types derived from Of
	TableParameters    TableKind = "parameters"    // path, query, function or request-body rows of the page's operation
	TableMethods       TableKind = "methods"       // links to the API pages of a type: no model data
	TablePermissions   TableKind = "permissions"   // an API page's permissions: no model data
	TableHeaders       TableKind = "headers"       // request headers: no model data
	TableText          TableKind = "text"          // a table of prose (no name and type or member columns): no model data
	TableNotRead       TableKind = "not-read"      // looks like data but was not read: a diagnostic at Pos says why
)

// TypeKind is the kind of a Type.
type TypeKind string

// The kinds of Type.
const (
	KindEntity  TypeKind = "entity"  // has a key (its own or inherited), addressable
	KindComplex TypeKind = "complex" // structured value without identity
	KindEnum    TypeKind = "enum"    // named string values
)

// A Type is an entity, complex or enum type.
type Type struct {
	Name      string   `json:"name"`      // as the docs spell it, e.g. "user", "classifcationErrorBase"
	Namespace string   `json:"namespace"` // e.g. "microsoft.graph", "microsoft.graph.callRecords"
	Kind      TypeKind `json:"kind"`
	Doc       string   `json:"doc,omitempty"` // the page's lead prose, plain text, TODO placeholders removed
	Pos       Pos      `json:"pos"`           // where the type is defined: the H1, the enum heading
	// BaseName is the qualified name of the direct parent ("" if none), as
	// decided from the sources (prose, annotation baseType, "Inherited
	// from" cells, the parent's list of derived types, inference of the
	// root entity type); BaseFrom says which one won.
	BaseName    string  `json:"base,omitempty"`
	BaseFrom    string  `json:"baseFrom,omitempty"` // "prose", "annotation", "inherited-cells", "derived-types", "inferred"
	Base        *Type   `json:"-"`                  // resolved parent; nil if none or unresolved
	Derived     []*Type `json:"-"`                  // direct children, sorted by qualified name
	Abstract    bool    `json:"abstract,omitempty"`
	Open        bool    `json:"open,omitempty"` // openType: true (instances may carry undeclared properties)
	Key         string  `json:"key,omitempty"`  // key property name declared on this type (usually "id")
	MediaEntity bool    `json:"mediaEntity,omitempty"`
	Deprecated  bool    `json:"deprecated,omitempty"`
	// Properties are the structural properties and relationships declared
	// by this type itself, in table order (Properties table first, then
	// Relationships). Rows marked "Inherited from X" are attached to X.
	Properties []*Property `json:"properties,omitempty"`
	// Members and Flags are only for KindEnum.
	Members []*EnumMember `json:"members,omitempty"`
	Flags   bool          `json:"flags,omitempty"` // the docs say values combine ("flags", "a,b" in an example)
	// Examples are the type's JSON representation blocks.
	Examples []*Example `json:"examples,omitempty"`
	// Annotations are the metadata's vocabulary annotations of the type
	// that no other field stands for (metadata only).
	Annotations []*Annotation `json:"annotations,omitempty"`
}

// QualifiedName returns Namespace + "." + Name.
func (t *Type) QualifiedName() string {
	if t.Namespace == "" {
		return t.Name
	}
	return t.Namespace + "." + t.Name
}

// Ancestors returns the chain of parents, nearest first. It stops at a
// cycle (the compiler reports cycles and cuts them, but a hand-built model
// may not).
func (t *Type) Ancestors() []*Type {
	var out []*Type
	seen := map[*Type]bool{t: true}
	for b := t.Base; b != nil && !seen[b]; b = b.Base {
		seen[b] = true
		out = append(out, b)
	}
	return out
}

// AllProperties returns the properties of t and its ancestors, the root
// ancestor's first, then by declaration order.
func (t *Type) AllProperties() []*Property {
	anc := t.Ancestors()
	var out []*Property
	for i := len(anc) - 1; i >= 0; i-- {
		out = append(out, anc[i].Properties...)
	}
	return append(out, t.Properties...)
}

// Property returns the property called name (exact match) declared on t or
// an ancestor, or nil.
func (t *Type) Property(name string) *Property {
	// The first match in AllProperties order (the root ancestor's first),
	// without allocating: the chain t, t.Base, ... (up to a cycle, as
	// Ancestors) is kept in a small array, searched from its end.
	var chain [16]*Type
	chain[0] = t
	n := 1
walk:
	for b := t.Base; b != nil; b = b.Base {
		for _, x := range chain[:n] {
			if x == b {
				break walk
			}
		}
		if n == len(chain) {
			return t.propertyOf(t.AllProperties(), name)
		}
		chain[n] = b
		n++
	}
	for i := n - 1; i >= 0; i-- {
		for _, p := range chain[i].Properties {
			if p.Name == name {
				return p
			}
		}
	}
	return nil
}

func (t *Type) propertyOf(all []*Property, name string) *Property {
	for _, p := range all {
		if p.Name == name {
			return p
		}
	}
	return nil
}

// Descendants returns all types deriving from t, directly or not, sorted by
// qualified name.
func (t *Type) Descendants() []*Type {
	var out []*Type
	seen := map[*Type]bool{t: true}
	var walk func(*Type)
	walk = func(x *Type) {
		for _, d := range x.Derived {
			if !seen[d] {
				seen[d] = true
				out = append(out, d)
				walk(d)
			}
		}
	}
	walk(t)
	sortTypes(out)
	return out
}

// IsEntity reports whether t is an entity type.
func (t *Type) IsEntity() bool { return t.Kind == KindEntity }

// An EnumMember is one member of an enum type.
type EnumMember struct {
	Name  string `json:"name"`
	Value *int64 `json:"value,omitempty"` // numeric value when the table gives one
	Doc   string `json:"doc,omitempty"`
	Pos   Pos    `json:"pos"`
	// Annotations: as for Type (metadata only).
	Annotations []*Annotation `json:"annotations,omitempty"`
}

// A Property is one row of a Properties or Relationships table.
type Property struct {
	Name string  `json:"name"` // as written, decoration removed ("backupReviewers", not "backupReviewers (deprecated)")
	Type TypeRef `json:"type"`
	Doc  string  `json:"doc,omitempty"` // description, plain text, facts left in, TODO placeholders removed
	// Relationship is set for rows of a Relationships table (navigation properties).
	Relationship bool `json:"relationship,omitempty"`
	// Facts read from the description (docs input-format §10).
	ReadOnly   bool   `json:"readOnly,omitempty"`
	Nullable   Tri    `json:"nullable,omitempty"`  // "Nullable." / "Not nullable." / unstated
	Required   bool   `json:"required,omitempty"`  // "Required." or "Required on create."
	Key        bool   `json:"key,omitempty"`       // "Key." or the type's key property
	MaxLength  int    `json:"maxLength,omitempty"` // 0 when not stated
	Default    string `json:"default,omitempty"`   // default value literal as written, e.g. "false", "1"; "" when not stated
	Deprecated bool   `json:"deprecated,omitempty"`
	// Values lists the members from "Possible values are: …" in the
	// description, in order; set whatever the type (String-typed properties
	// included).
	Values []string `json:"values,omitempty"`
	Pos    Pos      `json:"pos"` // start of the row
	Owner  *Type    `json:"-"`   // declaring type
	// Facts only metadata states: a navigation property that contains its
	// targets (they are addressed through it) and its partner on the other
	// side; the precision and scale of a decimal or temporal value.
	ContainsTarget bool   `json:"containsTarget,omitempty"`
	Partner        string `json:"partner,omitempty"`
	Precision      int    `json:"precision,omitempty"`
	Scale          string `json:"scale,omitempty"` // a number, "variable" or "floating"
	// Annotations: as for Type (metadata only).
	Annotations []*Annotation `json:"annotations,omitempty"`
}

// Tri is a three-valued fact: unstated, true or false.
type Tri string

// The values of Tri.
const (
	Unstated Tri = ""
	True     Tri = "true"
	False    Tri = "false"
)

// IsNullable reports whether null is allowed: true unless the docs say
// "Not nullable" (OData's default for structural properties), and false for
// collections, which are never null but may be empty.
func (p *Property) IsNullable() bool {
	if p.Type.Collection {
		return false
	}
	return p.Nullable != False
}

// A TypeRef is a reference to a type, as written and as resolved.
type TypeRef struct {
	// Name is the qualified name it resolved to: an Edm primitive
	// ("Edm.String", see the Edm* constants), or a type of the model
	// ("microsoft.graph.assignedLicense"). "" if it did not resolve.
	Name       string `json:"name"`
	Collection bool   `json:"collection,omitempty"`
	Written    string `json:"written,omitempty"` // the type cell's Markdown as written, trimmed
	Type       *Type  `json:"-"`                 // resolved model type; nil for primitives and unresolved names
}

// IsPrimitive reports whether r names an Edm primitive.
func (r TypeRef) IsPrimitive() bool { return strings.HasPrefix(r.Name, "Edm.") }

// Resolved reports whether r resolved to a primitive or a model type.
func (r TypeRef) Resolved() bool { return r.Name != "" }

// String returns "Name" or "Collection(Name)"; "?" stands for an unresolved name.
func (r TypeRef) String() string {
	n := r.Name
	if n == "" {
		n = "?" + r.Written
	}
	if r.Collection {
		return "Collection(" + n + ")"
	}
	return n
}

// The Edm primitive type names a TypeRef may hold.
const (
	EdmString         = "Edm.String"
	EdmBoolean        = "Edm.Boolean"
	EdmByte           = "Edm.Byte"
	EdmSByte          = "Edm.SByte"
	EdmInt16          = "Edm.Int16"
	EdmInt32          = "Edm.Int32"
	EdmInt64          = "Edm.Int64"
	EdmSingle         = "Edm.Single"
	EdmDouble         = "Edm.Double"
	EdmDecimal        = "Edm.Decimal"
	EdmDateTimeOffset = "Edm.DateTimeOffset"
	EdmDate           = "Edm.Date"
	EdmTimeOfDay      = "Edm.TimeOfDay"
	EdmDuration       = "Edm.Duration"
	EdmGuid           = "Edm.Guid"
	EdmBinary         = "Edm.Binary"
	EdmStream         = "Edm.Stream"
	EdmUntyped        = "Edm.Untyped" // Json, Object, "JSON object": any JSON value
)

// Primitives lists every Edm name above, sorted.
var Primitives = []string{
	EdmBinary, EdmBoolean, EdmByte, EdmDate, EdmDateTimeOffset, EdmDecimal, EdmDouble,
	EdmDuration, EdmGuid, EdmInt16, EdmInt32, EdmInt64, EdmSByte, EdmSingle, EdmStream,
	EdmString, EdmTimeOfDay, EdmUntyped,
}

// OpKind classifies an operation.
type OpKind string

// The kinds of Operation.
const (
	OpList     OpKind = "list"
	OpGet      OpKind = "get"
	OpCreate   OpKind = "create"
	OpUpdate   OpKind = "update"
	OpDelete   OpKind = "delete"
	OpAction   OpKind = "action"   // POST to a bound or unbound action
	OpFunction OpKind = "function" // GET of a function, name(...)
	OpOther    OpKind = "other"
)

// An Operation is what one API page describes.
type Operation struct {
	Page   string `json:"page"`
	Title  string `json:"title"`
	Kind   OpKind `json:"kind"`
	Method string `json:"method"` // upper-case; "" if no request line could be read
	// Paths are the URL templates of the HTTP request section, as written
	// (without host and version), e.g. "/users/{id | userPrincipalName}".
	Paths []PathTemplate `json:"paths"`
	// Parameters from the path, query, function and request-body tables.
	Params []*Parameter `json:"params,omitempty"`
	// QueryOptions are the OData system query options the page says the
	// operation supports ("$select", "$filter", ...), lower-cased, in the
	// order the query parameters section names them.
	QueryOptions []string `json:"queryOptions,omitempty"`
	// RequestBody is the type of the request body when the page supplies a
	// JSON representation of one ("supply a JSON representation of [x]");
	// nil when the body is a parameter object or absent.
	RequestBody *TypeRef `json:"requestBody,omitempty"`
	// Response is the type returned in the response body; nil for none.
	Response   *TypeRef   `json:"response,omitempty"`
	Status     int        `json:"status,omitempty"` // success status from the Response prose, 0 if not stated
	Target     *Type      `json:"-"`                // the resource type the operation acts on, when known
	TargetName string     `json:"target,omitempty"` // its qualified name
	Examples   []*Example `json:"examples,omitempty"`
	Pos        Pos        `json:"pos"` // the H1
	// Name is the qualified name of the action or function, Doc its
	// description (metadata only; for the docs, the name is the last
	// segment of the paths).
	Name string `json:"name,omitempty"`
	Doc  string `json:"doc,omitempty"`
	// Binding is the type of the binding parameter of a bound action or
	// function (metadata only); Target is then that type.
	Binding *TypeRef `json:"binding,omitempty"`
	// Composable: the function's result can be addressed further.
	Composable bool `json:"composable,omitempty"`
	// Annotations: as for Type (metadata only).
	Annotations []*Annotation `json:"annotations,omitempty"`
}

// A PathTemplate is one URL template line of an HTTP request section.
type PathTemplate struct {
	Method string `json:"method"`
	Path   string `json:"path"`
	Pos    Pos    `json:"pos"`
}

// ParamIn says where a parameter goes.
type ParamIn string

// The places of a Parameter.
const (
	InPath  ParamIn = "path"
	InQuery ParamIn = "query"
	InBody  ParamIn = "body"
)

// A Parameter is one row of a parameter or request-body table.
type Parameter struct {
	Name     string  `json:"name"`
	In       ParamIn `json:"in"`
	Type     TypeRef `json:"type"`
	Doc      string  `json:"doc,omitempty"`
	Required bool    `json:"required,omitempty"`
	// InheritedFrom names the ancestor a create/update body row says it is
	// "Inherited from" (qualified), if any.
	InheritedFrom string `json:"inheritedFrom,omitempty"`
	Pos           Pos    `json:"pos"`
	// Nullable is what the metadata says of the parameter (unstated for
	// the docs); Annotations as for Type (metadata only).
	Nullable    Tri           `json:"nullable,omitempty"`
	Annotations []*Annotation `json:"annotations,omitempty"`
}

// ExampleKind says where an example comes from.
type ExampleKind string

// The kinds of Example.
const (
	ExampleResource ExampleKind = "resource" // JSON representation on a resource page
	ExampleRequest  ExampleKind = "request"
	ExampleResponse ExampleKind = "response"
)

// An Example is one JSON example: a resource's JSON representation, or an
// HTTP request or response of an API page.
type Example struct {
	Kind ExampleKind `json:"kind"`
	Name string      `json:"name,omitempty"` // the annotation's "name"
	Page string      `json:"page"`
	Pos  Pos         `json:"pos"` // the code fence
	// Type is what the body shows, from the annotation's @odata.type and
	// isCollection, else from the operation. Name "" when unknown.
	Type      TypeRef `json:"type"`
	Truncated bool    `json:"truncated,omitempty"` // the annotation says the body is shortened
	// Only requests: the request line.
	Method string `json:"method,omitempty"`
	URL    string `json:"url,omitempty"`
	// Only responses: the status line's code, 0 if unreadable.
	Status  int      `json:"status,omitempty"`
	Headers []Header `json:"headers,omitempty"`
	// Body is the JSON text as written (lines joined with "\n"); BodyPos
	// its first byte. Both empty when there is no body.
	Body    string `json:"body,omitempty"`
	BodyPos Pos    `json:"bodyPos,omitempty"`
	// BodyBytes is the body's length in the file's own bytes (CRLF counted
	// as two), for checking Content-Length.
	BodyBytes int `json:"bodyBytes,omitempty"`
	// JSON is the parsed body: nil when there is none or it is not JSON
	// even leniently (a diagnostic says so).
	JSON      *jsonx.Value `json:"-"`
	JSONFixes []jsonx.Fix  `json:"jsonFixes,omitempty"`
	// Op is the operation of a request/response example; nil for resource examples.
	Op *Operation `json:"-"`
}

// LineOf returns the position of byte offset off of Body (as used in
// jsonx.Value.Offset).
func (e *Example) LineOf(off int) Pos {
	p := e.BodyPos
	if off < 0 || off > len(e.Body) {
		return p
	}
	line, lastNL := 0, -1
	for i := 0; i < off; i++ {
		if e.Body[i] == '\n' {
			line++
			lastNL = i
		}
	}
	if line == 0 {
		p.Col += off
		return p
	}
	p.Line += line
	p.Col = off - lastNL
	return p
}

// A Header is one header line of an HTTP example.
type Header struct {
	Name  string `json:"name"`
	Value string `json:"value"`
	Pos   Pos    `json:"pos"`
}
