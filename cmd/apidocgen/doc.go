// Command apidocgen turns Graph-style REST API reference Markdown into a
// type model, Go code and JSON Schema, and lints the docs.
//
// Usage:
//
//	apidocgen generate [-config FILE] [-docs DIR,...] [-go DIR] [-package NAME]
//	                   [-schema FILE] [-roots T,...] [-check] [-v]
//	apidocgen model DOCS_DIR
//	apidocgen lint [-dir DOCS_DIR] [flags] [FILE...]
//	apidocgen version
//	apidocgen help [command]
//
// generate reads apidocgen.yaml from the current folder (or the file given
// with -config), reads the docs, and writes the Go package and the JSON
// Schema bundle. A file is rewritten only when its bytes change; files it
// generated earlier and no longer produces are removed; files it did not
// generate are never touched. With -check it writes nothing, prints a
// unified diff of what would change and exits 1 when the output is stale.
//
// Record it as a tool of your module (go get -tool
// github.com/apidocgen/apidocgen/cmd/apidocgen) and put this line in a Go
// file of the folder that holds apidocgen.yaml:
//
//	//go:generate go tool apidocgen generate
//
// Exit codes: 0 success, 1 findings or stale output, 2 usage or I/O error.
// See docs/cli.md and docs/config.md.
package main
