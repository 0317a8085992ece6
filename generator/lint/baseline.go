package lint

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/apidocgen/apidocgen/generator/model"
)

// A Baseline is a set of accepted findings. Findings are matched on file,
// rule and message, not on line numbers, so edits elsewhere in a page do
// not invalidate it; matching is count-aware, so a second identical
// finding in a file is new when the baseline holds one.
type Baseline struct {
	Version  int             `json:"version"`
	Findings []BaselineEntry `json:"findings"`
}

// A BaselineEntry is one accepted (file, rule, message) with how many
// times it occurs.
type BaselineEntry struct {
	File    string `json:"file"`
	Rule    string `json:"rule"`
	Message string `json:"message"`
	Count   int    `json:"count"`
}

type baselineKey struct{ file, rule, msg string }

// NewBaseline builds a baseline accepting every finding of ds.
func NewBaseline(ds []model.Diagnostic) *Baseline {
	counts := map[baselineKey]int{}
	for _, d := range ds {
		counts[baselineKey{d.Pos.File, d.Rule, d.Message}]++
	}
	b := &Baseline{Version: 1, Findings: []BaselineEntry{}}
	for k, n := range counts {
		b.Findings = append(b.Findings, BaselineEntry{File: k.file, Rule: k.rule, Message: k.msg, Count: n})
	}
	sort.Slice(b.Findings, func(i, j int) bool {
		x, y := b.Findings[i], b.Findings[j]
		if x.File != y.File {
			return x.File < y.File
		}
		if x.Rule != y.Rule {
			return x.Rule < y.Rule
		}
		return x.Message < y.Message
	})
	return b
}

// Marshal returns the baseline as stable, indented JSON.
func (b *Baseline) Marshal() []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(b)
	return buf.Bytes()
}

// ParseBaseline reads a baseline written by Marshal.
func ParseBaseline(data []byte) (*Baseline, error) {
	var b Baseline
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("baseline: %v", err)
	}
	if b.Version != 1 {
		return nil, fmt.Errorf("baseline: unsupported version %d", b.Version)
	}
	return &b, nil
}

// Filter returns the findings of ds the baseline does not cover, in order.
// Of several identical findings, the first ones (in ds order) are
// considered accepted.
func (b *Baseline) Filter(ds []model.Diagnostic) []model.Diagnostic {
	left := map[baselineKey]int{}
	for _, e := range b.Findings {
		left[baselineKey{e.File, e.Rule, e.Message}] += e.Count
	}
	var out []model.Diagnostic
	for _, d := range ds {
		k := baselineKey{d.Pos.File, d.Rule, d.Message}
		if left[k] > 0 {
			left[k]--
			continue
		}
		out = append(out, d)
	}
	return out
}
