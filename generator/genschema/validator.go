package genschema

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// A Validator validates JSON values (as decoded by encoding/json with
// UseNumber, or built by hand from the same Go types) against the bundle
// of a plan with santhosh-tekuri/jsonschema/v5, formats asserted.
type Validator struct {
	plan *Plan
	opts Options
	c    *jsonschema.Compiler

	mu    sync.Mutex
	cache map[string]*jsonschema.Schema
}

// NewCompiler returns a jsonschema/v5 compiler set up the way generated
// schemas are meant to be used: draft 2020-12, formats asserted.
func NewCompiler() *jsonschema.Compiler {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.AssertFormat = true
	return c
}

// NewValidator returns a validator over the plan's per-type files,
// rendered as the compiler asks for them. (The bundle holds the same definitions, but jsonschema/v5
// scans a whole document for every subschema it compiles, so one large
// document compiles in quadratic time; separate files stay linear. See
// BenchmarkCompile.)
func NewValidator(p *Plan) (*Validator, error) {
	opts := Options{}
	c := NewCompiler()
	// Per-type files are rendered when a reference first needs them.
	c.LoadURL = func(u string) (io.ReadCloser, error) {
		name, ok := strings.CutPrefix(u, opts.base())
		if !ok {
			return nil, fmt.Errorf("no schema at %q", u)
		}
		q, err := url.PathUnescape(strings.TrimSuffix(name, ".json"))
		if err != nil {
			return nil, err
		}
		b, err := p.perTypeFileOf(q, opts)
		if err != nil {
			return nil, err
		}
		return io.NopCloser(bytes.NewReader(b)), nil
	}
	return &Validator{plan: p, opts: opts, c: c, cache: map[string]*jsonschema.Schema{}}, nil
}

// Schema returns the compiled schema validating a value of type q in mode
// (polymorphic when q has descendants), or a page when q is a page name.
func (v *Validator) Schema(q string, mode Mode) (*jsonschema.Schema, error) {
	url := v.plan.FileRef(q, mode, v.opts)
	if url == "" {
		return nil, fmt.Errorf("unknown type %q", q)
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if s, ok := v.cache[url]; ok {
		return s, nil
	}
	s, err := v.c.Compile(url)
	if err != nil {
		return nil, fmt.Errorf("compile %s: %w", url, err)
	}
	v.cache[url] = s
	return s, nil
}

// Validate validates value against type q in mode. It returns nil, a
// *jsonschema.ValidationError, or an error about the schema itself.
func (v *Validator) Validate(q string, mode Mode, value any) error {
	s, err := v.Schema(q, mode)
	if err != nil {
		return err
	}
	return s.Validate(value)
}
