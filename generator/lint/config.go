package lint

import (
	"bytes"
	"fmt"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/apidocgen/apidocgen/generator/model"
	"gopkg.in/yaml.v3"
)

// ConfigFileName is the lint configuration file looked for in the docs
// root.
const ConfigFileName = ".apidocgen-lint.yaml"

// A Config adjusts what the linter reports. It is read from
// .apidocgen-lint.yaml (or another file given to -config), or from the
// "lint:" section of a shared YAML file:
//
//	preset: core                # auto (the default), graph or core; see Presets
//	rules:                      # per-rule severity: error, warning, info or off
//	  content-length-mismatch: off
//	  todo-placeholder: warning
//	ignore:                     # per-path disables
//	  - paths: ["api/intune-*.md", "resources/**/legacy-*.md"]
//	    rules: [code-block-missing-annotation]   # omitted: every rule
//	metadata:                   # cross-check the docs against the API's CSDL
//	  file: ../metadata/v1.0.xml  # relative to the configuration file
//	  types: [entity, complex]    # kinds of metadata types that need a page (default: all)
type Config struct {
	// Preset is PresetAuto, PresetGraph or PresetCore; "" means PresetAuto.
	Preset string
	// Severity maps a rule ID to its severity; "off" disables the rule.
	// A rule of GraphConventions given a severity other than "off" is on
	// whatever the preset.
	Severity map[string]string
	Ignore   []IgnoreEntry
	// Metadata is the metadata file to cross-check the docs against, as
	// a path joined to the configuration file's folder; "" for none.
	Metadata string
	// MetadataTypes are the kinds of metadata types that the docs must
	// define (metadata-type-missing); nil means every kind.
	MetadataTypes []model.TypeKind
}

// An IgnoreEntry disables rules (all when Rules is empty) for paths
// matching any of Paths. A glob without '/' matches the file's base name;
// '**' matches any number of directories.
type IgnoreEntry struct {
	Paths []string
	Rules []string
	res   []*regexp.Regexp
}

// A ConfigError is a problem in a configuration file, at a line and column.
type ConfigError struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *ConfigError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// ParseConfig reads a configuration. A file with a top-level "lint:" key,
// or named apidocgen.yaml, is read for that section only (its other keys
// belong to other commands); any other file is a lint configuration as a
// whole. Unknown keys, rule IDs and severities are errors that carry their
// line and column.
func ParseConfig(name string, data []byte) (*Config, error) {
	cfg := &Config{Severity: map[string]string{}}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if err.Error() == "EOF" {
			return cfg, nil
		}
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if len(doc.Content) == 0 {
		return cfg, nil
	}
	root := doc.Content[0]
	errAt := func(n *yaml.Node, format string, args ...any) error {
		return &ConfigError{File: name, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, args...)}
	}
	if root.Kind != yaml.MappingNode {
		if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
			return cfg, nil
		}
		return nil, errAt(root, "configuration must be a mapping")
	}
	var sec *yaml.Node
	hasLint := false
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "lint" {
			sec, hasLint = root.Content[i+1], true
		}
	}
	if base := path.Base(name); hasLint || base == "apidocgen.yaml" || base == "apidocgen.yml" {
		if sec == nil || sec.Tag == "!!null" {
			return cfg, nil
		}
		if sec.Kind != yaml.MappingNode {
			return nil, errAt(sec, "\"lint\" must be a mapping")
		}
		root = sec
	}
	known := map[string]bool{}
	for _, r := range AllRules() {
		known[r.ID] = true
	}
	checkRule := func(n *yaml.Node) error {
		if n.Kind != yaml.ScalarNode {
			return errAt(n, "rule ID must be a string")
		}
		if !known[n.Value] {
			return errAt(n, "unknown rule %q%s", n.Value, suggestRule(n.Value))
		}
		return nil
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "preset":
			if v.Kind != yaml.ScalarNode || !containsStr(Presets, v.Value) {
				return nil, errAt(v, "preset %q is not one of %s", v.Value, strings.Join(Presets, ", "))
			}
			cfg.Preset = v.Value
		case "rules":
			if v.Tag == "!!null" {
				continue
			}
			if v.Kind != yaml.MappingNode {
				return nil, errAt(v, "\"rules\" must map rule IDs to error, warning, info or off")
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				rk, rv := v.Content[j], v.Content[j+1]
				if err := checkRule(rk); err != nil {
					return nil, err
				}
				sev := strings.ToLower(rv.Value)
				if rv.Kind != yaml.ScalarNode || (sev != "error" && sev != "warning" && sev != "info" && sev != "off") {
					if rv.Tag == "!!bool" && sev == "false" {
						sev = "off" // YAML 1.1 reads a bare off as false
					} else {
						return nil, errAt(rv, "severity %q is not one of error, warning, info, off", rv.Value)
					}
				}
				cfg.Severity[rk.Value] = sev
			}
		case "ignore":
			if v.Tag == "!!null" {
				continue
			}
			if v.Kind != yaml.SequenceNode {
				return nil, errAt(v, "\"ignore\" must be a list of {paths, rules} entries")
			}
			for _, e := range v.Content {
				if e.Kind != yaml.MappingNode {
					return nil, errAt(e, "an ignore entry must be a mapping with \"paths\" and optional \"rules\"")
				}
				var ent IgnoreEntry
				for j := 0; j+1 < len(e.Content); j += 2 {
					ek, ev := e.Content[j], e.Content[j+1]
					list, err := stringList(ev, errAt)
					if err != nil {
						return nil, err
					}
					switch ek.Value {
					case "paths", "path":
						for _, g := range list {
							re, err := globRegexp(g)
							if err != nil {
								return nil, errAt(ev, "bad glob %q: %v", g, err)
							}
							ent.Paths = append(ent.Paths, g)
							ent.res = append(ent.res, re)
						}
					case "rules", "rule":
						items := ev.Content
						if ev.Kind == yaml.ScalarNode {
							items = []*yaml.Node{ev}
						}
						for _, n := range items {
							if err := checkRule(n); err != nil {
								return nil, err
							}
						}
						ent.Rules = list
					default:
						return nil, errAt(ek, "unknown key %q in ignore entry (want paths, rules)", ek.Value)
					}
				}
				if len(ent.Paths) == 0 {
					return nil, errAt(e, "ignore entry has no \"paths\"")
				}
				cfg.Ignore = append(cfg.Ignore, ent)
			}
		case "metadata":
			if err := cfg.parseMetadata(name, v, errAt); err != nil {
				return nil, err
			}
		default:
			return nil, errAt(k, "unknown key %q (want preset, rules, ignore, metadata)", k.Value)
		}
	}
	return cfg, nil
}

// parseMetadata reads the "metadata" key: a file name, or a mapping with
// "file" and "types".
func (cfg *Config) parseMetadata(name string, v *yaml.Node, errAt func(*yaml.Node, string, ...any) error) error {
	setFile := func(n *yaml.Node) error {
		if n.Kind != yaml.ScalarNode || n.Value == "" {
			return errAt(n, "\"metadata\" file must be a path")
		}
		cfg.Metadata = n.Value
		if !filepath.IsAbs(n.Value) {
			cfg.Metadata = filepath.Join(filepath.Dir(name), filepath.FromSlash(n.Value))
		}
		return nil
	}
	switch v.Kind {
	case yaml.ScalarNode:
		if v.Tag == "!!null" {
			return nil
		}
		return setFile(v)
	case yaml.MappingNode:
	default:
		return errAt(v, "\"metadata\" must be a file path or a mapping with file and types")
	}
	for j := 0; j+1 < len(v.Content); j += 2 {
		mk, mv := v.Content[j], v.Content[j+1]
		switch mk.Value {
		case "file":
			if err := setFile(mv); err != nil {
				return err
			}
		case "types":
			list, err := stringList(mv, errAt)
			if err != nil {
				return err
			}
			cfg.MetadataTypes = []model.TypeKind{}
			for _, k := range list {
				switch tk := model.TypeKind(k); tk {
				case model.KindEntity, model.KindComplex, model.KindEnum:
					cfg.MetadataTypes = append(cfg.MetadataTypes, tk)
				default:
					return errAt(mv, "metadata type kind %q is not one of entity, complex, enum", k)
				}
			}
		default:
			return errAt(mk, "unknown key %q in metadata (want file, types)", mk.Value)
		}
	}
	if cfg.Metadata == "" {
		return errAt(v, "\"metadata\" has no file")
	}
	return nil
}

func stringList(n *yaml.Node, errAt func(*yaml.Node, string, ...any) error) ([]string, error) {
	switch n.Kind {
	case yaml.ScalarNode:
		return []string{n.Value}, nil
	case yaml.SequenceNode:
		var out []string
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				return nil, errAt(c, "expected a string")
			}
			out = append(out, c.Value)
		}
		return out, nil
	}
	return nil, errAt(n, "expected a string or a list of strings")
}

func suggestRule(id string) string {
	var ids []string
	for _, r := range AllRules() {
		ids = append(ids, r.ID)
	}
	if best := closest(id, ids, 4); best != "" {
		return `; did you mean "` + best + `"?`
	}
	return ""
}

// globRegexp turns a path glob into a regexp over slash paths.
func globRegexp(g string) (*regexp.Regexp, error) {
	g = strings.TrimPrefix(g, "./")
	var b strings.Builder
	b.WriteString("^")
	if !strings.Contains(g, "/") {
		b.WriteString("(?:.*/)?")
	}
	for i := 0; i < len(g); i++ {
		c := g[i]
		switch {
		case c == '*' && i+1 < len(g) && g[i+1] == '*':
			i++
			if i+1 < len(g) && g[i+1] == '/' {
				i++
				b.WriteString("(?:.*/)?")
			} else {
				b.WriteString(".*")
			}
		case c == '*':
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("$")
	return regexp.Compile(b.String())
}

// severity returns the severity of a finding of rule in file, and false
// when the configuration turns it off there.
func (c *Config) severity(rule, file string, def model.Severity) (model.Severity, bool) {
	for _, e := range c.Ignore {
		if len(e.Rules) > 0 && !containsStr(e.Rules, rule) {
			continue
		}
		for _, re := range e.res {
			if re.MatchString(file) {
				return "", false
			}
		}
	}
	switch s := c.Severity[rule]; s {
	case "":
		return def, true
	case "off":
		return "", false
	default:
		return model.Severity(s), true
	}
}

// RuleSeverity returns the configured severity of rule ("off" when
// disabled), given its default. A rule of GraphConventions is "off" under
// an explicit core preset; under auto the preset depends on the docs tree,
// and the default is returned.
func (c *Config) RuleSeverity(rule string, def model.Severity) string {
	if c != nil {
		if s, ok := c.Severity[rule]; ok {
			return s
		}
		if c.Preset == PresetCore && IsGraphConvention(rule) {
			return "off"
		}
	}
	return string(def)
}
