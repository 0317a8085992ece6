import os, sys
FRONT = '''---
title: "{title}"
description: "{desc}"
author: "docs-writer"
ms.prod: "widgets"
localization_priority: Normal
doc_type: {doctype}
---
'''
def front(title, doctype, desc="Describes it."):
    return FRONT.format(title=title, desc=desc, doctype=doctype)

def resource(name, props, json_body, extra_ann='', prose='', rels='', doctype='resourcePageType', ns='microsoft.graph', title=None, after=''):
    rows = "\n".join(props)
    s = front(title or f"{name} resource type", doctype)
    s += f"\n# {name} resource type\n\nNamespace: {ns}\n\n{prose or 'Represents a ' + name + '.'}\n\n## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n{rows}\n"
    if rels:
        s += "\n## Relationships\n|Relationship|Type|Description|\n|:---|:---|:---|\n" + rels + "\n"
    s += f'''
## JSON representation
<!-- {{
  "blockType": "resource",
  "@odata.type": "{ns}.{name}"{extra_ann}
}} -->
```json
{json_body}
```
{after}'''
    return s

WIDGET = resource("widget", [
    "|id|String|The identifier. Read-only.|",
    "|displayName|String|The name.|",
    "|size|Int32|The size.|",
], '''{
  "id": "String (identifier)",
  "displayName": "String",
  "size": 1024
}''', extra_ann=',\n  "keyProperty": "id"')

def api(title, method_path, req, resp, desc_body="In the request body, supply a JSON representation of the [widget](../resources/widget.md) object.", response_prose="If successful, this method returns a `201 Created` response code and a [widget](../resources/widget.md) object in the response body.", doctype='apiPageType', extra=''):
    s = front(title, doctype)
    s += f'''
# {title}

Namespace: microsoft.graph

{title} for a [widget](../resources/widget.md).

## Permissions
|Permission type|Permissions (from least to most privileged)|
|:---|:---|
|Application|Widget.ReadWrite.All|

## HTTP request
<!-- {{ "blockType": "ignored" }} -->
```http
{method_path}
```

## Request headers
|Name|Description|
|:---|:---|
|Authorization|Bearer {{token}}. Required.|

## Request body
{desc_body}

## Response
{response_prose}

## Example
{extra}{req}
{resp}'''
    return s

def req(name, line, body=None, headers=("Content-Type: application/json",), ann_extra=''):
    h = "\n".join(headers)
    s = f'''### Request
<!-- {{
  "blockType": "request",
  "name": "{name}"{ann_extra}
}} -->
```http
{line}
'''
    if h: s += h + "\n"
    if body is not None:
        s += "\n" + body + "\n"
    s += "```\n"
    return s

def resp(status, body=None, odata="microsoft.graph.widget", ann_extra='', headers=("Content-Type: application/json",), note=''):
    t = f',\n  "@odata.type": "{odata}"' if odata else ''
    s = f'''### Response
{note}<!-- {{
  "blockType": "response"{t}{ann_extra}
}} -->
```http
{status}
'''
    if body is not None:
        s += "\n".join(headers) + "\n\n" + body + "\n"
    s += "```\n"
    return s

def create_ok(name="create_widget", path="widgets"):
    return api("Create widget", "POST /widgets",
        req(name, f"POST https://graph.microsoft.com/v1.0/{path}", '{\n  "displayName": "Blue"\n}'),
        resp("HTTP/1.1 201 Created", '{\n  "id": "1",\n  "displayName": "Blue",\n  "size": 3\n}'))

def list_ok():
    return api("List widgets", "GET /widgets",
        req("list_widgets", "GET https://graph.microsoft.com/v1.0/widgets", headers=()),
        resp("HTTP/1.1 200 OK", '{\n  "value": [\n    {\n      "id": "1",\n      "displayName": "Blue"\n    }\n  ]\n}', ann_extra=',\n  "isCollection": true'),
        desc_body="Do not supply a request body for this method.",
        response_prose="If successful, this method returns a `200 OK` response code and a collection of [widget](../resources/widget.md) objects in the response body.")

def write(rule, files, want, comment=''):
    out = (comment.strip() + "\n") if comment else ''
    for name, data in files:
        out += f"-- {name} --\n{data.rstrip()}\n"
    out += "-- want --\n" + "\n".join(want) + "\n"
    os.makedirs(sys.argv[1], exist_ok=True)
    open(os.path.join(sys.argv[1], rule + ".txtar"), "w").write(out)

if __name__ == "__main__":
    write("zz-clean", [("resources/widget.md", WIDGET), ("api/okwidget-create.md", create_ok()), ("api/okwidget-list.md", list_ok())], [])

def line_of(data, sub, nth=1):
    count = 0
    for i, l in enumerate(data.split("\n")):
        if sub in l:
            count += 1
            if count == nth:
                return i + 1
    raise Exception("not found: " + sub)

def W(path, data, sub, rule, msg, nth=1):
    n = line_of(data, sub, nth)
    if "blockType" in sub or sub == '"reponse"':
        n -= 1  # annotation findings sit on the comment's first line
    return f'{path}:{n} {rule} "{msg}"'

def build(outdir):
    F = {}
    def rule(rid, files, want):
        write(rid, files, want)
    R = "resources/widget.md"
    base = [(R, WIDGET), ("api/okwidget-list.md", list_ok())]

    # todo-placeholder
    p = WIDGET.replace('author: "docs-writer"', 'author: "**TODO: Provide Github Name**"').replace("|size|Int32|The size.|", "|size|Int32|**TODO: Add Description**|")
    p = p.replace("Represents a widget.", "Represents a widget.\n\n**TODO: Remove properties that don't apply**")
    rule("todo-placeholder", [(R, p), ("api/okwidget-create.md", create_ok())], [
        W(R, p, "author:", "todo-placeholder", "front matter \\\"author\\\" is a TODO placeholder"),
        W(R, p, "TODO: Remove", "todo-placeholder", "todo placeholder in text"),
        W(R, p, "|size|", "todo-placeholder", "todo placeholder in description cell: \\\"TODO: Add Description\\\""),
    ])
    # generator-placeholder
    p = create_ok().replace("Create widget for a", "The path is POST ** Collection URI for microsoft.graph.widget not found. Create widget for a")
    rule("generator-placeholder", base + [("api/widget-create.md", p), ("api/okwidget-create.md", create_ok("c2"))], [
        W("api/widget-create.md", p, "Collection URI", "generator-placeholder", "no collection for \\\"microsoft.graph.widget\\\""),
    ])
    # front-matter-missing
    p1 = create_ok().replace('description: "Describes it."\n', '')
    p2 = list_ok().replace('title: "List widgets"', 'title: ""')
    p3 = "# Notes\n\nNo front matter here.\n"
    rule("front-matter-missing", [(R, WIDGET), ("api/widget-create.md", p1), ("api/widget-list.md", p2), ("resources/notes.md", p3), ("api/okwidget-create.md", create_ok("c2"))], [
        'api/widget-create.md:1 front-matter-missing "no \\"description\\" key"',
        W("api/widget-list.md", p2, "title:", "front-matter-missing", "key \\\"title\\\" is empty"),
        'resources/notes.md:1 front-matter-missing "no front matter"',
    ])
    # doc-type-invalid
    p1 = create_ok().replace("doc_type: apiPageType", "doc_type: resourcePageType")
    p2 = WIDGET.replace("doc_type: resourcePageType", "doc_type: resourcePageType_")
    rule("doc-type-invalid", [(R, p2), ("api/widget-create.md", p1), ("api/okwidget-list.md", list_ok())], [
        W("api/widget-create.md", p1, "doc_type", "doc-type-invalid", "on a page in api/"),
        W(R, p2, "doc_type", "doc-type-invalid", "\\\"resourcePageType_\\\" is not one of"),
    ])
    # annotation-block-type-unknown
    p = create_ok().replace('"blockType": "response"', '"blockType": "reponse"')
    rule("annotation-block-type-unknown", base + [("api/widget-create.md", p), ("api/okwidget-create.md", create_ok("c2"))], [
        W("api/widget-create.md", p, '"reponse"', "annotation-block-type-unknown", "\\\"reponse\\\"; did you mean \\\"response\\\""),
    ])
    # code-block-missing-annotation
    p = create_ok().replace('<!-- {\n  "blockType": "response",\n  "@odata.type": "microsoft.graph.widget"\n} -->\n', '')
    rule("code-block-missing-annotation", base + [("api/widget-create.md", p), ("api/okwidget-create.md", create_ok("c2"))], [
        W("api/widget-create.md", p, "HTTP/1.1 201", "code-block-missing-annotation", "code block \\\\(http\\\\) has no annotation", ) .replace(":%d" % line_of(p, "HTTP/1.1 201"), ":%d" % (line_of(p, "HTTP/1.1 201") - 1)),
    ])
    # request-without-response / response-without-request
    cut = create_ok()
    i = cut.index("### Response")
    p = cut[:i]
    rule("request-without-response", base + [("api/widget-create.md", p), ("api/okwidget-create.md", create_ok("c2"))], [
        W("api/widget-create.md", p, '"blockType": "request"', "request-without-response", "request example \\\"create_widget\\\" has no response"),
    ])
    c = create_ok()
    j = c.index("### Request\n"); k = c.index("### Response")
    p = c[:j] + c[k:]
    p2 = c[:j] + c[k:].replace("### Response", "### Request\n<!-- {\n  \"blockType\": \"ignored\"\n} -->\n```http\nPOST https://graph.microsoft.com/v1.0/widgets\n```\n\n### Response", 1)
    rule("response-without-request", base + [("api/widget-create.md", p), ("api/widget-create2.md", p2), ("api/okwidget-create.md", create_ok("c2"))], [
        W("api/widget-create.md", p, '"blockType": "response"', "response-without-request", "no request example before it"),
        W("api/widget-create2.md", p2, '"blockType": "response"', "response-without-request", "annotated \\\"ignored\\\""),
    ])
    # duplicate-request-name
    c = create_ok("create_widget")
    second = req("create_widget", "POST https://graph.microsoft.com/v1.0/widgets", '{\n  "displayName": "Red"\n}') + "\n" + resp("HTTP/1.1 201 Created", '{\n  "id": "2",\n  "displayName": "Red"\n}')
    p = c + "\n" + second
    rule("duplicate-request-name", base + [("api/widget-create.md", p), ("api/widget-add.md", create_ok("create_widget")), ("api/okwidget-create.md", create_ok("c_unique"))], [
        W("api/widget-create.md", p, '"blockType": "request"', "duplicate-request-name", "already used in api/widget-add.md", 1),
        W("api/widget-create.md", p, '"blockType": "request"', "duplicate-request-name", "already used in api/widget-add.md", 2),
    ])
    # request-name-malformed
    p = create_ok("create_widget_from_")
    p2 = create_ok("create widget")
    rule("request-name-malformed", base + [("api/widget-create.md", p), ("api/widget-add.md", p2), ("api/okwidget-create.md", create_ok("create_widget_ok"))], [
        W("api/widget-create.md", p, '"blockType": "request"', "request-name-malformed", "\\\"create_widget_from_\\\""),
        W("api/widget-add.md", p2, '"blockType": "request"', "request-name-malformed", "\\\"create widget\\\""),
    ])
    # example-unknown-odata-type
    p = create_ok().replace('  "id": "1",', '  "@odata.type": "#microsoft.graph.widgit",\n  "id": "1",')
    p2 = create_ok("c3").replace('  "id": "1",', '  "@odata.type": "#microsoft.graph.Widget",\n  "id": "1",')
    ok = create_ok("c2").replace('  "id": "1",', '  "@odata.type": "#microsoft.graph.widget",\n  "id": "1",')
    p3 = create_ok("c7").replace('"@odata.type": "microsoft.graph.widget"', '"@odata.type": "microsoft.graph.WIDGET"')
    rule("example-unknown-odata-type", base + [("api/widget-create.md", p), ("api/widget-add.md", p2), ("api/widget-post.md", p3), ("api/okwidget-create.md", ok)], [
        W("api/widget-post.md", p3, "WIDGET", "example-unknown-odata-type", "annotation @odata.type \\\"microsoft.graph.WIDGET\\\" differs in case"),
        W("api/widget-create.md", p, "widgit", "example-unknown-odata-type", "\\\"microsoft.graph.widgit\\\" names no type.*did you mean \\\"microsoft.graph.widget\\\""),
        W("api/widget-add.md", p2, "Widget\"", "example-unknown-odata-type", "differs in case from the type \\\"microsoft.graph.widget\\\""),
    ])
    # links
    p = create_ok().replace("Create widget for a [widget](../resources/widget.md).", "Create widget for a [widget](../resources/widgett.md), see [props](../resources/widget.md#propertys), [top](#example), [bad](#nope) and [img](../images/w.png).")
    rule("broken-link", base + [("api/widget-create.md", p), ("api/okwidget-create.md", create_ok("c2")), ("images/ok.png", "png")], [
        W("api/widget-create.md", p, "widgett.md", "broken-link", "\\\"../resources/widgett.md\\\" does not exist; did you mean \\\"widget.md\\\""),
        W("api/widget-create.md", p, "w.png", "broken-link", "\\\"../images/w.png\\\" does not exist"),
    ])
    rule("broken-anchor", base + [("api/widget-create.md", p), ("api/okwidget-create.md", create_ok("c2"))], [
        W("api/widget-create.md", p, "widgett.md", "broken-anchor", "\\\"#propertys\\\" matches no heading in resources/widget.md; did you mean \\\"#properties\\\""),
        W("api/widget-create.md", p, "widgett.md", "broken-anchor", "\\\"#nope\\\" matches no heading in this page"),
    ])
    p = create_ok().replace("Create widget for a [widget](../resources/widget.md).", "Create widget for a [widget](../resources/Widget.md).")
    rule("link-case-mismatch", base + [("api/widget-create.md", p), ("api/okwidget-create.md", create_ok("c2"))], [
        W("api/widget-create.md", p, "Widget.md", "link-case-mismatch", "\\\"../resources/Widget.md\\\" differs only in case from the file \\\"resources/widget.md\\\""),
    ])
    # resource JSON vs table
    p = WIDGET.replace('  "size": 1024\n', '  "size": 1024,\n  "colour": "String",\n  "DisplayName": "String"\n')
    okg = resource("okgadget", ["|id|String|The identifier.|", "|name|String|The name.|"], '{\n  "id": "String",\n  "name": "String"\n}')
    rule("json-property-not-in-table", [(R, p), ("resources/okgadget.md", okg)], [
        W(R, p, '"colour"', "json-property-not-in-table", "\\\"colour\\\" of the JSON representation is not in the property tables of widget or its base types"),
        W(R, p, '"DisplayName"', "json-property-not-in-table", "spelled \\\"displayName\\\""),
    ])
    p = WIDGET.replace("|size|Int32|The size.|", "|size|Int32|The size.|\n|weight|Double|The weight.|")
    rule("table-property-not-in-json", [(R, p), ("resources/okgadget.md", okg)], [
        W(R, p, "|weight|", "table-property-not-in-json", "\\\"weight\\\" of widget is missing"),
    ])
    p = WIDGET.replace("|size|Int32|The size.|", "|size|Int32|The size.|\n|tags|String collection|The tags.|\n|flag|Boolean|A flag.|").replace('  "size": 1024\n', '  "size": 1024,\n  "tags": "String",\n  "flag": "String (timestamp)"\n')
    rule("json-shape-mismatch", [(R, p), ("resources/okgadget.md", okg)], [
        W(R, p, '"tags"', "json-shape-mismatch", "\\\"tags\\\" is declared Collection\\\\(Edm.String\\\\) but the JSON shows a single \\\"String\\\""),
        W(R, p, '"flag"', "json-shape-mismatch", "\\\"flag\\\" is declared Edm.Boolean"),
    ])
    # example-unknown-property
    p = create_ok().replace('  "size": 3\n', '  "size": 3,\n  "colour": "red",\n  "DisplayNme": "x"\n')
    rule("example-unknown-property", base + [("api/widget-create.md", p), ("api/okwidget-create.md", create_ok("c2"))], [
        W("api/widget-create.md", p, '"colour"', "example-unknown-property", "response property \\\"colour\\\" is not a property of widget"),
        W("api/widget-create.md", p, '"DisplayNme"', "example-unknown-property", "did you mean \\\"displayName\\\""),
    ])
    # read-only-in-request-body
    tbl = "In the request body, supply a JSON representation of the [widget](../resources/widget.md) object.\n\n|Property|Type|Description|\n|:---|:---|:---|\n|id|String|The identifier.|\n|displayName|String|The name. Required.|"
    p = api("Create widget", "POST /widgets", req("create_widget", "POST https://graph.microsoft.com/v1.0/widgets", '{\n  "displayName": "Blue"\n}'), resp("HTTP/1.1 201 Created", '{\n  "id": "1",\n  "displayName": "Blue"\n}'), desc_body=tbl)
    okp = api("Create widget", "POST /widgets", req("c2", "POST https://graph.microsoft.com/v1.0/widgets", '{\n  "displayName": "Blue"\n}'), resp("HTTP/1.1 201 Created", '{\n  "id": "1",\n  "displayName": "Blue"\n}'), desc_body=tbl.replace("|id|String|The identifier.|\n", ""))
    rule("read-only-in-request-body", base + [("api/widget-create.md", p), ("api/okwidget-create.md", okp)], [
        W("api/widget-create.md", p, "|id|", "read-only-in-request-body", "lists \\\"id\\\", which is read-only on widget"),
    ])
    # inherited-from-mismatch
    gadget = resource("gadget", ["|id|String|The identifier. Inherited from [widget](widget.md).|", "|weight|Double|The weight. Inherited from [widget](widget.md).|", "|size|Int32|The size. Inherited from [widget](widget.md).|", "|speed|Int32|The speed.|"],
        '{\n  "id": "String",\n  "weight": 1024.13,\n  "size": 1024,\n  "speed": 1024\n}', prose="Inherits from [widget](widget.md).")
    gizmo = resource("okgizmo", ["|id|String|The identifier.|", "|size|Int32|The size.|"], '{\n  "id": "String",\n  "size": 1024\n}')
    okg2 = resource("okgadget", ["|id|String|The identifier. Inherited from [widget](widget.md).|", "|speed|Int32|The speed.|"], '{\n  "id": "String",\n  "speed": 1024\n}', prose="Inherits from [widget](widget.md).")
    rule("inherited-from-mismatch", [(R, WIDGET), ("resources/gadget.md", gadget), ("resources/okgizmo.md", gizmo), ("resources/okgadget.md", okg2)], [
        W("resources/gadget.md", gadget, "|weight|", "inherited-from-mismatch", "\\\"weight\\\" says it is inherited from widget, but the page of widget does not declare it"),
    ])
    # create-not-creatable
    shape = resource("shape", ["|id|String|The identifier.|", "|name|String|The name.|"], '{\n  "id": "String",\n  "name": "String"\n}', extra_ann=',\n  "abstract": true', prose="An abstract shape.")
    circle = resource("circle", ["|radius|Int32|The radius.|"], '{\n  "radius": 1024\n}', prose="Inherits from [shape](shape.md).")
    def shape_create(name, body):
        return api("Create shape", "POST /shapes", req(name, "POST https://graph.microsoft.com/v1.0/shapes", body), resp("HTTP/1.1 201 Created", '{\n  "id": "1",\n  "name": "a"\n}', odata="microsoft.graph.shape"), desc_body="In the request body, supply a JSON representation of the [shape](../resources/shape.md) object.", response_prose="If successful, this method returns a `201 Created` response code and a [shape](../resources/shape.md) object in the response body.")
    p1 = shape_create("create_shape", '{\n  "name": "a"\n}')
    okc = shape_create("create_circle", '{\n  "@odata.type": "#microsoft.graph.circle",\n  "name": "a"\n}')
    p2 = api("Create gadget", "POST ** Collection URI for microsoft.graph.gadget not found", req("create_gadget", "POST https://graph.microsoft.com/v1.0/gadgets", '{\n  "name": "a"\n}'), resp("HTTP/1.1 201 Created", '{\n  "id": "1"\n}', odata="microsoft.graph.gadget"), desc_body="In the request body, supply a JSON representation of the [gadget](../resources/gadget.md) object.", response_prose="If successful, this method returns a `201 Created` response code and a [gadget](../resources/gadget.md) object in the response body.")
    p2 = p2.replace("POST https://graph.microsoft.com/v1.0/gadgets", "POST https://graph.microsoft.com/v1.0** Collection URI for microsoft.graph.gadget not found")
    g = resource("gadget", ["|id|String|The identifier.|", "|name|String|The name.|"], '{\n  "id": "String",\n  "name": "String"\n}')
    rule("create-not-creatable", [(R, WIDGET), ("resources/shape.md", shape), ("resources/circle.md", circle), ("resources/gadget.md", g), ("api/shape-create.md", p1), ("api/okshape-create.md", okc), ("api/gadget-create.md", p2), ("api/okwidget-create.md", create_ok("c9")), ("api/okwidget-list.md", list_ok())], [
        W("api/shape-create.md", p1, "# Create shape", "create-not-creatable", "create page for shape, which is abstract"),
        W("api/gadget-create.md", p2, "# Create gadget", "create-not-creatable", "no request path or list page addresses a collection of gadget"),
    ])
    # content-length-mismatch
    body = '{\n  "displayName": "Blue"\n}'
    p = api("Create widget", "POST /widgets", req("create_widget", "POST https://graph.microsoft.com/v1.0/widgets", body, headers=("Content-Type: application/json", "Content-length: 29")), resp("HTTP/1.1 201 Created", '{\n  "id": "1"\n}', headers=("Content-Type: application/json", "Content-Length: xxx")))
    okp = api("Create widget", "POST /widgets", req("c2", "POST https://graph.microsoft.com/v1.0/widgets", body, headers=("Content-Type: application/json", "Content-Length: %d" % len(body))), resp("HTTP/1.1 201 Created", '{\n  "id": "1"\n}'))
    rule("content-length-mismatch", base + [("api/widget-create.md", p), ("api/okwidget-create.md", okp)], [
        W("api/widget-create.md", p, "Content-length: 29", "content-length-mismatch", "header Content-Length is 29 but the body is %d bytes" % len(body)),
        W("api/widget-create.md", p, "Content-Length: xxx", "content-length-mismatch", "\\\"xxx\\\" is not a number"),
    ])
    # status-code-mismatch
    p = create_ok().replace("HTTP/1.1 201 Created", "HTTP/1.1 200 OK")
    d = api("Delete widget", "DELETE /widgets/{id}", req("delete_widget", "DELETE https://graph.microsoft.com/v1.0/widgets/1", headers=()), resp("HTTP/1.1 200 OK", odata=None), desc_body="Do not supply a request body for this method.", response_prose="If successful, this method returns a response code. It does not return anything in the response body.")
    okd = d.replace("HTTP/1.1 200 OK", "HTTP/1.1 204 No Content").replace("delete_widget", "d2")
    rule("status-code-mismatch", base + [("api/widget-create.md", p), ("api/widget-delete.md", d), ("api/okwidget-delete.md", okd), ("api/okwidget-create.md", create_ok("c2"))], [
        W("api/widget-create.md", p, "HTTP/1.1 200", "status-code-mismatch", "returns 200 but the Response section says 201") .replace(":%d " % line_of(p, "HTTP/1.1 200"), ":%d " % (line_of(p, "HTTP/1.1 200") - 1)),
        W("api/widget-delete.md", d, "HTTP/1.1 200", "status-code-mismatch", "delete response example returns 200").replace(":%d " % line_of(d, "HTTP/1.1 200"), ":%d " % (line_of(d, "HTTP/1.1 200") - 1)),
    ])
    # no-content-with-body
    d = api("Delete widget", "DELETE /widgets/{id}", req("delete_widget", "DELETE https://graph.microsoft.com/v1.0/widgets/1", headers=()), resp("HTTP/1.1 204 No Content", '{\n  "id": "1"\n}', odata=None), desc_body="Do not supply a request body for this method.", response_prose="If successful, this method returns a `204 No Content` response code.")
    okd = api("Delete widget", "DELETE /widgets/{id}", req("d2", "DELETE https://graph.microsoft.com/v1.0/widgets/1", headers=()), resp("HTTP/1.1 204 No Content", odata=None), desc_body="Do not supply a request body for this method.", response_prose="If successful, this method returns a `204 No Content` response code.")
    rule("no-content-with-body", base + [("api/widget-delete.md", d), ("api/okwidget-delete.md", okd)], [
        W("api/widget-delete.md", d, '"id": "1"', "no-content-with-body", "status 204 No Content has a body").replace(":%d " % line_of(d, '"id": "1"'), ":%d " % (line_of(d, '"id": "1"') - 1)),
    ])
    # url-version-mismatch / url-host-invalid
    two = req("get_widget_beta", "GET https://graph.microsoft.com/beta/widgets/1", headers=()) + "\n" + resp("HTTP/1.1 200 OK", '{\n  "id": "1"\n}') + "\n"
    g1 = api("Get widget", "GET /widgets/{id}", req("get_widget", "GET https://graph.microsoft.com/v1.0/widgets/1", headers=()), resp("HTTP/1.1 200 OK", '{\n  "id": "1"\n}') + "\n" + two, desc_body="Do not supply a request body for this method.", response_prose="If successful, this method returns a `200 OK` response code and a [widget](../resources/widget.md) object in the response body.")
    g2 = g1.replace("get_widget_beta", "gw2").replace("/beta/", "/V1.0/").replace('"get_widget"', '"gw1"')
    okg = g1.replace("get_widget_beta", "gw4").replace("/beta/", "/v1.0/").replace('"get_widget"', '"gw3"')
    rule("url-version-mismatch", base + [("api/widget-get.md", g1), ("api/widget-get2.md", g2), ("api/okwidget-get.md", okg)], [
        W("api/widget-get.md", g1, "/beta/", "url-version-mismatch", "uses \\\"beta\\\" but the page's other examples use \\\"v1.0\\\"").replace(":%d " % line_of(g1, "/beta/"), ":%d " % (line_of(g1, "/beta/") - 1)),
        W("api/widget-get2.md", g2, "/V1.0/", "url-version-mismatch", "version \\\"V1.0\\\" is neither").replace(":%d " % line_of(g2, "/V1.0/"), ":%d " % (line_of(g2, "/V1.0/") - 1)),
    ])
    h1 = create_ok().replace("https://graph.microsoft.com/v1.0/widgets", "https://graph/microsoft.com/v1.0/widgets")
    h2 = create_ok("c5").replace("https://graph.microsoft.com/v1.0/widgets", "https://graph.microsft.com/v1.0/widgets")
    okh = create_ok("c6").replace("https://graph.microsoft.com/v1.0/widgets", "https://contoso.sharepoint.com/widgets")
    rule("url-host-invalid", base + [("api/widget-create.md", h1), ("api/widget-add.md", h2), ("api/okwidget-create.md", okh)], [
        W("api/widget-create.md", h1, "graph/microsoft", "url-host-invalid", "\\\"graph/microsoft.com\\\" should be").replace(":%d " % line_of(h1, "graph/microsoft"), ":%d " % (line_of(h1, "graph/microsoft") - 1)),
        W("api/widget-add.md", h2, "microsft", "url-host-invalid", "\\\"graph.microsft.com\\\" is not").replace(":%d " % line_of(h2, "microsft"), ":%d " % (line_of(h2, "microsft") - 1)),
    ])
    # content-type-missing
    p = api("Create widget", "POST /widgets", req("create_widget", "POST https://graph.microsoft.com/v1.0/widgets", '{\n  "displayName": "Blue"\n}', headers=()), resp("HTTP/1.1 201 Created", '{\n  "id": "1"\n}'))
    rule("content-type-missing", base + [("api/widget-create.md", p), ("api/okwidget-create.md", create_ok("c2"))], [
        W("api/widget-create.md", p, "POST https://graph", "content-type-missing", "request example \\\\(POST\\\\) has a JSON body but no Content-Type").replace(":%d " % line_of(p, "POST https://graph"), ":%d " % (line_of(p, "POST https://graph") - 1)),
    ])
    # enum-value-not-member
    enum_after = "\n### widgetColor values\n\n|Member|Description|\n|:---|:---|\n|red|Red.|\n|blue|Blue.|\n|unknownFutureValue|Sentinel.|\n"
    p = resource("widget", ["|id|String|The identifier. Read-only.|", "|color|[widgetColor](#widgetcolor-values)|The color. Possible values are: `red`, `green`, `blue`, `unknownFutureValue`.|", "|shade|[widgetColor](#widgetcolor-values)|The shade. Possible values are: `red`, `blue`.|"],
        '{\n  "id": "String",\n  "color": "String",\n  "shade": "String"\n}', extra_ann=',\n  "keyProperty": "id"', after=enum_after)
    okr = resource("okgadget", ["|id|String|The identifier.|", "|color|[widgetColor](widget.md#widgetcolor-values)|The color. Possible values are: `red`, `blue`.|"], '{\n  "id": "String",\n  "color": "String"\n}')
    rule("enum-value-not-member", [(R, p), ("resources/okgadget.md", okr)], [
        W(R, p, "|color|", "enum-value-not-member", "lists \\\"green\\\", not members of the enum widgetColor"),
    ])
    # truncated-annotation
    note = ">**Note:** The response object shown here might be shortened for readability.\n"
    p = api("Get widget", "GET /widgets/{id}", req("get_widget", "GET https://graph.microsoft.com/v1.0/widgets/1", headers=()), resp("HTTP/1.1 200 OK", '{\n  "id": "1"\n}', note=note), desc_body="Do not supply a request body for this method.", response_prose="If successful, this method returns a `200 OK` response code and a [widget](../resources/widget.md) object in the response body.")
    okp = api("Get widget", "GET /widgets/{id}", req("g2", "GET https://graph.microsoft.com/v1.0/widgets/1", headers=()), resp("HTTP/1.1 200 OK", '{\n  "id": "1"\n}', note=note, ann_extra=',\n  "truncated": true'), desc_body="Do not supply a request body for this method.", response_prose="If successful, this method returns a `200 OK` response code and a [widget](../resources/widget.md) object in the response body.")
    okd = api("Delete widget", "DELETE /widgets/{id}", req("d2", "DELETE https://graph.microsoft.com/v1.0/widgets/1", headers=()), resp("HTTP/1.1 204 No Content", odata=None, note=note), desc_body="Do not supply a request body for this method.", response_prose="If successful, this method returns a `204 No Content` response code.")
    rule("truncated-annotation", base + [("api/widget-get.md", p), ("api/okwidget-get.md", okp), ("api/okwidget-delete.md", okd)], [
        W("api/widget-get.md", p, '"blockType": "response"', "truncated-annotation", "introduced as shortened"),
    ])
    # type-placeholder-value
    p = create_ok().replace('  "displayName": "Blue",\n  "size": 3', '  "displayName": "String",\n  "size": "Integer"')
    p = p.replace('  "displayName": "Blue"\n}', '  "displayName": "red | green | blue"\n}')
    rule("type-placeholder-value", base + [("api/widget-create.md", p), ("api/okwidget-create.md", create_ok("c2"))], [
        W("api/widget-create.md", p, '"String"', "type-placeholder-value", "value \\\"String\\\" is a type placeholder \\\\(Edm.String\\\\)"),
        W("api/widget-create.md", p, '"Integer"', "type-placeholder-value", "value \\\"Integer\\\" is a type placeholder \\\\(Edm.Int32\\\\)"),
        W("api/widget-create.md", p, 'red | green', "type-placeholder-value", "lists enum members"),
    ])
    # response-collection-shape
    l1 = list_ok().replace('{\n  "value": [\n    {\n      "id": "1",\n      "displayName": "Blue"\n    }\n  ]\n}', '{\n  "id": "1",\n  "displayName": "Blue"\n}').replace("list_widgets", "lw1")
    g = api("Get widget", "GET /widgets/{id}", req("get_widget", "GET https://graph.microsoft.com/v1.0/widgets/1", headers=()), resp("HTTP/1.1 200 OK", '{\n  "value": {\n    "id": "1"\n  }\n}'), desc_body="Do not supply a request body for this method.", response_prose="If successful, this method returns a `200 OK` response code and a [widget](../resources/widget.md) object in the response body.")
    rule("response-collection-shape", [(R, WIDGET), ("api/widget-list.md", l1), ("api/widget-get.md", g), ("api/okwidget-list.md", list_ok())], [
        W("api/widget-list.md", l1, '"id": "1"', "response-collection-shape", "annotated as a collection of widget but has no \\\"value\\\" array").replace(":%d " % line_of(l1, '"id": "1"'), ":%d " % (line_of(l1, '"id": "1"') - 1)),
        W("api/widget-get.md", g, '"value"', "response-collection-shape", "shows one widget but wraps it in \\\"value\\\""),
    ])
    # odata-type-mismatch
    g = resource("gadget", ["|id|String|The identifier.|"], '{\n  "id": "String"\n}')
    p = WIDGET.replace('{\n  "id": "String (identifier)"', '{\n  "@odata.type": "#microsoft.graph.gadget",\n  "id": "String (identifier)"')
    okr = resource("okgizmo", ["|id|String|The identifier.|"], '{\n  "@odata.type": "#microsoft.graph.okgizmo",\n  "id": "String"\n}')
    rule("odata-type-mismatch", [(R, p), ("resources/gadget.md", g), ("resources/okgizmo.md", okr)], [
        W(R, p, '"@odata.type": "#microsoft.graph.gadget"', "odata-type-mismatch", "\\\"microsoft.graph.gadget\\\" differs from the annotated type \\\"microsoft.graph.widget\\\""),
    ])
    # namespace-mismatch
    p = resource("gadget", ["|id|String|The identifier.|"], '{\n  "id": "String"\n}', ns="microsoft.graph.things").replace("Namespace: microsoft.graph.things", "Namespace: microsoft.graph")
    okr = resource("okgizmo", ["|id|String|The identifier.|"], '{\n  "id": "String"\n}', ns="microsoft.graph.things")
    rule("namespace-mismatch", [(R, WIDGET), ("resources/gadget.md", p), ("resources/okgizmo.md", okr)], [
        W("resources/gadget.md", p, "# gadget", "namespace-mismatch", "\\\"Namespace: microsoft.graph\\\" but defines microsoft.graph.things.gadget"),
    ])

    # duplicate-operation
    l1 = list_ok().replace("list_widgets", "lw1")
    l2 = list_ok().replace("list_widgets", "lw2")
    okl = list_ok().replace("list_widgets", "lw3").replace("GET /widgets\n", "GET /me/widgets\n")
    rule("duplicate-operation", [(R, WIDGET), ("api/widget-list.md", l1), ("api/widget-list2.md", l2), ("api/okwidget-list.md", okl), ("api/okwidget-create.md", create_ok())], [
        W("api/widget-list2.md", l2, "GET /widgets", "duplicate-operation", "GET /widgets is also documented in api/widget-list.md"),
    ])

    # tab-group-malformed
    def tabbed(name, tabs, close=True):
        c = create_ok(name)
        i = c.index("### Response")
        extra = "".join(f"# [{t}](#tab/{t.lower()})\n\nSample for {t}.\n\n" for t in tabs[1:])
        j = c.index("### Request\n") + len("### Request\n")
        c = c[:j] + f"# [{tabs[0]}](#tab/{tabs[0].lower()})\n\n" + c[j:i] + "\n" + extra + ("---\n\n" if close else "") + c[i:]
        return c
    t1 = tabbed("t1", ["CSharp", "HTTP"])
    t2 = tabbed("t2", ["HTTP", "Java", "Java"])
    t3 = tabbed("t3", ["HTTP", "Java"], close=False)
    okt = tabbed("t4", ["HTTP", "Java", "CSharp"])
    rule("tab-group-malformed", base + [("api/widget-create.md", t1), ("api/widget-add.md", t2), ("api/widget-post.md", t3), ("api/okwidget-create.md", okt)], [
        W("api/widget-create.md", t1, "# [CSharp]", "tab-group-malformed", "starts with \\\"#tab/csharp\\\""),
        W("api/widget-add.md", t2, "# [Java]", "tab-group-malformed", "\\\"#tab/java\\\" appears twice", 2),
        W("api/widget-post.md", t3, "# [HTTP]", "tab-group-malformed", "not closed"),
    ])

    # orphan-page
    w = WIDGET.replace("Represents a widget.", "Represents a widget. See [list](../api/okwidget-list.md) and [create](../api/okwidget-create.md).")
    okg = resource("okgadget", ["|id|String|The identifier.|", "|part|[widget](widget.md)|A part.|"], '{\n  "id": "String",\n  "part": {"@odata.type": "microsoft.graph.widget"}\n}')
    okg = okg.replace("Represents a okgadget.", "Represents a okgadget. Linked from [itself](gadget.md) only.")
    rule("orphan-page", [(R, w), ("resources/gadget.md", okg), ("api/okwidget-list.md", list_ok()), ("api/okwidget-create.md", create_ok()), ("api/widget-archive.md", create_ok("c8").replace("Create widget", "Archive widget"))], [
        'api/widget-archive.md:1 orphan-page "no other page links to this api page"',
        'resources/gadget.md:1 orphan-page "no other page links to this resource page"',
    ])

build(sys.argv[1])
