package content

import (
	"strings"
	"testing"

	"github.com/briefing-gen/gen/internal/diag"
)

func TestFrontMatterFormats(t *testing.T) {
	cases := map[string]string{
		"YAML":       "---\ntitle: Hello\npublished: 2025-02-14\ntags: [a, b]\n---\nBody\n",
		"TOML":       "+++\ntitle = \"Hello\"\npublished = 2025-02-14\ntags = [\"a\", \"b\"]\n+++\nBody\n",
		"JSON":       "{\n\"title\": \"Hello\",\n\"published\": \"2025-02-14\",\n\"tags\": [\"a\", \"b\"]\n}\n\nBody\n",
		"JSON ;;;":   ";;;\n{\"title\": \"Hello\", \"published\": \"2025-02-14\", \"tags\": [\"a\", \"b\"]}\n;;;\nBody\n",
		"CRLF + BOM": "\ufeff---\r\ntitle: Hello\r\npublished: \"2025-02-14\"\r\ntags: [a, b]\r\n---\r\nBody\r\n",
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			var list diag.List
			doc := Parse("x.md", []byte(src), &list)
			m := doc.Meta.ReportTo(&list)
			if got := m.String("title", true); got != "Hello" {
				t.Errorf("title = %q", got)
			}
			if d, ok := m.Date("published", true); !ok || d.ISO() != "2025-02-14" {
				t.Errorf("published = %v", d)
			}
			if got := strings.Join(m.Strings("tags"), ","); got != "a,b" {
				t.Errorf("tags = %q", got)
			}
			if strings.TrimSpace(string(doc.Body)) != "Body" {
				t.Errorf("body = %q", doc.Body)
			}
			if string(doc.Src[doc.BodyOffset:]) != string(doc.Body) {
				t.Errorf("BodyOffset does not point at the body")
			}
			if items := list.Items(); len(items) > 0 {
				t.Errorf("unexpected problems: %v", items)
			}
		})
	}
}

func TestNoFrontMatter(t *testing.T) {
	var list diag.List
	doc := Parse("x.md", []byte("Just text.\n"), &list)
	if string(doc.Body) != "Just text.\n" || doc.BodyOffset != 0 || len(list.Items()) > 0 {
		t.Errorf("body %q offset %d problems %v", doc.Body, doc.BodyOffset, list.Items())
	}
}

// TestErrorsPointIntoTheFile checks that decoding errors carry the line in
// the file, not in the front matter block, and the column the decoder
// gives, counting characters, not bytes, as editors show them.
func TestErrorsPointIntoTheFile(t *testing.T) {
	cases := map[string]struct{ src, want string }{
		"YAML":           {"---\ntitle: ok\nsummary: a: b\n---\n", "x.md:3:"},
		"TOML":           {"+++\ntitle = \"ok\"\nsummary = unquoted\n+++\n", "x.md:3:"},
		"JSON":           {"{\n\"title\": \"ok\",\n\"summary\": oops\n}\n\n", "x.md:3:"},
		"YAML list":      {"---\n- a\n---\n", "x.md:2:1: malformed YAML front matter: front matter must be fields (key: value), not a list or text"},
		"JSON list":      {";;;\n[1]\n;;;\n", "x.md:2:1: malformed JSON front matter: front matter must be a set of fields in { }"},
		"TOML duplicate": {"+++\ntitle = \"a\"\nkind = \"x\"\ntitle = \"b\"\n+++\n", "x.md:4:1: malformed TOML front matter: key title is already defined"},
		"TOML column":    {"+++\nsummary = \"é\" x\n+++\n", "x.md:2:15: malformed TOML front matter: "},
		"JSON column":    {"{\n\"a\": \"é\" x\n}\n\n", "x.md:2:10: malformed JSON front matter: invalid character 'x'"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			var list diag.List
			Parse("x.md", []byte(c.src), &list)
			items := list.Items()
			format := strings.Fields(name)[0]
			if len(items) != 1 || !strings.HasPrefix(items[0].String(), c.want) || !strings.Contains(items[0].Message, "malformed "+format) ||
				!strings.Contains(items[0].Hint, "check the "+format+" syntax") {
				t.Errorf("got %v, want one error at %s", items, c.want)
			}
		})
	}
}

func TestWrongTypesAndUnknownKeys(t *testing.T) {
	var list diag.List
	doc := Parse("x.md", []byte("---\ntitle: [a, b]\npublished: someday\ntitel: x\n---\n"), &list)
	m := doc.Meta.ReportTo(&list)
	m.String("title", true)
	m.Date("published", true)
	m.WarnUnknown("title", "published")
	got := []string{}
	for _, d := range list.Items() {
		got = append(got, d.String())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		`x.md:2:1: field "title" must be text, not a list`,
		`x.md:3:1: field "published": "someday" is not a date`,
		`accepted forms`,
		`x.md:4:1: warning: unknown field "titel" is ignored`,
		`did you mean "title"?`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("lacks %q in:\n%s", want, all)
		}
	}
}

// TestPositionsFindKeysNotText checks that fields are located by their
// key, not by the same letters elsewhere in the front matter.
func TestPositionsFindKeysNotText(t *testing.T) {
	src := "---\nname: Volodymyr Zelensky\nkind: person\nrole: President of Ukraine\nid: zelensky\nrol: x\n" +
		"events:\n  - id: talks\n    title: talks in kyiv\n  - id: kyiv\n    date: \"2025\"\n---\n"
	var list diag.List
	doc := Parse("x.md", []byte(src), &list)
	m := doc.Meta.ReportTo(&list)
	m.WarnUnknown("name", "kind", "role", "events")
	events := m.List("events", "id", "each item needs fields such as id, date, title")
	if len(events) != 2 {
		t.Fatalf("got %d events", len(events))
	}
	events[1].String("title", true)
	if got := events[1].Pos("date").Line; got != 11 {
		t.Errorf("second event's date found on line %d, want 11", got)
	}
	var got []string
	for _, d := range list.Items() {
		got = append(got, d.String())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		`x.md:5:1: warning: unknown field "id"`,
		`x.md:6:1: warning: unknown field "rol"`,
		`x.md:10:5: missing required field "title"`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("lacks %q in:\n%s", want, all)
		}
	}
}

func TestYAMLDuplicateKeyNamesBothFileLines(t *testing.T) {
	var list diag.List
	Parse("x.md", []byte("---\ntitle: a\nkind: person\ntitle: b\n---\n"), &list)
	items := list.Items()
	if len(items) != 1 || !strings.HasPrefix(items[0].String(), `x.md:4:1: malformed YAML front matter: mapping key "title" already defined at line 2`) {
		t.Errorf("got %v", items)
	}
}

func TestControlCharactersAreRefused(t *testing.T) {
	var list diag.List
	doc := Parse("x.md", []byte("---\ntitle: \"Bell\\a here\"\n---\n"), &list)
	got := doc.Meta.ReportTo(&list).String("title", true)
	items := list.Items()
	if got != "Bell here" || len(items) != 1 || !strings.Contains(items[0].String(), `x.md:2:1: field "title" holds a control character (U+0007)`) {
		t.Errorf("got %q, %v", got, items)
	}
}

// TestEmptyKeyIsReportedNotLooped checks that a JSON field named ""
// gets the usual unknown-field warning at its own line. Locating an
// empty key once looped forever.
func TestEmptyKeyIsReportedNotLooped(t *testing.T) {
	var list diag.List
	doc := Parse("x.md", []byte("{\n\"title\": \"T\",\n\"\": \"2025-02\"\n}\n\nBody\n"), &list)
	doc.Meta.ReportTo(&list).WarnUnknown("title")
	items := list.Items()
	if len(items) != 1 || !strings.HasPrefix(items[0].String(), `x.md:3:1: warning: unknown field ""`) {
		t.Errorf("got %v, want one warning for the empty key on line 3", items)
	}
}

// TestCROnlyLineEndings checks that a file saved with old Mac line endings
// (a lone CR) reads like LF and CRLF, with lines numbered as an editor shows.
func TestCROnlyLineEndings(t *testing.T) {
	var list diag.List
	doc := Parse("x.md", []byte("---\rtitle: Hello\rpublished: someday\r---\rBody\r"), &list)
	m := doc.Meta.ReportTo(&list)
	if got := m.String("title", true); got != "Hello" {
		t.Errorf("title = %q", got)
	}
	m.Date("published", true)
	if strings.TrimSpace(string(doc.Body)) != "Body" {
		t.Errorf("body = %q", doc.Body)
	}
	items := list.Items()
	if len(items) != 1 || !strings.HasPrefix(items[0].String(), `x.md:3:1: field "published"`) {
		t.Errorf("got %v, want one error for published on line 3", items)
	}
}
