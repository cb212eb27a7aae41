package main

import (
	"fmt"
	"io"
	"math"
	"time"

	"github.com/briefing-gen/gen/internal/scaffold"
)

func newFile(args []string, stdout, stderr io.Writer) int {
	flags := newFlags("new", `Usage: gen new [-root DIR] article|actor|topic ID [-name NAME] [-kind KIND]

Starts content/<kind>s/ID.md with every field, each explained in a comment,
and today's date where one belongs. It never overwrites a file. Without
-name, the name (or title) is made from the id: "us-treasury" gives
"US Treasury"; without -kind, an actor's kind is guessed from it (a
treasury or ministry is a government, an association an organisation,
anything else a person). Flags may come before or after the kind and id.
`, args, stdout, stderr)
	root := flags.String("root", ".", "project `folder`")
	name := flags.String("name", "", "the actor's `name`, or the article's or topic's title (default: made from the id)")
	kind := flags.String("kind", "", "the actor's `kind`: person, government, organisation, group or anonymous (default: guessed from the id)")
	// Flags may follow the kind and id: gen new actor us-treasury -kind government.
	var positional []string
	if code := parse(flags, args, math.MaxInt); code >= 0 {
		return code
	}
	for rest := flags.Args(); len(rest) > 0; rest = flags.Args() {
		positional = append(positional, rest[0])
		if code := parse(flags, rest[1:], math.MaxInt); code >= 0 {
			return code
		}
	}
	if len(positional) != 2 {
		flags.Usage()
		return 2
	}
	path, err := scaffold.NewWith(*root, positional[0], positional[1], time.Now(), scaffold.Fields{Name: *name, Kind: *kind})
	if err != nil {
		fmt.Fprintf(stderr, "gen new: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "Created %s\n", path)
	return 0
}
