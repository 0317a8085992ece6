package genschema

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// A Validator validates JSON values (as decoded by encoding/json with
// UseNumber, or built by hand from the same Go types) against the bundle
// of a plan with santhosh-tekuri/jsonschema/v5, formats asserted.
type Validator struct {
	plan *Plan
	id   string
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

// NewValidator renders the plan's bundle and loads it into a compiler.
func NewValidator(p *Plan) (*Validator, error) {
	opts := Options{}
	b, err := p.Bundle(opts)
	if err != nil {
		return nil, err
	}
	c := NewCompiler()
	id := BundleID(opts)
	if err := c.AddResource(id, bytes.NewReader(b)); err != nil {
		return nil, fmt.Errorf("load bundle: %w", err)
	}
	return &Validator{plan: p, id: id, c: c, cache: map[string]*jsonschema.Schema{}}, nil
}

// Schema returns the compiled schema validating a value of type q in mode
// (polymorphic when q has descendants).
func (v *Validator) Schema(q string, mode Mode) (*jsonschema.Schema, error) {
	ref := v.plan.BundleRef(q, mode)
	if ref == "" {
		return nil, fmt.Errorf("unknown type %q", q)
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if s, ok := v.cache[ref]; ok {
		return s, nil
	}
	s, err := v.c.Compile(v.id + ref)
	if err != nil {
		return nil, fmt.Errorf("compile %s: %w", ref, err)
	}
	v.cache[ref] = s
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
