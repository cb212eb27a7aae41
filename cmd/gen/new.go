package main

import (
	"fmt"
	"io"
	"time"

	"briefing/internal/scaffold"
)

func newFile(args []string, stdout, stderr io.Writer) int {
	flags := newFlags("new", `Usage: gen new [-root DIR] article|actor|topic ID

Starts content/<kind>s/ID.md with every field, each explained in a comment,
and today's date where one belongs. It never overwrites a file.
`, args, stdout, stderr)
	root := flags.String("root", ".", "project `folder`")
	if code := parse(flags, args, 2); code >= 0 {
		return code
	}
	if flags.NArg() != 2 {
		flags.Usage()
		return 2
	}
	path, err := scaffold.New(*root, flags.Arg(0), flags.Arg(1), time.Now())
	if err != nil {
		fmt.Fprintf(stderr, "gen new: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "Created %s\n", path)
	return 0
}
