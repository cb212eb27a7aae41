package content

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/briefing-gen/gen/internal/dates"
	"github.com/briefing-gen/gen/internal/diag"
)

// Meta reads typed fields out of decoded front matter, reporting missing
// or mistyped fields at their place in the file.
//
// Decoders keep no positions for YAML, TOML and JSON alike, so a field is
// located by finding its text in the front matter, starting from the
// enclosing value (anchor). That is exact for keys and ids, which is what
// errors point at.
type Meta struct {
	doc        *Document
	list       *diag.List
	fields     map[string]any
	start, end int  // front matter bytes in doc.Src
	anchor     int  // where this value's text starts
	unreadable bool // the front matter failed to decode, already reported
}

// ReportTo returns m reporting problems to list. Reading fields is a
// later stage than parsing the file, with a list of its own.
func (m Meta) ReportTo(list *diag.List) Meta {
	m.list = list
	return m
}

// Pos is the position of key in the file, or of the value after it when
// value is given; the value's start (anchor) when not found.
func (m Meta) Pos(key string, value ...string) diag.Pos {
	from := max(m.anchor, m.start)
	at := m.findKey(from, key, "")
	if at < 0 {
		at = from
	}
	for _, v := range value {
		if i := m.findWord(at, v); i >= 0 {
			at = i
		}
	}
	return m.doc.Lines.Pos(at)
}

// findKey finds where key is written as a field name ("key:", "key =",
// "\"key\":"), with the given value when value is not empty, at or after
// from. It returns -1 when there is none.
func (m Meta) findKey(from int, key, value string) int {
	src := m.doc.Src[:m.end]
	if key == "" {
		key = `""` // an empty key can only be written quoted, and must not match everywhere
	}
	for at := from; at < len(src); {
		i := bytes.Index(src[at:], []byte(key))
		if i < 0 {
			return -1
		}
		start := at + i
		at = start + len(key)
		if start > 0 && !isKeyBoundary(src[start-1]) {
			continue
		}
		rest := bytes.TrimLeft(src[at:], "\"' \t")
		if len(rest) == 0 || (rest[0] != ':' && rest[0] != '=') {
			continue
		}
		if value != "" {
			v := bytes.TrimLeft(rest[1:], "\"' \t")
			if !bytes.HasPrefix(v, []byte(value)) || (len(v) > len(value) && isIDByte(v[len(value)])) {
				continue
			}
		}
		return start
	}
	return -1
}

// findWord finds text standing as a whole word (not inside a longer id)
// at or after from, or -1.
func (m Meta) findWord(from int, text string) int {
	src := m.doc.Src[:m.end]
	for at := from; at < len(src) && text != ""; {
		i := bytes.Index(src[at:], []byte(text))
		if i < 0 {
			return -1
		}
		start, end := at+i, at+i+len(text)
		at = end
		if (start == 0 || !isIDByte(src[start-1])) && (end == len(src) || !isIDByte(src[end])) {
			return start
		}
	}
	return -1
}

func isKeyBoundary(c byte) bool {
	return c == '\n' || c == ' ' || c == '\t' || c == '{' || c == ',' || c == '-' || c == '"' || c == '\''
}

func isIDByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
}

// Start is the position of the front matter, for problems with it as a
// whole (such as a missing field).
func (m Meta) Start() diag.Pos {
	at := max(m.anchor, m.start)
	for at < m.end && (m.doc.Src[at] == ' ' || m.doc.Src[at] == '\t' || m.doc.Src[at] == '-') {
		at++ // to the first field of a list item: "  - id: x"
	}
	return m.doc.Lines.Pos(at)
}

// String reads a text field. A missing required field is an error.
func (m Meta) String(key string, required bool) string {
	v, ok := m.fields[key]
	if !ok || v == nil {
		if required && !m.unreadable {
			m.list.Errorf(m.Start(), fmt.Sprintf("add a line such as `%s: ...`", key),
				"missing required field %q", key)
		}
		return ""
	}
	s, ok := scalar(v)
	if !ok {
		m.list.Errorf(m.Pos(key), "write it as a single line of text", "field %q must be text, not %s", key, kindOf(v))
		return ""
	}
	s = strings.TrimSpace(s)
	if required && s == "" {
		m.list.Errorf(m.Pos(key), "", "field %q is empty", key)
	}
	if i := strings.IndexFunc(s, isControl); i >= 0 {
		m.list.Errorf(m.Pos(key), "delete the invisible character; retype the text if unsure", "field %q holds a control character (U+%04X)", key, []rune(s[i:])[0])
		return strings.Map(func(r rune) rune {
			if isControl(r) {
				return -1
			}
			return r
		}, s)
	}
	return s
}

// Strings reads a list of text; a single text value is a list of one.
func (m Meta) Strings(key string) []string {
	v, ok := m.fields[key]
	if !ok || v == nil {
		return nil
	}
	if s, ok := scalar(v); ok {
		return []string{strings.TrimSpace(s)}
	}
	items, ok := v.([]any)
	if !ok {
		m.list.Errorf(m.Pos(key), "write a list such as [a, b]", "field %q must be a list of text, not %s", key, kindOf(v))
		return nil
	}
	var out []string
	for _, item := range items {
		s, ok := scalar(item)
		if !ok {
			m.list.Errorf(m.Pos(key), "", "field %q must hold text only, found %s", key, kindOf(item))
			continue
		}
		out = append(out, strings.TrimSpace(s))
	}
	return out
}

// Date reads a date in one of the forms of package dates.
func (m Meta) Date(key string, required bool) (dates.Date, bool) {
	s := m.String(key, required)
	if s == "" {
		return dates.Date{}, false
	}
	d, err := dates.Parse(s)
	if err != nil {
		m.list.Errorf(m.Pos(key), dates.Forms, "field %q: %v", key, err)
		return dates.Date{}, false
	}
	return d, true
}

// Bool reads a true/false field.
func (m Meta) Bool(key string) bool {
	v, ok := m.fields[key]
	if !ok {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		m.list.Errorf(m.Pos(key), "write true or false", "field %q must be true or false, not %s", key, kindOf(v))
	}
	return b
}

// List reads a list of tables (such as events). Each item's text is found
// from its idKey value, so positions inside it point at the right item;
// hint names the fields an item needs, for one that is not a table.
func (m Meta) List(key, idKey, hint string) []Meta {
	v, ok := m.fields[key]
	if !ok || v == nil {
		return nil
	}
	items, ok := v.([]any)
	if !ok {
		if tables, isTables := v.([]map[string]any); isTables { // TOML arrays of tables
			for _, t := range tables {
				items = append(items, t)
			}
		} else {
			m.list.Errorf(m.Pos(key), "", "field %q must be a list, not %s", key, kindOf(v))
			return nil
		}
	}
	var out []Meta
	at := m.findKey(max(m.anchor, m.start), key, "")
	if at < 0 {
		at = max(m.anchor, m.start)
	}
	for _, item := range items {
		fields, ok := item.(map[string]any)
		if !ok {
			m.list.Errorf(m.doc.Lines.Pos(at), hint, "field %q must list tables, found %s", key, kindOf(item))
			continue
		}
		sub := Meta{doc: m.doc, list: m.list, fields: fields, start: m.start, end: m.end, anchor: at}
		if id, ok := scalar(fields[idKey]); ok && id != "" {
			if found := m.findKey(at, idKey, id); found >= 0 {
				// From the start of the id's line, so Pos finds the item's
				// own keys: "- id: x" in YAML, "id = 'x'" in TOML.
				sub.anchor = bytes.LastIndexByte(m.doc.Src[:found], '\n') + 1
				at = found + len(idKey)
			}
		}
		out = append(out, sub)
	}
	return out
}

// WarnUnknown warns about keys outside known, suggesting the closest.
func (m Meta) WarnUnknown(known ...string) {
	var keys []string
	for k := range m.fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !slices.Contains(known, k) {
			hint := diag.Suggest(k, known)
			if hint == "" {
				hint = "known fields: " + strings.Join(known, ", ")
			}
			m.list.Warnf(m.Pos(k), hint, "unknown field %q is ignored", k)
		}
	}
}

// isControl reports characters that have no place in text: control codes
// other than tab and newline.
func isControl(r rune) bool {
	return unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r'
}

// scalar turns what the three decoders produce for a single value into
// text: YAML and TOML turn unquoted dates and numbers into typed values.
func scalar(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case int:
		return strconv.Itoa(v), true
	case int64:
		return strconv.FormatInt(v, 10), true
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64), true
	case time.Time:
		if v.Hour() == 0 && v.Minute() == 0 && v.Second() == 0 {
			return v.Format("2006-01-02"), true
		}
		return v.Format(time.RFC3339), true
	}
	return "", false
}

func kindOf(v any) string {
	switch v.(type) {
	case []any, []map[string]any:
		return "a list"
	case map[string]any:
		return "a table"
	case bool:
		return "true/false"
	case nil:
		return "nothing"
	}
	return fmt.Sprintf("%T", v)
}
