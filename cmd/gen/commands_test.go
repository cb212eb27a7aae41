package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestNewWritesFilesThatBuild(t *testing.T) {
	dir := copyProject(t)
	for _, args := range [][]string{{"article", "kellogg-interview"}, {"actor", "jane-doe"}, {"topic", "sanctions"}} {
		code, stdout, stderr := gen(t, append([]string{"new", "-root", dir}, args...)...)
		if code != 0 || !strings.Contains(stdout, "Created ") {
			t.Fatalf("gen new %v: %d %s %s", args, code, stdout, stderr)
		}
	}
	article := read(t, filepath.Join(dir, "content/articles/kellogg-interview.md"))
	for _, want := range []string{`title: "Kellogg Interview"`, `published: "` + time.Now().Format("2006-01-02") + `"`, "# The dated events", "events:\n#  - id: kellogg-interview-event"} {
		if !strings.Contains(article, want) {
			t.Errorf("new article lacks %q:\n%s", want, article)
		}
	}
	if actor := read(t, filepath.Join(dir, "content/actors/jane-doe.md")); !strings.Contains(actor, `name: "Jane Doe"`) || !strings.Contains(actor, "kind: person") {
		t.Errorf("new actor:\n%s", actor)
	}
	if code, _, stderr := gen(t, "build", "-root", dir); code != 0 || strings.Contains(stderr, "error") {
		t.Errorf("a project with new files should build: %d\n%s", code, stderr)
	}

	// Uncommenting the example event, as its comment says, gives valid YAML.
	edit(t, dir, "content/articles/kellogg-interview.md", func(s string) string {
		s = strings.ReplaceAll(s, "\n#  ", "\n  ")
		return strings.NewReplacer("[actor-id]", "[kellogg]", "[topic-id]", "[negotiation-format]").Replace(s) + "\n[Reported](event:kellogg-interview-event).\n"
	})
	if code, _, stderr := gen(t, "build", "-root", dir); code != 0 {
		t.Errorf("the uncommented example event should build: %d\n%s", code, stderr)
	}
}

func TestNewRefusesToOverwriteOrUseBadIDs(t *testing.T) {
	dir := copyProject(t)
	before := read(t, filepath.Join(dir, "content/actors/vance.md"))
	if code, _, stderr := gen(t, "new", "-root", dir, "actor", "vance"); code != 1 || !strings.Contains(stderr, "already exists") {
		t.Errorf("overwrite: %d %s", code, stderr)
	}
	if read(t, filepath.Join(dir, "content/actors/vance.md")) != before {
		t.Errorf("an existing file was changed")
	}
	for _, id := range []string{"../escape", "Jane", "a/b", "with space"} {
		if code, _, stderr := gen(t, "new", "-root", dir, "actor", id); code != 1 || !strings.Contains(stderr, "not a valid id") {
			t.Errorf("id %q: %d %s", id, code, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "escape.md")); !os.IsNotExist(err) {
		t.Errorf("a file was written outside content/")
	}
	if code, _, stderr := gen(t, "new", "-root", dir, "event", "x"); code != 1 || !strings.Contains(stderr, "unknown kind") {
		t.Errorf("unknown kind: %d %s", code, stderr)
	}
}

func TestCheck(t *testing.T) {
	dir := copyProject(t)
	code, stdout, stderr := gen(t, "check", "-root", dir)
	if code != 0 || !strings.Contains(stdout, "Content: 0 errors, 0 warnings") {
		t.Fatalf("clean project: %d %q %q", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Errorf("gen check wrote the site")
	}

	edit(t, dir, "content/actors/vance.md", replace("role:", "rol:"))
	if code, stdout, _ := gen(t, "check", "-root", dir); code != 0 || !strings.Contains(stdout, "1 warning") {
		t.Errorf("a warning alone should pass: %d %q", code, stdout)
	}
	if code, _, _ := gen(t, "check", "-root", dir, "-strict"); code != 1 {
		t.Errorf("-strict should fail on a warning, got %d", code)
	}
	edit(t, dir, "content/actors/vance.md", replace("rol:", "role:"))

	edit(t, dir, article, replace("(actor:vance)", "(actor:vanse)"))
	code, stdout, stderr = gen(t, "check", "-root", dir)
	if code != 1 || !strings.Contains(stderr, `unknown actor "vanse"`) || !strings.Contains(stdout, "Content: 1 error") {
		t.Errorf("an error should fail: %d %q %q", code, stdout, stderr)
	}
	edit(t, dir, article, replace("(actor:vanse)", "(actor:vance)"))

	if code, _, stderr := gen(t, "build", "-root", dir); code != 0 {
		t.Fatal(stderr)
	}
	if code, stdout, stderr := gen(t, "check", "-root", dir, "-out", "public"); code != 0 || !strings.Contains(stdout, " 0 broken") {
		t.Errorf("built site: %d %q %q", code, stdout, stderr)
	}
	if err := os.Remove(filepath.Join(dir, "public/actors/vance/index.html")); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = gen(t, "check", "-root", dir, "-out", "public")
	if code != 1 || !strings.Contains(stderr, `"../vance/index.html": no such file`) && !strings.Contains(stderr, `actors/vance/index.html": no such file`) {
		t.Errorf("a missing page should be reported: %d\n%s", code, stderr)
	}
}

func TestVerboseExplainsRelativeDates(t *testing.T) {
	dir := copyProject(t)
	edit(t, dir, "content/articles/later.md", func(string) string {
		return "---\ntitle: Later\npublished: \"2025-02-15\"\nevents:\n  - id: later-meeting\n    date: friday\n    title: A meeting\n---\n[It happened](event:later-meeting).\n"
	})
	code, stdout, stderr := gen(t, "build", "-root", dir, "-v")
	if code != 0 || !strings.Contains(stdout, `content/articles/later.md: event later-meeting: "friday" is 14 February 2025: the last Friday on or before publication (15 February 2025, a Saturday)`) {
		t.Errorf("%d\n%s\n%s", code, stdout, stderr)
	}
	if timeline := read(t, filepath.Join(dir, "public/timeline/index.html")); !strings.Contains(timeline, `<time class="date" datetime="2025-02-14">14 February 2025</time>`) {
		t.Errorf("the timeline should show the resolved date")
	}
	edit(t, dir, "content/articles/later.md", replace(`published: "2025-02-15"`, `published: "2025-02"`))
	if code, _, stderr := gen(t, "build", "-root", dir); code != 1 || !strings.Contains(stderr, `"friday" counts from the article's publication day, and published (2025-02) gives no single day`) {
		t.Errorf("a relative date needs a publication day: %d\n%s", code, stderr)
	}
}

func TestProgressOnlyOnATerminalAfterASecond(t *testing.T) {
	var out bytes.Buffer
	quiet := newProgress(&out) // a buffer is no terminal
	quiet.update(1, 10)
	quiet.clear()
	if out.Len() != 0 {
		t.Errorf("progress written to a non-terminal: %q", out.String())
	}

	shown := &progress{w: &out, start: time.Now().Add(-2 * time.Second), enabled: true}
	shown.update(4200, 10559)
	shown.update(4300, 10559) // within 100 ms: not redrawn
	shown.update(10559, 10559)
	shown.clear()
	if got := out.String(); got != "\rRendering pages: 4200 of 10559\rRendering pages: 10559 of 10559\r\033[K" {
		t.Errorf("progress output %q", got)
	}
}
