package crosscheck_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/generator/compile"
	"github.com/apidocgen/apidocgen/generator/crosscheck"
	"github.com/apidocgen/apidocgen/generator/metadata"
	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
	"github.com/apidocgen/apidocgen/input/csdl"
	"github.com/rogpeppe/go-internal/txtar"
)

// pair is a fixture pair: metadata and docs pages, by file name.
type pair map[string]string

func readPair(t *testing.T, name string) pair {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	p := pair{}
	for _, f := range ar.Files {
		p[f.Name] = string(f.Data)
	}
	return p
}

// models builds the docs model and the metadata model of a pair.
func (p pair) models(t *testing.T) (docs, meta *model.Model) {
	t.Helper()
	var pages []*input.Page
	for name, src := range p {
		if rel, ok := strings.CutPrefix(name, "docs/"); ok {
			pages = append(pages, input.Parse(rel, []byte(src)))
		}
	}
	meta = metadata.Compile(csdl.Parse("metadata.xml", []byte(p["metadata.xml"])))
	for _, d := range meta.Diagnostics {
		t.Errorf("metadata: %s", d)
	}
	return compile.Compile(pages), meta
}

// edit returns a copy of p with old replaced by new in file, which must
// hold old exactly once.
func (p pair) edit(t *testing.T, file, old, new string) pair {
	t.Helper()
	if n := strings.Count(p[file], old); n != 1 {
		t.Fatalf("%s holds %q %d times, want once", file, old, n)
	}
	q := pair{}
	for k, v := range p {
		q[k] = v
	}
	q[file] = strings.Replace(p[file], old, new, 1)
	return q
}

func TestPairAgrees(t *testing.T) {
	docs, meta := readPair(t, "pair.txtar").models(t)
	res := crosscheck.Compare(docs, meta, crosscheck.Options{})
	for _, f := range res.Findings {
		t.Errorf("finding: %s", f)
	}
	for _, f := range res.Summary.Figures {
		if f.Agree != f.Total {
			t.Errorf("%s", f)
		}
	}
	// Every figure counts something in the pair, so each can fail.
	for _, f := range res.Summary.Figures {
		if f.Total == 0 {
			t.Errorf("figure %s counts nothing in the fixture pair", f.ID)
		}
	}
}

// TestSelfCheck compares the metadata's model with itself: no finding.
func TestSelfCheck(t *testing.T) {
	_, meta := readPair(t, "pair.txtar").models(t)
	res := crosscheck.Compare(meta, meta, crosscheck.Options{})
	for _, f := range res.Findings {
		t.Errorf("finding: %s", f)
	}
}

// A mutation edits a copy of the fixture pair (an edit with an empty old
// string adds a file); the comparison must then give exactly one finding,
// of rule want, in file.
type mutation struct {
	name  string
	edits []edit
	want  string // rule ID; "" for an edit that must change nothing
	file  string
}

type edit struct{ file, old, new string }

const (
	basketPage = "docs/resources/basket.md"
	farmerPage = "docs/resources/farmer.md"
	metaFile   = "metadata.xml"
)

var mutations = []mutation{
	{"type missing from the docs", []edit{{metaFile, `<ComplexType Name="size">`, `<ComplexType Name="crate" /><ComplexType Name="size">`}}, "metadata-type-missing", metaFile},
	{"type unknown to the metadata", []edit{{"docs/resources/crate.md", "", "# crate resource type\n\nNamespace: microsoft.graph\n\n## Properties\n| Property | Type | Description |\n|:--|:--|:--|\n| slats | Int32 | How many. |\n"}}, "metadata-type-unknown", "resources/crate.md"},
	{"type name differs in case", []edit{{basketPage, `"@odata.type": "microsoft.graph.basket"`, `"@odata.type": "microsoft.graph.Basket"`}}, "metadata-name-case", "resources/basket.md"},
	{"base type differs", []edit{{farmerPage, " Inherits from [entity](entity.md).", ""}}, "metadata-base-type-mismatch", "resources/farmer.md"},
	{"abstract differs", []edit{{"docs/resources/entity.md", `, "abstract": true`, ""}}, "metadata-abstract-mismatch", "resources/entity.md"},
	{"open differs", []edit{{basketPage, `"openType": true`, `"openType": false`}}, "metadata-open-type-mismatch", "resources/basket.md"},
	{"property missing from the docs", []edit{{farmerPage, "| tags | String collection | Labels. |\n", ""}}, "metadata-property-missing", "resources/farmer.md"},
	{"property unknown to the metadata", []edit{{basketPage, "| label | String |", "| colour | String | Misspelt. |\n| label | String |"}}, "metadata-property-unknown", "resources/basket.md"},
	{"property name differs in case", []edit{{farmerPage, "| nickname |", "| nickName |"}}, "metadata-name-case", "resources/farmer.md"},
	{"property type differs", []edit{{"docs/resources/size.md", "| width | Int32 |", "| width | Int64 |"}}, "metadata-property-type-mismatch", "resources/size.md"},
	{"collection-ness differs", []edit{{farmerPage, "| tags | String collection |", "| tags | String |"}}, "metadata-property-collection-mismatch", "resources/farmer.md"},
	{"nullability differs", []edit{{farmerPage, "What friends call them. Nullable.", "What friends call them. Not nullable."}}, "metadata-property-nullable-mismatch", "resources/farmer.md"},
	{"property listed as a relationship", []edit{
		{basketPage, "| size | [size](size.md) | Its size. |\n", ""},
		{basketPage, "| owner | [farmer](farmer.md) | Whose basket it is. |", "| owner | [farmer](farmer.md) | Whose basket it is. |\n| size | [size](size.md) | Its size. |"},
	}, "metadata-property-kind-mismatch", "resources/basket.md"},
	{"enum member missing from the docs", []edit{{metaFile, `<Member Name="red" Value="1" />`, `<Member Name="red" Value="1" /><Member Name="blue" Value="2" />`}}, "metadata-enum-member-missing", "resources/enums.md"},
	{"enum member unknown to the metadata", []edit{{"docs/resources/enums.md", "| red | 1 | Ripe. |", "| red | 1 | Ripe. |\n| blue | 2 | Sky. |"}}, "metadata-enum-member-unknown", "resources/enums.md"},
	{"flags differ", []edit{{"docs/resources/enums.md", "Monday (the days are flags: they combine).", "Monday."}}, "metadata-enum-flags-mismatch", "resources/enums.md"},
	{"operation missing from the docs", []edit{{metaFile, `<EntityContainer`, `<Action Name="empty" IsBound="true"><Parameter Name="bindingParameter" Type="graph.basket" /></Action><EntityContainer`}}, "metadata-operation-missing", "resources/basket.md"},
	{"operation unknown to the metadata", []edit{{"docs/api/basket-shake.md", "", "# basket: shake\n\n## HTTP request\n```http\nPOST /farmers/{farmer-id}/baskets/{basket-id}/shake\n```\n"}}, "metadata-operation-unknown", "api/basket-shake.md"},
	{"operation parameter type differs", []edit{{"docs/api/basket-measure.md", "| unit | String |", "| unit | Int32 |"}}, "metadata-operation-parameters-mismatch", "api/basket-measure.md"},
	{"operation parameter missing from the docs", []edit{{metaFile, `<Parameter Name="unit" Type="Edm.String" />`, `<Parameter Name="unit" Type="Edm.String" /><Parameter Name="precise" Type="Edm.Boolean" />`}}, "metadata-operation-parameters-mismatch", "api/basket-measure.md"},
	{"operation return type differs", []edit{{"docs/api/basket-measure.md", "a [size](../resources/size.md) object", "a [basket](../resources/basket.md) object"}}, "metadata-operation-return-mismatch", "api/basket-measure.md"},
	{"twin enum names are two types", []edit{{metaFile, `<Property Name="color" Type="microsoft.graph.orchard.fruitColor" />`, `<Property Name="color" Type="graph.fruitColor" />`}}, "metadata-property-type-mismatch", "resources/orchard-row.md"},
	{"enum in the metadata, complex in the docs", []edit{{metaFile, `<ComplexType Name="size">
        <Property Name="width" Type="Edm.Int32" />
        <Property Name="height" Type="Edm.Int32" />
      </ComplexType>`, `<EnumType Name="size"><Member Name="small" Value="0" /></EnumType>`}}, "metadata-type-kind-mismatch", "resources/size.md"},
	// Spellings that change nothing.
	{"Edm-qualified primitive", []edit{{"docs/resources/size.md", "| width | Int32 |", "| width | Edm.Int32 |"}}, "", ""},
	{"lower-case primitive", []edit{{farmerPage, "| name | String |", "| name | string |"}}, "", ""},
	{"qualified instead of alias", []edit{{metaFile, `<Property Name="size" Type="graph.size" />`, `<Property Name="size" Type="microsoft.graph.size" />`}}, "", ""},
	{"single for double", []edit{{metaFile, `<Property Name="length" Type="Edm.Double" />`, `<Property Name="length" Type="Edm.Single" />`}}, "", ""},
}

func TestMutations(t *testing.T) {
	base := readPair(t, "pair.txtar")
	seen := map[string]bool{}
	for _, mu := range mutations {
		t.Run(mu.name, func(t *testing.T) {
			p := base
			for _, e := range mu.edits {
				if e.old == "" { // a new file
					if _, ok := p[e.file]; ok {
						t.Fatalf("%s exists", e.file)
					}
					q := pair{e.file: e.new}
					for k, v := range p {
						q[k] = v
					}
					p = q
					continue
				}
				p = p.edit(t, e.file, e.old, e.new)
			}
			docs, meta := p.models(t)
			res := crosscheck.Compare(docs, meta, crosscheck.Options{})
			if mu.want == "" {
				for _, f := range res.Findings {
					t.Errorf("unexpected finding: %s", f)
				}
				return
			}
			seen[mu.want] = true
			if len(res.Findings) != 1 || res.Findings[0].Rule != mu.want || res.Findings[0].Pos.File != mu.file {
				t.Errorf("want one %s finding in %s, got %d:", mu.want, mu.file, len(res.Findings))
				for _, f := range res.Findings {
					t.Errorf("  %s", f)
				}
			}
		})
	}
	// Every rule has a mutation.
	for _, r := range crosscheck.Rules {
		if !seen[r.ID] {
			t.Errorf("no mutation triggers %s", r.ID)
		}
	}
}

// TestListedSafetyNet: a property the docs reader dropped but the page
// lists (Options.Listed) is not reported missing; the figure still counts
// it as not found.
func TestListedSafetyNet(t *testing.T) {
	p := readPair(t, "pair.txtar").edit(t, farmerPage, "| tags | String collection | Labels. |\n", "")
	docs, meta := p.models(t)
	listed := func(path, name string) bool { return path == "resources/farmer.md" && name == "tags" }
	res := crosscheck.Compare(docs, meta, crosscheck.Options{Listed: listed})
	for _, f := range res.Findings {
		t.Errorf("finding: %s", f)
	}
	if f, _ := res.Summary.Get(crosscheck.FigPropertiesFound); f.Agree != f.Total-1 {
		t.Errorf("%s: want one property not found", f)
	}
}

// TestMentionsSafetyNet: a page whose prose says "abstract" is not
// reported as leaving its type unmarked; without Mentions it is.
func TestMentionsSafetyNet(t *testing.T) {
	p := readPair(t, "pair.txtar").edit(t, "docs/resources/entity.md", `, "abstract": true`, "")
	docs, meta := p.models(t)
	if res := crosscheck.Compare(docs, meta, crosscheck.Options{}); len(res.Findings) != 1 {
		t.Fatalf("want the abstract finding without Mentions, got %v", res.Findings)
	}
	says := func(path, word string) bool { return path == "resources/entity.md" && word == "abstract" }
	for _, f := range crosscheck.Compare(docs, meta, crosscheck.Options{Mentions: says}).Findings {
		t.Errorf("finding: %s", f)
	}
}
