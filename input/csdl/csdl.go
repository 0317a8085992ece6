// Package csdl reads OData CSDL XML metadata (the document an OData service
// publishes as $metadata, CSDL version 4) into a syntax tree: schemas with
// their namespaces and aliases, entity, complex and enum types, type
// definitions, actions, functions, entity containers, terms and
// annotations, each element with the file:line:col of its start tag.
//
// Like package input for Markdown, csdl knows the XML format and nothing
// of what it means: names are kept as written (aliases unresolved, types
// as "Collection(graph.x)"), and generator/metadata turns the tree into
// the model. Reading never fails on bad input: malformed or truncated XML,
// a wrong root element, unknown elements and attributes and invalid
// attribute values are Problems with a position, and everything read
// before an XML error is kept.
package csdl

import "github.com/apidocgen/apidocgen/input"

// Pos is a position in the metadata file (file:line:col, col in bytes).
type Pos = input.Pos

// A Document is one CSDL file.
type Document struct {
	Path       string       `json:"path"`
	Version    string       `json:"version,omitempty"` // the Edmx Version attribute, e.g. "4.0"
	References []*Reference `json:"references,omitempty"`
	Schemas    []*Schema    `json:"schemas,omitempty"`
	Problems   []Problem    `json:"problems,omitempty"`
	Pos        Pos          `json:"pos"` // the root element; zero when there is none
}

// A Reference is an edmx:Reference: another CSDL document whose
// namespaces (vocabularies such as Org.OData.Core.V1) this one uses.
type Reference struct {
	URI                string                `json:"uri"`
	Includes           []*Include            `json:"includes,omitempty"`
	IncludeAnnotations []*IncludeAnnotations `json:"includeAnnotations,omitempty"`
	Annotations
	Pos Pos `json:"pos"`
}

// IncludeAnnotations is an edmx:IncludeAnnotations of a Reference.
type IncludeAnnotations struct {
	TermNamespace   string `json:"termNamespace"`
	Qualifier       string `json:"qualifier,omitempty"`
	TargetNamespace string `json:"targetNamespace,omitempty"`
	Pos             Pos    `json:"pos"`
}

// An Include is an edmx:Include of a Reference: a namespace and its alias.
type Include struct {
	Namespace string `json:"namespace"`
	Alias     string `json:"alias,omitempty"`
	Pos       Pos    `json:"pos"`
}

// A Schema is one Schema element.
type Schema struct {
	Namespace       string               `json:"namespace"`
	Alias           string               `json:"alias,omitempty"`
	EntityTypes     []*StructuredType    `json:"entityTypes,omitempty"`
	ComplexTypes    []*StructuredType    `json:"complexTypes,omitempty"`
	EnumTypes       []*EnumType          `json:"enumTypes,omitempty"`
	TypeDefinitions []*TypeDefinition    `json:"typeDefinitions,omitempty"`
	Actions         []*Operation         `json:"actions,omitempty"`
	Functions       []*Operation         `json:"functions,omitempty"`
	Containers      []*EntityContainer   `json:"containers,omitempty"`
	Terms           []*Term              `json:"terms,omitempty"`
	Targets         []*AnnotationsTarget `json:"targets,omitempty"` // Annotations elements (external targeting)
	Annotations                          // Annotation elements of the schema itself
	Pos             Pos                  `json:"pos"`
}

// A StructuredType is an EntityType or a ComplexType.
type StructuredType struct {
	Entity     bool                  `json:"entity,omitempty"` // EntityType (else ComplexType)
	Name       string                `json:"name"`
	BaseType   string                `json:"baseType,omitempty"` // as written: qualified or alias-qualified
	Abstract   bool                  `json:"abstract,omitempty"`
	OpenType   bool                  `json:"openType,omitempty"`
	HasStream  bool                  `json:"hasStream,omitempty"`
	Key        []*PropertyRef        `json:"key,omitempty"`
	Properties []*Property           `json:"properties,omitempty"`
	Navigation []*NavigationProperty `json:"navigation,omitempty"`
	Annotations
	Pos Pos `json:"pos"`
}

// A PropertyRef is one key property (Key/PropertyRef).
type PropertyRef struct {
	Name  string `json:"name"`
	Alias string `json:"alias,omitempty"`
	Pos   Pos    `json:"pos"`
}

// Facets are the type facets of a property, parameter, return type or
// type definition, as written ("" when absent).
type Facets struct {
	Nullable     string `json:"nullable,omitempty"`  // "true" or "false"; absent means nullable
	MaxLength    string `json:"maxLength,omitempty"` // an integer or "max"
	Precision    string `json:"precision,omitempty"`
	Scale        string `json:"scale,omitempty"` // an integer, "variable" or "floating"
	SRID         string `json:"srid,omitempty"`
	Unicode      string `json:"unicode,omitempty"`
	DefaultValue string `json:"defaultValue,omitempty"`
}

// A Property is a structural property.
type Property struct {
	Name string `json:"name"`
	Type string `json:"type"` // as written, e.g. "Edm.String", "Collection(graph.assignedLicense)"
	Facets
	Annotations
	Pos Pos `json:"pos"`
}

// A NavigationProperty is a navigation property (a relationship).
type NavigationProperty struct {
	Name           string `json:"name"`
	Type           string `json:"type"`
	Nullable       string `json:"nullable,omitempty"`
	Partner        string `json:"partner,omitempty"`
	ContainsTarget bool   `json:"containsTarget,omitempty"`
	OnDelete       string `json:"onDelete,omitempty"` // the OnDelete child's Action
	// ReferentialConstraints are kept as "Property=ReferencedProperty".
	ReferentialConstraints []string `json:"referentialConstraints,omitempty"`
	Annotations
	Pos Pos `json:"pos"`
}

// An EnumType is an enumeration.
type EnumType struct {
	Name           string    `json:"name"`
	UnderlyingType string    `json:"underlyingType,omitempty"`
	IsFlags        bool      `json:"isFlags,omitempty"`
	Members        []*Member `json:"members,omitempty"`
	Annotations
	Pos Pos `json:"pos"`
}

// A Member is one member of an enumeration.
type Member struct {
	Name  string `json:"name"`
	Value string `json:"value,omitempty"` // as written; "" when absent (then implied by position)
	Annotations
	Pos Pos `json:"pos"`
}

// A TypeDefinition names a primitive type with facets.
type TypeDefinition struct {
	Name           string `json:"name"`
	UnderlyingType string `json:"underlyingType"`
	Facets
	Annotations
	Pos Pos `json:"pos"`
}

// An Operation is an Action or a Function.
type Operation struct {
	Function      bool         `json:"function,omitempty"` // Function (else Action)
	Name          string       `json:"name"`
	IsBound       bool         `json:"isBound,omitempty"`
	IsComposable  bool         `json:"isComposable,omitempty"`
	EntitySetPath string       `json:"entitySetPath,omitempty"`
	Parameters    []*Parameter `json:"parameters,omitempty"` // the binding parameter first when IsBound
	ReturnType    *ReturnType  `json:"returnType,omitempty"`
	Annotations
	Pos Pos `json:"pos"`
}

// A Parameter is a parameter of an action or function.
type Parameter struct {
	Name string `json:"name"`
	Type string `json:"type"`
	Facets
	Annotations
	Pos Pos `json:"pos"`
}

// A ReturnType is the return type of an action or function.
type ReturnType struct {
	Type string `json:"type"`
	Facets
	Annotations
	Pos Pos `json:"pos"`
}

// An EntityContainer lists the service's entry points.
type EntityContainer struct {
	Name            string             `json:"name"`
	Extends         string             `json:"extends,omitempty"`
	EntitySets      []*EntitySet       `json:"entitySets,omitempty"`
	Singletons      []*EntitySet       `json:"singletons,omitempty"`
	ActionImports   []*OperationImport `json:"actionImports,omitempty"`
	FunctionImports []*OperationImport `json:"functionImports,omitempty"`
	Annotations
	Pos Pos `json:"pos"`
}

// An EntitySet is an EntitySet (a collection of entities) or a Singleton.
type EntitySet struct {
	Name     string     `json:"name"`
	Type     string     `json:"type"` // EntityType of an entity set, Type of a singleton
	Bindings []*Binding `json:"bindings,omitempty"`
	// IncludeInServiceDocument is "false" when the entity set says so.
	IncludeInServiceDocument string `json:"includeInServiceDocument,omitempty"`
	Nullable                 string `json:"nullable,omitempty"` // of a singleton
	Annotations
	Pos Pos `json:"pos"`
}

// A Binding is a NavigationPropertyBinding.
type Binding struct {
	Path   string `json:"path"`
	Target string `json:"target"`
	Pos    Pos    `json:"pos"`
}

// An OperationImport is an ActionImport or a FunctionImport.
type OperationImport struct {
	Name      string `json:"name"`
	Operation string `json:"operation"` // the Action or Function attribute
	EntitySet string `json:"entitySet,omitempty"`
	// IncludeInServiceDocument, for function imports.
	IncludeInServiceDocument string `json:"includeInServiceDocument,omitempty"`
	Annotations
	Pos Pos `json:"pos"`
}

// A Term defines an annotation term (or a custom instance annotation).
type Term struct {
	Name         string `json:"name"`
	Type         string `json:"type"`
	BaseTerm     string `json:"baseTerm,omitempty"`
	AppliesTo    string `json:"appliesTo,omitempty"`
	DefaultValue string `json:"defaultValue,omitempty"`
	Nullable     string `json:"nullable,omitempty"`
	Annotations
	Pos Pos `json:"pos"`
}

// An AnnotationsTarget is an Annotations element: annotations applied from
// outside to the model element named by Target ("ns.type",
// "ns.type/property", "ns.container/set", "ns.action(ns.bindingType)", ...).
type AnnotationsTarget struct {
	Target    string `json:"target"`
	Qualifier string `json:"qualifier,omitempty"`
	Annotations
	Pos Pos `json:"pos"`
}

// Annotations holds the Annotation children of an element.
type Annotations struct {
	List []*Annotation `json:"annotations,omitempty"`
}

// An Annotation applies a term to its parent element (or to the target of
// its Annotations element).
type Annotation struct {
	Term      string `json:"term"` // as written, e.g. "Org.OData.Core.V1.Description" or "Core.Description"
	Qualifier string `json:"qualifier,omitempty"`
	Value     *Expr  `json:"value,omitempty"` // nil when the annotation has no value (a Bool term's default true)
	Annotations
	Pos Pos `json:"pos"`
}

// An Expr is an annotation value: a constant (from an attribute such as
// String="..." or an element such as <String>...</String>), a Record, a
// Collection, or any other CSDL expression element (Path, Apply, If, ...),
// kept with its children.
type Expr struct {
	// Kind is the attribute or element name: String, Bool, Int, Float,
	// Decimal, Date, DateTimeOffset, Duration, Guid, Binary, EnumMember,
	// Path, PropertyPath, NavigationPropertyPath, AnnotationPath, Null,
	// Record, Collection, Apply, ...
	Kind  string           `json:"kind"`
	Value string           `json:"value,omitempty"` // the text of a constant or path
	Type  string           `json:"type,omitempty"`  // a Record's or Cast's Type
	Attrs []Attr           `json:"attrs,omitempty"` // other attributes (Function of Apply, Name of LabeledElement, ...)
	Props []*PropertyValue `json:"props,omitempty"` // a Record's property values
	Items []*Expr          `json:"items,omitempty"` // a Collection's items, or the operands of other expressions
	Annotations
	Pos Pos `json:"pos"`
}

// A PropertyValue is one property of a Record.
type PropertyValue struct {
	Property string `json:"property"`
	Value    *Expr  `json:"value,omitempty"`
	Annotations
	Pos Pos `json:"pos"`
}

// An Attr is an attribute kept as written.
type Attr struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// ProblemKind classifies a Problem.
type ProblemKind string

// The kinds of Problem.
const (
	// ProblemXML: the file is not well-formed XML (not XML at all, a
	// syntax error, or truncated). Reading stops there.
	ProblemXML ProblemKind = "xml"
	// ProblemRoot: the root element is not edmx:Edmx. Nothing is read.
	ProblemRoot ProblemKind = "root"
	// ProblemElement: an element the reader does not know in that place;
	// it is skipped with its content.
	ProblemElement ProblemKind = "element"
	// ProblemAttribute: an attribute the element does not define, a
	// required attribute that is missing, or a value of the wrong form
	// (a Bool that is not true or false).
	ProblemAttribute ProblemKind = "attribute"
)

// A Problem is something wrong with the file.
type Problem struct {
	Pos     Pos         `json:"pos"`
	Kind    ProblemKind `json:"kind"`
	Message string      `json:"message"` // lower case, no trailing period, values quoted
}
