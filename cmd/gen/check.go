package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/briefing-gen/gen/internal/diag"
	"github.com/briefing-gen/gen/internal/linkcheck"
	"github.com/briefing-gen/gen/internal/output"
	"github.com/briefing-gen/gen/internal/projectfs"
	"github.com/briefing-gen/gen/internal/render"
	"github.com/briefing-gen/gen/internal/site"
)

func check(args []string, stdout, stderr io.Writer) int {
	flags := newFlags("check", `Usage: gen check [-root DIR] [-strict] [-drafts] [-out DIR [-base-url URL]]

Checks the content and templates as a build would, and writes nothing.
Exits 0 when clean and 1 on errors; warnings are listed but fail only
with -strict. With -out it also checks a built site: every internal link
and #anchor must resolve.

Articles marked draft: true are checked too, and listed, one line each
(a draft is not a problem). A published article that references an event
only a draft declares is an error, as in gen build, unless -drafts says
the drafts are to be published with it (gen build -drafts).
`, args, stdout, stderr)
	root := flags.String("root", ".", "project `folder` holding site.toml and content/")
	strict := flags.Bool("strict", false, "fail on warnings too")
	drafts := flags.Bool("drafts", false, "check as gen build -drafts would build: the drafts published too")
	out := flags.String("out", "", "also check the links of the site built in this `folder` (relative to the project)")
	baseURL := flags.String("base-url", "", "the `URL` the site in -out was built for, if not site.toml's base_url")
	if code := parse(flags, args, 0); code >= 0 {
		return code
	}

	project, err := newProject(*root)
	if err != nil {
		fmt.Fprintf(stderr, "gen check: %v\n", err)
		return 1
	}
	project.Drafts = site.CheckDrafts
	if *drafts {
		project.Drafts = site.PublishDrafts
	}
	var problems []diag.Diagnostic
	builder := site.NewBuilder(project)
	s, err := builder.Stream(func(output.File) {}) // every page is rendered, to find template errors, and none is kept
	var failure *diag.Failure
	switch {
	case errors.As(err, &failure):
		problems = failure.Diagnostics
	case err != nil:
		fmt.Fprintf(stderr, "gen check: %v\n", err)
		return 1
	default:
		problems = s.Warnings
	}
	printReports(stderr, project.Reports(problems))
	for _, a := range builder.Drafts() {
		fmt.Fprintf(stdout, "Draft: content/articles/%s.md: %q (gen build leaves it out)\n", a.Slug, a.Title)
	}
	errs, warns := diag.Count(problems, diag.Error), diag.Count(problems, diag.Warning)
	failed := failure != nil || (*strict && len(problems) > 0)

	if *out != "" {
		dir := inRoot(*root, *out)
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			fmt.Fprintf(stderr, "gen check: no built site in %s: run gen build first\n", dir)
			return 1
		}
		base := *baseURL
		if base == "" && s != nil {
			base = s.Briefing.Site.BaseURL
		}
		root := render.RootPath(base)
		var res linkcheck.Result
		site, err := projectfs.Open(dir) // the same rule as for sources: no links out, no pipes
		if err == nil {
			defer site.Close()
			res, err = linkcheck.Check(site, root)
		}
		if err != nil {
			fmt.Fprintf(stderr, "gen check: %s: %v\n", dir, err)
			return 1
		}
		for _, b := range res.Broken {
			fmt.Fprintf(stderr, "%s/%s\n", dir, b)
		}
		fmt.Fprintf(stdout, "Links: %d pages, %d links checked, %d broken in %s\n", res.Pages, res.Links, len(res.Broken), dir)
		failed = failed || len(res.Broken) > 0 || res.Pages == 0
		if res.Pages == 0 {
			fmt.Fprintf(stderr, "gen check: no pages in %s; run gen build first\n", dir)
		}
	}
	fmt.Fprintf(stdout, "Content: %s, %s\n", errs, warns)
	if failed {
		return 1
	}
	return 0
}
