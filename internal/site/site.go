// Package site is the build pipeline: read the project through fs.FS,
// parse every file in parallel, link the model once, and render every
// page in parallel. Any problem in content or templates stops the build
// before a page is rendered.
//
// There are two ways through. Builder.Stream, for gen build and gen check,
// builds once and hands each file on as it is made (gen build stages them
// beside the output folder and moves them into place only when the build
// succeeds, so a failed build leaves the last good site as it was).
// Builder.Build, for gen serve, holds each build in memory as one
// snapshot and builds the next from it, rendering only the pages the
// edits make stale (deps.go is that rule).
package site

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/briefing-gen/gen/internal/diag"
	"github.com/briefing-gen/gen/internal/model"
	"github.com/briefing-gen/gen/internal/output"
	"github.com/briefing-gen/gen/internal/overlay"
	"github.com/briefing-gen/gen/internal/projectfs"
)

// Project is what a build reads. Templates and Static are layered: the
// project's own files over the embedded defaults. gen reads the project
// folder through a projectfs.FS, whose refusals (links out of the folder,
// named pipes, devices, files too large) are reported as diagnostics.
type Project struct {
	Root      fs.FS // the project folder: site.toml and content/
	Templates fs.FS
	Static    fs.FS
	// Translations is the project's i18n/ folder, whose <lang>.toml
	// overrides the built-in words message by message (internal/i18n).
	Translations fs.FS

	BaseURL string // overrides site.toml's base_url when set

	// Drafts says what becomes of the articles marked draft: true; the
	// zero value leaves them out, as gen build does.
	Drafts Drafts
}

// Drafts is what a build does with the articles marked draft: true.
type Drafts int

const (
	// LeaveDraftsOut builds the site as published (gen build): a draft is
	// left out as if its file were not there, its problems unreported,
	// and a published article's reference to an event only drafts
	// declare is an error naming the draft (model.CheckDraftEvents).
	LeaveDraftsOut Drafts = iota
	// CheckDrafts builds the drafts too, so that their problems are
	// reported, and errs like LeaveDraftsOut on a published article's
	// reference to a draft's event (gen check).
	CheckDrafts
	// ShowDrafts builds the drafts too, and only warns on a published
	// article's reference to a draft's event (gen serve).
	ShowDrafts
	// PublishDrafts builds the drafts like any article (gen build -drafts).
	PublishDrafts
)

// NewProject layers root's templates/ and static/ over the defaults. The
// folders need not exist yet: gen serve picks them up when they appear.
func NewProject(root, defaultTemplates, defaultStatic fs.FS) Project {
	return Project{
		Root:      root,
		Templates: overlay.FS{sub(root, "templates"), defaultTemplates},
		Static:    overlay.FS{sub(root, "static"), defaultStatic},

		Translations: sub(root, "i18n"),
	}
}

func sub(fsys fs.FS, dir string) fs.FS {
	s, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err) // only for an invalid name, and dir is a constant
	}
	return s
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
	Pages    int // pages in the site
	Rendered int // pages rendered by this build; the rest were kept
	Warnings []diag.Diagnostic

	// Drafts are the project's articles marked draft: true, by file
	// name, whether the build left them out or not (Project.Drafts).
	Drafts []*model.Article

	// SearchIndex is the size in bytes of the search index, all its files;
	// a reader's search downloads only the few it needs.
	SearchIndex int

	// Updated lists the pages whose bytes differ from the previous build
	// of the same Builder, or that are gone; UpdatedAll says every page
	// may have changed (the first build, or new static files).
	Updated    []string
	UpdatedAll bool
}

// Build reads and renders the whole project once. A content problem
// returns a *diag.Failure listing every one of them.
func Build(p Project) (*Site, error) {
	return NewBuilder(p).Build(nil)
}

// Write puts the site into dir, all or nothing (output.Write).
func (s *Site) Write(dir string) (output.Stats, error) {
	return output.Write(dir, s.Files, output.Options{})
}

// readTree reads every file under fsys for copying to the output,
// reporting each it cannot read under dir, the folder fsys holds.
// It follows links to folders (projectfs.Walk).
func readTree(fsys fs.FS, dir string, list *diag.List) []output.File {
	var files []output.File
	projectfs.Walk(fsys, ".", func(p string, _ fs.FileInfo, err error) error {
		var data []byte
		if err == nil {
			data, err = fs.ReadFile(fsys, p)
		}
		if err != nil {
			unreadable(list, path.Join(dir, p), err)
			return nil
		}
		files = append(files, output.File{Path: p, Data: data})
		return nil
	})
	return files
}

// checkTree reports each file under dir that cannot be read, without
// reading any, and says whether there was one.
func checkTree(root fs.FS, dir string, list *diag.List) (bad bool) {
	projectfs.Walk(root, dir, func(p string, _ fs.FileInfo, err error) error {
		if err != nil && !(p == dir && errors.Is(err, fs.ErrNotExist)) {
			unreadable(list, p, err)
			bad = true
		}
		return nil
	})
	return bad
}

// unreadable reports a file the build cannot read: a refusal by the
// project's rule (projectfs) says why and what to do.
func unreadable(list *diag.List, name string, err error) {
	var refusal *projectfs.Refusal
	if errors.As(err, &refusal) {
		list.Errorf(diag.Pos{File: name}, refusal.Hint(), "%s", refusal.Message())
		return
	}
	var perr *fs.PathError
	if errors.As(err, &perr) {
		err = perr.Err // the name is the diagnostic's
	}
	list.Errorf(diag.Pos{File: name}, "", "cannot read: %v", err)
}

// addTemplateErrors reports template errors, which html/template already
// words as "template: article.html:12:3: ...", as diagnostics.
func addTemplateErrors(list *diag.List, err error) {
	var refusal *projectfs.Refusal
	if errors.As(err, &refusal) { // a template changed since checkTree
		unreadable(list, refusal.Path, err)
		return
	}
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
