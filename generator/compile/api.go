package compile

import (
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/apidocgen/apidocgen/generator/model"
	"github.com/apidocgen/apidocgen/input"
)

var (
	reGluedLine  = regexp.MustCompile(`(?i)^\s*(GET|POST|PATCH|PUT|DELETE)(/\S*)`)
	reStatusLine = regexp.MustCompile(`^\s*HTTP(?:/\d(?:\.\d)?)?\s+(\d{3})\b`)
	reStrictStat = regexp.MustCompile(`^HTTP/\d(\.\d)?\s+\d{3}(\s|$)`)
	reStatusText = regexp.MustCompile("`?\\b([1-5]\\d\\d) ([A-Z][A-Za-z]*(?: [A-Za-z]+)?)`?")
	reSupplyJSON = regexp.MustCompile(`(?i)\b(supply|provide) a JSON representation of\b`)
	reCollOf     = regexp.MustCompile(`(?i)\bcollection of\b`)
	reTitleKind  = regexp.MustCompile(`(?i)^\s*(list|get|update|create|delete|add|remove|post|put|patch)\b`)
	reTitleOp    = regexp.MustCompile(`^\s*[\w.]+\s*:\s*(\w+)`)
)

// readOperation reads an API page into an Operation with its parameters
// and examples. A page that documents several operations, one per H2 with
// its own HTTP request section and response examples, gives one Operation
// for each of them besides the page's own (the H2s of variants that only
// add request paths stay with the page's operation).
func (c *compiler) readOperation(pi *pageInfo) {
	p := pi.page
	op := &model.Operation{Page: p.Path, Title: pi.title, Pos: pi.h1}
	if !op.Pos.IsValid() {
		op.Pos = input.Pos{File: p.Path, Line: 1, Col: 1}
	}
	var others [][2]int
	if pi.httpRequests >= 2 {
		others = operationSections(p)
	}
	c.readOperationBlocks(op, pi, 0, len(p.Blocks), others)
	c.finishOperation(op, p.Path)
	for _, o := range others {
		h := p.Blocks[o[0]]
		sub := &model.Operation{Page: p.Path, Title: headingText(h), Pos: h.Pos}
		c.readOperationBlocks(sub, pi, o[0]+1, o[1], nil)
		c.finishOperation(sub, p.Path)
	}
	sortTables(pi)
}

// operationSections returns the block ranges [start, end) of the H2
// sections of p that document an operation of their own: an HTTP request
// section below the H2 and a response example. Only a page with more than
// one HTTP request section is split (a page with one documents one
// operation, whatever its headings).
func operationSections(p *input.Page) [][2]int {
	var out [][2]int
	for i, b := range p.Blocks {
		if b.Kind != input.KindHeading || b.Level != 2 || apiSection(headingText(b), 2) != "" {
			continue
		}
		end := len(p.Blocks)
		request, response := false, false
		for j := i + 1; j < len(p.Blocks); j++ {
			x := p.Blocks[j]
			if x.Kind == input.KindHeading && x.Level <= 2 && !isTabHeading(x) {
				end = j
				break
			}
			if x.Kind == input.KindHeading && lowerHasPrefix(headingText(x), "http request") {
				request = true
			}
			if x.Kind == input.KindComment && x.Comment.Annotation != nil && lowerEq(x.Comment.Annotation.String("blockType"), "response") {
				response = true
			}
		}
		if request && response {
			out = append(out, [2]int{i, end})
		}
	}
	return out
}

// readOperationBlocks reads p.Blocks[from:to] of an API page into op,
// leaving out the block ranges [start, end) of skip, in page order.
func (c *compiler) readOperationBlocks(op *model.Operation, pi *pageInfo, from, to int, skip [][2]int) {
	p := pi.page
	sec, secLevel, secText := "", 0, "" // the API section the blocks are in, its heading's level and lower-cased text
	var lastAnn *input.Annotation
	var lastAnnBlock *input.Block
	for i := from; i < to; i++ {
		if len(skip) > 0 && i == skip[0][0] {
			i = skip[0][1] - 1
			skip = skip[1:]
			sec, secLevel, secText = "", 0, ""
			continue
		}
		b := p.Blocks[i]
		switch b.Kind {
		case input.KindHeading:
			if isTabHeading(b) {
				continue
			}
			t := headingText(b)
			if s := apiSection(t, b.Level); s != "" {
				sec, secLevel, secText = s, b.Level, c.lower(t)
			} else if b.Level <= secLevel || b.Level <= 2 {
				sec, secLevel, secText = "", 0, ""
			}
			continue
		case input.KindComment:
			if a := b.Comment.Annotation; a != nil {
				lastAnn, lastAnnBlock = a, b
			}
			continue
		}
		switch {
		case sec == secHTTPRequest && b.Kind == input.KindCode && !isExampleAnn(lastAnn, i):
			c.readRequestSection(op, b)
		case b.Kind == input.KindTable:
			c.readOperationTable(op, pi, sec, secText, b)
		case sec == secRequestBody && b.Kind == input.KindParagraph:
			if loc := findSupplyJSON(b.Text); loc != nil && op.RequestBody == nil {
				if l := linkAfter(b, loc[1]); l != nil {
					ref := c.refFromLink(pi, l, reCollOf.MatchString(b.Text[loc[1]:]))
					op.RequestBody = &ref
				}
			}
		case sec == secResponse && b.Kind == input.KindParagraph && op.Status == 0:
			c.readResponseProse(op, pi, b)
		case sec == secParameters && strings.Contains(secText, "query") && b.Kind == input.KindParagraph:
			op.QueryOptions = queryOptions(op.QueryOptions, b.Text)
		}
		if b.Kind == input.KindCode && isExampleAnn(lastAnn, i) {
			c.readExample(op, pi, lastAnnBlock, b)
			if ex := op.Examples[len(op.Examples)-1]; sec == secHTTPRequest && ex.Kind == model.ExampleRequest {
				// An annotated request standing in the HTTP request section
				// is the syntax of its variant.
				addExamplePath(op, ex)
			}
		}
	}
}

// finishOperation completes what the blocks did not say: paths and
// response type from the examples, kind, target, the examples' types.
func (c *compiler) finishOperation(op *model.Operation, pagePath string) {
	if len(op.Paths) == 0 {
		pathsFromExamples(op)
	}
	if op.Response == nil {
		op.Response = responseFromExamples(op)
	}
	op.Kind = opKind(op, pagePath)
	switch {
	case op.Kind == model.OpCreate && op.RequestBody != nil && op.RequestBody.Type != nil:
		op.Target = op.RequestBody.Type
	case op.Response != nil && op.Response.Type != nil:
		op.Target = op.Response.Type
	case op.RequestBody != nil && op.RequestBody.Type != nil:
		op.Target = op.RequestBody.Type
	}
	if op.Target != nil {
		op.TargetName = op.Target.QualifiedName()
	}
	for _, ex := range op.Examples {
		c.exampleType(op, ex)
	}
	c.m.Operations = append(c.m.Operations, op)
}

// The sections of an API page.
const (
	secHTTPRequest = "http request"
	secParameters  = "parameters"
	secRequestBody = "request body"
	secHeaders     = "request headers"
	secPermissions = "permissions"
	secResponse    = "response"
)

// apiSection returns the API section a heading opens, or "". "HTTP
// request" counts at any level and with a suffix ("HTTP requests", "HTTP
// request (to upload a new file)"), as do parameter, header and permission
// headings; "Request body" and "Response" only at H2, since the H3 and H4
// "Response" headings are those of examples.
func apiSection(text string, level int) string {
	switch {
	case lowerHasPrefix(text, "http request"):
		return secHTTPRequest
	case lowerContains(text, "parameters"):
		return secParameters
	case lowerContains(text, "request headers") || lowerEq(text, "headers"):
		return secHeaders
	case lowerEq(text, "permissions") || lowerEq(text, "prerequisites"):
		return secPermissions
	case level <= 2 && lowerEq(text, "request body"):
		return secRequestBody
	case level <= 2 && lowerEq(text, "response"):
		return secResponse
	}
	return ""
}

// isTabHeading reports whether b is the H1 of a tab group ("# [HTTP](#tab/http)").
func isTabHeading(b *input.Block) bool {
	return b.Level == 1 && len(b.Links) == 1 && strings.HasPrefix(b.Links[0].Target, "#tab/")
}

// readOperationTable reads a table of an API page as what its section
// makes it: parameters, request-body properties, headers, permissions.
func (c *compiler) readOperationTable(op *model.Operation, pi *pageInfo, sec, secText string, b *input.Block) {
	// The section decides first: the tables of every API page's headers
	// and permissions sections are recorded without reading their cells.
	switch sec {
	case secHeaders:
		c.addTable(pi, b, model.TableHeaders, "")
		return
	case secPermissions:
		c.addTable(pi, b, model.TablePermissions, "")
		return
	}
	lay := layoutOf(b.Table)
	switch {
	case (sec == secParameters || sec == secRequestBody) && lay.shape == shapeProperties:
		c.addTable(pi, b, model.TableParameters, "")
		c.readParamTable(op, pi, secText, lay.typeCol, b)
	case lay.shape == shapeProperties:
		c.notRead(pi, b, "table of parameters or properties outside a parameters or request body section; not read")
	default:
		c.addTable(pi, b, model.TableText, "")
	}
}

// pathsFromExamples gives an operation with no HTTP request section the
// method and URL of its annotated request examples.
func pathsFromExamples(op *model.Operation) {
	for _, ex := range op.Examples {
		if ex.Kind == model.ExampleRequest {
			addExamplePath(op, ex)
		}
	}
}

// addExamplePath adds the method and URL of request example ex to the
// paths of op, unless it is there already or unusable.
func addExamplePath(op *model.Operation, ex *model.Example) {
	if ex.Method == "" || ex.URL == "" || badURL(ex.URL) {
		return
	}
	u := requestPath(ex.URL)
	if u == "" {
		return
	}
	for _, pt := range op.Paths {
		if pt.Method == ex.Method && pt.Path == u {
			return
		}
	}
	if op.Method == "" {
		op.Method = ex.Method
	}
	op.Paths = append(op.Paths, model.PathTemplate{Method: ex.Method, Path: u, Pos: ex.Pos})
}

// requestPath strips the scheme, host and version from a request URL:
// "https://graph.microsoft.com/v1.0/me/drive" gives "/me/drive".
func requestPath(u string) string {
	u = strings.TrimSpace(u)
	if i := strings.Index(u, "://"); i >= 0 {
		rest := u[i+3:]
		j := strings.IndexByte(rest, '/')
		if j < 0 {
			return ""
		}
		u = rest[j:]
	}
	if !strings.HasPrefix(u, "/") {
		u = "/" + u
	}
	seg := u[1:]
	if k := strings.IndexByte(seg, '/'); k > 0 {
		v := strings.ToLower(seg[:k])
		if v == "beta" || v[0] == 'v' && len(v) > 1 && v[1] >= '0' && v[1] <= '9' {
			u = seg[k:]
		}
	}
	return u
}

// responseFromExamples returns the type the annotations of an operation's
// successful response examples give, when they agree on one.
func responseFromExamples(op *model.Operation) *model.TypeRef {
	var ref *model.TypeRef
	for _, ex := range op.Examples {
		if ex.Kind != model.ExampleResponse || !ex.Type.Resolved() || ex.Status < 200 || ex.Status >= 300 {
			continue
		}
		if ref != nil && (ref.Name != ex.Type.Name || ref.Collection != ex.Type.Collection) {
			return nil
		}
		r := ex.Type
		ref = &r
	}
	return ref
}

// isExampleAnn reports whether a is a request/response annotation that
// describes block i.
func isExampleAnn(a *input.Annotation, i int) bool {
	if a == nil || a.Next != i {
		return false
	}
	bt := a.String("blockType")
	return lowerEq(bt, "request") || lowerEq(bt, "response")
}

// readRequestSection reads the URL templates of the HTTP request section.
func (c *compiler) readRequestSection(op *model.Operation, b *input.Block) {
	for _, l := range b.Code.Lines {
		txt := strings.TrimSpace(l.Text)
		if txt == "" {
			continue
		}
		m := methodLine(txt)
		if m == nil {
			if g := reGluedLine.FindStringSubmatch(txt); g != nil {
				c.diags.Add(l.Pos, RuleHTTPRequestInvalid, "request line %q has no space between the method and the path", txt)
			}
			continue
		}
		method, path := m[1], strings.TrimSpace(m[2])
		if path == "" || badURL(path) {
			c.diags.Add(l.Pos, RuleHTTPRequestInvalid, "request line %q has no usable URL", txt)
			if op.Method == "" {
				op.Method = method
			}
			continue
		}
		if op.Method == "" {
			op.Method = method
		}
		op.Paths = append(op.Paths, model.PathTemplate{Method: method, Path: path, Pos: l.Pos})
	}
}

// readParamTable reads a path, query, function or request-body table
// whose types are in column typeCol; heading is the lower-cased heading of
// its section.
func (c *compiler) readParamTable(op *model.Operation, pi *pageInfo, heading string, typeCol int, b *input.Block) {
	in := model.InBody
	switch {
	case strings.Contains(heading, "path"):
		in = model.InPath
	case strings.Contains(heading, "query"), strings.Contains(heading, "function"):
		in = model.InQuery
	}
	reqCol := -1
	for i, h := range b.Table.Header {
		if strings.HasPrefix(c.lower(strings.TrimSpace(h.Text)), "required") {
			reqCol = i
		}
	}
	for _, row := range b.Table.Rows {
		if len(row.Cells) == 0 {
			continue
		}
		name := strings.Trim(strings.TrimSpace(row.Cells[0].Text), "`* ")
		if name == "" {
			continue
		}
		if len(row.Cells) <= typeCol {
			c.diags.Add(row.Pos, RuleTableMalformed, "row %q has no type cell", name)
			continue
		}
		if !isPropName(strings.TrimPrefix(name, "$")) {
			c.diags.Add(row.Cells[0].Pos, RuleTableMalformed, "parameter name %q is not an identifier", name)
			continue
		}
		desc := row.Joined(typeCol + 1)
		prm := &model.Parameter{Name: name, In: in, Doc: cleanDoc(desc), Pos: row.Pos}
		tc := parseTypeCell(row.Cells[typeCol])
		ref, ok := c.resolveRef(tc, strings.TrimSpace(row.Cells[typeCol].Raw), pi)
		if !ok && tc.name != "" {
			c.unknownType(row.Cells[typeCol].Pos, "parameter "+strconv.Quote(name), tc.name)
		}
		prm.Type = ref
		prm.Required = hasRequiredFact(desc)
		if reqCol >= 0 && reqCol < len(row.Cells) {
			v := strings.ToLower(strings.TrimSpace(row.Cells[reqCol].Text))
			prm.Required = v == "y" || v == "yes" || v == "true" || v == "required"
		}
		if loc := findInherited(desc); loc != nil {
			rest := desc[loc[1]:]
			for _, cc := range row.Cells[typeCol+1:] {
				for _, l := range cc.Links {
					if strings.HasPrefix(rest, l.Text) {
						if t := c.lookupName(l.Text, pi.ns); t != nil {
							prm.InheritedFrom = t.QualifiedName()
						} else if t := c.lookupTarget(pi.page.Path, l.Target); t != nil {
							prm.InheritedFrom = t.QualifiedName()
						}
					}
				}
			}
		}
		op.Params = append(op.Params, prm)
	}
}

// refFromLink resolves a link in prose to a type reference.
func (c *compiler) refFromLink(pi *pageInfo, l *input.Link, collection bool) model.TypeRef {
	ref, _ := c.resolveRef(typeCell{name: strings.Trim(l.Text, "`* "), target: l.Target, collection: collection}, l.Text, pi)
	return ref
}

// readResponseProse reads "If successful, this method returns a `200 OK`
// response code and a [x](…) object (collection) in the response body."
func (c *compiler) readResponseProse(op *model.Operation, pi *pageInfo, b *input.Block) {
	if !hasStatusCode(b.Text) {
		return
	}
	end, d, ok := statusText(b.Text)
	if !ok {
		return
	}
	op.Status, _ = strconv.Atoi(b.Text[d : d+3])
	rest := b.Text[end:]
	if noBody(b.Text) {
		return
	}
	for i := range b.Links {
		l := &b.Links[i]
		j := strings.Index(rest, l.Text)
		if j < 0 || strings.Contains(l.Target, "://") || strings.HasPrefix(l.Target, "/graph/") && !strings.HasPrefix(l.Target, "/graph/api/") {
			continue
		}
		before := rest[:j]
		coll := asciiContainsLower(before, "collection of") && reCollOf.MatchString(before) || lowerContains(rest[j:], "] collection") ||
			lowerHasPrefix(strings.TrimSpace(rest[j+len(l.Text):]), "collection")
		ref := c.refFromLink(pi, l, coll)
		if ref.Resolved() {
			op.Response = &ref
		}
		return
	}
	// An unlinked name: "a **secureScoreControlProfile** object", "String collection".
	if m := reTypeWord.FindStringSubmatch(rest); m != nil {
		coll := m[1] != "" || strings.HasPrefix(strings.ToLower(m[3]), "collection") || strings.EqualFold(m[3], "objects")
		if ref, ok := c.resolveRef(typeCell{name: m[2], collection: coll}, m[2], pi); ok {
			op.Response = &ref
		}
	}
}

var reTypeWord = regexp.MustCompile("(?i)\\b(?:an?|the|and)\\s+(collection of\\s+)?[*`]*([A-Za-z][\\w.]*)[*`]*\\s+(object|objects|collection|resource|entity)\\b")

// readExample reads an annotated request or response code block.
func (c *compiler) readExample(op *model.Operation, pi *pageInfo, annBlock, b *input.Block) {
	a := annBlock.Comment.Annotation
	kind := model.ExampleRequest
	if strings.EqualFold(a.String("blockType"), "response") {
		kind = model.ExampleResponse
	}
	ex := &model.Example{Kind: kind, Name: annotationName(a), Page: pi.page.Path, Pos: b.Pos, Op: op,
		Truncated: a.Bool("truncated")}
	lines := b.Code.Lines
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i].Text) == "" {
		i++
	}
	if i < len(lines) {
		first := lines[i]
		txt := strings.TrimSpace(first.Text)
		if kind == model.ExampleRequest {
			if m := methodLine(txt); m != nil {
				ex.Method, ex.URL = m[1], strings.TrimSpace(m[2])
				if ex.URL == "" || badURL(ex.URL) {
					c.diags.Add(first.Pos, RuleHTTPRequestInvalid, "request line %q has no usable URL", txt)
				}
				i++
			} else if strings.HasPrefix(txt, "{") || strings.HasPrefix(txt, "[") {
				c.diags.Add(first.Pos, RuleHTTPRequestInvalid, "request example has no request line")
			} else {
				c.diags.Add(first.Pos, RuleHTTPRequestInvalid, "request line %q cannot be read as METHOD URL", txt)
				i++
			}
		} else {
			if m := reStatusLine.FindStringSubmatch(txt); m != nil {
				ex.Status, _ = strconv.Atoi(m[1])
				if !reStrictStat.MatchString(txt) {
					c.diags.Add(first.Pos, RuleHTTPStatusInvalid, "status line %q is not of the form \"HTTP/1.1 NNN Reason\"", txt)
				}
				i++
			} else if !strings.HasPrefix(txt, "{") && !strings.HasPrefix(txt, "[") {
				c.diags.Add(first.Pos, RuleHTTPStatusInvalid, "response example starts with %q, not a status line", txt)
				i++
			} else {
				c.diags.Add(first.Pos, RuleHTTPStatusInvalid, "response example has no status line")
			}
		}
	}
	// Headers, until a blank line or the start of the body.
	for i < len(lines) {
		txt := strings.TrimSpace(lines[i].Text)
		if txt == "" {
			i++
			break
		}
		if strings.HasPrefix(txt, "{") || strings.HasPrefix(txt, "[") {
			break
		}
		if m := headerLine(txt); m != nil {
			ex.Headers = append(ex.Headers, model.Header{Name: m[1], Value: strings.TrimSpace(m[2]), Pos: lines[i].Pos})
			i++
			continue
		}
		break
	}
	setBody(ex, b.Code, i)
	if ct := header(ex, "content-type"); ct == "" || strings.Contains(strings.ToLower(ct), "json") {
		t := strings.TrimSpace(ex.Body)
		if strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[") {
			c.parseJSON(ex)
		}
	}
	// The annotation's type.
	// ApiDoctor's synthetic "requestBodyResourceFor.x" names stand for
	// the parameter object of an action, not for a type.
	if ot := a.String("@odata.type"); ot != "" && !strings.HasPrefix(ot, "requestBodyResourceFor.") {
		ref, ok := c.annotationRef(ot, a.Bool("isCollection"), pi)
		if !ok {
			c.unknownType(keyPos(annBlock.Comment, a, "@odata.type"), "example annotation", ot)
		}
		ex.Type = ref
	}
	op.Examples = append(op.Examples, ex)
}

// annotationName returns an annotation's "name": the string, or the first
// of a list of names (one response answering several requests).
func annotationName(a *input.Annotation) string {
	switch v := a.Fields["name"].(type) {
	case string:
		return v
	case []any:
		for _, x := range v {
			if s, ok := x.(string); ok {
				return s
			}
		}
	}
	return ""
}

func header(ex *model.Example, name string) string {
	for _, h := range ex.Headers {
		if strings.EqualFold(h.Name, name) {
			return h.Value
		}
	}
	return ""
}

// annotationRef resolves an annotation @odata.type such as
// "microsoft.graph.user", "Collection(microsoft.graph.x)" or "stream".
func (c *compiler) annotationRef(ot string, isColl bool, pi *pageInfo) (model.TypeRef, bool) {
	tc := typeCell{name: strings.TrimPrefix(strings.TrimSpace(ot), "#"), collection: isColl}
	if m := reCollectionOf.FindStringSubmatch(tc.name); m != nil {
		tc.name, tc.collection = strings.TrimSpace(m[1]), true
	}
	return c.resolveRef(tc, ot, pi)
}

// exampleType fills in an example's type from its operation when the
// annotation does not give one.
func (c *compiler) exampleType(op *model.Operation, ex *model.Example) {
	if ex.Type.Name != "" || ex.Type.Written != "" {
		return
	}
	switch ex.Kind {
	case model.ExampleRequest:
		if op.RequestBody != nil && (ex.Method == "POST" || ex.Method == "PATCH" || ex.Method == "PUT") {
			ex.Type = *op.RequestBody
		}
	case model.ExampleResponse:
		if op.Response != nil && ex.Status >= 200 && ex.Status < 300 && ex.Status != 204 {
			ex.Type = *op.Response
		}
	}
}

// opKind classifies an operation by its title, then its file name, then
// its method.
func opKind(op *model.Operation, pagePath string) model.OpKind {
	title := op.Title
	if strings.IndexByte(title, ':') >= 0 && reTitleOp.MatchString(title) && !reTitleKind.MatchString(title) {
		if op.Method == "GET" {
			return model.OpFunction
		}
		return model.OpAction
	}
	word := ""
	if w, ok := titleKind(title); ok {
		word = w
	} else {
		// File names are <type>-<verb>[-<nav>].md.
		base := strings.TrimSuffix(path.Base(pagePath), ".md")
		if parts := strings.Split(base, "-"); len(parts) > 1 {
			word = parts[1]
		}
	}
	switch word {
	case "list":
		return model.OpList
	case "get":
		if op.Method == "GET" || op.Method == "" {
			return model.OpGet
		}
	case "update", "patch":
		return model.OpUpdate
	case "create", "add", "post":
		if op.Method == "POST" || op.Method == "PUT" || op.Method == "" {
			return model.OpCreate
		}
	case "delete", "remove":
		return model.OpDelete
	case "put":
		return model.OpUpdate
	}
	switch op.Method {
	case "GET":
		return model.OpFunction
	case "POST":
		return model.OpAction
	}
	return model.OpOther
}

var methods = map[string]bool{"GET": true, "POST": true, "PATCH": true, "PUT": true, "DELETE": true, "HEAD": true, "OPTIONS": true}

// methodLine splits "METHOD rest" into {line, METHOD, rest}, or returns nil
// when the line does not start with an HTTP method followed by a space or
// the end of the line.
func methodLine(s string) []string {
	s = strings.TrimSpace(s)
	i := strings.IndexAny(s, " \t")
	word, rest := s, ""
	if i >= 0 {
		word, rest = s[:i], strings.TrimSpace(s[i:])
	}
	if !methods[word] {
		return nil
	}
	return []string{s, word, rest}
}

// headerLine splits "Name: value" into {line, Name, value}, or nil.
func headerLine(s string) []string {
	i := strings.IndexByte(s, ':')
	if i <= 0 {
		return nil
	}
	name := strings.TrimRight(s[:i], " ")
	for j := 0; j < len(name); j++ {
		c := name[j]
		if !(c == '-' || c == '_' || c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z') || j == 0 && !(c|0x20 >= 'a' && c|0x20 <= 'z') {
			return nil
		}
	}
	return []string{s, name, strings.TrimSpace(s[i+1:])}
}

// badURL reports generator placeholder text in a URL: "**", "Collection
// URI ... not found".
func badURL(u string) bool {
	if strings.Contains(u, "**") {
		return true
	}
	return lowerContains(u, "collection uri") || lowerContains(u, " not found")
}

func findSupplyJSON(s string) []int {
	if !strings.Contains(s, "JSON representation") && !strings.Contains(s, "json representation") {
		return nil
	}
	if e := supplyJSONEnd(s); e >= 0 {
		return []int{0, e} // only the end is used
	}
	return nil
}

// hasStatusCode reports whether s holds "NNN X" with NNN in 100..599 and X
// an upper-case letter: a cheap test before reStatusText.
func hasStatusCode(s string) bool {
	for i := 0; i+4 < len(s); i++ {
		if s[i] >= '1' && s[i] <= '5' && s[i+1] >= '0' && s[i+1] <= '9' && s[i+2] >= '0' && s[i+2] <= '9' &&
			s[i+3] == ' ' && s[i+4] >= 'A' && s[i+4] <= 'Z' {
			return true
		}
	}
	return false
}

// noBody reports prose saying the response has no body.
func noBody(s string) bool {
	if isASCII(s) {
		return asciiContainsLower(s, "not return anything") || asciiContainsLower(s, "n't return anything") ||
			asciiContainsLower(s, "no response body") || asciiContainsLower(s, "204 no content")
	}
	low := strings.ToLower(s)
	return strings.Contains(low, "not return anything") || strings.Contains(low, "n't return anything") ||
		strings.Contains(low, "no response body") || strings.Contains(low, "204 no content")
}

// systemQueryOptions are the OData system query options, lower-cased.
var systemQueryOptions = map[string]bool{
	"$select": true, "$expand": true, "$filter": true, "$orderby": true, "$top": true, "$skip": true,
	"$count": true, "$search": true, "$format": true, "$skiptoken": true, "$deltatoken": true,
	"$levels": true, "$apply": true, "$compute": true, "$index": true, "$schemaversion": true,
}

// queryOptions appends to have the OData system query options text names
// ("$select", "$orderBy" as "$orderby"), each once.
func queryOptions(have []string, text string) []string {
	for i := strings.IndexByte(text, '$'); i >= 0; {
		j := i + 1
		for j < len(text) && (text[j]|0x20 >= 'a' && text[j]|0x20 <= 'z') {
			j++
		}
		if name := strings.ToLower(text[i:j]); systemQueryOptions[name] && !slices.Contains(have, name) {
			have = append(have, name)
		}
		k := strings.IndexByte(text[j:], '$')
		if k < 0 {
			break
		}
		i = j + k
	}
	return have
}
