package site

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/briefing-gen/gen/internal/diag"
	"github.com/briefing-gen/gen/internal/export"
	"github.com/briefing-gen/gen/internal/feed"
	"github.com/briefing-gen/gen/internal/model"
	"github.com/briefing-gen/gen/internal/output"
	"github.com/briefing-gen/gen/internal/parallel"
	"github.com/briefing-gen/gen/internal/render"
	"github.com/briefing-gen/gen/internal/search"
)

// Builder builds one project again and again, as gen serve does after each
// save, redoing only what an edit can change. It keeps every content file
// parsed and converted to HTML (Markdown is the costly step), and the last
// good build whole (snapshot). Articles saved with their front matter as
// it was are taken into that build's model in place (inPlaceBuild); any
// other edit decodes and links the whole model again from the files kept.
// Either way the rule of stale pages (stale) says which pages to render
// again, and each build's result equals a full build's.
//
// Stream is the other way through, for a build made once: every file goes
// to disk as it is made, and nothing is kept.
//
// A Builder is not safe for concurrent use.
type Builder struct {
	project  Project
	sources  map[string]*source // content files by path
	renderer *render.Renderer   // nil until the templates parse
	// ownTemplates says the project has templates of its own, which may
	// show anything anywhere: read with the templates.
	ownTemplates bool
	static       []output.File    // the static files, read when they change
	words        words            // the interface's, read again when the language or i18n/ changes
	articles     converter        // the last load's, for articles edited in place
	drafts       []*model.Article // the last load's, for Drafts and inPlaceBuild

	last *snapshot // the last good build; nil before one

	// The edits since the last good build. A failed build keeps them, so
	// the build that fixes it still re-reads and re-renders what they
	// changed; redo asks for everything.
	edited   map[string]bool
	redo     bool
	restyled bool // the static files changed

	// Progress, when set, is told how many pages of a build are rendered
	// so far, from the rendering goroutines: it must be safe for that.
	Progress func(done, total int)
}

// NewBuilder prepares to build p.
func NewBuilder(p Project) *Builder {
	return &Builder{project: p, sources: map[string]*source{}, edited: map[string]bool{}, redo: true}
}

// Build builds the project. changed lists the files (slash-separated, from
// the project folder) edited since the last build; nil means unknown, and
// everything is read again. A content or template problem returns a
// *diag.Failure and leaves the Builder's last good site as it was.
func (b *Builder) Build(changed []string) (*Site, error) {
	if changed == nil {
		b.redo = true
	}
	for _, c := range changed {
		b.edited[path.Clean(c)] = true
	}
	if s, done, err := b.inPlaceBuild(); done {
		return s, err
	}
	briefing, warnings, err := b.prepare()
	if err != nil {
		return nil, err
	}
	all := render.Pages(briefing)
	rule := b.staleAfterLink(briefing, render.BookOf(all))
	b.renderer.KeepRows()  // for the next builds
	b.renderer.ForgetAll() // every item is new
	var lastPages map[string]output.File
	if b.last != nil {
		lastPages = b.last.pages
	}
	var todo []*render.Page
	for _, p := range all {
		if _, kept := lastPages[p.Path]; rule.renders(p, kept) {
			todo = append(todo, p)
		}
	}
	next := snapshot{briefing: briefing}
	views := []func() []output.File{
		func() []output.File { next.index = search.New(briefing); return nil },
		func() []output.File {
			next.dates = newModified(briefing)
			next.feeds = feed.Files(briefing, b.words.catalog, sitemapPages(next.dates, all))
			return nil
		},
		func() []output.File {
			next.data = export.NewData(briefing)
			next.exports = append(next.data.Files(), export.Timeline(briefing))
			return nil
		},
	}
	_, rendered, err := fanOut(b.renderer, todo, views, b.Progress, keep)
	if err != nil {
		return nil, err
	}
	next.pages = withPages(lastPages, all, rendered)
	var static []diag.Diagnostic
	next.others, static = b.otherFiles(briefing, all, slices.Concat(next.index.Files(), next.feeds, next.exports))
	next.warnings = append(warnings, static...)
	return b.swapIn(newSnapshot(next, all, nil, nil), all, rendered), nil
}

// Stream builds the whole project once, as gen build and gen check do,
// and hands every file to emit as soon as it is made, from several
// goroutines at once, rather than hold the site in memory: the Site it
// returns holds no files, and the Builder keeps nothing for a next build.
// A build that fails may have emitted some files already.
func (b *Builder) Stream(emit func(output.File)) (*Site, error) {
	b.redo = true
	briefing, warnings, err := b.prepare()
	if err != nil {
		return nil, err
	}
	all := render.Pages(briefing)
	var indexSize int
	views := []func() []output.File{
		func() []output.File { x := search.New(briefing); indexSize = x.Size(); return x.Files() },
		func() []output.File {
			return feed.Files(briefing, b.words.catalog, sitemapPages(newModified(briefing), all))
		},
		func() []output.File {
			d := export.NewData(briefing)
			return append(d.Files(), export.Timeline(briefing))
		},
	}
	pass := func(f output.File) output.File { emit(f); return output.File{Path: f.Path} }
	made, _, err := fanOut(b.renderer, all, views, b.Progress, pass)
	if err != nil {
		return nil, err
	}
	others, static := b.otherFiles(briefing, all, slices.Concat(made...))
	for _, f := range others {
		emit(f)
	}
	return &Site{Briefing: briefing, Pages: len(all), Rendered: len(all), SearchIndex: indexSize,
		Warnings: append(warnings, static...), Drafts: b.drafts}, nil
}

// prepare reads what the edits changed, links the model and parses the
// templates, and reports every problem found in them at once.
func (b *Builder) prepare() (*model.Briefing, []diag.Diagnostic, error) {
	var list diag.List
	briefing := b.load(b.redo, b.edited, &list)
	if b.redo || b.renderer == nil || b.words.fresh || touched(b.edited, "templates") {
		var r *render.Renderer
		if !checkTree(b.project.Root, "templates", &list) {
			var err error
			if r, err = render.New(b.project.Templates, b.words.catalog); err != nil {
				addTemplateErrors(&list, err)
			}
		}
		b.renderer, b.words.fresh = r, false
		entries, _ := fs.ReadDir(b.project.Root, "templates")
		b.ownTemplates = len(entries) > 0
	}
	if b.renderer != nil {
		b.renderer.Warn(&list)
	}
	if b.redo || b.static == nil || touched(b.edited, "static") {
		var read diag.List
		static := readTree(b.project.Static, "static", &read)
		if !sameFiles(b.static, static) {
			b.restyled = true
		}
		b.static = static
		if read.HasErrors() {
			b.static = nil // read again next time, though nothing under static/ is saved
		}
		list.Merge(&read)
	}
	if err := list.Err(); err != nil {
		return nil, nil, err
	}
	return briefing, list.Items(), nil
}

// swapIn makes next the last good build, and returns its Site; rendered
// are the pages this build rendered, all its pages.
func (b *Builder) swapIn(next *snapshot, all []*render.Page, rendered []output.File) *Site {
	s := &Site{Briefing: next.briefing, Files: next.files(all), Pages: len(all), Rendered: len(rendered),
		SearchIndex: next.index.Size(), Warnings: next.warnings, Drafts: b.drafts}
	if b.last == nil || b.restyled {
		s.UpdatedAll = true
	}
	var lastPages map[string]output.File
	if b.last != nil {
		lastPages = b.last.pages
	}
	s.Updated = updated(lastPages, next.pages, rendered)
	b.last = next
	b.edited, b.redo, b.restyled = map[string]bool{}, false, false
	return s
}

// fanOut makes the views, each a long job drawn from the whole model, and
// renders the pages, on every core: the views first, so that pages fill
// the other cores meanwhile. Every file goes through emit, from the
// goroutine that made it, and what emit returns is kept.
func fanOut(r *render.Renderer, pages []*render.Page, views []func() []output.File,
	progress func(done, total int), emit func(output.File) output.File) (made [][]output.File, rendered []output.File, err error) {
	made = make([][]output.File, len(views))
	rendered = make([]output.File, len(pages))
	errs := make([]error, len(pages))
	var done atomic.Int64
	parallel.For(len(views)+len(pages), func(i int) {
		if i < len(views) {
			files := views[i]()
			for j := range files {
				files[j] = emit(files[j])
			}
			made[i] = files
			return
		}
		i -= len(views)
		data, err := r.Render(pages[i])
		if errs[i] = err; err == nil {
			rendered[i] = emit(output.File{Path: pages[i].Path, Data: data})
		}
		if progress != nil {
			progress(int(done.Add(1)), len(pages))
		}
	})
	if err := errors.Join(errs...); err != nil {
		var failures diag.List
		addTemplateErrors(&failures, err)
		return nil, nil, failures.Err()
	}
	return made, rendered, nil
}

// keep is fanOut's emit for a build that holds its files.
func keep(f output.File) output.File { return f }

// otherFiles are the files a site holds besides its pages and the views
// of the model: GitHub Pages' markers, and the static files, less any
// that has the path of a file gen makes (a warning says so).
func (b *Builder) otherFiles(briefing *model.Briefing, pages []*render.Page, fromModel []output.File) ([]output.File, []diag.Diagnostic) {
	files := []output.File{{Path: ".nojekyll"}} // GitHub Pages: serve the files as they are
	if briefing.Site.CNAME != "" {
		files = append(files, output.File{Path: "CNAME", Data: []byte(briefing.Site.CNAME + "\n")})
	}
	// The static files are few and the pages many: look the pages up
	// among the static files, not the other way round.
	taken := make(map[string]bool, len(b.static))
	for _, f := range b.static {
		taken[f.Path] = false
	}
	take := func(path string) {
		if _, ok := taken[path]; ok {
			taken[path] = true
		}
	}
	for _, p := range pages {
		take(p.Path)
	}
	for _, f := range slices.Concat(fromModel, files) {
		take(f.Path)
	}
	var warnings []diag.Diagnostic
	for _, f := range b.static {
		if taken[f.Path] {
			warnings = append(warnings, diag.Diagnostic{File: "static/" + f.Path, Severity: diag.Warning,
				Message: "has the same path as a file gen writes and is not copied", Hint: "rename it, or override the page's template instead"})
			continue
		}
		files = append(files, f)
	}
	return files, warnings
}

func sameFiles(a, b []output.File) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Path != b[i].Path || string(a[i].Data) != string(b[i].Data) {
			return false
		}
	}
	return true
}

func sourcePath(a *model.Article) string { return "content/articles/" + a.Slug + ".md" }

// touched reports whether an edited path is dir or inside it.
func touched(edited map[string]bool, dir string) bool {
	for c := range edited {
		if c == dir || strings.HasPrefix(c, dir+"/") {
			return true
		}
	}
	return false
}

// Drafts are the articles marked draft: true that the last build found,
// whether it left them out or not, and even if it failed.
func (b *Builder) Drafts() []*model.Article { return b.drafts }
