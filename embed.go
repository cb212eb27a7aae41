// Package briefing holds the default templates and static files that are
// built into the gen binary. A project's own templates/ and static/
// override them file by file.
package briefing

import (
	"embed"
	"io/fs"
)

//go:embed templates static
var defaults embed.FS

// Templates are the default page templates.
func Templates() fs.FS { return sub("templates") }

// Static are the default stylesheet, icons and scripts.
func Static() fs.FS { return sub("static") }

func sub(dir string) fs.FS {
	f, err := fs.Sub(defaults, dir)
	if err != nil {
		panic(err) // the folder is embedded at compile time
	}
	return f
}
