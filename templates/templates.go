// Package templates holds the text apidocgen copies or renders into
// generated output: the runtime helpers of a generated Go package (null-aware
// values, ISO 8601 date/time/duration types, the polymorphic registry).
package templates

import "embed"

// FS holds the embedded template files.
//
//go:embed *.tmpl
var FS embed.FS
