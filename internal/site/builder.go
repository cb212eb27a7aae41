package site

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"sync/atomic"

	"github.com/briefing-gen/gen/internal/annotate"
	"github.com/briefing-gen/gen/internal/content"
	"github.com/briefing-gen/gen/internal/diag"
	"github.com/briefing-gen/gen/internal/export"
	"github.com/briefing-gen/gen/internal/feed"
	"github.com/briefing-gen/gen/internal/i18n"
	"github.com/briefing-gen/gen/internal/markdown"
	"github.com/briefing-gen/gen/internal/model"
	"github.com/briefing-gen/gen/internal/output"
	"github.com/briefing-gen/gen/internal/parallel"
	"github.com/briefing-gen/gen/internal/render"
	"github.com/briefing-gen/gen/internal/search"
)

// Builder builds one project again and again, as gen serve does after each
// save, redoing only what an edit can change. It keeps every content file
// parsed and converted to HTML (Markdown is the costly step) and the last
// good build's linked model. Articles saved with their front matter as it
// was are taken into that model in place (inPlaceBuild); any other edit
// decodes and links the whole model again from the files kept. Either
// way only the pages that show something of the edits are rendered again,
// and each build's result equals a full build's.
//
// The Site of one build shares its Briefing with the next builds, which
// may change it in place. A Builder is not safe for concurrent use.
type Builder struct {
	project  Project
	sources  map[string]*source     // content files by path
	renderer *render.Renderer       // nil until the templates parse
	words    *i18n.Catalog          // the interface's words, read again when the language or i18n/ changes
	wordsFor string                 // the language words are in
	wordsLog []diag.Diagnostic      // what reading them found, reported by every build until they change
	reworded bool                   // words were read again: the renderer needs them
	static   []output.File          // the static files, read when they change
	pages    map[string]output.File // the last good build's pages
	touches  map[string][]string    // article file → the pages that show it
	outlines map[string]string      // article file → its outline (model.Article.Outline)
	built    bool                   // a build has succeeded
	restyled bool                   // static files changed since the last good build

	// What the quick way through articles edited in place (inPlaceBuild) needs,
	// kept from the last good build when it kept its files (Emit is nil),
	// and the articles' converter of the last build with its links key.
	last            *model.Briefing
	index           *search.Index
	data            *export.Data // briefing.json and the parts of the paragraphs
	warnings        []diag.Diagnostic
	feeds, exports  []output.File
	others          []output.File // .nojekyll, CNAME and the static files
	articleMarkdown *markdown.Converter
	linksKey        string
	drafts          []*model.Article // the last build's, for Site.Drafts and inPlaceBuild

	// The edits since the last good build. A failed build keeps them, so
	// the build that fixes it still re-reads and re-renders what they
	// changed; redo asks for everything.
	edited map[string]bool
	redo   bool

	// The last good build's timeline layout and what its book held
	// (render.BookKey).
	layout  *model.TimelineLayout
	bookKey string

	// Progress, when set, is told how many pages of a build are rendered
	// so far, from the rendering goroutines: it must be safe for that.
	Progress func(done, total int)

	// Emit, when set, receives every file of a build as soon as it is
	// made, from several goroutines at once, and the build's Site holds
	// no files: gen build streams a large site to disk rather than hold
	// all of it in memory. Set it only on a Builder that builds once; a
	// build that fails may have emitted some files already.
	Emit func(output.File)
}

// source is one content file, parsed, and once converted, its HTML.
type source struct {
	id    string
	data  []byte
	doc   *content.Document
	parse diag.List // problems found parsing it

	converted string // the links key the HTML was made with, "" if not yet
	html      string
	result    *annotate.Result
	convert   diag.List
}

// NewBuilder prepares to build p.
func NewBuilder(p Project) *Builder {
	return &Builder{project: p, sources: map[string]*source{}, pages: map[string]output.File{},
		touches: map[string][]string{}, edited: map[string]bool{}, redo: true}
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
	// Anything but an article changes what many pages show: render all.
	full := b.redo
	for c := range b.edited {
		if !strings.HasPrefix(c, "content/articles/") {
			full = true
		}
	}

	var list diag.List
	briefing := b.load(b.redo, b.edited, &list)
	full = full || briefing != nil && b.editsSharedEvents(briefing)
	// An event on another timeline page than in the last good build, or
	// pages that came or went: every page that links to events may be
	// out of date.
	full = full || briefing != nil && b.layout.Moves(briefing.Timeline)
	if b.redo || b.renderer == nil || b.reworded || touched(b.edited, "templates") {
		var r *render.Renderer
		if !checkTree(b.project.Root, "templates", &list) {
			var err error
			if r, err = render.New(b.project.Templates, b.words); err != nil {
				addTemplateErrors(&list, err)
			}
		}
		if r != nil && b.Emit == nil {
			r.KeepRows() // for the next builds
		}
		b.renderer, b.reworded = r, false
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
		return nil, err
	}

	var touches map[string][]string // for the next build, which a Builder that emits never makes
	var outlines map[string]string
	if b.Emit == nil {
		touches = touchesOf(briefing)
		outlines = b.outlinesOf(briefing, full)
	}
	var affected map[string]bool
	summaries, book := true, true // whether summary pages, and the book, show something new
	if !full {
		affected = b.affected(briefing, touches)
		summaries, book = b.summariesChanged(briefing, outlines)
	}

	b.renderer.ForgetAll() // every item is new
	all := render.Pages(briefing)
	var todo []*render.Page
	for _, p := range all {
		_, kept := b.pages[p.Path]
		switch {
		case full || !kept || affected[p.Family()]:
		case p.Kind == render.Book && (summaries || book):
		case summarises(p.Kind) && summaries:
		default:
			continue
		}
		todo = append(todo, p)
	}
	// The files drawn from the whole model go first: each is one long
	// job, and pages fill the other cores meanwhile.
	var index *search.Index // kept, with data, for the next build unless the files are emitted
	var data *export.Data
	var indexSize int
	views := []func() []output.File{
		func() []output.File {
			x := search.New(briefing)
			if indexSize = x.Size(); b.Emit == nil {
				index = x
			}
			return x.Files()
		},
		func() []output.File { return feed.Files(briefing, b.words, sitemapPages(briefing, all)) },
		func() []output.File {
			d := export.NewData(briefing)
			if b.Emit == nil {
				data = d
			}
			return append(d.Files(), export.Timeline(briefing))
		},
	}
	made := make([][]output.File, len(views))
	rendered := make([]output.File, len(todo))
	errs := make([]error, len(todo))
	var done atomic.Int64
	parallel.For(len(views)+len(todo), func(i int) {
		if i < len(views) {
			made[i] = b.pass(views[i]())
			return
		}
		i -= len(views)
		data, err := b.renderer.Render(todo[i])
		rendered[i], errs[i] = output.File{Path: todo[i].Path, Data: data}, err
		if err == nil {
			b.pass(rendered[i : i+1])
		}
		if b.Progress != nil {
			b.Progress(int(done.Add(1)), len(todo))
		}
	})
	if err := errors.Join(errs...); err != nil {
		var failures diag.List
		addTemplateErrors(&failures, err)
		return nil, failures.Err()
	}

	s := &Site{Briefing: briefing, Pages: len(all), Rendered: len(todo), SearchIndex: indexSize, Warnings: list.Items(), Drafts: b.drafts}
	if b.Emit == nil {
		s.Updated, s.UpdatedAll = b.keepPages(all, rendered)
	}
	b.touches, b.outlines, b.built, b.restyled = touches, outlines, true, false
	b.layout, b.bookKey = briefing.Timeline.Layout(), render.BookKey(briefing)
	b.edited, b.redo = map[string]bool{}, false

	fromModel := slices.Concat(made...) // already passed on
	rest, warnings := b.otherFiles(briefing, all, fromModel)
	s.Warnings = append(s.Warnings, warnings...)
	b.pass(rest)
	if b.Emit == nil {
		b.last, b.index, b.data, b.feeds, b.exports = briefing, index, data, made[1], made[2]
		b.warnings, b.others = s.Warnings, rest
		s.Files = make([]output.File, 0, len(all)+len(fromModel)+len(rest))
		for _, p := range all {
			s.Files = append(s.Files, b.pages[p.Path])
		}
		s.Files = append(append(s.Files, fromModel...), rest...)
	}
	return s, nil
}

// sitemapPages are the pages the sitemap lists, all but search and 404,
// with their dates (modified).
func sitemapPages(b *model.Briefing, all []*render.Page) []feed.SitemapPage {
	dates := newModified(b)
	out := make([]feed.SitemapPage, 0, len(all))
	for _, p := range all {
		if p.Kind != render.NotFound && p.Kind != render.Search {
			out = append(out, feed.SitemapPage{Path: p.Path, Modified: dates.of(p)})
		}
	}
	return out
}

// otherFiles are the files a site holds besides its pages and the views
// of the model: GitHub Pages' markers, and the static files, less any
// that has the path of a file gen makes (a warning says so).
func (b *Builder) otherFiles(briefing *model.Briefing, pages []*render.Page, fromModel []output.File) ([]output.File, []diag.Diagnostic) {
	files := []output.File{{Path: ".nojekyll"}} // GitHub Pages: serve the files as they are
	if briefing.Site.CNAME != "" {
		files = append(files, output.File{Path: "CNAME", Data: []byte(briefing.Site.CNAME + "\n")})
	}
	taken := make(map[string]bool, len(pages)+len(fromModel)+len(files))
	for _, p := range pages {
		taken[p.Path] = true
	}
	for _, f := range slices.Concat(fromModel, files) {
		taken[f.Path] = true
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

// pass hands files to Emit when it is set, keeping only their paths, and
// returns them.
func (b *Builder) pass(files []output.File) []output.File {
	if b.Emit == nil {
		return files
	}
	for i := range files {
		b.Emit(files[i])
		files[i].Data = nil
	}
	return files
}

// keepPages keeps this build's pages for the next one, and lists the
// pages whose bytes changed or that are gone; all says every page may
// have changed (the first build, or new static files).
func (b *Builder) keepPages(all []*render.Page, rendered []output.File) (updated []string, everything bool) {
	pages := make(map[string]output.File, len(all))
	for _, p := range all {
		pages[p.Path] = b.pages[p.Path]
	}
	for _, f := range rendered {
		if old, ok := b.pages[f.Path]; !ok || !bytes.Equal(old.Data, f.Data) {
			updated = append(updated, f.Path)
		}
		pages[f.Path] = f
	}
	for p := range b.pages {
		if _, kept := pages[p]; !kept {
			updated = append(updated, p) // a page that is gone
		}
	}
	sort.Strings(updated)
	everything = !b.built || b.restyled
	b.pages = pages
	return updated, everything
}

func sameFiles(a, b []output.File) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			return false
		}
	}
	return true
}

// affected lists the pages that show something of the edited articles,
// as they were (in the last good build) and as they are now, and the
// articles that reference their events.
func (b *Builder) affected(briefing *model.Briefing, touches map[string][]string) map[string]bool {
	affected := map[string]bool{}
	for c := range b.edited {
		for _, p := range b.touches[c] {
			affected[p] = true
		}
		for _, p := range touches[c] {
			affected[p] = true
		}
	}
	for _, a := range briefing.Articles {
		for _, e := range a.Events {
			if b.edited[sourcePath(e.Article)] {
				affected[a.Path()] = true
			}
		}
	}
	return affected
}

// editsSharedEvents reports whether an edited article declares, or
// declared in the last good build, an event another article declares
// too, or references an event that has a file of its own (which cites
// the earliest article that references it). Such an edit changes what
// the event's other articles' paragraphs count as naming, and so what
// the pages of everyone named beside them show: rather than trace that,
// every page is rendered again.
func (b *Builder) editsSharedEvents(now *model.Briefing) bool {
	if b.last == nil {
		return true // the last build's events are not kept
	}
	for _, briefing := range []*model.Briefing{b.last, now} {
		for _, a := range briefing.Articles {
			if b.edited[sourcePath(a)] && slices.ContainsFunc(a.Events, func(e *model.Event) bool { return e.Updated() && a.Declares(e) || e.HasFile() }) {
				return true
			}
		}
	}
	return false
}

// outlinesOf is every article's outline, computed again only for the
// edited articles unless full.
func (b *Builder) outlinesOf(briefing *model.Briefing, full bool) map[string]string {
	out := make(map[string]string, len(briefing.Articles))
	for _, a := range briefing.Articles {
		name := sourcePath(a)
		if old, ok := b.outlines[name]; ok && !full && !b.edited[name] {
			out[name] = old
		} else {
			out[name] = a.Outline()
		}
	}
	return out
}

// summariesChanged reports whether the edits since the last good build
// change what the pages about the whole briefing show: an article's
// outline, or an article added or deleted. It also reports whether the
// briefing book holds an edited article, whose text it shows in full.
// Templates of the project's own may show anything anywhere, so with
// them every summary page is rendered again.
func (b *Builder) summariesChanged(briefing *model.Briefing, outlines map[string]string) (summaries, book bool) {
	if b.hasOwnTemplates() {
		return true, true
	}
	for c := range b.edited {
		old, was := b.outlines[c]
		now, is := outlines[c]
		if was != is || old != now {
			return true, true
		}
	}
	if render.BookKey(briefing) != b.bookKey {
		return false, true // the book holds other articles, events or speakers
	}
	inBook := render.BookSlugs(briefing)
	for _, a := range briefing.Articles {
		if inBook[a.Slug] && b.edited[sourcePath(a)] {
			book = true
		}
	}
	return false, book
}

// hasOwnTemplates reports whether the project has templates of its own,
// which may show anything anywhere.
func (b *Builder) hasOwnTemplates() bool {
	entries, _ := fs.ReadDir(b.project.Root, "templates")
	return len(entries) > 0
}

// summarises reports whether pages of a kind show something of every
// article (home, indexes, timeline), and so are rendered on every build.
// The others show one actor, topic or article, or nothing of the content
// (search, 404).
func summarises(kind string) bool {
	switch kind {
	case render.Home, render.Articles, render.Actors, render.Topics, render.Timeline, render.Stances, render.Book:
		return true
	}
	return false
}

// touchesOf maps each article's file to the pages that show something of
// it (pagesShowing).
func touchesOf(b *model.Briefing) map[string][]string {
	out := make(map[string][]string, len(b.Articles))
	for _, a := range b.Articles {
		out[sourcePath(a)] = pagesShowing(a)
	}
	return out
}

// pagesShowing are the pages that show something of an article: its own,
// those of the actors and topics it names, those of the actors and
// topics of the events it declares, and those of the positions that hold
// from it (which show its title and date). An event that more than one
// article declares shows what the latest says on the pages of every
// article that reports it.
func pagesShowing(a *model.Article) []string {
	pages := []string{a.Path()}
	for _, p := range a.PositionsSince() {
		pages = append(pages, p.Actor.Path(), p.Topic.Path())
	}
	actors, topics := a.Named() // a quote may name topics the text does not
	for _, x := range actors {
		pages = append(pages, x.Path())
	}
	for _, t := range topics {
		pages = append(pages, t.Path())
	}
	for _, e := range a.Events {
		if e.Article != a && !a.Declares(e) {
			continue
		}
		for _, x := range e.Actors {
			pages = append(pages, x.Path())
		}
		for _, t := range e.Topics {
			pages = append(pages, t.Path())
		}
		if e.Updated() {
			for _, r := range e.Reports {
				pages = append(pages, r.Article.Path())
			}
		}
	}
	return pages
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

// readWords reads the interface's words in lang (the project's i18n/ over
// the built-in files) when the language or, if again, the files changed.
func (b *Builder) readWords(lang string, again bool, list *diag.List) {
	if b.words == nil || lang != b.wordsFor || again {
		var read diag.List
		b.words = i18n.Load(b.project.Translations, lang, &read)
		b.wordsFor, b.wordsLog, b.reworded = lang, read.Items(), true
	}
	for _, d := range b.wordsLog {
		list.Add(d)
	}
}

// load reads what changed, converts what needs it, and links the model.
func (b *Builder) load(readAll bool, edited map[string]bool, list *diag.List) *model.Briefing {
	p := b.project
	var site model.Site
	switch src, err := fs.ReadFile(p.Root, "site.toml"); {
	case err == nil:
		site = model.DecodeSite(content.ParseConfig("site.toml", src, list), list)
	case errors.Is(err, fs.ErrNotExist):
		site = model.DecodeSite(nil, list)
	default:
		unreadable(list, "site.toml", err)
		site = model.DecodeSite(nil, list)
	}
	if p.BaseURL != "" {
		site.BaseURL = p.BaseURL
	}
	if site.BaseURL != "" && !strings.HasSuffix(site.BaseURL, "/") {
		site.BaseURL += "/"
	}
	b.readWords(site.Language, readAll || touched(edited, "i18n"), list)
	if _, err := fs.Stat(p.Root, "content"); err != nil && !errors.Is(err, fs.ErrNotExist) {
		unreadable(list, "content", err)
		return nil
	} else if err != nil {
		list.Errorf(diag.Pos{File: "content"}, "run gen in a briefing project folder, or point -root at one",
			"no content folder: this does not look like a briefing project")
		return nil
	}

	seen := map[string]bool{}
	actorSources := b.readFolder("content/actors", readAll, edited, seen, list)
	topicSources := b.readFolder("content/topics", readAll, edited, seen, list)
	articleSources := b.readFolder("content/articles", readAll, edited, seen, list)
	eventSources := b.readFolder("content/events", readAll, edited, seen, list)
	overview := b.readFile("content/overview.md", readAll, edited, seen, list)
	for name := range b.sources {
		if !seen[name] {
			delete(b.sources, name) // deleted or renamed
		}
	}

	actors := make([]*model.Actor, len(actorSources))
	for i, s := range actorSources {
		actors[i] = model.DecodeActor(s.doc, s.id, list)
	}
	topics := make([]*model.Topic, len(topicSources))
	for i, s := range topicSources {
		topics[i] = model.DecodeTopic(s.doc, s.id, list)
	}
	events := make([]*model.Event, len(eventSources))
	for i, s := range eventSources {
		events[i] = model.DecodeEvent(s.doc, s.id, list)
	}
	// A draft left out is decoded only to learn that it is one: its own
	// problems are not the published site's.
	articles := make([]*model.Article, 0, len(articleSources))
	published := articleSources[:0:0]
	var drafts []*model.Article
	for _, s := range articleSources {
		var own diag.List
		a := model.DecodeArticle(s.doc, s.id, &own)
		if a.Draft {
			drafts = append(drafts, a)
			if p.Drafts == LeaveDraftsOut {
				continue
			}
		}
		list.Merge(&own)
		articles = append(articles, a)
		published = append(published, s)
	}
	articleSources = published
	b.drafts = drafts

	// Converted HTML carries actors' names and topics' titles in its
	// links: it stays valid while those do.
	key := b.wordsFor + "\n" + linksKey(site, actors, topics)
	deep := newResolver("../../", actors, topics, b.words) // every page but home sits two folders deep
	article := markdown.New(markdown.Options{Resolver: deep, UnsafeHTML: site.UnsafeHTML, NumberParagraphs: true})
	profile := markdown.New(markdown.Options{Resolver: deep, UnsafeHTML: site.UnsafeHTML})
	home := markdown.New(markdown.Options{Resolver: newResolver("", actors, topics, b.words), UnsafeHTML: site.UnsafeHTML})
	b.articleMarkdown, b.linksKey = article, key

	parallel.For(len(articleSources), func(i int) { articleSources[i].convertWith(article, key) })
	for _, s := range actorSources {
		s.convertWith(profile, key)
	}
	for _, s := range topicSources {
		s.convertWith(profile, key)
	}
	for i, s := range articleSources {
		list.Merge(&s.convert)
		if s.result != nil {
			articles[i].SetBody(s.html, s.result)
		}
	}
	for i, s := range actorSources {
		list.Merge(&s.convert)
		if s.result != nil {
			actors[i].SetProfile(s.html, s.result)
		}
	}
	for i, s := range topicSources {
		list.Merge(&s.convert)
		if s.result != nil {
			topics[i].SetOverview(s.html, s.result)
		}
	}
	description := markdown.New(markdown.Options{Resolver: newResolver("../", actors, topics, b.words), UnsafeHTML: site.UnsafeHTML}) // for timeline/index.html
	for i, s := range eventSources {
		s.convertWith(description, key)
		list.Merge(&s.convert)
		if s.result != nil {
			events[i].SetDescription(s.html, s.result)
		}
	}
	if overview != nil {
		overview.convertWith(home, key)
		list.Merge(&overview.convert)
		if overview.result != nil {
			site.SetOverview(overview.doc, overview.html, overview.result)
		}
	}
	var withheld map[string]*model.Article
	switch p.Drafts {
	case LeaveDraftsOut:
		withheld = model.CheckDraftEvents(slices.Concat(articles, drafts), events, diag.Error, list)
	case CheckDrafts:
		model.CheckDraftEvents(articles, events, diag.Error, list)
	case ShowDrafts:
		model.CheckDraftEvents(articles, events, diag.Warning, list)
	}
	return model.LinkWithDrafts(site, actors, topics, events, articles, withheld, list)
}

// linksKey sums up everything converted HTML depends on besides its own
// file.
func linksKey(site model.Site, actors []*model.Actor, topics []*model.Topic) string {
	var b strings.Builder
	if site.UnsafeHTML {
		b.WriteString("unsafe\n")
	}
	for _, a := range actors {
		b.WriteString(a.ID + "\x00" + a.Name + "\x00" + a.Role + "\n")
	}
	for _, t := range topics {
		b.WriteString(t.ID + "\x00" + t.Title + "\n")
	}
	return b.String()
}

func (s *source) convertWith(c *markdown.Converter, key string) {
	if s.converted == key {
		return
	}
	s.convert = diag.List{}
	html, res, err := c.Convert(s.doc.Body)
	var deep *markdown.NestingError
	if errors.As(err, &deep) {
		s.convert.Errorf(s.doc.Lines.Pos(s.doc.BodyOffset+deep.Offset), deep.Hint(), "%v", deep)
		s.html, s.result = "", nil
	} else if err != nil {
		s.convert.Errorf(diag.Pos{File: s.doc.Path}, "", "cannot render Markdown: %v", err)
		s.html, s.result = "", nil
	} else {
		s.html, s.result = html, res
	}
	s.converted = key
}

// readFolder returns the .md files of dir, reading those that are new or
// edited, in parallel. Files that cannot be used (unreadable, refused by
// the project's rule, or empty) are reported and left out, so they add no
// follow-on errors.
func (b *Builder) readFolder(dir string, readAll bool, edited, seen map[string]bool, list *diag.List) []*source {
	entries, err := fs.ReadDir(b.project.Root, dir)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			unreadable(list, dir, err)
		}
		return nil
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".md") {
			names = append(names, path.Join(dir, e.Name()))
		}
	}
	sort.Strings(names)
	out := make([]*source, len(names))
	lists := make([]diag.List, len(names))
	parallel.For(len(names), func(i int) {
		out[i] = b.load1(names[i], readAll || edited[names[i]], &lists[i])
	})
	kept := out[:0]
	for i, s := range out {
		list.Merge(&lists[i])
		if s != nil {
			b.sources[names[i]] = s
			seen[names[i]] = true
			list.Merge(&s.parse)
			kept = append(kept, s)
		}
	}
	return kept
}

// readFile returns one optional file, such as content/overview.md.
func (b *Builder) readFile(name string, readAll bool, edited, seen map[string]bool, list *diag.List) *source {
	if _, err := fs.Stat(b.project.Root, name); err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			unreadable(list, name, err)
		}
		return nil
	}
	s := b.load1(name, readAll || edited[name], list)
	if s != nil {
		b.sources[name] = s
		seen[name] = true
		list.Merge(&s.parse)
	}
	return s
}

// load1 returns the cached source of name, reading it again when asked
// to or when it is not cached. It is safe to call for different names at
// once: the cache is only read here, and written by the caller.
func (b *Builder) load1(name string, read bool, list *diag.List) *source {
	cached := b.sources[name]
	if cached != nil && !read {
		return cached
	}
	data, err := fs.ReadFile(b.project.Root, name)
	switch {
	case err != nil:
		unreadable(list, name, err)
		return nil
	case len(bytes.TrimSpace(data)) == 0:
		list.Errorf(diag.Pos{File: name, Line: 1, Col: 1}, "add front matter and text, or delete the file", "file is empty")
		return nil
	case cached != nil && bytes.Equal(cached.data, data):
		return cached // saved without a change
	}
	s := &source{id: strings.TrimSuffix(path.Base(name), ".md"), data: data}
	s.doc = content.Parse(name, data, &s.parse)
	return s
}

// Drafts are the articles marked draft: true that the last build found,
// whether it left them out or not, and even if it failed.
func (b *Builder) Drafts() []*model.Article { return b.drafts }
