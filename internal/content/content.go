// Package content reads a briefing's source files: front matter (YAML,
// TOML or JSON, through github.com/adrg/frontmatter) and the Markdown body,
// keeping every byte offset so problems can be reported at file:line:col.
//
// It knows file syntax only. What the fields mean belongs to the model.
package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/adrg/frontmatter"
	"gopkg.in/yaml.v3"

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
	doc.Meta = Meta{doc: doc, fields: map[string]any{}}
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
	doc.Meta.start, doc.Meta.end = start, start+len(raw.data)
	fields, err := decode(raw.format, raw.data)
	if err != nil {
		line, col, msg := errorPosition(raw.format, raw.data, err)
		pos := doc.Lines.Pos(start)
		first := pos.Line
		pos.Line, pos.Col = first+line-1, col
		msg = laterLine.ReplaceAllStringFunc(msg, func(m string) string {
			n, _ := strconv.Atoi(strings.TrimPrefix(m, "at line "))
			return fmt.Sprintf("at line %d", first+n-1)
		})
		list.Errorf(pos, "check the "+raw.format+" syntax near this line (quote values that contain ':' or '#')",
			"malformed %s front matter: %s", raw.format, msg)
		doc.Meta.unreadable = true
		return doc
	}
	doc.Meta.fields = fields
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

func decode(format string, data []byte) (map[string]any, error) {
	fields := map[string]any{}
	var err error
	switch format {
	case "YAML":
		err = yaml.Unmarshal(data, &fields)
	case "TOML":
		err = toml.Unmarshal(data, &fields)
	case "JSON":
		err = json.Unmarshal(data, &fields)
	}
	if fields == nil { // an empty YAML document
		fields = map[string]any{}
	}
	return fields, err
}

// errorPosition finds the 1-based line and column, within data, of a
// decoding error, and the message without the decoder's own position.
func errorPosition(format string, data []byte, err error) (line, col int, msg string) {
	var tomlErr toml.ParseError
	var jsonErr *json.SyntaxError
	var jsonType *json.UnmarshalTypeError
	var yamlType *yaml.TypeError
	switch {
	case errors.As(err, &tomlErr):
		return tomlErr.Position.Line, tomlErr.Position.Col, tomlErr.Message
	case errors.As(err, &jsonErr):
		// The decoder's offset is just past the offending byte.
		l, c := lineCol(data, int(jsonErr.Offset)-1)
		return l, c, jsonErr.Error()
	case errors.As(err, &jsonType):
		return 1, 1, "front matter must be a set of fields in { }"
	case errors.As(err, &yamlType):
		// "line N: mapping key "title" already defined at line M"; a list
		// or text instead of fields reads "cannot unmarshal !!seq ...".
		first := yamlType.Errors[0]
		if strings.Contains(first, "cannot unmarshal") {
			return 1, 1, "front matter must be fields (key: value), not a list or text"
		}
		return yamlLine(first, 1)
	}
	if format == "YAML" {
		return yamlLine(strings.TrimPrefix(err.Error(), "yaml: "), 1)
	}
	return 1, 1, err.Error()
}

// yamlLine splits yaml.v3's "line N: message" into N and the message,
// turning any "at line M" inside it into a file line too. YAML reports no
// columns.
func yamlLine(msg string, fallback int) (line, col int, text string) {
	line = fallback
	if _, err := fmt.Sscanf(msg, "line %d:", &line); err == nil {
		_, msg, _ = strings.Cut(msg, ": ")
	}
	return line, 1, msg
}

func lineCol(data []byte, offset int) (int, int) {
	offset = min(max(offset, 0), len(data))
	before := data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	col := utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return line, col
}

// ParseConfig reads a whole file of TOML settings, such as site.toml.
func ParseConfig(path string, src []byte, list *diag.List) *Document {
	src = normalize(src)
	doc := &Document{Path: path, Src: src, Lines: diag.NewLines(path, src), BodyOffset: len(src)}
	doc.Meta = Meta{doc: doc, fields: map[string]any{}, end: len(src)}
	fields, err := decode("TOML", src)
	if err != nil {
		line, col, msg := errorPosition("TOML", src, err)
		list.Errorf(diag.Pos{File: path, Line: line, Col: col}, "check the TOML syntax: text values need quotes", "malformed settings: %s", msg)
		doc.Meta.unreadable = true
		return doc
	}
	doc.Meta.fields = fields
	return doc
}
