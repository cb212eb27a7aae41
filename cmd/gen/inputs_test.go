package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const article = "content/articles/zelensky-rejects-us-minerals-proposal.md"

// edit rewrites a file of the project in dir.
func edit(t *testing.T, dir, name string, change func(string) string) {
	t.Helper()
	p := filepath.Join(dir, name)
	data, err := os.ReadFile(p)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(change(string(data))), 0o644); err != nil {
		t.Fatal(err)
	}
}

func replace(old, new string) func(string) string {
	return func(s string) string {
		if !strings.Contains(s, old) {
			panic("fixture lacks " + old)
		}
		return strings.Replace(s, old, new, 1)
	}
}

// TestBadInputs feeds each kind of mistake a writer makes to a build of the
// shipped briefing. Each must be reported in plain words at its place, and
// leave the site from the last good build exactly as it was.
func TestBadInputs(t *testing.T) {
	cases := []struct {
		name   string
		break_ func(t *testing.T, dir string)
		wants  []string // in stderr, as regular expressions
	}{
		{"malformed YAML", func(t *testing.T, dir string) {
			edit(t, dir, "content/actors/vance.md", replace("kind: person", "kind: person: vice"))
		}, []string{`content/actors/vance\.md:3:1: malformed YAML front matter: mapping values are not allowed`, `hint: check the YAML syntax`}},
		{"malformed TOML", func(t *testing.T, dir string) {
			edit(t, dir, "content/topics/extra.md", func(string) string { return "+++\ntitle = \"Extra\"\nsummary = unquoted\n+++\nText.\n" })
		}, []string{`content/topics/extra\.md:3:11: malformed TOML front matter`}},
		{"malformed JSON", func(t *testing.T, dir string) {
			edit(t, dir, "content/topics/extra.md", func(string) string { return "{\n  \"title\": \"Extra\",\n  \"summary\": oops\n}\n\nText.\n" })
		}, []string{`content/topics/extra\.md:3:14: malformed JSON front matter: invalid character 'o'`}},
		{"a date that is not a date", func(t *testing.T, dir string) {
			edit(t, dir, article, replace(`date: "2025-02-12"`, `date: "12 Feb"`))
		}, []string{article + `:\d+:12: field "date": "12 Feb" is not a date`, `accepted forms: "2025", "2025-02", "2025-02-14"`}},
		{"unknown actor", func(t *testing.T, dir string) {
			edit(t, dir, article, replace("[Brian Hughes](actor:hughes)", "[Brian Hughes](actor:hugehs)"))
		}, []string{article + `:\d+:\d+: unknown actor "hugehs"`, `\[Brian Hughes\]\(actor:hugehs\)`, `did you mean "hughes"\?`}},
		{"unknown topic", func(t *testing.T, dir string) {
			edit(t, dir, article, replace("(topic:minerals-deal)", "(topic:minerals-dael)"))
		}, []string{`unknown topic "minerals-dael"`, `did you mean "minerals-deal"\?`}},
		{"unknown event", func(t *testing.T, dir string) {
			edit(t, dir, article, replace("(event:bessent-kyiv-visit)", "(event:bessent-kiev-visit)"))
		}, []string{`unknown event "bessent-kiev-visit"`, `did you mean "bessent-kyiv-visit"\?`}},
		{"quote with empty text", func(t *testing.T, dir string) {
			edit(t, dir, article, replace("[“recover”](quote:hughes?topic=minerals-deal)", "[](quote:hughes?topic=minerals-deal)"))
		}, []string{`:\d+:\d+: quote has no text`}},
		{"quote with no speaker", func(t *testing.T, dir string) {
			edit(t, dir, article, replace("(quote:hughes?topic=minerals-deal)", "(quote:?topic=minerals-deal)"))
		}, []string{`:\d+:\d+: quote annotation has no id`}},
		// Another article may update an event (issue 12); one article declares it once.
		{"an event declared twice in one article", func(t *testing.T, dir string) {
			edit(t, dir, "content/articles/zz-later.md", func(string) string {
				return "---\ntitle: Second\npublished: \"2025-02-16\"\nevents:\n  - id: kyiv-again\n    date: \"2025-02-12\"\n    title: Again\n  - id: kyiv-again\n    date: \"2025-02-12\"\n    title: Again\n---\n[Again](event:kyiv-again)\n"
			})
		}, []string{`content/articles/zz-later\.md:8:9: event "kyiv-again" is declared twice in this article`, `first declared at content/articles/zz-later\.md:5:9`}},
		{"an id that climbs out with ../", func(t *testing.T, dir string) {
			edit(t, dir, article, replace("(actor:hughes)", "(actor:../../etc/passwd)"))
		}, []string{`invalid actor id "\.\./\.\./etc/passwd"`, `lowercase letters a-z, digits and hyphens`}},
		{"an id with a slash", func(t *testing.T, dir string) {
			edit(t, dir, article, replace("- id: bessent-kyiv-visit", "- id: bessent/kyiv"))
		}, []string{`invalid event id "bessent/kyiv"`}},
		{"a file name that is not an id", func(t *testing.T, dir string) {
			edit(t, dir, "content/actors/Jane_Doe.md", func(string) string { return "---\nname: Jane Doe\nkind: person\n---\n" })
		}, []string{`content/actors/Jane_Doe\.md: file name "Jane_Doe" is not a valid id`}},
		{"not UTF-8", func(t *testing.T, dir string) {
			edit(t, dir, "content/actors/vance.md", replace("JD Vance", "JD V\xe4nce"))
		}, []string{`content/actors/vance\.md:2:11: file is not valid UTF-8 text`, `save the file as UTF-8`}},
		{"an empty file", func(t *testing.T, dir string) {
			edit(t, dir, "content/actors/nobody.md", func(string) string { return "\n" })
		}, []string{`content/actors/nobody\.md:1:1: file is empty`}},
		{"a symbolic link out of the project", func(t *testing.T, dir string) {
			outside := filepath.Join(t.TempDir(), "secret.md")
			if err := os.WriteFile(outside, []byte("---\nname: Secret\nkind: person\n---\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(outside, filepath.Join(dir, "content/actors/secret.md")); err != nil {
				t.Fatal(err)
			}
		}, []string{`content/actors/secret\.md: symbolic link points outside the project`}},
		{"a template syntax error", func(t *testing.T, dir string) {
			edit(t, dir, "templates/topic.html", func(string) string { return "{{define \"main\"}}\n<h1>{{.Topic.Title}</h1>\n{{end}}\n" })
		}, []string{`templates/topic\.html:2:\d+: bad character U\+007D`}},
		{"a template calling a missing field", func(t *testing.T, dir string) {
			edit(t, dir, "templates/topic.html", func(string) string { return "{{define \"main\"}}\n<h1>{{.Topic.Headline}}</h1>\n{{end}}\n" })
		}, []string{`templates/topic\.html:2:\d+: .*can't evaluate field Headline`}},
		// Every page changes, so pages rendered before the failing one are
		// already staged on disk when it fails: they must not land.
		{"a template failing after other pages were written", func(t *testing.T, dir string) {
			edit(t, dir, "site.toml", replace("title = \"", "title = \"New: "))
			edit(t, dir, "templates/topic.html", func(string) string { return "{{define \"main\"}}\n<h1>{{.Topic.Headline}}</h1>\n{{end}}\n" })
		}, []string{`templates/topic\.html:2:\d+: .*can't evaluate field Headline`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := copyProject(t)
			if code, _, stderr := gen(t, "build", "-root", dir); code != 0 {
				t.Fatalf("the first build failed:\n%s", stderr)
			}
			before := snapshot(t, filepath.Join(dir, "public"))
			c.break_(t, dir)
			code, stdout, stderr := gen(t, "build", "-root", dir)
			if code != 1 || stdout != "" {
				t.Errorf("exit %d, stdout %q; want 1 and nothing", code, stdout)
			}
			for _, want := range append(c.wants, `left unchanged`) {
				if !regexp.MustCompile(want).MatchString(stderr) {
					t.Errorf("stderr lacks %s:\n%s", want, stderr)
				}
			}
			unchanged(t, before, snapshot(t, filepath.Join(dir, "public")))
		})
	}
}

// TestInputsThatAreFine checks inputs that look odd but must build as if
// they were ordinary: the pages come out the same.
func TestInputsThatAreFine(t *testing.T) {
	ref := copyProject(t)
	if code, _, stderr := gen(t, "build", "-root", ref); code != 0 {
		t.Fatal(stderr)
	}
	cases := map[string]func(string) string{
		"byte-order mark": func(s string) string { return "\ufeff" + s },
		"CRLF line ends":  func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") },
	}
	for name, change := range cases {
		t.Run(name, func(t *testing.T) {
			dir := copyProject(t)
			edit(t, dir, article, change)
			edit(t, dir, "content/actors/vance.md", change)
			if code, _, stderr := gen(t, "build", "-root", dir); code != 0 || stderr != "" {
				t.Fatalf("exit %d:\n%s", code, stderr)
			}
			for _, page := range []string{"articles/zelensky-rejects-us-minerals-proposal/index.html", "actors/vance/index.html", "timeline/index.html"} {
				if read(t, filepath.Join(dir, "public", page)) != read(t, filepath.Join(ref, "public", page)) {
					t.Errorf("%s differs from the build of the plain file", page)
				}
			}
		})
	}
	t.Run("unknown field is a warning with a did-you-mean", func(t *testing.T) {
		dir := copyProject(t)
		edit(t, dir, "content/actors/vance.md", replace("role:", "rol:"))
		code, _, stderr := gen(t, "build", "-root", dir)
		if code != 0 || !strings.Contains(stderr, `content/actors/vance.md:4:1: warning: unknown field "rol" is ignored`) || !strings.Contains(stderr, `did you mean "role"?`) {
			t.Errorf("exit %d:\n%s", code, stderr)
		}
	})
	t.Run("an article of 10 MB", func(t *testing.T) {
		dir := copyProject(t)
		paragraph := "[Zelensky](actor:zelensky) spoke about [the deal](topic:minerals-deal) and [“a quote”](quote:zelensky) at length, " +
			strings.Repeat("with many more words in the paragraph ", 20) + "\n\n"
		body := strings.Repeat(paragraph, 10<<20/len(paragraph)+1)
		edit(t, dir, "content/articles/long.md", func(string) string {
			return "---\ntitle: Long\npublished: \"2025-02-20\"\n---\n" + body
		})
		code, _, stderr := gen(t, "build", "-root", dir)
		if code != 0 {
			t.Fatalf("exit %d:\n%.2000s", code, stderr)
		}
		page := read(t, filepath.Join(dir, "public/articles/long/index.html"))
		if !strings.Contains(page, `id="p10000"`) {
			t.Errorf("the long article lost paragraphs")
		}
	})
}
