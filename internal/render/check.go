package render

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"text/template/parse"

	"github.com/briefing-gen/gen/internal/diag"
)

// emptyPages finds templates that would render every page of a kind with
// nothing in it: base.html never showing "main", or a page file defining
// no "main" or an empty one. Such templates parse and run, so without this
// nothing would say why the pages are blank. Only a project's own
// templates can be like this: the built-in ones all fill "main". sources
// are the page files' text by kind.
func emptyPages(base *template.Template, pages map[string]*template.Template, sources map[string]string) []diag.Diagnostic {
	var out []diag.Diagnostic
	if !reaches(base, base.Name(), "main", map[string]bool{}) {
		out = append(out, diag.Diagnostic{File: "templates/" + base.Name(), Line: 1, Col: 1, Severity: diag.Warning,
			Message: fmt.Sprintf(`%s never shows the "main" block, so every page shows nothing of its own`, base.Name()),
			Hint:    `put {{block "main" .}}{{end}} where a page's content goes`})
	}
	for _, kind := range pageKinds {
		if main := pages[kind].Lookup("main"); main != nil && !blank(main.Tree) {
			continue // filled, by the page file or a shared one
		}
		// An empty definition does not replace base.html's empty block, so
		// only the file's own text tells an empty "main" from none.
		own := map[string]*parse.Tree{}
		p := parse.New(kind)
		p.Mode = parse.SkipFuncCheck
		if _, err := p.Parse(sources[kind], "", "", own); err == nil && own["main"] != nil {
			line, col := where(own["main"])
			out = append(out, diag.Diagnostic{File: "templates/" + kind, Line: line, Col: col, Severity: diag.Warning,
				Message: fmt.Sprintf(`the "main" block in %s is empty, so its pages show nothing`, kind),
				Hint:    "write the page's content inside the block, or delete your copy to use the built-in one"})
			continue
		}
		out = append(out, diag.Diagnostic{File: "templates/" + kind, Line: 1, Col: 1, Severity: diag.Warning,
			Message: fmt.Sprintf(`%s defines no "main" block, so its pages show nothing`, kind),
			Hint:    `wrap the page's content in {{define "main"}}…{{end}}, or delete your copy to use the built-in one`})
	}
	return out
}

// reaches reports whether the template name, in the set of t, shows the
// template target, itself or through templates it calls.
func reaches(t *template.Template, name, target string, seen map[string]bool) bool {
	if seen[name] {
		return false
	}
	seen[name] = true
	called := t.Lookup(name)
	if called == nil || called.Tree == nil || called.Tree.Root == nil {
		return false
	}
	found := false
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c)
				}
			}
		case *parse.TemplateNode:
			found = found || n.Name == target || reaches(t, n.Name, target, seen)
		case *parse.IfNode:
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			walk(n.List)
			walk(n.ElseList)
		}
	}
	walk(called.Tree.Root)
	return found
}

// blank reports whether a template writes nothing but white space.
func blank(tree *parse.Tree) bool {
	if tree == nil || tree.Root == nil {
		return true
	}
	for _, n := range tree.Root.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			if strings.TrimSpace(string(n.Text)) != "" {
				return false
			}
		case *parse.CommentNode:
		default:
			return false
		}
	}
	return true
}

// where is the line and column at which a template's body starts.
func where(tree *parse.Tree) (line, col int) {
	loc, _ := tree.ErrorContext(tree.Root) // "name:line:col"
	parts := strings.Split(loc, ":")
	line, col = 1, 1
	if len(parts) >= 3 {
		line, _ = strconv.Atoi(parts[len(parts)-2])
		col, _ = strconv.Atoi(parts[len(parts)-1])
	}
	return line, col
}
