package lint

import (
	"github.com/apidocgen/apidocgen/generator/compile"
	"github.com/apidocgen/apidocgen/generator/crosscheck"
	"github.com/apidocgen/apidocgen/generator/genschema"
	"github.com/apidocgen/apidocgen/generator/metadata"
	"github.com/apidocgen/apidocgen/generator/model"
)

// AllRules returns every rule a lint run can report: the compiler's, the
// example checks' and the linter's own, and with -metadata the metadata
// reader's and the cross-check's, sorted by ID.
func AllRules() []model.Rule {
	var all []model.Rule
	all = append(all, compile.Rules...)
	all = append(all, genschema.Rules...)
	all = append(all, Rules...)
	all = append(all, metadata.Rules...)
	all = append(all, crosscheck.Rules...)
	return sortedRules(all)
}

// RuleByID returns the rule with the given ID.
func RuleByID(id string) (model.Rule, bool) {
	for _, r := range AllRules() {
		if r.ID == id {
			return r, true
		}
	}
	return model.Rule{}, false
}

func defaultExtra(extra []func(*model.Model) []model.Diagnostic) []func(*model.Model) []model.Diagnostic {
	if extra != nil {
		return extra
	}
	return []func(*model.Model) []model.Diagnostic{genschema.CheckExamples}
}
