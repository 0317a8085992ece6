package inputtest

import (
	"fmt"
	"strings"
	"testing/fstest"
)

// BrokenTree returns a made-up docs tree in the Graph format with n
// resource pages and n API pages whose references mostly fail: every
// resource page has property types that name no page (some a typo away
// from a real type), links and anchors to pages and headings that do not
// exist, and an include of a missing file; every API page has broken links,
// an example whose @odata.type names no type and a request body property
// the type lacks. Every name is numbered, so no two failures are the same
// and a tree of 4n pages has four times the failures of one of n. The
// complexity benchmarks (make bench) time the model and the linter on it
// for n and 4n.
func BrokenTree(n int) fstest.MapFS {
	fsys := fstest.MapFS{}
	add := func(name, text string) { fsys[name] = &fstest.MapFile{Data: []byte(text)} }
	add("resources/entity.md", "---\ntitle: \"entity resource type\"\ndoc_type: resourcePageType\n---\n# entity resource type\n\nNamespace: microsoft.graph\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| id | String | Identifier. Read-only. |\n")
	add("includes/permissions/widget-default.md", "| Permission type | Permissions |\n|:--|:--|\n| Delegated | Widget.Read |\n")
	var enums strings.Builder
	enums.WriteString("---\ntitle: \"Enum values\"\ndoc_type: enumPageType\n---\n# Enum values\n\nNamespace: microsoft.graph\n")
	for i := range n {
		fmt.Fprintf(&enums, "\n### widgetMood%d values\n\n| Member | Value |\n|:--|:--|\n| calm | 0 |\n| busy | 1 |\n", i)
	}
	add("resources/enums.md", enums.String())
	for i := range n {
		base := "entity" // chains of ten widgets, so inheritance stays shallow
		if i%10 > 0 {
			base = fmt.Sprintf("widget%d", i-1)
		}
		peer := (i*7 + 3) % n
		add(fmt.Sprintf("resources/widget%d.md", i), fmt.Sprintf(`---
title: "widget%[1]d resource type"
doc_type: resourcePageType
---
# widget%[1]d resource type

Namespace: microsoft.graph

A widget of series %[1]d. Inherits from [%[2]s](%[2]s.md). See [the guide](widget-guide%[1]d.md) and [its parts](#parts-of-widget%[1]d).

[!INCLUDE [limits](../includes/widget-limits%[1]d.md)]

## Properties

| Property | Type | Description |
|:--|:--|:--|
| label%[1]d | String | The label. |
| size%[1]d | [gadgetSize%[1]d](gadgetsize%[1]d.md) | The size. |
| mood%[1]d | [widgetMood%[1]d](enums.md#widgetmood%[1]d-values) | The mood. |
| moods%[1]d | [widgetMod%[1]d](enums.md#widgetmod%[1]d-values) collection | Typo of the mood type. |
| spare%[1]d | [widgte%[1]d](widgte%[1]d.md) | Typo of the widget. |
| peer%[1]d | [widget%[3]d](widget%[3]d.md) | Another widget. |

## Relationships

| Relationship | Type | Description |
|:--|:--|:--|
| parts%[1]d | [part%[1]d](part%[1]d.md) collection | Its parts. Read-only. |

## JSON representation

<!-- {
  "blockType": "resource",
  "@odata.type": "microsoft.graph.widget%[1]d",
  "baseType": "microsoft.graph.%[2]s"
} -->
`+"```json"+`
{
  "label%[1]d": "String",
  "size%[1]d": {"@odata.type": "microsoft.graph.gadgetSize%[1]d"},
  "mood%[1]d": "string",
  "moods%[1]d": ["string"],
  "spare%[1]d": {"@odata.type": "microsoft.graph.widgte%[1]d"},
  "peer%[1]d": {"@odata.type": "microsoft.graph.widget%[3]d"}
}
`+"```"+`
`, i, base, peer))
		add(fmt.Sprintf("api/widget%d-get.md", i), fmt.Sprintf(`---
title: "Get widget%[1]d"
doc_type: apiPageType
---
# Get widget%[1]d

Namespace: microsoft.graph

Read a [widget%[1]d](../resources/widget%[1]d.md), or its [missing sibling](../resources/widget%[1]d-sibling.md) and [old page](widget%[1]d-old.md#overview).

## Permissions

[!INCLUDE [permissions](../includes/permissions/widget%[1]d-get.md)]

## HTTP request

<!-- { "blockType": "ignored" } -->
`+"```http"+`
GET /widgets%[1]d/{id}
`+"```"+`

## Request headers

| Name | Description |
|:--|:--|
| Authorization | Bearer {token}. Required. |

## Response

If successful, this method returns a `+"`200 OK`"+` response code and a [widget%[1]d](../resources/widget%[1]d.md) object in the response body.

## Example

### Request

<!-- { "blockType": "request", "name": "get_widget%[1]d" } -->
`+"```http"+`
GET https://graph.microsoft.com/v1.0/widgets%[1]d/1
`+"```"+`

### Response

<!-- { "blockType": "response", "truncated": true, "@odata.type": "microsoft.graph.widget%[1]d" } -->
`+"```http"+`
HTTP/1.1 200 OK
Content-type: application/json

{
  "@odata.type": "#microsoft.graph.gizmo%[1]d",
  "label%[1]d": "one",
  "colour": "red",
  "size%[1]d": {"@odata.type": "#microsoft.graph.gadgetSize%[1]d"}
}
`+"```"+`
`, i))
	}
	return fsys
}
