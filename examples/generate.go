// Package examples holds a small docs tree in the Graph reference format
// (docs/) and the Go package and JSON Schema apidocgen generates from it
// (graphmodel/). Run "go generate ./examples" (or "make example") after
// editing the docs; the tests of this module fail while the committed
// output is stale.
package examples

//go:generate go run github.com/apidocgen/apidocgen/cmd/apidocgen generate
