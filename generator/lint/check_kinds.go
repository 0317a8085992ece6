package lint

import (
	"github.com/apidocgen/apidocgen/generator/model"
)

// Relationship kinds (anchor §7 item 28): a Relationships table lists
// navigation properties, which point at entity types; a Properties table
// lists structural properties, whose types are primitives, enums or
// complex types. Only rows whose type resolves to a type of the docs are
// judged.

var (
	RuleRelationshipNotEntity = model.Rule{ID: "relationship-not-entity", Severity: model.SevWarning,
		Summary: "a Relationships table row's type is an enum, a primitive or a complex type without an id, not an entity type (it belongs in the Properties table); a target with an id but no declared key is taken for an entity whose page lacks its key",
		Example: "## Relationships\n|location|[physicalAddress](physicaladdress.md)|...| (physicalAddress is a complex type)"}
	RulePropertyIsEntity = model.Rule{ID: "property-is-entity", Severity: model.SevWarning,
		Summary: "a Properties table row of an entity type has an entity type (a navigation property belongs in the Relationships table); complex types, which list entity-typed members on real pages, are not judged",
		Example: "## Properties\n|manager|[user](user.md)|...| (user is an entity type)"}
)

func (l *linter) checkRelationshipKinds() {
	for _, t := range l.m.Types {
		if t.Kind == model.KindEnum {
			continue
		}
		for _, p := range t.Properties {
			if p.Pos.File == "" || !p.Type.Resolved() || p.FromExample {
				continue // a member of the JSON representation is no table row
			}
			target := p.Type.Type
			switch {
			case p.Relationship && p.Type.IsPrimitive():
				l.add(p.Pos, RuleRelationshipNotEntity, "relationship %q of %s has the primitive type %s, not an entity type", p.Name, t.Name, p.Type.String())
			case p.Relationship && target != nil && target.Kind == model.KindEnum:
				l.add(p.Pos, RuleRelationshipNotEntity, "relationship %q of %s has the enum type %q, not an entity type", p.Name, t.Name, target.Name)
			case p.Relationship && target != nil && target.Kind == model.KindComplex && target.Property("id") == nil:
				// A complex target with an id is an entity whose page
				// forgot its key (keyProperty or an entity base type): the
				// target page is wrong, not this row.
				l.add(p.Pos, RuleRelationshipNotEntity, "relationship %q of %s points at %q, which %s does not define as an entity type (no id, no key, no entity base type)", p.Name, t.Name, target.Name, target.Pos.File)
			case !p.Relationship && t.Kind == model.KindEntity && target != nil && target.Kind == model.KindEntity:
				// Complex types (search hits, notifications, action
				// results) list entity-typed members in their Properties
				// table on real pages; only entity types are judged.
				l.add(p.Pos, RulePropertyIsEntity, "property %q of %s has the type %q, which %s defines as an entity type: either the row belongs in the Relationships table or that type is not an entity", p.Name, t.Name, target.Name, target.Pos.File)
			}
		}
	}
}
