package main

import (
	"fmt"
	"io"

	"github.com/briefing-gen/gen/internal/initsite"
)

func initCmd(args []string, stdout, stderr io.Writer) int {
	flags := newFlags("init", `Usage: gen init DIR

Starts a new briefing project in DIR, which must be new or empty (dotfiles
such as .git may be there): a commented site.toml, an example article,
actor and topic to learn from or replace, a README, a .gitignore for what
gen build writes, and .github/workflows/pages.yml, which publishes the site
on GitHub Pages on every push to main, built by this same version of gen.
Also gen new site DIR.
`, args, stdout, stderr)
	if code := parse(flags, args, 1); code >= 0 {
		return code
	}
	if flags.NArg() != 1 {
		flags.Usage()
		return 2
	}
	dir := flags.Arg(0)
	gen := initsite.Running()
	files, err := initsite.Write(dir, gen)
	if err != nil {
		fmt.Fprintf(stderr, "gen init: %v\n", err)
		return 1
	}
	for _, f := range files {
		fmt.Fprintf(stdout, "Created %s/%s\n", dir, f)
	}
	fmt.Fprintf(stdout, "\nA new briefing is in %s. Next:\n  cd %s\n  gen serve    # preview it at http://127.0.0.1:8080/\n  gen build    # the site, into public/\nIts workflow installs %s@%s to publish it on GitHub Pages.\n", dir, dir, gen.Package, gen.Version)
	return 0
}
