package site

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/briefing-gen/gen/internal/annotate"
	"github.com/briefing-gen/gen/internal/content"
	"github.com/briefing-gen/gen/internal/diag"
	"github.com/briefing-gen/gen/internal/i18n"
	"github.com/briefing-gen/gen/internal/markdown"
	"github.com/briefing-gen/gen/internal/model"
	"github.com/briefing-gen/gen/internal/parallel"
)

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

// converter is the articles' Markdown converter of the last load, and the
// links key its HTML is valid for (linksKey).
type converter struct {
	markdown *markdown.Converter
	key      string
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
	key := b.words.lang + "\n" + linksKey(site, actors, topics)
	deep := newResolver("../../", site.LanguageTag, actors, topics, b.words.catalog) // every page but home sits two folders deep
	article := markdown.New(markdown.Options{Resolver: deep, UnsafeHTML: site.UnsafeHTML, NumberParagraphs: true})
	profile := markdown.New(markdown.Options{Resolver: deep, UnsafeHTML: site.UnsafeHTML})
	home := markdown.New(markdown.Options{Resolver: newResolver("", site.LanguageTag, actors, topics, b.words.catalog), UnsafeHTML: site.UnsafeHTML})
	b.articles = converter{article, key}

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
	description := markdown.New(markdown.Options{Resolver: newResolver("../", site.LanguageTag, actors, topics, b.words.catalog), UnsafeHTML: site.UnsafeHTML}) // for timeline/index.html
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

// words are the interface's words in one language (internal/i18n).
type words struct {
	catalog *i18n.Catalog
	lang    string
	log     []diag.Diagnostic // what reading them found, reported by every build until they change
	fresh   bool              // read again since the templates were parsed, which hold them
}

// readWords reads the interface's words in lang (the project's i18n/ over
// the built-in files) when the language or, if again, the files changed.
func (b *Builder) readWords(lang string, again bool, list *diag.List) {
	if b.words.catalog == nil || lang != b.words.lang || again {
		var read diag.List
		b.words = words{catalog: i18n.Load(b.project.Translations, lang, &read), lang: lang, log: read.Items(), fresh: true}
	}
	for _, d := range b.words.log {
		list.Add(d)
	}
}

// linksKey sums up everything converted HTML depends on besides its own
// file.
func linksKey(site model.Site, actors []*model.Actor, topics []*model.Topic) string {
	var b strings.Builder
	b.WriteString(site.LanguageTag.Code + " " + site.LanguageTag.Dir() + "\n") // quotes' translations say them
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
