package compile

import (
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
	"github.com/apidocgen/apidocgen/input/inputtest"
)

func compileCorpus(t *testing.T, sub string) *model.Model {
	t.Helper()
	dir := inputtest.CorpusDir(t, sub)
	pages, err := input.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	return Compile(pages)
}

// Coverage is what the corpus tests measure and the README reports.
type Coverage struct {
	Pages, Types, Entities, Complex, Enums, Operations, Examples, ExamplesJSON int
	Properties, Resolved                                                       int
	OpsWithPath, OpsWithResponse, ExamplesTyped                                int
}

func coverage(m *model.Model) Coverage {
	var c Coverage
	c.Pages = len(m.Pages)
	for _, t := range m.Types {
		c.Types++
		switch t.Kind {
		case model.KindEntity:
			c.Entities++
		case model.KindComplex:
			c.Complex++
		case model.KindEnum:
			c.Enums++
		}
		for _, p := range t.Properties {
			c.Properties++
			if p.Type.Resolved() {
				c.Resolved++
			}
		}
	}
	c.Operations = len(m.Operations)
	for _, op := range m.Operations {
		if len(op.Paths) > 0 {
			c.OpsWithPath++
		}
		if op.Response != nil && op.Response.Resolved() {
			c.OpsWithResponse++
		}
	}
	for _, ex := range m.Examples() {
		c.Examples++
		if ex.Type.Resolved() {
			c.ExamplesTyped++
		}
		if ex.JSON != nil {
			c.ExamplesJSON++
		}
	}
	return c
}

// checkUnresolvedReported asserts that every property whose type did not
// resolve has an unknown-type diagnostic on its row.
func checkUnresolvedReported(t *testing.T, m *model.Model) {
	t.Helper()
	lines := map[string]bool{}
	for _, d := range m.Diagnostics {
		if d.Rule == RuleUnknownType.ID {
			lines[d.Pos.File+":"+strconv.Itoa(d.Pos.Line)] = true
		}
	}
	missing := 0
	for _, ty := range m.Types {
		for _, p := range ty.Properties {
			if !p.Type.Resolved() && !lines[p.Pos.File+":"+strconv.Itoa(p.Pos.Line)] {
				missing++
				if missing <= 10 {
					t.Errorf("%s: property %q of %q did not resolve and has no diagnostic", p.Pos, p.Name, ty.Name)
				}
			}
		}
	}
}

func TestCorpusGraphV1(t *testing.T) {
	m := compileCorpus(t, "graph-v1.0")
	cov := coverage(m)
	t.Logf("graph-v1.0: %+v; resolved %.2f%%; diagnostics %d", cov, 100*float64(cov.Resolved)/float64(cov.Properties), len(m.Diagnostics))
	byRule := map[string]int{}
	for _, d := range m.Diagnostics {
		byRule[d.Rule]++
	}
	var rules []string
	for r := range byRule {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	for _, r := range rules {
		t.Logf("  %-28s %d", r, byRule[r])
	}
	if share := float64(cov.Resolved) / float64(cov.Properties); share < 0.99 {
		t.Errorf("only %.2f%% of properties resolved, want >= 99%%", 100*share)
	}
	if cov.Types < 1300 || cov.Operations < 2000 || cov.Enums < 300 || cov.Properties < 5350 {
		t.Errorf("coverage dropped: %+v", cov)
	}
	checkUnresolvedReported(t, m)

	user := m.Lookup("microsoft.graph.user")
	if user == nil {
		t.Fatal("no microsoft.graph.user")
	}
	if user.BaseName != "microsoft.graph.directoryObject" {
		t.Errorf("user base = %q, want microsoft.graph.directoryObject", user.BaseName)
	}
	if user.Kind != model.KindEntity {
		t.Errorf("user kind = %q", user.Kind)
	}
	al := user.Property("assignedLicenses")
	if al == nil || !al.Type.Collection || al.Type.Name != "microsoft.graph.assignedLicense" {
		t.Errorf("user.assignedLicenses = %+v, want collection of microsoft.graph.assignedLicense", al)
	}
	if p := user.Property("id"); p == nil || p.Owner.Name != "entity" {
		t.Errorf("user.id should be inherited from entity, got %+v", p)
	}
	if p := user.Property("accountEnabled"); p == nil || p.Type.Name != model.EdmBoolean {
		t.Errorf("user.accountEnabled = %+v", p)
	}
	// orgContact: prose says directoryObject, the annotation says entity.
	found := false
	for _, d := range m.Diagnostics {
		if d.Rule == RuleInheritanceConflict.ID && d.Pos.File == "resources/orgcontact.md" && d.Pos.Line == 16 {
			found = true
		}
	}
	if !found {
		t.Error("orgContact's conflicting parents are not reported at resources/orgcontact.md:16")
	}
	if oc := m.Lookup("microsoft.graph.orgContact"); oc == nil || oc.BaseName != "microsoft.graph.directoryObject" {
		t.Errorf("orgContact base = %v", oc)
	}
	// workbookChart: H1 "Chart", annotation names the type.
	if ch := m.Lookup("microsoft.graph.workbookChart"); ch == nil || ch.Property("format") == nil {
		t.Errorf("workbookChart not read from its annotation: %+v", ch)
	}
	// Sub-namespace: callRecords types resolve their own enums.
	if s := m.Lookup("microsoft.graph.callRecords.session"); s == nil {
		t.Error("no microsoft.graph.callRecords.session")
	} else if p := s.Property("modalities"); p == nil || p.Type.Name != "microsoft.graph.callRecords.modality" || !p.Type.Collection {
		t.Errorf("callRecords.session.modalities = %+v", p)
	}
	// An enum from enums.md.
	if e := m.Lookup("microsoft.graph.lifecycleEventType"); e == nil || e.Kind != model.KindEnum || len(e.Members) != 3 {
		t.Errorf("lifecycleEventType = %+v", e)
	}

	// What the pages imply rather than state, on real pages.
	// mobileApp's page names no parent but declares entity's key "id".
	if ty := m.Lookup("microsoft.graph.mobileApp"); ty == nil || ty.BaseName != "microsoft.graph.entity" || ty.BaseFrom != "inferred" {
		t.Errorf("mobileApp's base is not inferred: %+v", ty)
	}
	// educationOutcome's page lists educationPointsOutcome among its
	// derived types; the child's page names no parent.
	if ty := m.Lookup("microsoft.graph.educationPointsOutcome"); ty == nil || ty.BaseName != "microsoft.graph.educationOutcome" || ty.BaseFrom != "derived-types" {
		t.Errorf("educationPointsOutcome's base is not its parent's derived types: %+v", ty)
	}
	// team-clone's request example combines members: "apps,tabs,...".
	if e := m.Lookup("microsoft.graph.clonableTeamParts"); e == nil || !e.Flags {
		t.Errorf("clonableTeamParts is not flags: %+v", e)
	}
	// call's JSON representation has a member no table row lists.
	if c := m.Lookup("microsoft.graph.call"); c == nil {
		t.Error("no microsoft.graph.call")
	} else if p := c.Property("replacesContext"); p == nil || !p.FromExample || p.Type.Name != model.EdmString {
		t.Errorf("call.replacesContext = %+v, want a String read from the JSON representation", p)
	}
	// One page, four operations: each H2 has its own HTTP request
	// section and response example.
	ops := 0
	for _, op := range m.Operations {
		if op.Page == "api/driveitem-list-thumbnails.md" {
			ops++
		}
	}
	if ops != 4 {
		t.Errorf("api/driveitem-list-thumbnails.md gives %d operations, want 4", ops)
	}
}

func TestCorpusSeedFamily(t *testing.T) {
	m := compileCorpus(t, "seed-family")
	cov := coverage(m)
	t.Logf("seed-family: %+v; diagnostics %d", cov, len(m.Diagnostics))
	checkUnresolvedReported(t, m)

	chain := []string{"exactMatchSession", "exactMatchSessionBase", "exactMatchJobBase", "entity"}
	for i := 0; i+1 < len(chain); i++ {
		ty := m.Lookup("microsoft.graph." + chain[i])
		if ty == nil {
			t.Fatalf("no type %s", chain[i])
		}
		if ty.BaseName != "microsoft.graph."+chain[i+1] {
			t.Errorf("%s base = %q, want %s", chain[i], ty.BaseName, chain[i+1])
		}
	}
	want := map[string]string{
		"id": "Edm.String", "completionDateTime": "Edm.DateTimeOffset", "creationDateTime": "Edm.DateTimeOffset",
		"error": "microsoft.graph.classificationError", "lastUpdatedDateTime": "Edm.DateTimeOffset", "startDateTime": "Edm.DateTimeOffset",
		"dataStoreId": "Edm.String", "processingCompletionDateTime": "Edm.DateTimeOffset", "remainingBlockCount": "Edm.Int32",
		"remainingJobCount": "Edm.Int32", "state": "Edm.String", "totalBlockCount": "Edm.Int32", "totalJobCount": "Edm.Int32",
		"uploadCompletionDateTime": "Edm.DateTimeOffset", "checksum": "Edm.String", "dataUploadURI": "Edm.String",
		"fields": "Edm.String", "fileName": "Edm.String", "rowsPerBlock": "Edm.Int32", "salt": "Edm.String",
		"uploadAgentId": "Edm.String", "uploadAgent": "microsoft.graph.exactMatchUploadAgent",
	}
	sess := m.Lookup("microsoft.graph.exactMatchSession")
	got := map[string]string{}
	for _, p := range sess.AllProperties() {
		got[p.Name] = p.Type.Name
	}
	for name, typ := range want {
		if got[name] != typ {
			t.Errorf("exactMatchSession.%s type = %q, want %q", name, got[name], typ)
		}
	}
	if p := sess.Property("fields"); p == nil || !p.Type.Collection {
		t.Errorf("exactMatchSession.fields should be a String collection: %+v", p)
	}
	// The misspelt base type resolves to the page the links point to.
	ce := m.Lookup("microsoft.graph.classificationError")
	if ce == nil || ce.BaseName != "microsoft.graph.classifcationErrorBase" {
		t.Errorf("classificationError base = %+v, want microsoft.graph.classifcationErrorBase", ce)
	}
	// The seed page's unresolvable URL is reported on both lines.
	lines := map[int]bool{}
	for _, d := range m.Diagnostics {
		if d.Rule == RuleHTTPRequestInvalid.ID && d.Pos.File == "api/exactmatchsessionbase-create.md" {
			lines[d.Pos.Line] = true
		}
	}
	if !lines[33] || !lines[79] {
		t.Errorf("seed URL diagnostics on lines %v, want 33 and 79", lines)
	}
	for _, d := range m.Diagnostics {
		if strings.Contains(d.Message, "panic") {
			t.Error(d)
		}
	}
}
