package model

// The parts of the model that only API metadata (CSDL, read by
// generator/metadata) fills: the docs have no entity container, no term
// definitions and no vocabulary annotations.

// A Container is the metadata's entity container: the entry points of the
// service (entity sets, singletons and operation imports).
type Container struct {
	Name            string             `json:"name"` // qualified, e.g. "microsoft.graph.GraphService"
	EntitySets      []*EntitySet       `json:"entitySets,omitempty"`
	Singletons      []*EntitySet       `json:"singletons,omitempty"`
	ActionImports   []*OperationImport `json:"actionImports,omitempty"`
	FunctionImports []*OperationImport `json:"functionImports,omitempty"`
	Annotations     []*Annotation      `json:"annotations,omitempty"`
	Pos             Pos                `json:"pos"`
}

// An EntitySet is an entity set (a collection of entities addressed by
// key) or a singleton (one entity) of the container.
type EntitySet struct {
	Name        string        `json:"name"`
	Type        string        `json:"type"` // the qualified name of its entity type
	Bindings    []Binding     `json:"bindings,omitempty"`
	Annotations []*Annotation `json:"annotations,omitempty"`
	Pos         Pos           `json:"pos"`
}

// A Binding says which entity set a navigation property of an entity set's
// members leads to.
type Binding struct {
	Path   string `json:"path"`   // the navigation property (a path for nested or cast properties)
	Target string `json:"target"` // the entity set or singleton, as written
	Pos    Pos    `json:"pos"`
}

// An OperationImport exposes an unbound action or function at the root of
// the service.
type OperationImport struct {
	Name        string        `json:"name"`
	Operation   string        `json:"operation"`           // the qualified name of the action or function
	EntitySet   string        `json:"entitySet,omitempty"` // the entity set its result belongs to
	Annotations []*Annotation `json:"annotations,omitempty"`
	Pos         Pos           `json:"pos"`
}

// A Term is a term defined by the metadata (for Graph, the custom instance
// annotations such as "@microsoft.graph.downloadUrl").
type Term struct {
	Name        string        `json:"name"` // qualified
	Type        TypeRef       `json:"type"`
	AppliesTo   string        `json:"appliesTo,omitempty"` // as written: space-separated qualified names or element kinds
	Doc         string        `json:"doc,omitempty"`
	Pos         Pos           `json:"pos"`
	Annotations []*Annotation `json:"annotations,omitempty"`
}

// An Annotation is a vocabulary annotation of the metadata that no field
// of the model stands for (descriptions, read-only permissions and
// deprecations become Doc, ReadOnly and Deprecated): capabilities,
// validation rules, long descriptions, custom terms.
type Annotation struct {
	Term      string `json:"term"` // qualified, aliases resolved: "Org.OData.Capabilities.V1.SearchRestrictions"
	Qualifier string `json:"qualifier,omitempty"`
	// Value is the annotation's value as JSON-like data: a string for a
	// constant or a path (a Bool as true or false), a map for a record
	// (its type under "@type"), a list for a collection, and
	// {"$Kind": operands} for other expressions. nil for a term used
	// without a value.
	Value any `json:"value,omitempty"`
	Pos   Pos `json:"pos"`
}
