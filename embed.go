// Package briefing holds the default templates, static files and
// translations that are built into the gen binary. A project's own
// templates/ and static/ override them file by file, its i18n/ files
// message by message.
package briefing

import (
	"embed"
	"io/fs"
)

//go:embed templates static i18n
var defaults embed.FS

// Templates are the default page templates.
func Templates() fs.FS { return sub("templates") }

// Static are the default stylesheet, icons and scripts.
func Static() fs.FS { return sub("static") }

// Translations are the interface's words, one file a language: en.toml…
func Translations() fs.FS { return sub("i18n") }

func sub(dir string) fs.FS {
	f, err := fs.Sub(defaults, dir)
	if err != nil {
		panic(err) // the folder is embedded at compile time
	}
	return f
}
