package input

import (
	"strconv"

	"github.com/apidocgen/apidocgen/input/jsonx"
)

// boolKeys are the annotation keys whose "true"/"false" strings are read as
// booleans.
var boolKeys = map[string]bool{
	"truncated": true, "isCollection": true, "abstract": true, "isAbstract": true,
	"openType": true, "isComposable": true, "isEmpty": true, "idempotent": true,
	"isMediaEntity": true,
}

// annotate reads the JSON of an annotation comment body leniently.
// text, when not "", holds the same bytes as body.
func annotate(body []byte, text string) *Annotation {
	a := &Annotation{Fields: map[string]any{}, Keys: []string{}, Next: -1}
	v, fixes, err := jsonx.ParseSource(body, text)
	a.Fixes, a.Err = fixes, err
	if err == nil {
		a.Value = v
	}
	if v == nil || v.Kind != jsonx.Object {
		return a
	}
	a.Keys = make([]string, 0, len(v.Members))
	hasOData := false
	for _, m := range v.Members {
		if m.Key == "@odata.type" {
			hasOData = true
		}
	}
	for _, m := range v.Members {
		a.Keys = append(a.Keys, m.Key)
		key := m.Key
		if key == "@type" && !hasOData {
			key = "@odata.type"
		}
		if _, dup := a.Fields[key]; dup {
			continue
		}
		val := jsonValue(m.Value)
		if s, ok := val.(string); ok && boolKeys[key] {
			switch s {
			case "true":
				val = true
			case "false":
				val = false
			}
		}
		a.Fields[key] = val
	}
	return a
}

// jsonValue converts a jsonx tree to plain Go values (map[string]any,
// []any, string, float64, bool, nil). Numbers JSON cannot hold as float64
// are kept as their literal string.
func jsonValue(v *jsonx.Value) any {
	if v == nil {
		return nil
	}
	switch v.Kind {
	case jsonx.Bool:
		return v.Bool
	case jsonx.Number:
		f, err := strconv.ParseFloat(v.Num, 64)
		if err != nil {
			return v.Num
		}
		return f
	case jsonx.String:
		return v.Str
	case jsonx.Array:
		out := make([]any, len(v.Elems))
		for i, e := range v.Elems {
			out[i] = jsonValue(e)
		}
		return out
	case jsonx.Object:
		out := make(map[string]any, len(v.Members))
		for _, m := range v.Members {
			if _, dup := out[m.Key]; !dup {
				out[m.Key] = jsonValue(m.Value)
			}
		}
		return out
	}
	return nil
}
