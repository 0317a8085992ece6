// This file is written by hand: apidocgen leaves it alone because it has no
// "Code generated" header. It shows how the generated package is used.

package graphmodel_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/apidocgen/apidocgen/examples/graphmodel"
)

// A garden as the service might return it: a polymorphic collection (a
// tree and a flower), null values, an enum, a nested complex value and a
// member the docs do not list.
const gardenJSON = `{
  "id": "g1",
  "displayName": "Back yard",
  "description": null,
  "createdDateTime": "2024-03-20T09:00:00Z",
  "bestSeason": "summer",
  "area": 42.5,
  "location": {"latitude": 51.5, "longitude": -0.12, "altitude": null},
  "plants": [
    {"@odata.type": "#microsoft.graph.tree", "id": "p1", "name": "Apple", "plantedDate": "2019-11-02",
     "tags": ["fruit"], "evergreen": true, "trunkGirthInCentimeters": 60},
    {"@odata.type": "#microsoft.graph.flower", "id": "p2", "name": "Tulip", "tags": [],
     "color": "red", "bloomSeasons": ["spring"]}
  ],
  "featuredPlant": null,
  "gnomeCount": 3
}`

func TestDecodeGarden(t *testing.T) {
	var g graphmodel.Garden
	if err := json.Unmarshal([]byte(gardenJSON), &g); err != nil {
		t.Fatal(err)
	}
	if !g.ID.Valid || g.ID.V != "g1" || g.DisplayName == nil || *g.DisplayName != "Back yard" {
		t.Errorf("id %+v, name %v", g.ID, g.DisplayName)
	}
	if !g.Description.Null {
		t.Error("description: want an explicit null")
	}
	if !g.BestSeason.Valid || g.BestSeason.V != graphmodel.SeasonSummer {
		t.Errorf("bestSeason = %+v", g.BestSeason)
	}
	if loc := g.Location.V; !g.Location.Valid || loc.Latitude == nil || *loc.Latitude != 51.5 || !loc.Altitude.Null {
		t.Errorf("location = %+v", g.Location)
	}
	if len(g.Plants) != 2 {
		t.Fatalf("%d plants, want 2", len(g.Plants))
	}
	tree, ok := g.Plants[0].(*graphmodel.Tree)
	if !ok {
		t.Fatalf("plants[0] is %T, want *Tree (from @odata.type)", g.Plants[0])
	}
	if tree.Name == nil || *tree.Name != "Apple" || tree.Evergreen == nil || !*tree.Evergreen || tree.TrunkGirthInCentimeters.V != 60 {
		t.Errorf("tree = %+v", tree)
	}
	if d := tree.PlantedDate; !d.Valid || d.V.String() != "2019-11-02" {
		t.Errorf("plantedDate = %+v", d)
	}
	flower, ok := g.Plants[1].(*graphmodel.Flower)
	if !ok {
		t.Fatalf("plants[1] is %T, want *Flower", g.Plants[1])
	}
	if flower.Color.V != "red" || len(flower.BloomSeasons) != 1 || flower.BloomSeasons[0] != "spring" {
		t.Errorf("flower = %+v", flower)
	}
	// Every plant is a plant, whatever its concrete type.
	if n := g.Plants[1].AsPlant().Name; n == nil || *n != "Tulip" {
		t.Error("AsPlant lost the name")
	}
	if _, ok := g.AdditionalData["gnomeCount"]; !ok {
		t.Error("the undocumented member was dropped")
	}

	// Encoding gives back an equivalent document.
	out, err := json.Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	var a, b any
	json.Unmarshal([]byte(gardenJSON), &a)
	json.Unmarshal(out, &b)
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if !bytes.Equal(ja, jb) {
		t.Errorf("round trip changed the document:\n in: %s\nout: %s", ja, jb)
	}
}

// A property the docs call "Not nullable" with a scalar type is a pointer:
// nil is absent, and anything else is sent, false, 0 and "" included. That
// is how a PATCH body turns a flag off.
func TestPatchSendsZeroValues(t *testing.T) {
	patch := graphmodel.Tree{Evergreen: graphmodel.Ptr(false)}
	patch.Name = graphmodel.Ptr("")
	out, err := json.Marshal(patch)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != `{"name":"","evergreen":false}` {
		t.Errorf("patch body: %s", out)
	}
	// Nothing set, nothing sent.
	if out, _ := json.Marshal(graphmodel.Tree{}); string(out) != `{}` {
		t.Errorf("empty patch body: %s", out)
	}
	var back graphmodel.Tree
	if err := json.Unmarshal([]byte(`{"evergreen":false}`), &back); err != nil {
		t.Fatal(err)
	}
	if back.Evergreen == nil || *back.Evergreen {
		t.Errorf("evergreen = %v, want a pointer to false", back.Evergreen)
	}
	if out, _ := json.Marshal(back); string(out) != `{"evergreen":false}` {
		t.Errorf("round trip: %s", out)
	}
}

func TestValidateGarden(t *testing.T) {
	var g graphmodel.Garden
	if err := json.Unmarshal([]byte(gardenJSON), &g); err != nil {
		t.Fatal(err)
	}
	if err := graphmodel.Validate(&g, graphmodel.ReadMode); err != nil {
		t.Errorf("valid garden: %v", err)
	}
	if err := graphmodel.ValidateJSON("microsoft.graph.garden", graphmodel.ReadMode, []byte(gardenJSON)); err != nil {
		t.Errorf("ValidateJSON, valid garden: %v", err)
	}
	// A create request may not set read-only properties and must set the
	// required ones.
	create := []byte(`{"createdDateTime": "2024-03-20T09:00:00Z", "area": 3}`)
	err := graphmodel.ValidateJSON("microsoft.graph.garden", graphmodel.CreateMode, create)
	if err == nil {
		t.Fatal("create body with a read-only property and no displayName was accepted")
	}
	for _, want := range []string{"createdDateTime", "displayName"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("create violations do not mention %s:\n%v", want, err)
		}
	}
	if err := graphmodel.ValidateJSON("microsoft.graph.garden", graphmodel.CreateMode, []byte(`{"displayName": "Front", "area": 3}`)); err != nil {
		t.Errorf("good create body: %v", err)
	}
	bad := []byte(`{"bestSeason": "monsoon", "plants": [{"@odata.type": "#microsoft.graph.flower", "bloomSeasons": [1]}]}`)
	if err := graphmodel.ValidateJSON("microsoft.graph.garden", graphmodel.ReadMode, bad); err == nil {
		t.Errorf("%s was accepted", bad)
	}
}

func TestSchemaValidatesGarden(t *testing.T) {
	data, err := os.ReadFile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.AssertFormat = true
	const id = "https://example.com/garden/schema/bundle.json"
	if err := c.AddResource(id, bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	garden, err := c.Compile(id + "#/$defs/microsoft.graph.garden")
	if err != nil {
		t.Fatal(err)
	}
	decode := func(s string) any {
		dec := json.NewDecoder(strings.NewReader(s))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	if err := garden.Validate(decode(gardenJSON)); err != nil {
		t.Errorf("valid garden rejected: %v", err)
	}
	for name, bad := range map[string]string{
		"displayName null":  `{"displayName": null}`,
		"unknown season":    `{"bestSeason": "monsoon"}`,
		"area not a number": `{"area": "big"}`,
		"bad plant type":    `{"plants": [{"@odata.type": "#microsoft.graph.tree", "evergreen": "yes"}]}`,
		"bad date-time":     `{"createdDateTime": "yesterday"}`,
	} {
		if err := garden.Validate(decode(bad)); err == nil {
			t.Errorf("%s: %s was accepted", name, bad)
		}
	}
}

// TestWaterGarden shows the payloads of an operation: the operation table
// says what POST /gardens/{id}/water sends and returns, the body is a
// generated struct, and a collection response is a Page.
func TestWaterGarden(t *testing.T) {
	op, ok := graphmodel.MatchOperation("POST", "https://api.example.com/v1.0/gardens/g1/water")
	if !ok || op.RequestType != "WaterBody" || op.ResponseType != "WateringReport" {
		t.Fatalf("water: %+v", op)
	}
	body := graphmodel.WaterBody{LitresPerPlant: graphmodel.Some(1.5), PlantIDs: []string{"p1"}}
	out, err := json.Marshal(body)
	if err != nil || string(out) != `{"litresPerPlant":1.5,"plantIds":["p1"]}` {
		t.Errorf("body: %s %v", out, err)
	}
	// A request body of parameters is validated in CreateMode, which
	// checks the required ones.
	if err := graphmodel.Validate(body, graphmodel.CreateMode); err != nil {
		t.Error(err)
	}
	if err := graphmodel.ValidateJSON(op.Request, graphmodel.CreateMode, []byte(`{"plantIds": []}`)); err == nil {
		t.Error("a body without litresPerPlant was accepted")
	}
	// A page of plants: each element is the type its @odata.type names.
	var page graphmodel.Page[graphmodel.PlantLike]
	in := `{"value": [{"@odata.type": "#microsoft.graph.tree", "name": "Oak"}, {"@odata.type": "#microsoft.graph.flower", "name": "Iris"}],
		"@odata.nextLink": "https://api.example.com/v1.0/gardens/g1/plants?$skiptoken=2"}`
	if err := json.Unmarshal([]byte(in), &page); err != nil {
		t.Fatal(err)
	}
	if _, ok := page.Value[1].(*graphmodel.Flower); !ok || page.NextLink == "" {
		t.Errorf("page: %T %q", page.Value[1], page.NextLink)
	}
	if err := graphmodel.ValidateJSON("Collection(microsoft.graph.plant)", graphmodel.ReadMode, []byte(in)); err != nil {
		t.Error(err)
	}
}
