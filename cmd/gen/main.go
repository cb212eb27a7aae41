// Command gen builds a briefing site from annotated Markdown.
//
// It is wiring only: flags, then calls into internal/...
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/briefing-gen/gen/internal/diag"
)

// command is one of gen's subcommands.
type command struct {
	name, args, summary string
	run                 func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"build", "[-root DIR] [-out DIR] [-base-url URL] [-v]", "build the site into public/", build},
		{"serve", "[-root DIR] [-addr HOST:PORT]", "preview the site, rebuilding and reloading on every save", serveCmd},
		{"check", "[-root DIR] [-strict] [-out DIR [-base-url URL]]", "check the content (and a built site) without writing", check},
		{"new", "[-root DIR] article|actor|topic ID [-name NAME] [-kind KIND]", "start a file with every field, commented", newFile},
		{"annotate", "[-root DIR] [-w] [-new-actors] FILE...", "propose the annotations an article lacks, as a diff", annotateCmd},
		{"import", "[-root DIR] FILE|-", "make a draft article from a text, Markdown or saved HTML file", importCmd},
		{"init", "DIR", "start a new briefing project in DIR, with a Pages workflow", initCmd},
		{"version", "", "print gen's version (also gen -version)", versionCmd},
	}
}

func usage() string {
	var b strings.Builder
	b.WriteString("gen turns annotated Markdown articles into a linked briefing site.\n\nUsage:\n")
	for _, c := range commands() {
		fmt.Fprintf(&b, "  gen %-8s %-40s %s\n", c.name, c.args, c.summary)
	}
	b.WriteString("  gen help [command]\n\nRun \"gen help build\" for a command's flags. The authoring reference is\ndocs/authoring.md.\n")
	return b.String()
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage())
		return 2
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "-help" || name == "--help" {
		if len(args) > 1 {
			for _, c := range commands() {
				if c.name == args[1] {
					return c.run([]string{"-h"}, stdout, stdout)
				}
			}
			fmt.Fprintf(stderr, "gen help: unknown command %q\n\n%s", args[1], usage())
			return 2
		}
		fmt.Fprint(stdout, usage())
		return 0
	}
	if name == "-version" || name == "--version" {
		return versionCmd(args[1:], stdout, stderr)
	}
	if name == "new" && len(args) > 1 && args[1] == "site" {
		return initCmd(args[2:], stdout, stderr) // gen new site DIR is gen init DIR
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "gen: unknown command %q\n\n%s", name, usage())
	return 2
}

// newFlags makes a command's flag set. Help that was asked for (-h) goes
// to stdout, as output; usage after a mistake goes to stderr.
func newFlags(name, synopsis string, args []string, stdout, stderr io.Writer) *flag.FlagSet {
	flags := flag.NewFlagSet("gen "+name, flag.ContinueOnError)
	flags.SetOutput(stderr)
	for _, a := range args {
		if a == "-h" || a == "-help" || a == "--help" {
			flags.SetOutput(stdout)
		}
	}
	flags.Usage = func() {
		fmt.Fprint(flags.Output(), synopsis+"\nFlags:\n")
		flags.PrintDefaults()
	}
	return flags
}

// parse parses args, returning the exit code to stop with, or -1 to go on.
func parse(flags *flag.FlagSet, args []string, positional int) int {
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if flags.NArg() > positional {
		fmt.Fprintf(flags.Output(), "%s: unexpected argument %q\n", flags.Name(), flags.Arg(positional))
		return 2
	}
	return -1
}

// printReports shows problems as the writer needs them: position, message,
// the line with a marker, and the hint.
func printReports(w io.Writer, reports []diag.Report) {
	for _, r := range reports {
		fmt.Fprintln(w, r)
	}
}
