package lint

import (
	"sort"

	"github.com/apidocgen/apidocgen/generator/model"
)

// The rules the linter itself reports. Reading problems (invalid JSON,
// unknown table types, ...) are reported by the compiler (compile.Rules) and
// example-value problems by genschema (genschema.Rules); AllRules lists them
// together.
var (
	RuleTODOPlaceholder = model.Rule{ID: "todo-placeholder", Severity: model.SevError,
		Summary: "a TODO placeholder was left in front matter, prose, a table cell or a permissions row",
		Example: "|id|String|**TODO: Add Description**|"}
	RuleGeneratorPlaceholder = model.Rule{ID: "generator-placeholder", Severity: model.SevError,
		Summary: "text left by a stub generator (\"Collection URI for X not found\", \"Unknown Type\") appears outside code",
		Example: "POST ** Collection URI for microsoft.graph.x not found (in a paragraph)"}
	RuleFrontMatterMissing = model.Rule{ID: "front-matter-missing", Severity: model.SevError,
		Summary: "the page has no front matter, or a required front matter key is missing or empty",
		Example: "---\ntitle: \"Get user\"\n--- (no description, author, doc_type)"}
	RuleDocTypeInvalid = model.Rule{ID: "doc-type-invalid", Severity: model.SevWarning,
		Summary: "doc_type is not a known page type or does not match the page's folder (api/ or resources/)",
		Example: "doc_type: resourcePageType (in api/user-get.md)"}
	RuleBlockTypeUnknown = model.Rule{ID: "annotation-block-type-unknown", Severity: model.SevError,
		Summary: "an annotation's blockType is not one of resource, request, response, example, ignored, samples, simulatedResponse, testParams, permissions",
		Example: "<!-- {\"blockType\": \"reponse\"} -->"}
	RuleMissingAnnotation = model.Rule{ID: "code-block-missing-annotation", Severity: model.SevWarning,
		Summary: "a json or http code block of an API or resource page has no annotation comment before it",
		Example: "### Request\n```http\nGET https://graph.microsoft.com/v1.0/me\n```"}
	RuleRequestWithoutResponse = model.Rule{ID: "request-without-response", Severity: model.SevError,
		Summary: "a request example has no response example paired with it",
		Example: "<!-- {\"blockType\": \"request\", \"name\": \"get_user\"} --> (no response follows)"}
	RuleResponseWithoutRequest = model.Rule{ID: "response-without-request", Severity: model.SevError,
		Summary: "a response example has no request example to pair with",
		Example: "<!-- {\"blockType\": \"response\"} --> (first example block of the page)"}
	RuleDuplicateRequestName = model.Rule{ID: "duplicate-request-name", Severity: model.SevError,
		Summary: "two request examples share a name, in one page or across the docs tree",
		Example: "\"name\": \"get_user\" (also used by api/user-list.md)"}
	RuleRequestNameMalformed = model.Rule{ID: "request-name-malformed", Severity: model.SevWarning,
		Summary: "a request name is empty, contains white space or ends in a separator, as generated stubs leave it",
		Example: "\"name\": \"create_exactmatchsessionbase_from_\""}
	RuleExampleUnknownType = model.Rule{ID: "example-unknown-odata-type", Severity: model.SevError,
		Summary: "an @odata.type in an example body or annotation names no type defined in the docs, or differs from it in case",
		Example: "\"@odata.type\": \"#microsoft.graph.classifcationError\""}
	RuleBrokenLink = model.Rule{ID: "broken-link", Severity: model.SevError,
		Summary: "a relative link points at a file that does not exist in the docs tree",
		Example: "[user](../resources/usr.md)"}
	RuleBrokenAnchor = model.Rule{ID: "broken-anchor", Severity: model.SevError,
		Summary: "a link's #anchor matches no heading of the target page",
		Example: "[values](#statusvalues) (the heading is \"status values\", slug status-values)"}
	RuleLinkCase = model.Rule{ID: "link-case-mismatch", Severity: model.SevError,
		Summary: "a relative link matches a file only when case is ignored (breaks on case-sensitive file systems)",
		Example: "[baseItem](../resources/BaseItem.md) (the file is baseitem.md)"}
	RuleJSONNotInTable = model.Rule{ID: "json-property-not-in-table", Severity: model.SevWarning,
		Summary: "a resource's JSON representation has a property that no Properties or Relationships table declares",
		Example: "\"toneInfo\": {...} in the JSON representation, no toneInfo row"}
	RuleTableNotInJSON = model.Rule{ID: "table-property-not-in-json", Severity: model.SevWarning,
		Summary: "a property of the Properties table is missing from the resource's JSON representation",
		Example: "|displayName|String|...| but no \"displayName\" in the JSON representation"}
	RuleJSONShape = model.Rule{ID: "json-shape-mismatch", Severity: model.SevWarning,
		Summary: "a JSON value's kind (array, object, scalar) disagrees with the property's declared type",
		Example: "|tags|String collection|...| with \"tags\": \"String\""}
	RuleExampleUnknownProperty = model.Rule{ID: "example-unknown-property", Severity: model.SevError,
		Summary: "a request or response example has a property that its type (with ancestors and derived types) does not declare",
		Example: "\"datastoreId\": \"...\" in an exactMatchSession response (the property is dataStoreId)"}
	RuleReadOnlyInBody = model.Rule{ID: "read-only-in-request-body", Severity: model.SevWarning,
		Summary: "a create or update page's request-body table lists a property documented as read-only",
		Example: "|createdDateTime|DateTimeOffset|...| in the Request body table of a Create page"}
	RuleInheritedFromMismatch = model.Rule{ID: "inherited-from-mismatch", Severity: model.SevWarning,
		Summary: "a row says \"Inherited from X\" but X is not an ancestor of the type or does not declare the property",
		Example: "|id|String|Inherited from [entity](entity.md).| on a type that does not derive from entity"}
	RuleCreateNotCreatable = model.Rule{ID: "create-not-creatable", Severity: model.SevError,
		Summary: "a Create page targets an abstract type, or a type with no addressable collection to post to",
		Example: "# Create exactMatchSessionBase (POST ** Collection URI ... not found)"}
	RuleContentLength = model.Rule{ID: "content-length-mismatch", Severity: model.SevWarning,
		Summary: "an example's Content-Length header does not match the length of its body",
		Example: "Content-length: 619 before a 602-byte body"}
	RuleStatusMismatch = model.Rule{ID: "status-code-mismatch", Severity: model.SevWarning,
		Summary: "a response example's status code contradicts the page's Response section or the method (201 for create, 204 for delete)",
		Example: "HTTP/1.1 200 OK on a page whose Response section says 201 Created"}
	RuleNoContentWithBody = model.Rule{ID: "no-content-with-body", Severity: model.SevError,
		Summary: "a 204 No Content response example has a body",
		Example: "HTTP/1.1 204 No Content\n\n{\"id\": \"1\"}"}
	RuleURLVersion = model.Rule{ID: "url-version-mismatch", Severity: model.SevWarning,
		Summary: "a request URL uses an unknown API version, or another version than the rest of the docs tree",
		Example: "GET https://graph.microsoft.com/beta/me (in a v1.0 docs tree)"}
	RuleURLHost = model.Rule{ID: "url-host-invalid", Severity: model.SevError,
		Summary: "a request URL's host is a misspelling of graph.microsoft.com",
		Example: "GET https://graph/microsoft.com/beta/groups"}
	RuleContentTypeMissing = model.Rule{ID: "content-type-missing", Severity: model.SevWarning,
		Summary: "a request example with a JSON body has no Content-Type header",
		Example: "POST https://graph.microsoft.com/v1.0/users\n\n{\"displayName\": \"x\"}"}
	RuleEnumValueNotMember = model.Rule{ID: "enum-value-not-member", Severity: model.SevWarning,
		Summary: "a description lists a possible value that is not a member of the property's enum type",
		Example: "|state|[sessionState](sessionstate.md)|Possible values are: `active`, `ended`.| (no ended member)"}
	RuleTruncated = model.Rule{ID: "truncated-annotation", Severity: model.SevWarning,
		Summary: "a response is introduced as shortened for readability but its annotation does not say truncated",
		Example: ">**Note:** The response object shown here might be shortened for readability.\n<!-- {\"blockType\": \"response\"} -->"}
	RuleTypePlaceholder = model.Rule{ID: "type-placeholder-value", Severity: model.SevWarning,
		Summary: "a request or response example uses a type name (\"String\", \"String (timestamp)\", \"Integer\") or an enum list as a value",
		Example: "\"createdDateTime\": \"String (timestamp)\" in a response example"}
	RuleCollectionShape = model.Rule{ID: "response-collection-shape", Severity: model.SevError,
		Summary: "a response annotated as a collection has no \"value\" array, or a single entity is wrapped in \"value\"",
		Example: "<!-- {\"blockType\": \"response\", \"isCollection\": true} --> with a bare object body"}
	RuleODataTypeMismatch = model.Rule{ID: "odata-type-mismatch", Severity: model.SevWarning,
		Summary: "a JSON representation's top-level @odata.type differs from its annotation's type",
		Example: "<!-- {\"@odata.type\": \"microsoft.graph.user\"} --> {\"@odata.type\": \"#microsoft.graph.group\"}"}
	RuleDuplicateOperation = model.Rule{ID: "duplicate-operation", Severity: model.SevInfo,
		Summary: "two API pages document the same operation: same target, kind and set of HTTP request paths",
		Example: "POST /dataClassification/exactMatchDataStores/{id}/sessions on two pages"}
	RuleTabGroup = model.Rule{ID: "tab-group-malformed", Severity: model.SevWarning,
		Summary: "a tab group (# [HTTP](#tab/http) ...) does not start with the HTTP tab, repeats a tab, or is not closed with a --- line",
		Example: "# [C#](#tab/csharp)\n...\n# [HTTP](#tab/http)\n...\n(no closing ---)"}
	RuleOrphanPage = model.Rule{ID: "orphan-page", Severity: model.SevInfo,
		Summary: "an API or resource page is not linked from any other page of the tree",
		Example: "api/widget-archive.md (no Methods table row or other page links to it)"}
	RuleBaseTypeUnstated = model.Rule{ID: "base-type-unstated", Severity: model.SevWarning,
		Summary: "a type's page names no base type although it has one: an entity type that declares the root entity's key, a relationship's target with no key, or a type only its parent's page lists as derived",
		Example: "# widget resource type ... | id | String | The identifier. | (no \"Inherits from [entity](entity.md)\")"}
	RuleNamespaceMismatch = model.Rule{ID: "namespace-mismatch", Severity: model.SevWarning,
		Summary: "a resource page's Namespace line differs from the namespace of the type it defines",
		Example: "Namespace: microsoft.graph (for microsoft.graph.callRecords.session)"}
)

// Rules lists the linter's own rules, sorted by ID.
var Rules = sortedRules([]model.Rule{
	RuleTODOPlaceholder, RuleGeneratorPlaceholder, RuleFrontMatterMissing, RuleDocTypeInvalid,
	RuleBlockTypeUnknown, RuleMissingAnnotation, RuleRequestWithoutResponse, RuleResponseWithoutRequest,
	RuleDuplicateRequestName, RuleRequestNameMalformed, RuleExampleUnknownType, RuleBrokenLink,
	RuleBrokenAnchor, RuleLinkCase, RuleJSONNotInTable, RuleTableNotInJSON, RuleJSONShape,
	RuleExampleUnknownProperty, RuleReadOnlyInBody, RuleInheritedFromMismatch, RuleCreateNotCreatable,
	RuleContentLength, RuleStatusMismatch, RuleNoContentWithBody, RuleURLVersion, RuleURLHost,
	RuleContentTypeMissing, RuleEnumValueNotMember, RuleTruncated, RuleTypePlaceholder,
	RuleCollectionShape, RuleODataTypeMismatch, RuleNamespaceMismatch, RuleDuplicateOperation,
	RuleTabGroup, RuleOrphanPage, RuleBaseTypeUnstated,
	// check_outline.go, check_http.go, check_include.go, check_kinds.go
	RuleSectionOrder, RuleSectionMisspelt, RuleSectionMissing, RuleHTTPHeaderInvalid, RuleURLTooLong,
	RuleIncludeMissing, RuleIncludeCycle, RuleRelationshipNotEntity, RulePropertyIsEntity,
})

func sortedRules(rs []model.Rule) []model.Rule {
	out := append([]model.Rule(nil), rs...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
