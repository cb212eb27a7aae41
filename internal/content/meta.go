package content

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/pelletier/go-toml/v2"

	"github.com/briefing-gen/gen/internal/dates"
	"github.com/briefing-gen/gen/internal/diag"
)

// Meta reads typed fields out of decoded front matter, reporting missing
// or mistyped fields at their place in the file, as the decoder's parser
// recorded it (see the package doc).
type Meta struct {
	doc        *Document
	list       *diag.List
	fields     map[string]any
	at         *place // where fields and each key and value in them are written
	unreadable bool   // the front matter failed to decode, already reported
}

// ReportTo returns m reporting problems to list. Reading fields is a
// later stage than parsing the file, with a list of its own.
func (m Meta) ReportTo(list *diag.List) Meta {
	m.list = list
	return m
}

// Pos is the position of key in the file. Each value given then moves to
// the key's value: to the first item of a list that is written as that
// text, or to the text of a single value. A key without a recorded place
// is at Start.
func (m Meta) Pos(key string, value ...string) diag.Pos {
	p := m.at.field(key)
	if p == nil {
		return m.Start()
	}
	at, v := p.key, m.fields[key]
	for _, text := range value {
		if items, isList := v.([]any); isList {
			i := slices.IndexFunc(items, func(item any) bool {
				s, ok := scalar(item)
				return ok && strings.TrimSpace(s) == text
			})
			if i < 0 || i >= len(p.items) {
				break
			}
			p, v = p.items[i], items[i]
		}
		at = p.value
	}
	return m.doc.Lines.Pos(at)
}

// Start is the position of the fields as a whole, for problems such as a
// missing field: the front matter's first line, or a list item's start.
func (m Meta) Start() diag.Pos {
	return m.doc.Lines.Pos(m.at.value)
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

// List reads a list of tables (such as events), each item placed where
// it is written; hint names the fields an item needs, for one that is not
// a table. idKey, the field naming an item, is no longer needed to place
// items; it stays so that callers need not change.
func (m Meta) List(key, idKey, hint string) []Meta {
	v, ok := m.fields[key]
	if !ok || v == nil {
		return nil
	}
	items, ok := v.([]any)
	if !ok {
		m.list.Errorf(m.Pos(key), "", "field %q must be a list, not %s", key, kindOf(v))
		return nil
	}
	list := m.at.field(key)
	if list == nil {
		list = m.at
	}
	var out []Meta
	for i, item := range items {
		at := list // an alias, which has no places inside
		if i < len(list.items) {
			at = list.items[i]
		}
		fields, ok := item.(map[string]any)
		if !ok {
			m.list.Errorf(m.Pos(key), hint, "field %q must list tables, found %s", key, kindOf(item))
			continue
		}
		out = append(out, Meta{doc: m.doc, list: m.list, fields: fields, at: at})
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
	case toml.LocalDate, toml.LocalTime, toml.LocalDateTime:
		return fmt.Sprint(v), true
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
	case []any:
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
