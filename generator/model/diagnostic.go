package model

import (
	"fmt"
	"sort"
)

// Severity is how serious a diagnostic is.
type Severity string

// The severities, most serious first.
const (
	SevError   Severity = "error"
	SevWarning Severity = "warning"
	SevInfo    Severity = "info"
)

// A Rule is a kind of problem, with a stable ID used in output, config
// files, suppressions and baselines.
type Rule struct {
	ID       string   `json:"id"`       // kebab-case, stable, e.g. "unknown-type"
	Severity Severity `json:"severity"` // default severity
	Summary  string   `json:"summary"`  // one line, lower-case, no trailing period
	Example  string   `json:"example"`  // a short snippet of docs that triggers it
}

// A Diagnostic is one problem found at one place.
type Diagnostic struct {
	Pos      Pos      `json:"pos"`
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"` // lower-case, no trailing period, values quoted with %q
}

// String formats d as "file:line:col: severity: message [rule]".
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s [%s]", d.Pos, d.Severity, d.Message, d.Rule)
}

// Diagnostics collects diagnostics.
type Diagnostics struct {
	List []Diagnostic
}

// Add records a diagnostic of rule r at pos with the rule's default severity.
func (ds *Diagnostics) Add(pos Pos, r Rule, format string, args ...any) {
	ds.List = append(ds.List, Diagnostic{Pos: pos, Rule: r.ID, Severity: r.Severity, Message: fmt.Sprintf(format, args...)})
}

// SortDiagnostics sorts by file, line, column, rule and message, and drops
// exact duplicates.
func SortDiagnostics(list []Diagnostic) []Diagnostic {
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
	out := list[:0]
	for i, d := range list {
		if i > 0 && d == list[i-1] {
			continue
		}
		out = append(out, d)
	}
	return out
}

func sortTypes(ts []*Type) {
	sort.Slice(ts, func(i, j int) bool { return QualifiedLess(ts[i], ts[j]) })
}
