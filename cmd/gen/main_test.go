package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// copyProject copies the shipped briefing (site.toml and content/) into a
// temporary project folder.
func copyProject(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"site.toml", "content"} {
		err := filepath.Walk(filepath.Join("..", "..", name), func(p string, info os.FileInfo, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(filepath.Join("..", ".."), p)
			if info.IsDir() {
				return os.MkdirAll(filepath.Join(dir, rel), 0o755)
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func gen(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestShippedBriefing builds the briefing the repository ships and checks
// that every quotation in its articles appears on its speaker's page,
// linked to its paragraph.
func TestShippedBriefing(t *testing.T) {
	dir := copyProject(t)
	code, stdout, stderr := gen(t, "build", "-root", dir)
	if code != 0 {
		t.Fatalf("build failed (%d):\n%s", code, stderr)
	}
	if stderr != "" {
		t.Errorf("the shipped briefing should build without warnings:\n%s", stderr)
	}
	if !regexp.MustCompile(`^Built \d+ pages into .* in .*\n$`).MatchString(stdout) {
		t.Errorf("summary line: %q", stdout)
	}
	articles, _ := filepath.Glob(filepath.Join(dir, "content", "articles", "*.md"))
	if len(articles) == 0 {
		t.Fatal("no articles shipped")
	}
	quote := regexp.MustCompile(`\[([^\]]*)\]\(quote:([a-z0-9-]+)[^)]*\)`)
	total := 0
	for _, file := range articles {
		slug := strings.TrimSuffix(filepath.Base(file), ".md")
		src, _ := os.ReadFile(file)
		page := read(t, filepath.Join(dir, "public", "articles", slug, "index.html"))
		for _, m := range quote.FindAllStringSubmatch(string(src), -1) {
			total++
			// Shown without the sentence's own trailing comma.
			text := strings.TrimRight(strings.Trim(m[1], `“”"`), ",;: ")
			speakerPage := read(t, filepath.Join(dir, "public", "actors", m[2], "index.html"))
			i := strings.Index(speakerPage, "<blockquote>“"+htmlEscape(text)+"”</blockquote>")
			if i < 0 {
				t.Errorf("quote %q is not on %s's page", text, m[2])
				continue
			}
			link := regexp.MustCompile(`href="../../articles/` + slug + `/index.html#(p\d+)"`).FindStringSubmatch(speakerPage[i:])
			if link == nil {
				t.Errorf("quote %q on %s's page does not link to its paragraph", text, m[2])
				continue
			}
			if !strings.Contains(page, `id="`+link[1]+`"`) {
				t.Errorf("quote %q links to #%s, which %s lacks", text, link[1], slug)
			}
		}
	}
	if total < 15 {
		t.Errorf("found %d quotes in the shipped articles; the seed article has well over a dozen", total)
	}
	for _, want := range []string{"index.html", "timeline/index.html", "topics/minerals-deal/index.html",
		"topics/security-guarantees/index.html", "topics/negotiation-format/index.html", "actors/bessent/index.html"} {
		if _, err := os.Stat(filepath.Join(dir, "public", want)); err != nil {
			t.Errorf("missing page %s", want)
		}
	}
	actors, _ := filepath.Glob(filepath.Join(dir, "content", "actors", "*.md"))
	for _, a := range actors {
		id := strings.TrimSuffix(filepath.Base(a), ".md")
		if _, err := os.Stat(filepath.Join(dir, "public", "actors", id, "index.html")); err != nil {
			t.Errorf("no page for actor %s", id)
		}
	}
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "'", "&#39;", "<", "&lt;", ">", "&gt;", `"`, "&#34;").Replace(s)
}

func read(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestFailedBuildKeepsPreviousSite breaks the content after a good build
// and checks that the failing build reports every problem and leaves the
// published folder exactly as it was.
func TestFailedBuildKeepsPreviousSite(t *testing.T) {
	dir := copyProject(t)
	if code, _, stderr := gen(t, "build", "-root", dir); code != 0 {
		t.Fatalf("first build failed:\n%s", stderr)
	}
	before := snapshot(t, filepath.Join(dir, "public"))

	articles, _ := filepath.Glob(filepath.Join(dir, "content", "articles", "*.md"))
	src := read(t, articles[0])
	broken := strings.Replace(src, "(actor:zelensky)", "(actor:zelenksy)", 1)
	broken = strings.Replace(broken, "(topic:minerals-deal)", "(topic:mineral-deal)", 1)
	if err := os.WriteFile(articles[0], []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	time.Sleep(10 * time.Millisecond) // let a rewrite show in modification times
	code, stdout, stderr := gen(t, "build", "-root", dir)
	if code != 1 {
		t.Fatalf("exit code %d, want 1", code)
	}
	if stdout != "" {
		t.Errorf("a failed build printed a summary: %q", stdout)
	}
	for _, want := range []string{`unknown actor "zelenksy"`, `did you mean "zelensky"?`, `unknown topic "mineral-deal"`, "2 errors;", "left unchanged"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if !regexp.MustCompile(`content/articles/[a-z0-9-]+\.md:\d+:\d+: unknown actor`).MatchString(stderr) {
		t.Errorf("errors do not read file:line:col:\n%s", stderr)
	}
	unchanged(t, before, snapshot(t, filepath.Join(dir, "public")))
}

// unchanged fails the test unless two snapshots hold the same files.
func unchanged(t *testing.T, before, after map[string]fileState) {
	t.Helper()
	if len(after) != len(before) {
		t.Errorf("%d files, now %d", len(before), len(after))
	}
	for name, b := range before {
		if after[name] != b {
			t.Errorf("%s changed", name)
		}
	}
}

type fileState struct {
	size    int64
	modTime time.Time
	content string
}

func snapshot(t *testing.T, dir string) map[string]fileState {
	t.Helper()
	files := map[string]fileState{}
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		files[p] = fileState{info.Size(), info.ModTime(), string(data)}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestHelp(t *testing.T) {
	code, stdout, _ := gen(t, "help")
	if code != 0 || !strings.Contains(stdout, "gen build") {
		t.Errorf("gen help: %d %q", code, stdout)
	}
	for _, args := range [][]string{{"build", "-h"}, {"help", "build"}} {
		code, stdout, _ := gen(t, args...)
		if code != 0 || !strings.Contains(stdout, "-base-url") || !strings.Contains(stdout, "-root") || !strings.Contains(stdout, "-out") {
			t.Errorf("gen %v: %d %q", args, code, stdout)
		}
	}
	if code, _, stderr := gen(t, "build", "-base-url", "example.org"); code != 2 || !strings.Contains(stderr, "not an absolute http(s) address") {
		t.Errorf("a relative base URL should be refused: %d %q", code, stderr)
	}
	if code, _, _ := gen(t, "biuld"); code != 2 {
		t.Errorf("an unknown command should exit 2")
	}
}

// TestShippedBriefingIsABriefing checks what issue 5 promises a reader of
// the shipped briefing: positions, the stance matrix, an honest timeline
// and co-mentions.
func TestShippedBriefingIsABriefing(t *testing.T) {
	dir := copyProject(t)
	if code, _, stderr := gen(t, "build", "-root", dir); code != 0 {
		t.Fatal(stderr)
	}
	public := filepath.Join(dir, "public")
	for _, topic := range []string{"minerals-deal", "security-guarantees", "negotiation-format"} {
		page := read(t, filepath.Join(public, "topics", topic, "index.html"))
		if n := strings.Count(page, `class="position"`); n < 2 {
			t.Errorf("%s shows positions of %d actors, want at least 2", topic, n)
		}
	}

	stances := read(t, filepath.Join(public, "stances/index.html"))
	// The stances the shipped actors' files record, each with its summary.
	for _, want := range []string{
		`zelensky/index.html#stance-on-minerals-deal`, `zelensky/index.html#stance-on-security-guarantees`,
		`kellogg/index.html#stance-on-negotiation-format`, `hughes/index.html#stance-on-minerals-deal`, `orynchak/index.html#stance-on-minerals-deal`,
		`<span class="stance-label stance-conditional">Conditional`, `<span class="stance-label stance-opposes">Opposes`,
		"Zelensky did not let his ministers sign the US draft",
	} {
		if !strings.Contains(stances, want) {
			t.Errorf("the positions page lacks %s", want)
		}
	}
	cells := regexp.MustCompile(`(?s)<td>(.*?)</td>`).FindAllStringSubmatch(stances, -1)
	filled := 0
	for _, c := range cells {
		if strings.TrimSpace(c[1]) == "" {
			continue
		}
		filled++
		if !strings.HasPrefix(strings.TrimSpace(c[1]), `<a href="../actors/`) {
			t.Errorf("a non-empty cell does not link: %s", c[1])
		}
	}
	if filled < 10 || filled == len(cells) {
		t.Errorf("%d of %d cells filled: want many, and empty ones empty", filled, len(cells))
	}

	timeline := read(t, filepath.Join(public, "timeline/index.html"))
	for _, want := range []string{
		`<li id="zelensky-vance-meeting" class="event"`,
		`<time class="date" datetime="2025-02-14">14 February 2025</time>`,
		`<time class="date" datetime="2025-02-15">15 February 2025</time>`,
		`<time class="date" datetime="2025-02-14">14–16 February 2025</time>`,
	} {
		if !strings.Contains(timeline, want) {
			t.Errorf("timeline lacks %s", want)
		}
	}
	pending := strings.Index(timeline, `<h2 id="when_pending">Pending</h2>`)
	if pending < 0 || strings.Index(timeline, `id="ukraine-counter-proposal"`) < pending {
		t.Errorf("the counter-proposal should be under Pending")
	}

	zelensky := read(t, filepath.Join(public, "actors/zelensky/index.html"))
	list := regexp.MustCompile(`(?s)<ul class="plain comentions">(.*?)</ul>`).FindStringSubmatch(zelensky)
	if list == nil || strings.Count(list[1], "<li>") < 3 || !strings.Contains(list[1], `<a href="../../actors/vance/index.html">JD Vance</a>`) {
		t.Errorf("Zelensky's page should list the actors named with him, Vance among them")
	}
}
