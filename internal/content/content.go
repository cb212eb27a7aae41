// Package content reads a briefing's source files: front matter (YAML,
// TOML or JSON) and the Markdown body, keeping every byte offset so
// problems can be reported at file:line:col.
//
// github.com/adrg/frontmatter finds the front matter by its delimiters:
// --- for YAML, +++ for TOML, ;;; or a bare { ... } for JSON. Each format's
// decoder gives the values, and the same decoder's parser gives where each
// key and value is written:
//
//   - YAML: go.yaml.in/yaml/v3 parses the text once into a node tree,
//     which is decoded into values; each node's line and column place it.
//   - TOML: github.com/pelletier/go-toml/v2 decodes the values; its
//     unstable parser reads the text again and gives each key and value
//     its byte range. site.toml is read the same way.
//   - JSON: encoding/json decodes the values; a json.Decoder reads the
//     tokens again, and its input offset places each one.
//
// A field's key is placed at its first character, an opening quote
// included. A value is placed at the first character of its text, inside
// quotes; a list or inline table at its bracket or brace; a YAML block
// mapping at its first key; a TOML [table] or [[array of tables]] item at
// its header's opening bracket. Meta.Pos(key) is the key's place, and
// Meta.Pos(key, text) the place of the first item of the key's list
// written as text, or of the key's single value. Meta.List gives each item
// its own place, so positions inside one item never land in another.
//
// The front matter as a whole is placed at its first line. Where a
// decoder records no place, a field is placed at the nearest value that
// has one: YAML fields merged with <<, the inside of a YAML alias (placed
// at the alias), and a TOML list inside a list (at the enclosing list).
//
// Decoding errors are reported where the decoder found them. TOML and
// JSON give a line and a column. YAML's syntax errors and repeated keys
// give a line only, reported at column 1; a list or text where fields
// belong is placed at its first character. Columns count characters, as
// editors do, not bytes.
//
// It knows file syntax only. What the fields mean belongs to the model.
package content

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/adrg/frontmatter"

	"github.com/briefing-gen/gen/internal/diag"
)

// Document is one parsed source file.
type Document struct {
	Path  string // as shown in messages, e.g. content/articles/x.md
	Src   []byte // the file, with CRLF line endings and a BOM removed
	Lines *diag.Lines

	// Meta is the decoded front matter; empty when there is none.
	Meta Meta

	// Body is the Markdown after the front matter; BodyOffset is where it
	// starts in Src, so body offsets map back to file positions.
	Body       []byte
	BodyOffset int
}

// Parse splits src into front matter and body. Problems go to list; the
// returned Document is always usable, with empty Meta when the front
// matter could not be read.
func Parse(path string, src []byte, list *diag.List) *Document {
	src = normalize(src)
	doc := &Document{Path: path, Src: src, Lines: diag.NewLines(path, src)}
	doc.Meta = Meta{doc: doc, fields: map[string]any{}, at: &place{}}
	if !utf8.Valid(src) {
		bad := invalidUTF8(src)
		list.Errorf(doc.Lines.Pos(bad), "save the file as UTF-8 in your editor", "file is not valid UTF-8 text")
		doc.Meta.unreadable = true
		return doc
	}

	var raw rawMatter
	rest, err := frontmatter.Parse(bytes.NewReader(src), &raw, raw.formats()...)
	if err != nil {
		// The library fails only while decoding, which rawMatter never does,
		// or on a read error, which a byte reader never gives.
		list.Errorf(doc.Lines.Pos(0), "", "cannot read front matter: %v", err)
		doc.Meta.unreadable = true
		return doc
	}
	doc.BodyOffset = len(src) - len(rest)
	doc.Body = src[doc.BodyOffset:] // the same bytes as rest, without holding a second copy of every body
	if raw.format == "" {
		if delim := firstLine(src); delim == "---" || delim == "+++" || delim == ";;;" {
			list.Errorf(doc.Lines.Pos(0), "close the front matter with a line holding only "+delim,
				"front matter is opened with %s but never closed", delim)
			doc.Body, doc.BodyOffset = nil, len(src)
			doc.Meta.unreadable = true
		}
		return doc
	}
	start := matterStart(src, raw.format == "JSON" && firstLine(src) == "{")
	fields, at, problem := decode(raw.format, raw.data, start)
	doc.Meta.fields, doc.Meta.at = fields, at
	if problem != nil {
		first := doc.Lines.Pos(start).Line
		msg := laterLine.ReplaceAllStringFunc(problem.msg, func(m string) string {
			n, _ := strconv.Atoi(strings.TrimPrefix(m, "at line "))
			return fmt.Sprintf("at line %d", first+n-1)
		})
		list.Errorf(doc.Lines.Pos(start+problem.offset), "check the "+raw.format+" syntax near this line (quote values that contain ':' or '#')",
			"malformed %s front matter: %s", raw.format, msg)
		doc.Meta.unreadable = true
	}
	return doc
}

// laterLine finds a second line number in a decoder's message, such as
// YAML's "already defined at line 2", to restate it as a file line.
var laterLine = regexp.MustCompile(`at line \d+`)

// normalize removes a byte-order mark and turns CRLF and a lone CR (old
// Mac files) into LF. All keep line numbers as editors count them, and
// columns stay as an editor shows them; diag.Snippet reads lines the same way.
func normalize(src []byte) []byte {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(src, '\r') >= 0 {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
		src = bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
	}
	return src
}

func invalidUTF8(src []byte) int {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return 0
}

// matterStart is the offset of the front matter's first byte: the line
// after the opening delimiter, or the delimiter itself for bare JSON.
func matterStart(src []byte, delimIncluded bool) int {
	start := len(src) - len(bytes.TrimLeft(src, "\n"))
	if delimIncluded {
		return start
	}
	if nl := bytes.IndexByte(src[start:], '\n'); nl >= 0 {
		return start + nl + 1
	}
	return len(src)
}

func firstLine(src []byte) string {
	src = bytes.TrimLeft(src, "\n")
	line, _, _ := bytes.Cut(src, []byte("\n"))
	return strings.TrimSpace(string(line))
}

// rawMatter captures the front matter's bytes and format instead of
// decoding them, so decoding errors can carry file positions.
type rawMatter struct {
	format string
	data   []byte
}

func (r *rawMatter) formats() []*frontmatter.Format {
	capture := func(format string) frontmatter.UnmarshalFunc {
		return func(data []byte, _ any) error {
			r.format, r.data = format, data
			return nil
		}
	}
	json := frontmatter.NewFormat("{", "}", capture("JSON"))
	json.UnmarshalDelims, json.RequiresNewLine = true, true
	return []*frontmatter.Format{
		frontmatter.NewFormat("---", "---", capture("YAML")),
		frontmatter.NewFormat("+++", "+++", capture("TOML")),
		frontmatter.NewFormat(";;;", ";;;", capture("JSON")),
		json,
	}
}

// ParseConfig reads a whole file of TOML settings, such as site.toml.
func ParseConfig(path string, src []byte, list *diag.List) *Document {
	src = normalize(src)
	doc := &Document{Path: path, Src: src, Lines: diag.NewLines(path, src), BodyOffset: len(src)}
	fields, at, problem := decode("TOML", src, 0)
	doc.Meta = Meta{doc: doc, fields: fields, at: at}
	if problem != nil {
		list.Errorf(doc.Lines.Pos(problem.offset), "check the TOML syntax: text values need quotes", "malformed settings: %s", problem.msg)
		doc.Meta.unreadable = true
	}
	return doc
}
