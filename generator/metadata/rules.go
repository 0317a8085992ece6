package metadata

import "github.com/apidocgen/apidocgen/generator/model"

// The rules of the problems met while reading API metadata into the model.
// Their IDs start with "csdl-": they are about the metadata file itself
// (the cross-check of the docs against it reports "metadata-" rules, see
// generator/crosscheck).
var (
	RuleXMLInvalid = model.Rule{ID: "csdl-xml-invalid", Severity: model.SevError,
		Summary: "the metadata file is not well-formed XML: not XML at all, a syntax error, or cut off",
		Example: "<EntityType Name=\"user\"> (the file ends here)"}
	RuleRootInvalid = model.Rule{ID: "csdl-root-invalid", Severity: model.SevError,
		Summary: "the metadata's root element is not the CSDL 4 edmx:Edmx, or the file defines no Schema",
		Example: "<feed xmlns=\"http://www.w3.org/2005/Atom\">"}
	RuleElementUnknown = model.Rule{ID: "csdl-element-unknown", Severity: model.SevWarning,
		Summary: "an element the CSDL reader does not know in that place (skipped with its content)",
		Example: "<Index Name=\"byName\" /> in an EntityType"}
	RuleAttributeInvalid = model.Rule{ID: "csdl-attribute-invalid", Severity: model.SevWarning,
		Summary: "an attribute that the element does not define, a required attribute that is missing, or a value of the wrong form",
		Example: "<EntityType Name=\"product\" Abstract=\"yes\">"}
	RuleUnknownType = model.Rule{ID: "csdl-unknown-type", Severity: model.SevError,
		Summary: "a type name in the metadata (property, parameter, return, base or entity set type) names no type of the right kind",
		Example: "<Property Name=\"owner\" Type=\"graph.usr\" />"}
	RuleInheritanceCycle = model.Rule{ID: "csdl-inheritance-cycle", Severity: model.SevError,
		Summary: "types of the metadata derive from each other in a cycle (the cycle is cut)",
		Example: "<EntityType Name=\"a\" BaseType=\"graph.b\" /> <EntityType Name=\"b\" BaseType=\"graph.a\" />"}
	RuleDuplicateName = model.Rule{ID: "csdl-duplicate-name", Severity: model.SevError,
		Summary: "two types of a namespace, or two properties of a type, have the same name (the first is kept)",
		Example: "<ComplexType Name=\"size\" /> twice in one Schema"}
	RuleReferenceUnresolved = model.Rule{ID: "csdl-reference-unresolved", Severity: model.SevWarning,
		Summary: "a key property, partner, binding, operation import or annotation target names nothing in the metadata",
		Example: "<Annotations Target=\"microsoft.graph.user/nosuchProperty\">"}
)

// Rules lists the rules of this package, sorted by ID.
var Rules = []model.Rule{
	RuleAttributeInvalid, RuleDuplicateName, RuleElementUnknown, RuleInheritanceCycle, RuleReferenceUnresolved,
	RuleRootInvalid, RuleUnknownType, RuleXMLInvalid,
}
