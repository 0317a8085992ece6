package lint

import (
	"regexp"
	"slices"
	"strings"

	"github.com/apidocgen/apidocgen/generator/compile"
	"github.com/apidocgen/apidocgen/generator/crosscheck"
	"github.com/apidocgen/apidocgen/generator/model"
)

// baseRules are the docs-only rules about a type's base type.
var baseRules = map[string]bool{
	RuleBaseTypeUnstated.ID: true, compile.RuleBaseTypeInferred.ID: true, compile.RuleInheritanceConflict.ID: true,
	compile.RuleInheritanceCycle.ID: true, compile.RuleUnknownBaseType.ID: true,
}

// propertyRules are the docs-only rules about one property (a row, or a
// member of a JSON representation).
var propertyRules = map[string]bool{
	compile.RuleDuplicateProperty.ID: true, compile.RuleTypeCellMalformed.ID: true, compile.RuleUnknownType.ID: true,
	compile.RuleTableMalformed.ID: true, RulePropertyIsEntity.ID: true, RuleRelationshipNotEntity.ID: true,
	RuleTableNotInJSON.ID: true, RuleJSONNotInTable.ID: true, RuleInheritedFromMismatch.ID: true,
	RuleEnumValueNotMember.ID: true, RuleURLPropertyUnlisted.ID: true, compile.RuleTypeLinkMismatch.ID: true,
	RuleAnnotationPropertyUnlisted.ID: true,
}

var reQuotedProperty = regexp.MustCompile(`property "([^"]+)"`)

// flaggedFigure maps each of the cross-check's rules counted by
// crosscheck.Flagged to the figure whose disagreements it reports.
var flaggedFigure = map[string]string{
	crosscheck.RuleBaseType.ID: crosscheck.FigBaseTypes, crosscheck.RulePropertyMissing.ID: crosscheck.FigPropertiesFound,
	crosscheck.RulePropertyUnknown.ID: crosscheck.FigPropertyPrecision, crosscheck.RulePropertyType.ID: crosscheck.FigPropertyTypes,
	crosscheck.RulePropertyCollection.ID: crosscheck.FigCollections, crosscheck.RulePropertyKind.ID: crosscheck.FigPropertyKinds,
}

// flagged counts crosscheck.Flagged over all, the unfiltered findings of
// a run with metadata: a base finding is flagged when a finding of a
// base rule falls in the definition of its type; a finding on a row when
// a finding of a property rule is on the same row; a missing property
// when a finding of a property rule in the definition of its type names
// it ("x"). The figure's attribution splits the findings left unflagged
// by the attribution of their disagreement (ds, the summary's).
func flagged(m *model.Model, all []model.Diagnostic, ds []crosscheck.Disagreement) crosscheck.Figure {
	type key struct {
		fig  string
		pos  model.Pos
		what string
	}
	answered := map[key]bool{}
	for _, d := range ds {
		k := key{d.Figure, d.Pos, ""}
		if d.Figure == crosscheck.FigPropertiesFound {
			k.what = d.What[strings.LastIndexByte(d.What, '.')+1:]
		}
		answered[k] = d.Answer != nil
	}
	defs := crosscheck.NewDefinitions(m)
	byFile := map[string][]model.Diagnostic{}
	for _, d := range all {
		if !strings.HasPrefix(d.Rule, "metadata-") && !strings.HasPrefix(d.Rule, "csdl-") {
			byFile[d.Pos.File] = append(byFile[d.Pos.File], d)
		}
	}
	// A type link's finding off the property rows is about an inheritance
	// sentence.
	rows := map[model.Pos]bool{}
	for _, t := range m.Types {
		for _, p := range t.Properties {
			rows[model.Pos{File: p.Pos.File, Line: p.Pos.Line}] = true
		}
	}
	baseRule := func(o model.Diagnostic) bool {
		return baseRules[o.Rule] || o.Rule == compile.RuleTypeLinkMismatch.ID && !rows[model.Pos{File: o.Pos.File, Line: o.Pos.Line}]
	}
	f := crosscheck.Flagged
	for _, d := range all {
		fig, counted := flaggedFigure[d.Rule]
		if !counted {
			continue
		}
		f.Total++
		from, to := defs.Span(d.Pos)
		inDef := func(o model.Diagnostic) bool { return o.Pos.Line >= from && (to == 0 || o.Pos.Line < to) }
		missing := "" // the property a missing-property finding names
		if d.Rule == crosscheck.RulePropertyMissing.ID {
			if mm := reQuotedProperty.FindStringSubmatch(d.Message); mm != nil {
				missing = mm[1]
			}
		}
		var about func(o model.Diagnostic) bool
		switch d.Rule {
		case crosscheck.RuleBaseType.ID:
			about = func(o model.Diagnostic) bool { return baseRule(o) && inDef(o) }
		case crosscheck.RulePropertyMissing.ID:
			about = func(o model.Diagnostic) bool {
				return propertyRules[o.Rule] && inDef(o) && missing != "" && strings.Contains(o.Message, `"`+missing+`"`)
			}
		default:
			about = func(o model.Diagnostic) bool { return propertyRules[o.Rule] && o.Pos.Line == d.Pos.Line }
		}
		if slices.ContainsFunc(byFile[d.Pos.File], about) {
			f.Agree++
			continue
		}
		if ans, found := answered[key{fig, d.Pos, missing}]; found {
			if f.Attribution == nil {
				f.Attribution = &crosscheck.Attribution{}
			}
			if ans {
				f.Attribution.DocsHold++
			} else {
				f.Attribution.Silent++
			}
		}
	}
	return f
}
