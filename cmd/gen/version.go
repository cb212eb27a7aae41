package main

import (
	"fmt"
	"io"

	"github.com/briefing-gen/gen/internal/buildinfo"
)

func versionCmd(args []string, stdout, stderr io.Writer) int {
	flags := newFlags("version", `Usage: gen version

Prints which gen this is: the module version it was installed at (go
install .../cmd/gen@v1.2.3), or, for a gen built in a clone, the commit,
its time and "modified" if the clone had changes; "(devel)" when the
binary does not say. Also gen -version and gen --version.
`, args, stdout, stderr)
	if code := parse(flags, args, 0); code >= 0 {
		return code
	}
	fmt.Fprintln(stdout, "gen", buildinfo.Read())
	return 0
}
