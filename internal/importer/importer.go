// Package importer is gen import: it turns a plain-text file, a Markdown
// file or a saved web page into a draft article (draft: true), with the
// front matter filled as far as the input tells: the title, and from a web
// page's metadata the source (site name), author, date, address and
// summary. A web page's article is found by readability
// (codeberg.org/readeck/go-readability), which drops the navigation,
// advertising and comments around it. Paragraphs become Markdown
// paragraphs, with the characters Markdown would take as syntax escaped,
// so the text reads as it was. Nothing is fetched from the network.
package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Draft is an article as imported, before it is written.
type Draft struct {
	Title     string
	Source    string
	URL       string
	Published string // "2025-02-15", or "" when the input does not say
	Authors   []string
	Summary   string
	Body      string // Markdown, paragraphs separated by blank lines
}

// Kind is the form of an input.
type Kind int

const (
	Text Kind = iota
	Markdown
	HTML
)

// Detect tells the kind of an input by its file name's extension, or,
// without one (standard input), by its first bytes.
func Detect(name string, data []byte) Kind {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return HTML
	case ".md", ".markdown":
		return Markdown
	case ".txt", ".text":
		return Text
	}
	head := strings.ToLower(string(bytes.TrimSpace(data[:min(len(data), 512)])))
	if strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") || strings.HasPrefix(head, "<?xml") {
		return HTML
	}
	return Text
}

// Import reads data, of the kind given, into a draft.
func Import(kind Kind, data []byte) (Draft, error) {
	switch kind {
	case HTML:
		return FromHTML(data)
	case Markdown:
		return FromMarkdown(data), nil
	}
	return FromText(data), nil
}

// FromText reads plain text: paragraphs are separated by blank lines, and
// a first paragraph of one short line is the title.
func FromText(data []byte) Draft {
	paras := paragraphs(string(data))
	var d Draft
	if len(paras) > 1 && !strings.Contains(paras[0], "\n") && len([]rune(paras[0])) <= 150 {
		d.Title, paras = paras[0], paras[1:]
	}
	var body []string
	for _, p := range paras {
		body = append(body, escape(strings.Join(strings.Fields(p), " ")))
	}
	d.Body = strings.Join(body, "\n\n")
	return d
}

// FromMarkdown reads Markdown: a first "# " heading is the title, and the
// rest is kept as written. Front matter the file has is dropped: the
// draft's own is written from what it says of the title.
func FromMarkdown(data []byte) Draft {
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	if strings.HasPrefix(text, "---\n") {
		if end := strings.Index(text[4:], "\n---\n"); end >= 0 {
			front := text[4 : 4+end]
			text = text[4+end+5:]
			var d Draft
			for _, line := range strings.Split(front, "\n") {
				if v, ok := strings.CutPrefix(line, "title:"); ok {
					d.Title = unquote(strings.TrimSpace(v))
				}
			}
			rest := FromMarkdown([]byte(text))
			if d.Title == "" {
				d.Title = rest.Title
			}
			rest.Title = d.Title
			return rest
		}
	}
	var d Draft
	lines := strings.Split(strings.TrimSpace(text), "\n")
	if len(lines) > 0 && strings.HasPrefix(lines[0], "# ") {
		d.Title = strings.TrimSpace(strings.TrimPrefix(lines[0], "# "))
		lines = lines[1:]
	}
	d.Body = strings.TrimSpace(strings.Join(lines, "\n"))
	return d
}

func unquote(s string) string {
	if u, err := strconv.Unquote(s); err == nil {
		return u
	}
	return strings.Trim(s, `'"`)
}

// paragraphs splits text at blank lines.
func paragraphs(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var out []string
	for _, p := range strings.Split(text, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// escape makes text a Markdown paragraph that shows as the text: the
// characters that would start links, emphasis, code or HTML are escaped,
// and so is a start that would make a heading, list or quote.
func escape(text string) string {
	var b strings.Builder
	for _, r := range text {
		switch r {
		case '\\', '[', ']', '*', '_', '`', '<', '>', '|':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	s := b.String()
	if s != "" && strings.ContainsRune("#-+=", rune(s[0])) {
		s = `\` + s
	}
	if i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }); i > 0 && (s[i] == '.' || s[i] == ')') {
		s = s[:i] + `\` + s[i:] // "1984. The year" is no list
	}
	return s
}

// Slug is a valid id made from a title: lowercase letters and digits
// joined by single hyphens, cut at a word to about 60 characters.
func Slug(title string) string {
	var words []string
	var w strings.Builder
	flush := func() {
		if w.Len() > 0 {
			words = append(words, w.String())
			w.Reset()
		}
	}
	for _, r := range strings.ToLower(title) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			w.WriteRune(r)
		case r == '\'' || r == '’':
		default:
			if folded, ok := fold[r]; ok {
				w.WriteString(folded)
			} else {
				flush()
			}
		}
	}
	flush()
	slug := ""
	for _, word := range words {
		if slug != "" && len(slug)+1+len(word) > 60 {
			break
		}
		if slug != "" {
			slug += "-"
		}
		slug += word
	}
	if slug == "" || slug == "page" { // "page" is the one id an article cannot have
		slug = "imported"
	}
	return slug
}

// fold spells the accented letters of Latin scripts without accents.
var fold = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ä': "a", 'ã': "a", 'å': "a", 'ç': "c", 'è': "e", 'é': "e", 'ê': "e", 'ë': "e",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ñ': "n", 'ò': "o", 'ó': "o", 'ô': "o", 'ö': "o", 'õ': "o", 'ø': "o",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ý': "y", 'ÿ': "y", 'ß': "ss", 'æ': "ae", 'œ': "oe",
}

// Markdown is the draft's file: front matter with draft: true and every
// field the input gave, then the body. A field the input did not give is
// left as a comment saying so, and published, which gen needs, is today's
// date then.
func (d Draft) Markdown(today time.Time) []byte {
	var b strings.Builder
	b.WriteString("---\n")
	title := d.Title
	if title == "" {
		title = "Untitled import"
		b.WriteString("# The input gave no title: write the headline.\n")
	}
	fmt.Fprintf(&b, "title: %s\n", strconv.Quote(title))
	field := func(name, value, missing string) {
		if value != "" {
			fmt.Fprintf(&b, "%s: %s\n", name, strconv.Quote(value))
		} else {
			fmt.Fprintf(&b, "# %s: %s\n", name, missing)
		}
	}
	field("source", d.Source, `"" # the publication; the input did not name it`)
	field("url", d.URL, `"" # the address of the original; the input did not give it`)
	if d.Published != "" {
		fmt.Fprintf(&b, "published: %q\n", d.Published)
	} else {
		fmt.Fprintf(&b, "# The input gave no date: today's stands in, as gen needs one.\npublished: %q\n", today.Format("2006-01-02"))
	}
	if len(d.Authors) > 0 {
		b.WriteString("authors:\n")
		for _, a := range d.Authors {
			fmt.Fprintf(&b, "  - %s\n", strconv.Quote(a))
		}
	}
	field("summary", d.Summary, `"" # one or two sentences`)
	b.WriteString("# Imported: annotate it, then remove this line to publish it.\ndraft: true\n---\n")
	b.WriteString(d.Body)
	b.WriteString("\n")
	return []byte(b.String())
}

// Write writes the draft to content/articles/<slug>.md in the project
// folder root, the slug made from its title, and returns that path. It
// never overwrites a file: when the slug is taken it tries slug-2,
// slug-3 and on.
func Write(root string, d Draft, today time.Time) (string, error) {
	dir := filepath.Join(root, "content", "articles")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	base := Slug(d.Title)
	data := d.Markdown(today)
	for n := 1; n < 1000; n++ {
		slug := base
		if n > 1 {
			slug = fmt.Sprintf("%s-%d", base, n)
		}
		name := filepath.Join(dir, slug+".md")
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		if _, err := f.Write(data); err != nil {
			f.Close()
			return "", err
		}
		return name, f.Close()
	}
	return "", fmt.Errorf("%s: every name from %s.md to %s-999.md is taken", dir, base, base)
}
