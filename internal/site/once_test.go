package site_test

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefing-gen/gen"
	"github.com/briefing-gen/gen/internal/site"
)

// TestOutletsFollowTheirArticle checks the blocks rendered once per item
// ({{once "outlet" ...}}): a citation shows the article's source as it is
// now, after an edit of its front matter in gen serve, and a project's own
// "outlet" is the one shown.
func TestOutletsFollowTheirArticle(t *testing.T) {
	root := corpus(3)
	name := "content/articles/article-1.md"
	original := string(root[name].Data)
	withSource := func(source string) {
		text := strings.Replace(original, "title: Article 1\n", "title: Article 1\nsource: "+source+"\n", 1)
		root[name] = &fstest.MapFile{Data: []byte(text)}
	}
	page := "actors/actor-1/index.html"
	withSource("The Old Outlet")
	b := site.NewBuilder(site.NewProject(root, briefing.Templates(), briefing.Static()))
	s, err := b.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := fileOf(t, s, page); !strings.Contains(got, "The Old Outlet") {
		t.Fatalf("%s cites no article of The Old Outlet", page)
	}
	withSource("The New Outlet")
	if s, err = b.Build([]string{name}); err != nil {
		t.Fatal(err)
	}
	if got := fileOf(t, s, page); strings.Contains(got, "The Old Outlet") || !strings.Contains(got, "The New Outlet") {
		t.Errorf("%s still cites the old source after the edit", page)
	}

	partials, err := fs.ReadFile(briefing.Templates(), "partials.html")
	if err != nil {
		t.Fatal(err)
	}
	own := strings.Replace(string(partials), `{{define "outlet"}}`, `{{define "outlet"}}[own outlet] `, 1)
	if own == string(partials) {
		t.Fatal(`partials.html defines no "outlet"`)
	}
	root["templates/partials.html"] = &fstest.MapFile{Data: []byte(own)}
	s, err = site.Build(site.NewProject(root, briefing.Templates(), briefing.Static()))
	if err != nil {
		t.Fatal(err)
	}
	if got := fileOf(t, s, page); !strings.Contains(got, "[own outlet] The New Outlet") {
		t.Errorf("%s does not show the project's own outlet", page)
	}
}
