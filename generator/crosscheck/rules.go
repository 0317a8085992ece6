package crosscheck

import "github.com/apidocgen/apidocgen/generator/model"

// The rules of the cross-check: each is one kind of disagreement between
// the docs and the API's metadata, reported at the docs position (the
// row, the enum member, the type's heading) or, for what the docs lack
// entirely, at the metadata's.
var (
	RuleTypeMissing = model.Rule{ID: "metadata-type-missing", Severity: model.SevWarning,
		Summary: "a type of the metadata is not defined in the docs (reported at the metadata; which kinds need a page is configurable)",
		Example: "<ComplexType Name=\"shippingLabel\"> in the metadata, no shippingLabel page or section in the docs"}
	RuleTypeUnknown = model.Rule{ID: "metadata-type-unknown", Severity: model.SevWarning,
		Summary: "the docs define a type (a resource page, an enum page or an enum used as a property type) that the metadata does not have",
		Example: "# widgetFactory resource type (no widgetFactory in the metadata)"}
	RuleTypeKind = model.Rule{ID: "metadata-type-kind-mismatch", Severity: model.SevError,
		Summary: "the docs define a type as an enum where the metadata has a structured type, or the other way round",
		Example: "### size values (an enum) for a ComplexType size in the metadata"}
	RuleNameCase = model.Rule{ID: "metadata-name-case", Severity: model.SevWarning,
		Summary: "a type, property or enum member name differs from the metadata's only in case (JSON names are case-sensitive)",
		Example: "| DisplayName | String | ... | for the metadata's displayName"}
	RuleBaseType = model.Rule{ID: "metadata-base-type-mismatch", Severity: model.SevError,
		Summary: "the docs give a type another direct base type than the metadata, or none where the metadata has one",
		Example: "Inherits from [entity](entity.md). (the metadata derives it from directoryObject)"}
	RuleAbstract = model.Rule{ID: "metadata-abstract-mismatch", Severity: model.SevWarning,
		Summary: "the docs and the metadata disagree on whether a type is abstract",
		Example: "an abstract EntityType whose resource annotation has no \"abstract\": true"}
	RuleOpenType = model.Rule{ID: "metadata-open-type-mismatch", Severity: model.SevWarning,
		Summary: "the docs and the metadata disagree on whether a type is open (accepts undeclared properties)",
		Example: "OpenType=\"true\" in the metadata, \"openType\": false in the resource annotation"}
	RulePropertyMissing = model.Rule{ID: "metadata-property-missing", Severity: model.SevWarning,
		Summary: "a property of the metadata's type is not in the docs' tables for that type or its ancestors",
		Example: "<Property Name=\"weight\"> in the metadata, no weight row on the page"}
	RulePropertyUnknown = model.Rule{ID: "metadata-property-unknown", Severity: model.SevError,
		Summary: "a property row names a property that the metadata's type and its ancestors do not have",
		Example: "| wieght | Double | ... | (the metadata has weight)"}
	RulePropertyType = model.Rule{ID: "metadata-property-type-mismatch", Severity: model.SevError,
		Summary: "a property's type in the docs differs from the metadata's (Single and Double count as the same)",
		Example: "| size | Int32 | ... | for Edm.Int64 in the metadata"}
	RulePropertyCollection = model.Rule{ID: "metadata-property-collection-mismatch", Severity: model.SevError,
		Summary: "a property is a collection in the docs and a single value in the metadata, or the other way round",
		Example: "| tags | String | ... | for Collection(Edm.String) in the metadata"}
	RulePropertyNullable = model.Rule{ID: "metadata-property-nullable-mismatch", Severity: model.SevWarning,
		Summary: "the docs say a single-valued property is (not) nullable and the metadata says the opposite",
		Example: "| appId | String | ... Not nullable. | with no Nullable=\"false\" in the metadata"}
	RulePropertyKind = model.Rule{ID: "metadata-property-kind-mismatch", Severity: model.SevWarning,
		Summary: "a property is in the Relationships table but is structural in the metadata, or a navigation property is in the Properties table",
		Example: "| manager | [user](user.md) | ... | in Properties, a NavigationProperty in the metadata"}
	RuleMemberMissing = model.Rule{ID: "metadata-enum-member-missing", Severity: model.SevWarning,
		Summary: "a member of the metadata's enum is not listed in the docs' enum",
		Example: "<Member Name=\"unknownFutureValue\"> missing from the values table"}
	RuleMemberUnknown = model.Rule{ID: "metadata-enum-member-unknown", Severity: model.SevError,
		Summary: "the docs list an enum member that the metadata's enum does not have",
		Example: "| clientIpAddress | ... | in changeType values (not a member in the metadata)"}
	RuleFlags = model.Rule{ID: "metadata-enum-flags-mismatch", Severity: model.SevWarning,
		Summary: "the metadata's enum is a flags enum (values combine) and the docs' is not",
		Example: "<EnumType Name=\"days\" IsFlags=\"true\"> documented as a plain enum"}

	RuleOperationMissing = model.Rule{ID: "metadata-operation-missing", Severity: model.SevWarning,
		Summary: "an action or function of the metadata has no API page (reported on the page of its binding type; those bound to a type the docs lack, together at that type in the metadata)",
		Example: "<Action Name=\"archive\" IsBound=\"true\"> bound to message, no page POSTs to .../archive"}
	RuleOperationUnknown = model.Rule{ID: "metadata-operation-unknown", Severity: model.SevError,
		Summary: "an API page documents an action or function that the metadata does not define",
		Example: "POST /me/messages/{id}/achive (the metadata has archive)"}
	RuleOperationParameters = model.Rule{ID: "metadata-operation-parameters-mismatch", Severity: model.SevWarning,
		Summary: "an action's or function's parameter table lists a parameter the metadata does not have, lacks one it has, or gives another type",
		Example: "| comment | String | ... | in the request body of an action whose metadata has no comment parameter"}
	RuleOperationReturn = model.Rule{ID: "metadata-operation-return-mismatch", Severity: model.SevWarning,
		Summary: "the type an API page says an action or function returns differs from the metadata's return type",
		Example: "\"returns a [message](message.md) object\" for an action whose metadata returns nothing"}
)

// Rules lists the cross-check's rules, sorted by ID.
var Rules = sortRules([]model.Rule{
	RuleTypeMissing, RuleTypeUnknown, RuleTypeKind, RuleNameCase, RuleBaseType, RuleAbstract, RuleOpenType,
	RulePropertyMissing, RulePropertyUnknown, RulePropertyType, RulePropertyCollection, RulePropertyNullable,
	RulePropertyKind, RuleMemberMissing, RuleMemberUnknown, RuleFlags,
	RuleOperationMissing, RuleOperationUnknown, RuleOperationParameters, RuleOperationReturn,
})
