package lint

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/apidocgen/apidocgen/generator/model"
)

// Formats lists the output formats of Write.
var Formats = []string{"text", "json", "sarif", "github", "junit"}

// ReportOptions say how findings are written.
type ReportOptions struct {
	// Prefix is prepended to file paths in github, sarif and junit output: the
	// docs root relative to the repository root, slash-separated, "" or
	// ending in "/".
	Prefix string
	// Rules are the rules described in SARIF output (AllRules by default).
	Rules []model.Rule
	// Version is the tool version written to SARIF.
	Version string
}

// Write writes findings in the given format.
func Write(w io.Writer, format string, ds []model.Diagnostic, opts ReportOptions) error {
	switch format {
	case "text", "":
		var b bytes.Buffer
		for _, d := range ds {
			fmt.Fprintf(&b, "%s: %s: %s [%s]\n", d.Pos, d.Severity, d.Message, d.Rule)
		}
		_, err := w.Write(b.Bytes())
		return err
	case "json":
		return writeJSON(w, jsonReport(ds))
	case "sarif":
		return writeJSON(w, sarifReport(ds, opts))
	case "junit":
		return writeJUnit(w, ds, opts)
	case "github":
		var b bytes.Buffer
		for _, d := range ds {
			level := "error"
			switch d.Severity {
			case model.SevWarning:
				level = "warning"
			case model.SevInfo:
				level = "notice"
			}
			fmt.Fprintf(&b, "::%s file=%s,line=%d,col=%d,title=%s::%s\n", level,
				ghProperty(opts.Prefix+d.Pos.File), d.Pos.Line, d.Pos.Col, ghProperty(d.Rule), ghData(d.Message))
		}
		_, err := w.Write(b.Bytes())
		return err
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

func writeJSON(w io.Writer, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

type jsonFinding struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Rule     string `json:"rule"`
	Message  string `json:"message"`
}

type jsonOut struct {
	Findings []jsonFinding  `json:"findings"`
	Summary  map[string]int `json:"summary"`
}

func jsonReport(ds []model.Diagnostic) jsonOut {
	out := jsonOut{Findings: []jsonFinding{}, Summary: map[string]int{"error": 0, "warning": 0, "info": 0}}
	for _, d := range ds {
		out.Findings = append(out.Findings, jsonFinding{d.Pos.File, d.Pos.Line, d.Pos.Col, string(d.Severity), d.Rule, d.Message})
		out.Summary[string(d.Severity)]++
	}
	return out
}

// SARIF 2.1.0 objects (the subset written).
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                   `json:"tool"`
	OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
	Results            []sarifResult               `json:"results"`
	ColumnKind         string                      `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID                   string       `json:"id"`
	Name                 string       `json:"name"`
	ShortDescription     sarifText    `json:"shortDescription"`
	FullDescription      sarifText    `json:"fullDescription"`
	Help                 sarifText    `json:"help"`
	DefaultConfiguration sarifRuleCfg `json:"defaultConfiguration"`
}

type sarifRuleCfg struct {
	Level string `json:"level"`
}

type sarifArtifactLoc struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
	Region           sarifRegion      `json:"region"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
}

// SARIFBaseID is the uriBaseId of result locations: the root of the
// source tree (the repository), as GitHub code scanning expects. Result
// URIs are ReportOptions.Prefix + the path relative to the docs root.
const SARIFBaseID = "%SRCROOT%"

func sarifLevel(s model.Severity) string {
	switch s {
	case model.SevWarning:
		return "warning"
	case model.SevInfo:
		return "note"
	}
	return "error"
}

func sarifReport(ds []model.Diagnostic, opts ReportOptions) sarifLog {
	rules := opts.Rules
	if rules == nil {
		rules = AllRules()
	}
	index := map[string]int{}
	drv := sarifDriver{Name: "apidocgen-lint", Version: opts.Version,
		InformationURI: "https://github.com/apidocgen/apidocgen/blob/main/docs/rules.md", Rules: []sarifRule{}}
	for i, r := range rules {
		index[r.ID] = i
		drv.Rules = append(drv.Rules, sarifRule{ID: r.ID, Name: ruleName(r.ID),
			ShortDescription: sarifText{r.Summary}, FullDescription: sarifText{r.Summary},
			Help:                 sarifText{"Example: " + r.Example},
			DefaultConfiguration: sarifRuleCfg{sarifLevel(r.Severity)}})
	}
	run := sarifRun{Tool: sarifTool{Driver: drv}, Results: []sarifResult{}, ColumnKind: "unicodeCodePoints"}
	for _, d := range ds {
		i, ok := index[d.Rule]
		if !ok {
			i = -1
		}
		res := sarifResult{RuleID: d.Rule, RuleIndex: i, Level: sarifLevel(d.Severity), Message: sarifText{d.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifactLoc{URI: uriEscape(opts.Prefix + d.Pos.File), URIBaseID: SARIFBaseID},
				Region:           sarifRegion{StartLine: max(d.Pos.Line, 1), StartColumn: max(d.Pos.Col, 1)},
			}}}}
		run.Results = append(run.Results, res)
	}
	return sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}}
}

// ruleName turns a kebab-case ID into the PascalCase name SARIF viewers show.
func ruleName(id string) string {
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

// uriEscape percent-encodes the characters a relative URI reference may
// not hold literally.
func uriEscape(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`"%<>\^`+"`"+`{|}#?[]`, c) >= 0 {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
