package lint

import (
	"fmt"
	"testing"
)

// TestSeedPage checks that the seed page's tool-visible defects (see the
// seed-family README) are each reported at the right line.
func TestSeedPage(t *testing.T) {
	ds := lintCorpus(t, "seed-family", Options{Extra: noExtra})
	const page = "api/exactmatchsessionbase-create.md"
	got := map[string]bool{}
	for _, d := range ds {
		if d.Pos.File == page {
			got[fmt.Sprintf("%d %s", d.Pos.Line, d.Rule)] = true
		}
	}
	want := []string{
		"4 todo-placeholder",      // author: "**TODO: Provide Github Name ...**"
		"6 todo-placeholder",      // ms.prod: "**TODO: Add MS prod ...**"
		"10 create-not-creatable", // Create page for a type with no collection to post to
		"22 todo-placeholder",     // permissions rows
		"23 todo-placeholder",
		"24 todo-placeholder",
		"33 http-request-invalid", // POST ** Collection URI ... not found (syntax block)
		"49 todo-placeholder",     // "**TODO: Add Description**" request-body rows
		"55 todo-placeholder",
		"62 todo-placeholder",
		"73 request-name-malformed",  // create_exactmatchsessionbase_from_
		"79 http-request-invalid",    // beta** Collection URI ... glued to the host
		"81 content-length-mismatch", // 619 declared, 602-byte LF body
		"85 type-placeholder-value",  // "String (timestamp)"
		"92 type-placeholder-value",  // "String"
		"94 type-placeholder-value",  // "Integer"
		"119 type-placeholder-value", // response placeholders too
		"128 type-placeholder-value",
	}
	for _, w := range want {
		if !got[w] {
			t.Errorf("seed page: no finding %q (line rule)", w)
		}
	}
	// Other tool-visible defects of the family.
	family := map[string]bool{}
	for _, d := range ds {
		family[fmt.Sprintf("%s:%d %s", d.Pos.File, d.Pos.Line, d.Rule)] = true
	}
	for _, w := range []string{
		"api/exactmatchsession-list.md:88 example-unknown-property",            // datastoreId vs dataStoreId
		"api/exactmatchdatastore-list-sessions.md:97 example-unknown-property", // same drift
		"api/exactmatchdatastore-update.md:112 example-unknown-property",       // maximumNumberOfTokens only in API pages
		"api/exactmatchsession-get.md:77 response-collection-shape",            // single entity wrapped in "value"
		"api/exactmatchsession-renew.md:74 response-collection-shape",
		"api/exactmatchlookupjob-list.md:61 example-unknown-odata-type", // lowercased @odata.type
		"api/exactmatchsession-create.md:33 duplicate-operation",        // two pages define POST .../sessions
		"resources/exactmatchsessionbase.md:27 broken-link",             // links to pages that are not here
	} {
		if !family[w] {
			t.Errorf("seed family: no finding %q", w)
		}
	}
}
