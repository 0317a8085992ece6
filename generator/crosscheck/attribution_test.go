package crosscheck_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/generator/crosscheck"
)

// TestAttribution: each attributed figure has one disagreement whose
// answer the page holds (in words the docs reader does not take) and one
// on which the docs are silent (testdata/attribution.txtar says which).
func TestAttribution(t *testing.T) {
	docs, meta, pages := readPair(t, "attribution.txtar").modelsAndPages(t)
	res := crosscheck.Compare(docs, meta, crosscheck.Options{Pages: pages})
	var got []string
	for _, d := range res.Summary.Disagreements {
		at := "silent"
		if d.Answer != nil {
			at = fmt.Sprintf("answer at %s:%d", d.Answer.File, d.Answer.Line)
		}
		got = append(got, fmt.Sprintf("%s %s: %s", d.Figure, d.What, at))
	}
	want := []string{
		"enum-members member noteStatus.unknownFutureValue: silent",
		"enum-members member color.darkBlue: answer at resources/enums.md:19",
		"property-types type of item.weight: answer at resources/item.md:11",
		"collections collection-ness of item.tags: answer at resources/item.md:13",
		"property-kinds kind of item.related: answer at resources/item.md:14",
		"base-types base type of memo: silent",
		"properties-found property memo.body: silent",
		"property-precision row memo.title: silent",
		"collections collection-ness of memo.labels: silent",
		"property-kinds kind of memo.source: silent",
		"base-types base type of note: answer at resources/note.md:5",
		"properties-found property note.author: answer at resources/note.md:17",
		"property-precision row note.title: answer at resources/note.md:5",
		"property-types type of note.status: silent",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("disagreements:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, id := range []string{crosscheck.FigBaseTypes, crosscheck.FigPropertiesFound, crosscheck.FigPropertyPrecision, crosscheck.FigPropertyTypes, crosscheck.FigCollections, crosscheck.FigPropertyKinds, crosscheck.FigEnumMembers} {
		f, _ := res.Summary.Get(id)
		if a := f.Attribution; a == nil || a.DocsHold != 1 || a.Silent != 1 || a.DocsHold+a.Silent != f.Total-f.Agree {
			t.Errorf("%s: attribution %+v, want one each of %d disagreements", f, a, f.Total-f.Agree)
		}
	}
	var buf bytes.Buffer
	if err := res.Summary.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "disagreements where the docs hold the answer: 1 (reader-attributable); docs silent: 1") {
		t.Errorf("text summary has no attribution line:\n%s", buf.String())
	}
	// Without the pages there is no attribution, and the findings are the same.
	plain := crosscheck.Compare(docs, meta, crosscheck.Options{})
	if len(plain.Summary.Disagreements) != 0 {
		t.Errorf("attribution without pages: %v", plain.Summary.Disagreements)
	}
	for _, f := range plain.Summary.Figures {
		if f.Attribution != nil {
			t.Errorf("%s: attribution without pages", f)
		}
	}
	if fmt.Sprint(plain.Findings) != fmt.Sprint(res.Findings) {
		t.Errorf("the pages changed the findings")
	}
}
