// Package site is the build pipeline: read the project through fs.FS,
// parse every file in parallel, link the model once, render every page in
// parallel, and only then write the output. Any problem in content or
// templates stops the build before the output folder is touched, so a
// failed build leaves the last good site as it was.
package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"briefing/internal/annotate"
	"briefing/internal/content"
	"briefing/internal/diag"
	"briefing/internal/markdown"
	"briefing/internal/model"
	"briefing/internal/output"
	"briefing/internal/overlay"
	"briefing/internal/render"
)

// Project is what a build reads. Templates and Static are layered: the
// project's own files over the embedded defaults.
type Project struct {
	Root      fs.FS // the project folder: site.toml and content/
	Templates fs.FS
	Static    fs.FS

	BaseURL string // overrides site.toml's base_url when set
}

// NewProject layers root's templates/ and static/ over the defaults.
func NewProject(root, defaultTemplates, defaultStatic fs.FS) Project {
	return Project{
		Root:      root,
		Templates: overlay.FS{subOrNil(root, "templates"), defaultTemplates},
		Static:    overlay.FS{subOrNil(root, "static"), defaultStatic},
	}
}

func subOrNil(fsys fs.FS, dir string) fs.FS {
	if _, err := fs.Stat(fsys, dir); err != nil {
		return nil
	}
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		return nil
	}
	return sub
}

// ReadFile reads a file a diagnostic names: "templates/x.html" from the
// layered templates, anything else from the project folder.
func (p Project) ReadFile(name string) ([]byte, error) {
	if rest, ok := strings.CutPrefix(name, "templates/"); ok {
		return fs.ReadFile(p.Templates, rest)
	}
	return fs.ReadFile(p.Root, name)
}

// Reports adds to each diagnostic the source line it points at.
func (p Project) Reports(items []diag.Diagnostic) []diag.Report {
	return diag.Reports(items, p.ReadFile)
}

// Site is a built site held in memory, ready to write.
type Site struct {
	Briefing *model.Briefing
	Files    []output.File
	Pages    int
	Warnings []diag.Diagnostic
}

// Build reads and renders the project. A content problem returns a
// *diag.Failure listing every one of them.
func Build(p Project) (*Site, error) {
	var list diag.List
	b := load(p, &list)
	r, err := render.New(p.Templates)
	if err != nil {
		addTemplateErrors(&list, err)
	}
	if err := list.Err(); err != nil {
		return nil, err
	}
	warnings := list.Items()

	pages := render.Pages(b)
	files := make([]output.File, len(pages))
	errs := make([]error, len(pages))
	parallel(len(pages), func(i int) {
		data, err := r.Render(pages[i])
		files[i], errs[i] = output.File{Path: pages[i].Path, Data: data}, err
	})
	if err := errors.Join(errs...); err != nil {
		var failures diag.List
		addTemplateErrors(&failures, err)
		return nil, failures.Err()
	}
	static, err := readTree(p.Static)
	if err != nil {
		return nil, err
	}
	isPage := make(map[string]bool, len(files))
	for _, f := range files {
		isPage[f.Path] = true
	}
	for _, f := range static {
		if isPage[f.Path] {
			warnings = append(warnings, diag.Diagnostic{File: "static/" + f.Path, Severity: diag.Warning,
				Message: "has the same path as a generated page and is not copied", Hint: "rename it, or override the page's template instead"})
			continue
		}
		files = append(files, f)
	}
	return &Site{Briefing: b, Files: files, Pages: len(pages), Warnings: warnings}, nil
}

// Write puts the site into dir.
func (s *Site) Write(dir string) (output.Stats, error) {
	return output.Write(dir, s.Files)
}

// load reads every content file and links the model.
func load(p Project, list *diag.List) *model.Briefing {
	var site model.Site
	if src, err := fs.ReadFile(p.Root, "site.toml"); err == nil {
		site = model.DecodeSite(content.ParseConfig("site.toml", src, list), list)
	} else {
		site = model.DecodeSite(nil, list)
	}
	if p.BaseURL != "" {
		site.BaseURL = p.BaseURL
	}
	if site.BaseURL != "" && !strings.HasSuffix(site.BaseURL, "/") {
		site.BaseURL += "/"
	}

	if _, err := fs.Stat(p.Root, "content"); err != nil {
		list.Errorf(diag.Pos{File: "content"}, "run gen in a briefing project folder, or point -root at one",
			"no content folder: this does not look like a briefing project")
		return nil
	}
	actorDocs := readDocs(p.Root, "content/actors", list)
	topicDocs := readDocs(p.Root, "content/topics", list)
	articleDocs := readDocs(p.Root, "content/articles", list)

	actors := make([]*model.Actor, len(actorDocs))
	for i, d := range actorDocs {
		actors[i] = model.DecodeActor(d.doc, d.id, list)
	}
	topics := make([]*model.Topic, len(topicDocs))
	for i, d := range topicDocs {
		topics[i] = model.DecodeTopic(d.doc, d.id, list)
	}
	articles := make([]*model.Article, len(articleDocs))
	for i, d := range articleDocs {
		articles[i] = model.DecodeArticle(d.doc, d.id, list)
	}

	// Every page but the home page sits two folders deep.
	deep := newResolver("../../", actors, topics)
	article := markdown.New(markdown.Options{Resolver: deep, UnsafeHTML: site.UnsafeHTML, NumberParagraphs: true})
	profile := markdown.New(markdown.Options{Resolver: deep, UnsafeHTML: site.UnsafeHTML})
	home := markdown.New(markdown.Options{Resolver: newResolver("", actors, topics), UnsafeHTML: site.UnsafeHTML})

	lists := make([]diag.List, len(articles))
	parallel(len(articles), func(i int) {
		if html, res, ok := convert(article, articleDocs[i].doc, &lists[i]); ok {
			articles[i].SetBody(html, res)
		}
	})
	for i := range lists {
		list.Merge(&lists[i])
	}
	for _, a := range actors {
		if html, res, ok := convert(profile, a.Doc(), list); ok {
			a.SetProfile(html, res)
		}
	}
	for _, t := range topics {
		if html, res, ok := convert(profile, t.Doc(), list); ok {
			t.SetOverview(html, res)
		}
	}
	if src, err := fs.ReadFile(p.Root, "content/overview.md"); err == nil {
		doc := content.Parse("content/overview.md", src, list)
		if html, res, ok := convert(home, doc, list); ok {
			site.SetOverview(doc, html, res)
		}
	}
	return model.Link(site, actors, topics, articles, list)
}

func convert(c *markdown.Converter, doc *content.Document, list *diag.List) (string, *annotate.Result, bool) {
	html, res, err := c.Convert(doc.Body)
	if err != nil {
		list.Errorf(diag.Pos{File: doc.Path}, "", "cannot render Markdown: %v", err)
		return "", nil, false
	}
	return html, res, true
}

type idDoc struct {
	id  string
	doc *content.Document
}

// readDocs parses every .md file in dir, in parallel. Files that cannot
// be used (unreadable, empty, or links out of the project) are reported
// and left out, so they add no follow-on errors.
func readDocs(root fs.FS, dir string, list *diag.List) []idDoc {
	if escapes(root, dir, list) {
		return nil
	}
	entries, err := fs.ReadDir(root, dir)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			list.Errorf(diag.Pos{File: dir}, "", "cannot read folder: %v", err)
		}
		return nil
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".md") {
			names = append(names, e.Name())
		}
	}
	docs := make([]idDoc, len(names))
	lists := make([]diag.List, len(names))
	parallel(len(names), func(i int) {
		file := path.Join(dir, names[i])
		if escapes(root, file, &lists[i]) {
			return
		}
		src, err := fs.ReadFile(root, file)
		switch {
		case err != nil:
			lists[i].Errorf(diag.Pos{File: file}, "", "cannot read: %v", err)
		case len(bytes.TrimSpace(src)) == 0:
			lists[i].Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "add front matter and text, or delete the file", "file is empty")
		default:
			docs[i] = idDoc{id: strings.TrimSuffix(names[i], ".md"), doc: content.Parse(file, src, &lists[i])}
		}
	})
	kept := docs[:0]
	for i := range docs {
		list.Merge(&lists[i])
		if docs[i].doc != nil {
			kept = append(kept, docs[i])
		}
	}
	return kept
}

// escapes reports a symbolic link that leads out of the project folder: a
// build must read only what the project holds.
func escapes(root fs.FS, name string, list *diag.List) bool {
	info, err := fs.Lstat(root, name)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return false
	}
	target, err := fs.ReadLink(root, name)
	if err != nil {
		list.Errorf(diag.Pos{File: name}, "", "cannot read symbolic link: %v", err)
		return true
	}
	if filepath.IsAbs(target) || !filepath.IsLocal(filepath.Join(filepath.Dir(filepath.FromSlash(name)), target)) {
		list.Errorf(diag.Pos{File: name}, "copy the file into the project, or link to a file inside it with a relative path",
			"symbolic link points outside the project (to %s)", target)
		return true
	}
	return false
}

// readTree reads every file under fsys for copying to the output.
func readTree(fsys fs.FS) ([]output.File, error) {
	var files []output.File
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		files = append(files, output.File{Path: p, Data: data})
		return nil
	})
	return files, err
}

// addTemplateErrors reports template errors, which html/template already
// words as "template: article.html:12:3: ...", as diagnostics.
func addTemplateErrors(list *diag.List, err error) {
	seen := map[string]bool{} // every page of a kind fails the same way
	for _, line := range strings.Split(err.Error(), "\n") {
		if seen[line] {
			continue
		}
		seen[line] = true
		msg := strings.TrimPrefix(line, "template: ")
		file, rest, ok := strings.Cut(msg, ":")
		pos := diag.Pos{File: "templates/" + file}
		if ok {
			var l, c int
			if n, _ := fmt.Sscanf(rest, "%d:%d:", &l, &c); n >= 1 {
				pos.Line, pos.Col = l, c
				rest = rest[strings.Index(rest, ": ")+2:]
			}
		} else {
			pos.File, rest = "templates", msg
		}
		list.Errorf(pos, "fix the template, or delete your copy to use the built-in one", "%s", strings.TrimSpace(rest))
	}
}

// parallel calls fn for 0..n-1 on every core.
func parallel(n int, fn func(i int)) {
	workers := min(n, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	var mu sync.Mutex
	next := 0
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
}
