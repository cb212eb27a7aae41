package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/briefing-gen/gen/internal/importer"
)

func importCmd(args []string, stdout, stderr io.Writer) int {
	flags := newFlags("import", `Usage: gen import [-root DIR] FILE|-

Makes a draft article (draft: true) from a plain-text file, a Markdown file
or a saved web page (.html), or from standard input with -. From a web page
it keeps the article alone, not the navigation or advertising around it,
and fills the front matter from the page's metadata: title, source (the
site's name), authors, date, address and summary. The paragraphs become
Markdown. It writes content/articles/<slug>.md, the slug made from the
title, and never overwrites a file (it tries <slug>-2 and on). It reads
only the file given: nothing is fetched from the network. Then it runs
gen annotate -w on the draft, which adds the annotations it can tell
(known actors, topics' keywords, attributed quotations) and lists what is
left to the writer; -annotate=false leaves the draft as imported.
`, args, stdout, stderr)
	root := flags.String("root", ".", "project `folder`")
	annotate := flags.Bool("annotate", true, "annotate the draft with gen annotate -w")
	if code := parse(flags, args, 1); code >= 0 {
		return code
	}
	if flags.NArg() != 1 {
		flags.Usage()
		return 2
	}
	name := flags.Arg(0)
	var data []byte
	var err error
	if name == "-" {
		data, err = io.ReadAll(os.Stdin)
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		fmt.Fprintf(stderr, "gen import: %v\n", err)
		return 1
	}
	if info, err := os.Stat(filepath.Join(*root, "content")); err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "gen import: %s has no content folder, so it is not a briefing project: run gen import in one, or point -root at one\n", *root)
		return 1
	}
	draft, err := importer.Import(importer.Detect(name, data), data)
	if err != nil {
		fmt.Fprintf(stderr, "gen import: %s: %v\n", name, err)
		return 1
	}
	path, err := importer.Write(*root, draft, time.Now())
	if err != nil {
		fmt.Fprintf(stderr, "gen import: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "Created %s (a draft: gen serve shows it, gen build leaves it out until you remove draft: true)\n", path)
	if !*annotate {
		return 0
	}
	if code := annotateCmd([]string{"-root", *root, "-w", path}, stdout, stderr); code != 0 {
		fmt.Fprintf(stderr, "gen import: the draft is written, but gen annotate could not annotate it; fix what it says, then run gen annotate -w %s\n", path)
		return code
	}
	return 0
}
