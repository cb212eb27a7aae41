// Package i18n holds the words of a site's interface in the site's
// language (site.toml's language): one TOML file a language,
// i18n/<lang>.toml, in go-i18n's format. A message is a string, or a
// table of its CLDR plural forms (one, few, many, other…) picked by the
// number it counts; {{.Count}} is that number, {{.Name}} any other named
// argument.
//
// The files built into gen (the root package's i18n/) each have exactly
// English's keys, which the tests check. A project's i18n/<lang>.toml
// overrides them key by key, and can add a language gen does not ship; a
// key it lacks keeps the built-in text of the language, else English's. A
// language with no file at all is shown in English, with one warning.
//
// Load resolves every message once, to pieces of text and argument
// names, so that T, called for each string of each page, looks up a map
// and joins pieces; go-i18n's Localizer would parse and run a template a
// call.
package i18n

import (
	"html/template"
	"io/fs"
	"strconv"
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	briefing "github.com/briefing-gen/gen"
	"github.com/briefing-gen/gen/internal/dates"
	"github.com/briefing-gen/gen/internal/diag"
)

// Catalog is one language's messages, ready to use. It is read-only
// after Load, so safe for concurrent use.
type Catalog struct {
	lang     string // the language asked for, as site.toml writes it
	tag      language.Tag
	messages map[string]*message
	group    string // the digit group separator, from number_group
	dates    *dates.Layout
}

// DateLayout is how the language writes dates (dates.Date.Format), read
// once at Load.
func (c *Catalog) DateLayout() *dates.Layout { return c.dates }

// message is one message's text by plural form; forms[plural.Other] is
// always set.
type message struct {
	forms [plural.Many + 1][]piece
}

// piece is literal text, or, when arg is set, a named argument.
type piece struct {
	text string
	arg  string
}

// Lang is the site's language, as site.toml writes it ("uk"), for lang
// attributes: the interface is in it, or in English where no file has it.
func (c *Catalog) Lang() string { return c.lang }

// T is message id with its arguments filled in: an optional leading int,
// the count that picks the plural form ({{.Count}}), then pairs of name
// and value. An int value is written with digit groups; anything else as
// fmt would. An unknown id is returned as it is, so that the page shows
// which is missing.
func (c *Catalog) T(id string, args ...any) string {
	return c.say(id, args, false)
}

// HTML is T for a message some of whose arguments are HTML (a link):
// those are kept as they are, and the message's text and every other
// argument escaped.
func (c *Catalog) HTML(id string, args ...any) template.HTML {
	return template.HTML(c.say(id, args, true))
}

func (c *Catalog) say(id string, args []any, escape bool) string {
	m := c.messages[id]
	if m == nil {
		return id
	}
	count, hasCount := 0, false
	if len(args)%2 == 1 {
		count, hasCount = toInt(args[0])
		args = args[1:]
	}
	pieces := m.forms[plural.Other]
	if hasCount {
		if f := plural.Cardinal.MatchPlural(c.tag, abs(count), 0, 0, 0, 0); m.forms[f] != nil {
			pieces = m.forms[f]
		}
	}
	if len(pieces) == 1 && pieces[0].arg == "" && !escape {
		return pieces[0].text // most messages: no allocation
	}
	var b strings.Builder
	size := 0
	for _, p := range pieces {
		size += len(p.text) + 8 // an argument is a name or a number, mostly
	}
	b.Grow(size)
	for _, p := range pieces {
		if p.arg == "" {
			b.WriteString(maybeEscape(p.text, escape))
			continue
		}
		if p.arg == "Count" && hasCount {
			b.WriteString(c.Number(count))
			continue
		}
		b.WriteString(c.value(p.arg, args, escape))
	}
	return b.String()
}

func (c *Catalog) value(name string, args []any, escape bool) string {
	for i := 0; i+1 < len(args); i += 2 {
		if args[i] != name {
			continue
		}
		switch v := args[i+1].(type) {
		case string:
			return maybeEscape(v, escape)
		case template.HTML:
			return string(v)
		case int:
			return c.Number(v)
		case interface{ String() string }:
			return maybeEscape(v.String(), escape)
		}
		return "" // a value of no kind a message shows
	}
	return "{{." + name + "}}" // the caller gave no such argument: show where
}

func maybeEscape(s string, escape bool) string {
	if escape {
		return template.HTMLEscapeString(s)
	}
	return s
}

func toInt(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	}
	return 0, false
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// Number writes n with the language's digit groups: 1,234 in English,
// 1 234 in Ukrainian and French, 1.234 in German.
func (c *Catalog) Number(n int) string {
	s := strconv.Itoa(n)
	if c.group == "" || n > -1000 && n < 1000 {
		return s
	}
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	var b strings.Builder
	b.WriteString(sign)
	head := len(s) % 3
	if head == 0 {
		head = 3
	}
	b.WriteString(s[:head])
	for i := head; i < len(s); i += 3 {
		b.WriteString(c.group)
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

// Builtin are the translation files built into gen.
func Builtin() fs.FS { return briefing.Translations() }

// English is the built-in English catalog, for tests and callers that
// have no site.
func English() *Catalog {
	var list diag.List
	return Load(nil, "en", &list)
}

// Script is what a page's script needs to say messages itself (the
// search page's counts of results): the language, for the browser's
// Intl.PluralRules, and each message's plural forms by CLDR name, with
// their {{.Name}} arguments as written.
type Script struct {
	Lang     string                       `json:"lang"`
	Messages map[string]map[string]string `json:"messages"`
}

// formName is CLDR's name of a plural form.
func formName(f plural.Form) string {
	switch f {
	case plural.Zero:
		return "zero"
	case plural.One:
		return "one"
	case plural.Two:
		return "two"
	case plural.Few:
		return "few"
	case plural.Many:
		return "many"
	}
	return "other"
}

// Messages are the messages ids, for a page's script; html/template
// writes them as JSON in a <script type="application/json">.
func (c *Catalog) Messages(ids ...string) Script {
	s := Script{Lang: c.tag.String(), Messages: make(map[string]map[string]string, len(ids))}
	for _, id := range ids {
		m := c.messages[id]
		if m == nil {
			continue
		}
		forms := map[string]string{}
		for f, pieces := range m.forms {
			if pieces == nil {
				continue
			}
			var b strings.Builder
			for _, p := range pieces {
				if p.arg != "" {
					b.WriteString("{{." + p.arg + "}}")
				}
				b.WriteString(p.text)
			}
			forms[formName(plural.Form(f))] = b.String()
		}
		s.Messages[id] = forms
	}
	return s
}
