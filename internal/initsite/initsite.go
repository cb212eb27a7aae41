// Package initsite is gen init: it starts a new briefing project in a
// folder, from the files under project/, embedded in gen. They are a
// commented site.toml, an example article, two actors and a topic that
// build without a warning, a README with the two commands, a .gitignore
// for what gen build writes, and the GitHub Pages workflow, which
// installs the gen that wrote them (package buildinfo).
//
// Text files are templates with << >> delimiters, since the workflow's
// own ${{ }} expressions must pass through untouched.
package initsite

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/template"

	"github.com/briefing-gen/gen/internal/buildinfo"
)

//go:embed all:project
var embedded embed.FS

// DefaultPackage is gen's import path, for a binary whose build
// information does not give it (a test binary).
const DefaultPackage = "github.com/briefing-gen/gen/cmd/gen"

// Gen is the gen the new project's workflow installs.
type Gen struct {
	Package string // gen's import path, as go install takes it
	Version string // the version to install: a module version or "latest"
	Go      string // the Go version to install it with, such as "1.26.8", or "stable"
}

// Running describes the running gen, by its build information.
func Running() Gen {
	info := buildinfo.Read()
	g := Gen{Package: info.Package, Version: info.InstallVersion(), Go: strings.TrimPrefix(info.Go, "go")}
	if !strings.HasSuffix(g.Package, "/cmd/gen") {
		g.Package = DefaultPackage
	}
	if g.Go == "" || strings.ContainsAny(g.Go, " -") { // a development toolchain such as "devel go1.27-abc"
		g.Go = "stable"
	}
	return g
}

// Write starts a project in dir, creating it if need be, and returns the
// files it wrote, slash-separated from dir. It refuses a folder that
// holds anything but dotfiles (such as .git or .DS_Store), so it never
// writes over a file.
func Write(dir string, gen Gen) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	var taken []string
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") || e.Name() == ".github" || e.Name() == ".gitignore" {
			taken = append(taken, e.Name())
		}
	}
	if len(taken) > 0 {
		return nil, fmt.Errorf("%s is not empty (it holds %s): start the briefing in a new or empty folder", dir, strings.Join(taken, ", "))
	}
	root, err := fs.Sub(embedded, "project")
	if err != nil {
		return nil, err
	}
	var written []string
	err = fs.WalkDir(root, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		text, err := fs.ReadFile(root, name)
		if err != nil {
			return err
		}
		t, err := template.New(name).Delims("<<", ">>").Option("missingkey=error").Parse(string(text))
		if err != nil {
			return err
		}
		var out bytes.Buffer
		if err := t.Execute(&out, gen); err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		// O_EXCL: a file that appeared since the folder was looked at is kept.
		f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		if _, err := f.Write(out.Bytes()); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
		written = append(written, name)
		return nil
	})
	return written, err
}
