package i18n

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"github.com/briefing-gen/gen/internal/dates"
	"github.com/briefing-gen/gen/internal/diag"
)

// Load makes the catalog of lang: the built-in English, over it the
// built-in file of lang, over that the project's i18n/<lang>.toml
// (project is the project's i18n folder; nil for none). Problems in the
// project's file go to list, positioned; a language no file has, a
// warning.
func Load(project fs.FS, lang string, list *diag.List) *Catalog {
	tag, err := language.Parse(lang)
	if err != nil {
		tag = language.English
	}
	c := &Catalog{lang: lang, tag: tag, messages: map[string]*message{}}
	english, err := readFile(Builtin(), "en.toml")
	if err != nil {
		panic(err) // built in, and checked by the tests
	}
	c.add(english)

	found := lang == "en"
	for _, name := range fileNames(lang, tag) {
		if name == "en.toml" {
			break // English is in already
		}
		if file, err := readFile(Builtin(), name); err == nil {
			c.add(file)
			found = true
			break
		}
	}
	if project != nil {
		for _, name := range fileNames(lang, tag) {
			src, err := fs.ReadFile(project, name)
			if err != nil {
				continue
			}
			found = true
			if file := checkProjectFile("i18n/"+name, src, english, list); file != nil {
				c.add(file)
			}
			break
		}
	}
	if !found {
		list.Warnf(diag.Pos{File: "site.toml"}, "add i18n/"+lang+".toml with the messages of gen's i18n/en.toml in "+lang+"; docs/authoring.md, Languages, says how",
			"there is no translation for language %q: the pages' interface is in English", lang)
	}
	if m := c.messages["number_group"]; m != nil && len(m.forms[plural.Other]) == 1 {
		c.group = m.forms[plural.Other][0].text
	}
	c.dates = dates.NewLayout(c)
	return c
}

// fileNames are the files that may hold lang, the most specific first:
// pt-BR.toml, then pt.toml.
func fileNames(lang string, tag language.Tag) []string {
	names := []string{lang + ".toml"}
	if base, conf := tag.Base(); conf != language.No && base.String() != lang {
		names = append(names, base.String()+".toml")
	}
	return names
}

// file is a translation file's messages, resolved.
type file map[string]*message

func (c *Catalog) add(f file) {
	for id, m := range f {
		c.messages[id] = m
	}
}

// readFile reads a built-in file; an error means there is none, or it is
// broken, which the tests catch.
func readFile(fsys fs.FS, name string) (file, error) {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	messages, err := parse(src, name)
	if err != nil {
		return nil, err
	}
	out := file{}
	for _, m := range messages {
		r, err := resolve(m)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", name, m.ID, err)
		}
		out[m.ID] = r
	}
	return out, nil
}

// parse reads a TOML translation file with go-i18n.
func parse(src []byte, name string) ([]*goi18n.Message, error) {
	mf, err := goi18n.ParseMessageFileBytes(src, name, map[string]goi18n.UnmarshalFunc{"toml": toml.Unmarshal})
	if err != nil {
		return nil, err
	}
	return mf.Messages, nil
}

// checkProjectFile reads a project's translation file, reporting what is
// wrong with it at its place; nil when it cannot be read at all.
func checkProjectFile(name string, src []byte, english file, list *diag.List) file {
	lines := diag.NewLines(name, src)
	messages, err := parse(src, name)
	if err != nil {
		pos := diag.Pos{File: name}
		var perr toml.ParseError
		if errors.As(err, &perr) {
			pos = lines.Pos(perr.Position.Start)
			err = errors.New(perr.Message)
		}
		list.Errorf(pos, `a message is key = "text", or a table of plural forms: [key] one = "…" other = "…"`,
			"%s cannot be read: %v", name, err)
		return nil
	}
	known := make([]string, 0, len(english))
	for id := range english {
		known = append(known, id)
	}
	slices.Sort(known)
	out := file{}
	for _, m := range messages {
		pos := keyPos(lines, src, m.ID)
		want := english[m.ID]
		if want == nil {
			hint := "only the keys of gen's i18n/en.toml are shown"
			if s := diag.Suggest(m.ID, known); s != "" {
				hint = s
			}
			list.Warnf(pos, hint, "no page shows the message %q", m.ID)
			continue
		}
		r, err := resolve(m)
		if err != nil {
			list.Warnf(pos, "write an argument as {{.Name}}, and nothing else between {{ and }}; the built-in text is shown", "message %q: %v", m.ID, err)
			continue
		}
		if extra := unknownArgs(r, want); len(extra) > 0 {
			list.Warnf(pos, "the message can use "+argList(want)+"; the built-in text is shown", "message %q uses {{.%s}}, which it is not given", m.ID, extra[0])
			continue
		}
		out[m.ID] = r
	}
	return out
}

// keyPos is where a key is written: `key =` or `[key]`.
func keyPos(lines *diag.Lines, src []byte, id string) diag.Pos {
	re := regexp.MustCompile(`(?m)^[ \t]*(?:\[[ \t]*)?("?` + regexp.QuoteMeta(id) + `"?)[ \t]*(?:\]|=)`)
	if loc := re.FindSubmatchIndex(src); loc != nil {
		return lines.Pos(loc[2])
	}
	return lines.Pos(0)
}

// args are the arguments a message uses.
func args(m *message) []string {
	var out []string
	for _, form := range m.forms {
		for _, p := range form {
			if p.arg != "" && !slices.Contains(out, p.arg) {
				out = append(out, p.arg)
			}
		}
	}
	return out
}

func unknownArgs(m, english *message) []string {
	allowed := args(english)
	var out []string
	for _, a := range args(m) {
		if !slices.Contains(allowed, a) {
			out = append(out, a)
		}
	}
	return out
}

func argList(m *message) string {
	a := args(m)
	if len(a) == 0 {
		return "no arguments"
	}
	return "{{." + strings.Join(a, "}}, {{.") + "}}"
}

// resolve splits each plural form of a message into pieces.
func resolve(m *goi18n.Message) (*message, error) {
	r := &message{}
	forms := map[plural.Form]string{plural.Zero: m.Zero, plural.One: m.One, plural.Two: m.Two, plural.Few: m.Few, plural.Many: m.Many, plural.Other: m.Other}
	for f, text := range forms {
		if text == "" && f != plural.Other {
			continue
		}
		p, err := pieces(text)
		if err != nil {
			return nil, err
		}
		r.forms[f] = p
	}
	return r, nil
}

var argPattern = regexp.MustCompile(`\{\{\s*\.([A-Za-z][A-Za-z0-9]*)\s*\}\}`)

// pieces splits text at its {{.Name}} arguments.
func pieces(text string) ([]piece, error) {
	out := []piece{}
	at := 0
	for _, m := range argPattern.FindAllStringSubmatchIndex(text, -1) {
		if m[0] > at {
			out = append(out, piece{text: text[at:m[0]]})
		}
		out = append(out, piece{arg: text[m[2]:m[3]]})
		at = m[1]
	}
	if at < len(text) || len(out) == 0 {
		out = append(out, piece{text: text[at:]})
	}
	for _, p := range out {
		if p.arg == "" && (strings.Contains(p.text, "{{") || strings.Contains(p.text, "}}")) {
			return nil, fmt.Errorf("%q is not an argument", p.text)
		}
	}
	return out, nil
}
