package lint

import (
	"slices"

	"github.com/apidocgen/apidocgen/input"
)

// Presets say whether the rules of Microsoft Graph's house conventions are
// on. Most rules check that the docs are correct and consistent: an
// example that does not parse, a broken link, a property an example uses
// but no table declares is wrong in any docs set written in this format. A
// few rules check the conventions of the Graph docs team instead (which
// front-matter keys a page carries, the H2 outline and its order, Graph's
// API versions): another team writing the same format has its own
// conventions, and those findings would only be noise there.
const (
	// PresetAuto detects the preset from the docs tree (DetectPreset).
	PresetAuto = "auto"
	// PresetGraph turns on every rule, Graph's house conventions included.
	PresetGraph = "graph"
	// PresetCore turns on the correctness rules only.
	PresetCore = "core"
)

// Presets lists the preset names, the default first.
var Presets = []string{PresetAuto, PresetGraph, PresetCore}

// GraphConventions lists the rules that check Graph's house conventions
// rather than correctness; they are on with PresetGraph only (unless the
// configuration gives one a severity). docs/rules.md says why each one is
// a convention and why the others are not.
var GraphConventions = []string{
	RuleDocTypeInvalid.ID,     // Graph's doc_type values and the api/ and resources/ folders they go with
	RuleFrontMatterMissing.ID, // Graph's metadata template: title, description, author, localization_priority, doc_type
	RuleSectionMissing.ID,     // the API page outline of Graph's templates: Permissions, HTTP request, Response
	RuleSectionMisspelt.ID,    // the spelling of Graph's H2 names ("Request headers", not "Request Headers")
	RuleSectionOrder.ID,       // the H2 order of Graph's templates
	RuleURLVersion.ID,         // Graph's API versions v1.0 and beta
}

// IsGraphConvention reports whether rule id is one of GraphConventions.
func IsGraphConvention(id string) bool { return containsStr(GraphConventions, id) }

// graphFrontKeys are the front-matter keys of Graph's metadata template
// that mark a page written to Graph's house conventions: every page of
// graph-v1.0 and of the newer stubs carries ms.prod and one spelling of
// the localization priority (docs/rules.md, "Presets").
var graphFrontKeys = []string{"ms.prod", "localization_priority", "ms.localizationpriority"}

// DetectPreset returns PresetGraph when the docs tree is written to
// Graph's house conventions: more than half of its pages that have front
// matter carry a key of Graph's metadata template (ms.prod,
// localization_priority or ms.localizationpriority). Otherwise, and when
// no page has front matter, it returns PresetCore. The result depends
// only on the set of pages, not on their order.
func DetectPreset(pages []*input.Page) string {
	withFront, graph := 0, 0
	for _, p := range pages {
		if len(p.Front) == 0 {
			continue
		}
		withFront++
		if slices.ContainsFunc(graphFrontKeys, func(k string) bool { _, ok := p.FrontValue(k); return ok }) {
			graph++
		}
	}
	if withFront > 0 && graph*2 > withFront {
		return PresetGraph
	}
	return PresetCore
}

// ResolvePreset returns the preset a run of cfg over pages uses: the one
// cfg names, or the detected one when cfg names none or "auto" (detected
// is then true).
func ResolvePreset(cfg *Config, pages []*input.Page) (preset string, detected bool) {
	if cfg != nil && cfg.Preset != "" && cfg.Preset != PresetAuto {
		return cfg.Preset, false
	}
	return DetectPreset(pages), true
}

// presetOff returns the rules that preset turns off and cfg does not turn
// back on by giving them a severity; nil when there are none.
func presetOff(preset string, cfg *Config) map[string]bool {
	if preset == PresetGraph {
		return nil
	}
	off := map[string]bool{}
	for _, id := range GraphConventions {
		if cfg == nil || cfg.Severity[id] == "" {
			off[id] = true
		}
	}
	return off
}
