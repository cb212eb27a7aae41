// Package site is the build pipeline: read the project through fs.FS,
// parse every file in parallel, link the model once, render every page in
// parallel, and only then write the output. Any problem in content or
// templates stops the build before the output folder is touched, so a
// failed build leaves the last good site as it was.
package site

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"briefing/internal/diag"
	"briefing/internal/model"
	"briefing/internal/output"
	"briefing/internal/overlay"
)

// Project is what a build reads. Templates and Static are layered: the
// project's own files over the embedded defaults.
type Project struct {
	Root      fs.FS // the project folder: site.toml and content/
	Templates fs.FS
	Static    fs.FS

	BaseURL string // overrides site.toml's base_url when set
}

// NewProject layers root's templates/ and static/ over the defaults. The
// folders need not exist yet: gen serve picks them up when they appear.
func NewProject(root, defaultTemplates, defaultStatic fs.FS) Project {
	return Project{
		Root:      root,
		Templates: overlay.FS{sub(root, "templates"), defaultTemplates},
		Static:    overlay.FS{sub(root, "static"), defaultStatic},
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

	// SearchIndex is the size in bytes of the search index, which readers
	// download when they start a search.
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
