package generator

import (
	"bytes"
	"fmt"
	"go/token"
	"path"
	"sort"
	"strings"

	"github.com/apidocgen/apidocgen/generator/gengo"
	"gopkg.in/yaml.v3"
)

// ConfigFile is the name of the configuration file looked for in the
// current folder (the folder of the //go:generate line).
const ConfigFile = "apidocgen.yaml"

// DefaultPackage is the Go package name used when none is configured.
const DefaultPackage = "graph"

// A Config says what to read and what to generate. Paths are
// slash-separated; Docs are relative to the file system given to Run, GoDir
// and Schema to the folder of the configuration file (the command resolves
// them).
type Config struct {
	// Docs lists the docs roots. Several roots are merged into one tree;
	// a page found in two of them is read from the first.
	Docs []string
	// Metadata, when set, is the API's CSDL metadata file to generate
	// from instead of docs ("metadata" in the file); Docs is then not read.
	Metadata string
	// GoDir is the folder of the generated Go package ("" for no Go).
	GoDir string
	// Package is the Go package name for every namespace not listed in
	// Namespaces.
	Package string
	// Namespaces maps a namespace to the Go package its types go to,
	// generated in the subfolder GoDir/<package>. Each package is
	// self-contained: the types of other namespaces that its types use are
	// generated into it too.
	Namespaces map[string]string
	// NoValidators leaves out the Validate methods and the validator
	// files of the Go package ("validators: false" in the file).
	NoValidators bool
	// GoImportPath is the import path of GoDir. The command finds it from
	// the go.mod above GoDir ("importPath" in the file sets it). Without
	// it a large package is not split into internal packages.
	GoImportPath string
	// GoPartTypes is how many struct types one internal package of a split
	// Go package holds ("partTypes": 0 for the default, -1 never to split).
	GoPartTypes int
	// Roots, when not empty, limits the Go output to the types reachable
	// from these qualified type names.
	Roots []string
	// Types and Properties are overrides keyed by qualified name:
	// "microsoft.graph.user", "microsoft.graph.user.displayName".
	Types      map[string]TypeOverride
	Properties map[string]PropertyOverride
	// Schema is the path of the JSON Schema bundle ("" for none);
	// SchemaBaseURL prefixes its "$id".
	Schema        string
	SchemaBaseURL string
}

// A TypeOverride changes how one type is generated.
type TypeOverride struct {
	Name string // Go type name
}

// A PropertyOverride changes how one property is generated.
type PropertyOverride struct {
	Name   string // Go field name
	GoType string // Go type of the field, e.g. "string", "*time.Time"
}

// A ConfigError is a problem in a configuration file, with its position.
type ConfigError struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *ConfigError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// ParseConfig reads a configuration file. name is used in error messages.
// Unknown keys, wrong value kinds and duplicate keys are errors with
// file:line:col.
func ParseConfig(name string, data []byte) (*Config, error) {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if err.Error() == "EOF" {
			return &Config{}, nil // an empty file is an empty config
		}
		return nil, yamlError(name, err)
	}
	p := &configParser{file: name}
	cfg := &Config{}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return cfg, nil
	}
	p.mapping(root, "", map[string]func(*yaml.Node){
		"docs":     func(n *yaml.Node) { cfg.Docs = p.stringOrList(n, "docs") },
		"metadata": func(n *yaml.Node) { cfg.Metadata = p.path(n, "metadata") },
		"go": func(n *yaml.Node) {
			p.mapping(n, "go", map[string]func(*yaml.Node){
				"dir":        func(n *yaml.Node) { cfg.GoDir = p.path(n, "go.dir") },
				"package":    func(n *yaml.Node) { cfg.Package = p.pkgName(n, "go.package") },
				"validators": func(n *yaml.Node) { cfg.NoValidators = !p.boolean(n, "go.validators") },
				"importPath": func(n *yaml.Node) { cfg.GoImportPath = p.importPath(n, "go.importPath") },
				"partTypes":  func(n *yaml.Node) { cfg.GoPartTypes = p.integer(n, "go.partTypes") },
				"namespaces": func(n *yaml.Node) {
					cfg.Namespaces = map[string]string{}
					p.anyMapping(n, "go.namespaces", func(k, v *yaml.Node) {
						cfg.Namespaces[k.Value] = p.pkgName(v, "go.namespaces."+k.Value)
					})
				},
			})
		},
		"schema": func(n *yaml.Node) {
			p.mapping(n, "schema", map[string]func(*yaml.Node){
				"file":    func(n *yaml.Node) { cfg.Schema = p.path(n, "schema.file") },
				"baseURL": func(n *yaml.Node) { cfg.SchemaBaseURL = p.str(n, "schema.baseURL") },
			})
		},
		"roots": func(n *yaml.Node) { cfg.Roots = p.stringOrList(n, "roots") },
		// The "lint" section belongs to "apidocgen lint -config"
		// (generator/lint.ParseConfig checks it); generate ignores it.
		"lint": func(n *yaml.Node) {},
		"overrides": func(n *yaml.Node) {
			p.mapping(n, "overrides", map[string]func(*yaml.Node){
				"types": func(n *yaml.Node) {
					cfg.Types = map[string]TypeOverride{}
					p.anyMapping(n, "overrides.types", func(k, v *yaml.Node) {
						var o TypeOverride
						p.mapping(v, "overrides.types."+k.Value, map[string]func(*yaml.Node){
							"name": func(n *yaml.Node) { o.Name = p.exported(n, "overrides.types."+k.Value+".name") },
						})
						cfg.Types[k.Value] = o
					})
				},
				"properties": func(n *yaml.Node) {
					cfg.Properties = map[string]PropertyOverride{}
					p.anyMapping(n, "overrides.properties", func(k, v *yaml.Node) {
						if strings.Count(k.Value, ".") < 1 {
							p.errorf(k, "property override %q: want <qualified type name>.<property>", k.Value)
						}
						var o PropertyOverride
						p.mapping(v, "overrides.properties."+k.Value, map[string]func(*yaml.Node){
							"name": func(n *yaml.Node) { o.Name = p.exported(n, "overrides.properties."+k.Value+".name") },
							"type": func(n *yaml.Node) { o.GoType = p.goType(n, "overrides.properties."+k.Value+".type") },
						})
						cfg.Properties[k.Value] = o
					})
				},
			})
		},
	})
	if p.err != nil {
		return nil, p.err
	}
	return cfg, nil
}

// yamlError turns a yaml.v3 syntax error ("yaml: line 3: ...") into a
// ConfigError.
func yamlError(name string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var line int
	if n, _ := fmt.Sscanf(msg, "line %d:", &line); n == 1 {
		msg = strings.TrimSpace(msg[strings.Index(msg, ":")+1:])
		return &ConfigError{File: name, Line: line, Col: 1, Msg: msg}
	}
	return &ConfigError{File: name, Msg: msg}
}

type configParser struct {
	file string
	err  error // the first error
}

func (p *configParser) errorf(n *yaml.Node, format string, args ...any) {
	if p.err == nil {
		p.err = &ConfigError{File: p.file, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, args...)}
	}
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	if n.Tag == "!!null" {
		return "empty"
	}
	return "a scalar"
}

// mapping reads a mapping whose keys must be among fields.
func (p *configParser) mapping(n *yaml.Node, where string, fields map[string]func(*yaml.Node)) {
	p.anyMapping(n, where, func(k, v *yaml.Node) {
		f, ok := fields[k.Value]
		if !ok {
			var known []string
			for name := range fields {
				known = append(known, name)
			}
			sort.Strings(known)
			in := ""
			if where != "" {
				in = " in " + where
			}
			p.errorf(k, "unknown key %q%s (known keys: %s)", k.Value, in, strings.Join(known, ", "))
			return
		}
		f(v)
	})
}

// anyMapping calls f for each key and value of a mapping, in order.
func (p *configParser) anyMapping(n *yaml.Node, where string, f func(k, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		if where == "" {
			where = "the configuration"
		}
		p.errorf(n, "%s: want a mapping, got %s", where, kindName(n))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			p.errorf(k, "keys must be plain strings")
			continue
		}
		if seen[k.Value] {
			p.errorf(k, "duplicate key %q", k.Value)
			continue
		}
		seen[k.Value] = true
		f(k, v)
	}
}

func (p *configParser) str(n *yaml.Node, where string) string {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		p.errorf(n, "%s: want a string, got %s", where, kindName(n))
		return ""
	}
	return n.Value
}

func (p *configParser) boolean(n *yaml.Node, where string) bool {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" {
		var b bool
		if err := n.Decode(&b); err == nil {
			return b
		}
	}
	p.errorf(n, "%s: want true or false, got %s", where, kindName(n))
	return false
}

func (p *configParser) integer(n *yaml.Node, where string) int {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!int" {
		var i int
		if err := n.Decode(&i); err == nil {
			return i
		}
	}
	p.errorf(n, "%s: want a whole number, got %s", where, kindName(n))
	return 0
}

func (p *configParser) path(n *yaml.Node, where string) string {
	s := p.str(n, where)
	if strings.Contains(s, `\`) {
		p.errorf(n, "%s: use forward slashes in %q", where, s)
	}
	if s != "" {
		s = path.Clean(s)
	}
	return s
}

func (p *configParser) ident(n *yaml.Node, where string) string {
	s := p.str(n, where)
	if s != "" && !isIdent(s) {
		p.errorf(n, "%s: %q is not a valid Go identifier", where, s)
	}
	return s
}

// pkgName reads a Go package name: an identifier other than "main" (a
// package that cannot be imported) and "_".
func (p *configParser) pkgName(n *yaml.Node, where string) string {
	s := p.ident(n, where)
	if p.err == nil {
		if msg := CheckPackageName(s); msg != "" {
			p.errorf(n, "%s: %s", where, msg)
		}
	}
	return s
}

// CheckPackageName returns why name cannot be the name of a generated
// package, or "" when it can.
func CheckPackageName(name string) string {
	switch {
	case !isIdent(name):
		return fmt.Sprintf("%q is not a valid Go identifier", name)
	case name == "main":
		return `"main" is a command, which no other package can import; choose another name`
	case name == "_":
		return `"_" cannot name a package`
	}
	return ""
}

// exported reads the name of a generated type or field: an exported Go
// identifier.
func (p *configParser) exported(n *yaml.Node, where string) string {
	s := p.ident(n, where)
	if s != "" && p.err == nil && !token.IsExported(s) {
		p.errorf(n, "%s: %q is not exported (start it with an upper-case letter)", where, s)
	}
	return s
}

// goType reads the Go type of a field override, in the forms gengo
// understands.
func (p *configParser) goType(n *yaml.Node, where string) string {
	s := p.str(n, where)
	if s != "" && !gengo.ValidOverrideType(s) {
		p.errorf(n, "%s: %q is not a Go type apidocgen can use: write a builtin (string, int64, ...), an exported generated type name, or import/path.Name, optionally after [], * or map[string]", where, s)
	}
	return s
}

// importPath reads an import path: slash-separated elements of letters,
// digits and "-._~+", none empty, "." or "..", and no leading or
// trailing slash.
func (p *configParser) importPath(n *yaml.Node, where string) string {
	s := p.str(n, where)
	if s != "" {
		if msg := CheckImportPath(s); msg != "" {
			p.errorf(n, "%s: %s", where, msg)
		}
	}
	return s
}

// CheckImportPath returns why s is not a valid import path, or "".
func CheckImportPath(s string) string {
	for _, elem := range strings.Split(s, "/") {
		if elem == "" || elem == "." || elem == ".." || strings.HasPrefix(elem, "-") {
			return fmt.Sprintf("%q is not a valid import path (an element is empty, \".\", \"..\" or starts with \"-\")", s)
		}
		for _, r := range elem {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-._~+", r)) {
				return fmt.Sprintf("%q is not a valid import path (%q is not allowed in one)", s, r)
			}
		}
	}
	return ""
}

func (p *configParser) stringOrList(n *yaml.Node, where string) []string {
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		return []string{n.Value}
	}
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "%s: want a string or a list of strings, got %s", where, kindName(n))
		return nil
	}
	var out []string
	for _, c := range n.Content {
		out = append(out, p.str(c, where))
	}
	return out
}

// isIdent reports whether s is an ASCII Go identifier that is not a
// keyword.
func isIdent(s string) bool {
	if token.IsKeyword(s) {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
		case i > 0 && r >= '0' && r <= '9':
		default:
			return false
		}
	}
	return s != ""
}
