package compile

import "github.com/apidocgen/apidocgen/generator/model"

// The rules of the problems met while reading pages into the model.
var (
	RuleAnnotationInvalidJSON = model.Rule{ID: "annotation-invalid-json", Severity: model.SevError,
		Summary: "an HTML-comment annotation is not JSON, even read leniently",
		Example: "<!-- {\"blockType\": \"request\", \"name\": } -->"}
	RuleAnnotationLenientJSON = model.Rule{ID: "annotation-lenient-json", Severity: model.SevWarning,
		Summary: "an annotation is only JSON after a repair (trailing comma, comment, unquoted key, ...)",
		Example: "<!-- {\"blockType\": \"response\",} -->"}
	RuleAnnotationUnknownKey = model.Rule{ID: "annotation-unknown-key", Severity: model.SevWarning,
		Summary: "an annotation has a key that its blockType does not define (often a misspelling)",
		Example: "<!-- {\"blockType\": \"response\", \"truncate\": true} -->"}
	RuleUnknownType = model.Rule{ID: "unknown-type", Severity: model.SevError,
		Summary: "a type name does not resolve to a primitive or a type defined in the docs",
		Example: "| manager | [contactt](contactt.md) | The manager. |"}
	RuleTypeCellMalformed = model.Rule{ID: "type-cell-malformed", Severity: model.SevWarning,
		Summary: "a type cell holds free text, a union or a doubled collection instead of one type",
		Example: "| target | routingPolicy collection collection | ... |"}
	RuleInheritanceConflict = model.Rule{ID: "inheritance-conflict", Severity: model.SevError,
		Summary: "the prose, the annotation baseType and the \"Inherited from\" cells name different parents",
		Example: "Inherits from [directoryObject](directoryobject.md). ... \"baseType\": \"microsoft.graph.entity\""}
	RuleInheritanceCycle = model.Rule{ID: "inheritance-cycle", Severity: model.SevError,
		Summary: "types inherit from each other in a cycle",
		Example: "a inherits from b, b inherits from a"}
	RuleUnknownBaseType = model.Rule{ID: "unknown-base-type", Severity: model.SevError,
		Summary: "the parent type named by a page is not defined in the docs",
		Example: "Inherits from [fooBase](foobase.md)."}
	RuleDuplicateType = model.Rule{ID: "duplicate-type", Severity: model.SevWarning,
		Summary: "two pages or sections define the same qualified type name",
		Example: "### calendarRoleType values (defined in two pages)"}
	RuleDuplicateProperty = model.Rule{ID: "duplicate-property", Severity: model.SevWarning,
		Summary: "a property is listed twice for one type, or redeclares an inherited property",
		Example: "| id | String | ... | (twice)"}
	RuleExampleInvalidJSON = model.Rule{ID: "example-invalid-json", Severity: model.SevError,
		Summary: "an example body is not JSON, even read leniently",
		Example: "{ \"a\": 1 \"b\": }"}
	RuleExampleLenientJSON = model.Rule{ID: "example-lenient-json", Severity: model.SevWarning,
		Summary: "an example body is only JSON after a repair (trailing comma, comment, ...)",
		Example: "{ \"a\": 1, }"}
	RuleHTTPRequestInvalid = model.Rule{ID: "http-request-invalid", Severity: model.SevError,
		Summary: "an HTTP request line cannot be read as METHOD URL (placeholder text, glued host, missing space)",
		Example: "POST ** Collection URI for microsoft.graph.x not found"}
	RuleHTTPStatusInvalid = model.Rule{ID: "http-status-invalid", Severity: model.SevError,
		Summary: "a response example does not start with an HTTP/1.1 status line",
		Example: "HTTP 201 Created"}
	RuleTableMalformed = model.Rule{ID: "table-malformed", Severity: model.SevWarning,
		Summary: "a property, parameter or enum table row has too few cells, no name or no type",
		Example: "| displayName | |"}
	RuleUnclosedFence = model.Rule{ID: "unclosed-fence", Severity: model.SevError,
		Summary: "a code fence is never closed and swallows the rest of the page",
		Example: "```http (no closing fence)"}
	RuleUnclosedComment = model.Rule{ID: "unclosed-comment", Severity: model.SevError,
		Summary: "an HTML comment is not closed with \"-->\"",
		Example: "<!-- {\"blockType\": \"resource\"} ->"}
	RuleKeyPropertyMissing = model.Rule{ID: "key-property-missing", Severity: model.SevError,
		Summary: "the annotation's keyProperty is not a property of the type or its ancestors",
		Example: "\"keyProperty\": \"ID\""}
	RuleFileUnreadable = model.Rule{ID: "file-unreadable", Severity: model.SevError,
		Summary: "a file or folder of the docs tree cannot be read (no permission, a symbolic link that leads nowhere or back to a folder holding it); it is left out",
		Example: "resources/user.md -> ../../old/user.md (the target was deleted)"}
	RuleTableNotRead = model.Rule{ID: "table-not-read", Severity: model.SevInfo,
		Summary: "a table that looks like properties, members or values is not read into the model; the message says why",
		Example: "### Properties of a policy definition (a table describing a JSON string, not the type)"}
	RuleBaseTypeInferred = model.Rule{ID: "base-type-inferred", Severity: model.SevInfo,
		Summary: "an entity type names no base type but declares the key of the root entity type: the root is inferred as its base",
		Example: "| id | String | The identifier. | (and no \"Inherits from\" on the page)"}
	RuleAnnotationWithoutCode = model.Rule{ID: "annotation-without-code", Severity: model.SevWarning,
		Summary: "a resource annotation is not followed by the JSON code block it describes",
		Example: "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\"} -->\n## Next section"}
	RuleLooseResource = model.Rule{ID: "resource-outside-resource-page", Severity: model.SevWarning,
		Summary: "a resource annotation on an API or conceptual page names a type that no resource page defines",
		Example: "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.uploadOptions\"} --> (in api/x-upload.md only)"}
	RuleEnumMemberInvalid = model.Rule{ID: "enum-member-invalid", Severity: model.SevWarning,
		Summary: "an enum member is not an identifier, or repeats",
		Example: "| North America Goverment Letter |"}
)

// Rules lists every rule the compiler reports, sorted by ID.
var Rules = []model.Rule{
	RuleAnnotationInvalidJSON,
	RuleAnnotationLenientJSON,
	RuleAnnotationUnknownKey,
	RuleAnnotationWithoutCode,
	RuleBaseTypeInferred,
	RuleDuplicateProperty,
	RuleDuplicateType,
	RuleEnumMemberInvalid,
	RuleExampleInvalidJSON,
	RuleExampleLenientJSON,
	RuleFileUnreadable,
	RuleHTTPRequestInvalid,
	RuleHTTPStatusInvalid,
	RuleInheritanceConflict,
	RuleInheritanceCycle,
	RuleKeyPropertyMissing,
	RuleLooseResource,
	RuleTableMalformed,
	RuleTableNotRead,
	RuleTypeCellMalformed,
	RuleUnclosedComment,
	RuleUnclosedFence,
	RuleUnknownBaseType,
	RuleUnknownType,
}
