package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"sync"
	"syscall"
	"time"

	"github.com/briefing-gen/gen"
	"github.com/briefing-gen/gen/internal/diag"
	"github.com/briefing-gen/gen/internal/model"
	"github.com/briefing-gen/gen/internal/output"
	"github.com/briefing-gen/gen/internal/projectfs"
	"github.com/briefing-gen/gen/internal/site"
)

func build(args []string, stdout, stderr io.Writer) int {
	flags := newFlags("build", `Usage: gen build [-root DIR] [-out DIR] [-base-url URL] [-drafts] [-force] [-v]

Builds the briefing in the project folder into the output folder, all or
nothing: the new site is assembled beside it (in .public.gen/ for public/)
and switched into place in one step, so the folder holds the old site or
the new one, never a mix, even if the build fails or is stopped. Content
errors are listed as file:line:col. Only files whose bytes changed are
written; files in the output folder that gen did not write are kept.
Articles marked draft: true are left out, as if their files were not
there, unless -drafts is given.
`, args, stdout, stderr)
	root := flags.String("root", ".", "project `folder` holding site.toml and content/")
	out := flags.String("out", "public", "output `folder`; a relative path is inside the project folder")
	baseURL := flags.String("base-url", "", "absolute `URL` the site is published at, for canonical links, feeds and the sitemap (overrides base_url in site.toml)")
	drafts := flags.Bool("drafts", false, "build the articles marked draft: true too, each with a Draft banner")
	force := flags.Bool("force", false, "build into a folder gen did not make, writing over any of its files the site has")
	verbose := flags.Bool("v", false, "explain how dates written relative to publication (\"friday\") were resolved")
	if code := parse(flags, args, 0); code >= 0 {
		return code
	}
	if *baseURL != "" {
		if err := model.CheckBaseURL(*baseURL); err != nil {
			fmt.Fprintf(stderr, "gen build: -base-url: %v\n", err)
			return 2
		}
	}
	outDir := inRoot(*root, *out)

	start := time.Now()
	project, err := newProject(*root)
	if err != nil {
		fmt.Fprintf(stderr, "gen build: %v\n", err)
		return 1
	}
	project.BaseURL = *baseURL
	if *drafts {
		project.Drafts = site.PublishDrafts
	}
	interrupt := stopOnSignal(outDir, stderr)
	defer interrupt.stop()
	// Pages go to disk as they are rendered, and into place at the end.
	staging, err := output.Begin(outDir, output.Options{Force: *force, Project: *root, Sources: sources(*root),
		Waiting: func() {
			fmt.Fprintf(stderr, "gen build: waiting for another build of %s (or of a folder beside it) to finish\n", outDir)
		}})
	if err != nil {
		fmt.Fprintf(stderr, "gen build: %v\n", err)
		return 1
	}
	interrupt.watch(staging)
	builder := site.NewBuilder(project)
	progress := newProgress(stderr)
	builder.Progress = progress.update
	s, err := builder.Stream(func(f output.File) { staging.Add(f) })
	progress.clear()
	interrupt.hold()
	if err != nil {
		staging.Abort()
		var failure *diag.Failure
		if errors.As(err, &failure) {
			printReports(stderr, project.Reports(failure.Diagnostics))
			fmt.Fprintf(stderr, "gen build: %s; %s left unchanged\n", diag.Count(failure.Diagnostics, diag.Error), outDir)
		} else {
			fmt.Fprintf(stderr, "gen build: %v\n", err)
		}
		return 1
	}
	printReports(stderr, project.Reports(s.Warnings))
	if *verbose {
		for _, e := range s.Briefing.Events {
			for _, r := range e.Reports { // each article's own declaration, as an update may date it again
				if r.Said != nil && r.Said.DateNote != "" {
					fmt.Fprintf(stdout, "content/articles/%s.md: event %s: %s\n", r.Article.Slug, e.ID, r.Said.DateNote)
				}
			}
		}
	}
	stats, err := staging.Commit()
	interrupt.hold()
	if err != nil {
		fmt.Fprintf(stderr, "gen build: writing %s: %v\ngen build: %s left unchanged\n", outDir, err, outDir)
		return 1
	}
	fmt.Fprintf(stdout, "Built %d pages into %s in %s (%d files written, %d unchanged, %d removed; search index %s)\n",
		s.Pages, outDir, time.Since(start).Round(time.Millisecond), stats.Written, stats.Unchanged, stats.Removed, size(s.SearchIndex))
	return 0
}

// newProject reads the project folder root by projectfs's rule, which
// keeps every read inside it. An error reads "-root DIR: not a folder".
func newProject(root string) (site.Project, error) {
	fsys, err := projectfs.Open(root)
	if err != nil {
		return site.Project{}, fmt.Errorf("-root %w", err)
	}
	return site.NewProject(fsys, briefing.Templates(), briefing.Static()), nil
}

// sources are the files and folders of a project that a build reads,
// which its output must keep clear of.
func sources(root string) []string {
	var out []string
	for _, name := range []string{"content", "templates", "static", "site.toml"} {
		out = append(out, filepath.Join(root, name))
	}
	return out
}

// interrupt stops a build on Ctrl-C or SIGTERM, leaving the output
// folder as it was: any moment is safe to stop at (output's promise), so
// it only stops the writers, says so, and exits. Once the switch into
// place has begun, it lets the build finish.
type interrupt struct {
	signals  chan os.Signal
	done     chan struct{}
	mu       sync.Mutex
	staging  *output.Staging // nil until the output is begun
	stopping bool            // a signal came: gen exits, unless resumed is closed
	resumed  chan struct{}
}

func stopOnSignal(outDir string, stderr io.Writer) *interrupt {
	in := &interrupt{signals: make(chan os.Signal, 1), done: make(chan struct{}), resumed: make(chan struct{})}
	signal.Notify(in.signals, syscall.SIGINT, syscall.SIGTERM)
	go func() {
		select {
		case sig := <-in.signals:
			signal.Stop(in.signals) // a second Ctrl-C ends gen at once
			in.mu.Lock()
			staging := in.staging
			in.stopping = true
			in.mu.Unlock()
			if staging != nil && !staging.Abort() {
				close(in.resumed) // the switch had begun: it is quick, and the build ends as it ends
				return
			}
			fmt.Fprintf(stderr, "\ngen build: stopped; %s left unchanged\n", outDir)
			code := 130
			if sig == syscall.SIGTERM {
				code = 143
			}
			os.Exit(code)
		case <-in.done:
		}
	}()
	return in
}

// watch hands the interrupt the output to stop.
func (in *interrupt) watch(s *output.Staging) {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.staging = s
}

// hold waits while a signal is stopping gen, for good unless the build
// was already switching its site into place: the results of a build
// whose writers were stopped are not to be told.
func (in *interrupt) hold() {
	in.mu.Lock()
	stopping := in.stopping
	in.mu.Unlock()
	if stopping {
		<-in.resumed // or the signal's goroutine exits
	}
}

func (in *interrupt) stop() {
	signal.Stop(in.signals)
	close(in.done)
}

// inRoot resolves a folder flag: a relative path is inside the project.
func inRoot(root, dir string) string {
	if filepath.IsAbs(dir) {
		return dir
	}
	return filepath.Join(root, dir)
}

// size is a byte count for people: "812 B", "16 KB", "2.4 MB".
func size(n int) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1000*1000:
		return fmt.Sprintf("%d KB", (n+500)/1000)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}

// progress shows, on a terminal, how far a long build is: after a second,
// "Rendering pages: 4200 of 10559", redrawn at most ten times a second.
// It stays quiet in CI and when stderr is a file or a pipe.
type progress struct {
	w       io.Writer
	start   time.Time
	enabled bool

	mu    sync.Mutex
	last  time.Time
	shown bool
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w, start: time.Now()}
	if f, ok := w.(*os.File); ok && os.Getenv("CI") == "" {
		if info, err := f.Stat(); err == nil && info.Mode()&os.ModeCharDevice != 0 {
			p.enabled = true
		}
	}
	return p
}

func (p *progress) update(done, total int) {
	if !p.enabled {
		return
	}
	now := time.Now()
	p.mu.Lock()
	defer p.mu.Unlock()
	if now.Sub(p.start) < time.Second || (now.Sub(p.last) < 100*time.Millisecond && done < total) {
		return
	}
	p.last, p.shown = now, true
	fmt.Fprintf(p.w, "\rRendering pages: %d of %d", done, total)
}

// clear removes the progress line before the summary is printed.
func (p *progress) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
}
