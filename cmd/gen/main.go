// Command gen builds a briefing site from annotated Markdown.
//
// It is wiring only: flags, then calls into internal/site.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"briefing"
	"briefing/internal/diag"
	"briefing/internal/model"
	"briefing/internal/site"
)

const usage = `gen turns annotated Markdown articles into a linked briefing site.

Usage:
  gen build [-root DIR] [-out DIR] [-base-url URL]   build the site
  gen help [command]                                 show help

Run "gen help build" for the build flags. The authoring reference is
docs/authoring.md.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "build":
		return build(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		if len(args) > 1 && args[1] == "build" {
			return build([]string{"-h"}, stdout, stdout)
		}
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "gen: unknown command %q\n\n%s", args[0], usage)
	return 2
}

func build(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("gen build", flag.ContinueOnError)
	flags.SetOutput(stderr)
	for _, a := range args {
		if a == "-h" || a == "-help" || a == "--help" {
			flags.SetOutput(stdout) // help that was asked for is output, not an error
		}
	}
	root := flags.String("root", ".", "project `folder` holding site.toml and content/")
	out := flags.String("out", "public", "output `folder`; a relative path is inside the project folder")
	baseURL := flags.String("base-url", "", "absolute `URL` the site is published at, for canonical links (overrides base_url in site.toml)")
	flags.Usage = func() {
		fmt.Fprint(flags.Output(), `Usage: gen build [-root DIR] [-out DIR] [-base-url URL]

Builds the briefing in the project folder into the output folder. Content
errors are listed as file:line:col and leave the output folder untouched.
Only files whose bytes changed are rewritten.

Flags:
`)
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "gen build: unexpected argument %q\n", flags.Arg(0))
		return 2
	}
	if *baseURL != "" {
		if err := model.CheckBaseURL(*baseURL); err != nil {
			fmt.Fprintf(stderr, "gen build: -base-url: %v\n", err)
			return 2
		}
	}
	outDir := *out
	if !filepath.IsAbs(outDir) {
		outDir = filepath.Join(*root, outDir)
	}

	start := time.Now()
	project := site.NewProject(os.DirFS(*root), briefing.Templates(), briefing.Static())
	project.BaseURL = *baseURL
	s, err := site.Build(project)
	if err != nil {
		var failure *diag.Failure
		if errors.As(err, &failure) {
			printReports(stderr, project.Reports(failure.Diagnostics))
			fmt.Fprintf(stderr, "gen build: %s; %s left unchanged\n", countErrors(failure.Diagnostics), outDir)
		} else {
			fmt.Fprintf(stderr, "gen build: %v\n", err)
		}
		return 1
	}
	printReports(stderr, project.Reports(s.Warnings))
	stats, err := s.Write(outDir)
	if err != nil {
		fmt.Fprintf(stderr, "gen build: writing %s: %v\n", outDir, err)
		return 1
	}
	fmt.Fprintf(stdout, "Built %d pages into %s in %s (%d files written, %d unchanged, %d removed)\n",
		s.Pages, outDir, time.Since(start).Round(time.Millisecond), stats.Written, stats.Unchanged, stats.Removed)
	return 0
}

// printReports shows problems as the writer needs them: position, message,
// the line with a marker, and the hint.
func printReports(w io.Writer, reports []diag.Report) {
	for _, r := range reports {
		fmt.Fprintln(w, r)
	}
}

func countErrors(items []diag.Diagnostic) string {
	n := 0
	for _, d := range items {
		if d.Severity == diag.Error {
			n++
		}
	}
	if n == 1 {
		return "1 error"
	}
	return fmt.Sprintf("%d errors", n)
}
