package qa

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/briefing-gen/gen"
	"github.com/briefing-gen/gen/internal/browsertest"
	"github.com/briefing-gen/gen/internal/overlay"
	"github.com/briefing-gen/gen/internal/site"
)

// build writes the shipped briefing, as GitHub Pages gets it, into a
// temporary folder.
func build(t *testing.T) string {
	t.Helper()
	p := site.NewProject(os.DirFS(Root(t)), briefing.Templates(), briefing.Static())
	p.BaseURL = "https://example.github.io/briefing/"
	out, _ := buildProject(t, p)
	return out
}

// buildProject builds p and writes the site into a temporary folder.
func buildProject(t *testing.T, p site.Project) (string, *site.Site) {
	t.Helper()
	s, err := site.Build(p)
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if _, err := s.Write(out); err != nil {
		t.Fatal(err)
	}
	return out, s
}

// draft is an article marked draft: true, which the checks build too, so
// that the banner and marks gen serve shows drafts with are checked.
const draft = "---\ntitle: An unfinished report\npublished: \"2025-03-01\"\ndraft: true\n---\n[Volodymyr Zelensky](actor:zelensky) has yet to answer.\n"

// buildWithDraft is build with draft added to the shipped briefing and
// shown, as gen serve shows drafts.
func buildWithDraft(t *testing.T) string {
	t.Helper()
	root := overlay.FS{fstest.MapFS{"content/articles/unfinished-report.md": {Data: []byte(draft)}}, os.DirFS(Root(t))}
	p := site.NewProject(root, briefing.Templates(), briefing.Static())
	p.BaseURL, p.Drafts = "https://example.github.io/briefing/", site.ShowDrafts
	out, s := buildProject(t, p)
	if len(s.Drafts) != 1 {
		t.Fatalf("the build shows %d drafts, want 1", len(s.Drafts))
	}
	return out
}

// pageKinds are one page of each kind of the shipped briefing.
var pageKinds = map[string]string{
	"home":     "index.html",
	"article":  "articles/zelensky-rejects-us-minerals-proposal/index.html",
	"articles": "articles/index.html",
	"actors":   "actors/index.html",
	"actor":    "actors/zelensky/index.html",
	"topics":   "topics/index.html",
	"topic":    "topics/minerals-deal/index.html",
	"stances":  "stances/index.html",
	"timeline": "timeline/index.html",
	"search":   "search/index.html?q=colonial",
	"book":     "book/index.html",
	// 404.html is left out: its links start from the site's address, so it
	// works only when served; cmd/gen's tests fetch it under a sub-path.
}

// TestValidHTML runs the W3C Nu HTML Checker over every page: no errors.
func TestValidHTML(t *testing.T) {
	dir := buildWithDraft(t)
	checkValidHTML(t, dir, dir, "--also-check-svg")
	if pages, _ := filepath.Glob(filepath.Join(dir, "*", "*", "index.html")); len(pages) < 20 {
		t.Errorf("only %d pages were built to check", len(pages))
	}
}

// checkValidHTML runs the W3C Nu HTML Checker on the pages under path, a
// folder of the site in dir, and reports each error at its page and line.
func checkValidHTML(t *testing.T, dir, path string, flags ...string) {
	t.Helper()
	java := Command(t, "java", "apt-get install default-jre-headless")
	vnu := Tool(t, "vnu-jar/build/dist/vnu.jar")
	args := append([]string{"-jar", vnu, "--errors-only", "--format", "json", "--skip-non-html"}, flags...)
	out, _ := exec.Command(java, append(args, path)...).CombinedOutput() // exits 1 when it finds errors; the report says which
	var report struct {
		Messages []struct {
			Type, URL, Message, Extract string
			LastLine                    int
		}
	}
	if err := json.Unmarshal(out, &report); err != nil {
		t.Fatalf("the checker's report is not JSON: %v\n%.2000s", err, out)
	}
	for _, m := range report.Messages {
		if m.Type == "error" || m.Type == "non-document-error" {
			t.Errorf("%s:%d: %s\n\t%s", strings.TrimPrefix(m.URL, "file:"+dir+"/"), m.LastLine, m.Message, m.Extract)
		}
	}
}

// TestAccessibility runs axe-core in Chromium on each kind of page, in
// light and dark colour schemes, against WCAG 2.1 A and AA.
func TestAccessibility(t *testing.T) {
	axe, err := os.ReadFile(Tool(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.New(t)
	checkAccessibility(ctx, t, axe, build(t), pageKinds)
}

// TestStanceHistoryAccessibility checks what the shipped briefing does not
// show: a stance that changed, shown with its earlier one, and every
// stance's badge.
func TestStanceHistoryAccessibility(t *testing.T) {
	axe, err := os.ReadFile(Tool(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.New(t)
	root := fstest.MapFS{
		"content/topics/deal.md":  {Data: []byte("---\ntitle: The deal\n---\n")},
		"content/topics/talks.md": {Data: []byte("---\ntitle: Talks\n---\n")},
		"content/actors/zed.md": {Data: []byte("---\nname: Zed\nkind: person\npositions:\n" +
			"  - {topic: deal, stance: opposes, summary: Against the first draft., since: early}\n" +
			"  - {topic: deal, stance: conditional, summary: For it with guarantees., since: later}\n" +
			"  - {topic: talks, stance: mixed, summary: Talks later., since: \"2025-03\"}\n---\n")},
		"content/actors/ann.md": {Data: []byte("---\nname: Ann\nkind: person\npositions:\n" +
			"  - {topic: deal, stance: supports, summary: For it., since: early}\n" +
			"  - {topic: talks, stance: unclear, summary: Unclear., since: early}\n---\n")},
		"content/articles/early.md": {Data: []byte("---\ntitle: Early\npublished: \"2025-02-01\"\n---\n[Zed](actor:zed) said [“no”](quote:zed?topic=deal).\n")},
		"content/articles/later.md": {Data: []byte("---\ntitle: Later\npublished: \"2025-02-20\"\n---\n[Ann](actor:ann) and [Zed](actor:zed) on [the deal](topic:deal).\n")},
		"content/articles/draft.md": {Data: []byte("---\ntitle: Unfinished\npublished: \"2025-02-21\"\ndraft: true\n---\n[Ann](actor:ann) has yet to answer.\n")},
	}
	p := site.NewProject(root, briefing.Templates(), briefing.Static())
	p.Drafts = site.ShowDrafts // the banner and the marks of gen serve
	s, err := site.Build(p)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := s.Write(dir); err != nil {
		t.Fatal(err)
	}
	checkAccessibility(ctx, t, axe, dir, map[string]string{
		"stances": "stances/index.html", "actor": "actors/zed/index.html", "topic": "topics/deal/index.html", "book": "book/index.html",
		"draft": "articles/draft/index.html", "articles": "articles/index.html", "home": "index.html",
	})
}

// checkAccessibility runs axe-core on the pages of the site in dir, in
// light and dark colour schemes.
func checkAccessibility(ctx context.Context, t *testing.T, axe []byte, dir string, pages map[string]string) {
	t.Helper()
	for _, scheme := range []string{"light", "dark"} {
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		}); err != nil {
			t.Fatal(err)
		}
		for kind, page := range pages {
			if err := chromedp.Do(ctx, chromedp.Navigate("file://"+dir+"/"+page)); err != nil {
				t.Fatal(err)
			}
			if kind == "search" {
				browsertest.WaitFor(ctx, t, `document.querySelectorAll("#search-results li").length > 0`, 10*time.Second)
			}
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](string(axe))); err != nil {
				t.Fatal(err)
			}
			result, err := chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
				.then(r => JSON.stringify(r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(" ") + ": " + n.failureSummary)}))))`, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatal(err)
			}
			var violations []struct {
				ID, Help string
				Nodes    []string
			}
			if err := json.Unmarshal([]byte(result), &violations); err != nil {
				t.Fatal(err)
			}
			for _, v := range violations {
				t.Errorf("%s page, %s scheme: %s (%s)\n\t%s", kind, scheme, v.Help, v.ID, strings.Join(v.Nodes, "\n\t"))
			}
		}
	}
}

// console gathers what pages write to the browser console: errors,
// including resources that failed to load.
type console struct {
	mu     sync.Mutex
	errors []string
}

func watchConsole(ctx context.Context) *console {
	c := &console{}
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == "error" || m.IsException() {
				c.mu.Lock()
				c.errors = append(c.errors, fmt.Sprintf("%s (%s:%d)", m.Text, m.URL, m.Line+1))
				c.mu.Unlock()
			}
		}
	}()
	return c
}

func (c *console) take() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := c.errors
	c.errors = nil
	return out
}

// TestReadersJourney walks the shipped briefing as a reader would, in
// Chromium, from disk: home, an actor, one of their quotes to its
// paragraph, the timeline filtered by a topic. Every page kind must load
// with no console error, failed request or broken image; each is
// screenshotted at phone and desktop widths into screenshots/ for review.
func TestReadersJourney(t *testing.T) {
	ctx := browsertest.New(t)
	dir := build(t)
	log := watchConsole(ctx)
	wait := func(expression string) { t.Helper(); browsertest.WaitFor(ctx, t, expression, 10*time.Second) }
	click := func(selector string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Click(selector)); err != nil {
			t.Fatalf("click %s: %v", selector, err)
		}
	}

	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+dir+"/index.html")); err != nil {
		t.Fatal(err)
	}
	click(`a[href="actors/zelensky/index.html"]`)
	wait(`location.pathname.endsWith("/actors/zelensky/index.html") && document.querySelector("h1").textContent === "Volodymyr Zelensky"`)
	// The first quote's source link leads to its paragraph.
	click(`#quotes ol.quotes li p.meta a`)
	wait(`/^#p\d+$/.test(location.hash) && document.getElementById(location.hash.slice(1)) !== null`)
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById(location.hash.slice(1)).textContent`))
	if err != nil || !strings.Contains(text, "Zelensky") {
		t.Errorf("the quote's paragraph does not hold it: %q %v", text, err)
	}
	click(`nav a[href="../../timeline/index.html"]`)
	wait(`location.pathname.endsWith("/timeline/index.html") && !document.querySelector(".timeline-filter").hidden`)
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(s => { s.value = "negotiation-format"; return s.dispatchEvent(new Event("change")); })(document.getElementById("filter-topic"))`)); err != nil {
		t.Fatal(err)
	}
	shown, err := chromedp.Run(ctx, chromedp.Evaluate[string](`[...document.querySelectorAll("li.event")].filter(li => !li.hidden).map(li => li.id).join(" ")`))
	if err != nil || !strings.Contains(shown, "kellogg-munich-remarks") || strings.Contains(shown, "bessent-kyiv-visit") {
		t.Errorf("filtering by negotiation format shows %q", shown)
	}
	if errs := log.take(); len(errs) > 0 {
		t.Errorf("console errors on the journey:\n%s", strings.Join(errs, "\n"))
	}

	shots := filepath.Join(Root(t), "screenshots")
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	for kind, page := range pageKinds {
		for _, width := range []int64{390, 1280} {
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900), chromedp.Navigate("file://"+dir+"/"+page)); err != nil {
				t.Fatal(err)
			}
			broken, err := chromedp.Run(ctx, chromedp.Evaluate[string](`[...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src).join(" ") +
				[...document.querySelectorAll("link[rel=stylesheet]")].filter(l => !l.sheet).map(l => l.href).join(" ")`))
			if err != nil || broken != "" {
				t.Errorf("%s page: broken images or stylesheets: %q %v", kind, broken, err)
			}
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(90))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(shots, fmt.Sprintf("%s-%d.png", kind, width)), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if errs := log.take(); len(errs) > 0 {
			t.Errorf("%s page: console errors:\n%s", kind, strings.Join(errs, "\n"))
		}
	}
}
