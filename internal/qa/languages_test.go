package qa

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"

	"github.com/briefing-gen/gen"
	"github.com/briefing-gen/gen/internal/browsertest"
	"github.com/briefing-gen/gen/internal/overlay"
	"github.com/briefing-gen/gen/internal/site"
)

// buildLanguages writes internal/site/testdata/languages, an English
// briefing of articles in Ukrainian, German, Arabic and English, with
// site.toml replaced by siteTOML unless it is "".
func buildLanguages(t *testing.T, siteTOML string) string {
	t.Helper()
	top := fstest.MapFS{}
	if siteTOML != "" {
		top["site.toml"] = &fstest.MapFile{Data: []byte(siteTOML)}
	}
	root := overlay.FS{top, os.DirFS(filepath.Join(Root(t), "internal", "site", "testdata", "languages"))}
	dir, _ := buildProject(t, site.NewProject(root, briefing.Templates(), briefing.Static()))
	return dir
}

// arabicSite is the briefing's site.toml in Arabic, a language written
// right to left.
const arabicSite = "title = \"أربع لغات\"\nlanguage = \"ar\"\n"

// languagePages are the pages that show the articles in other languages.
var languagePages = map[string]string{
	"article uk": "articles/zelenskyi-refuses/index.html",
	"article ar": "articles/zelenskyi-arabic/index.html",
	"article de": "articles/merz-munich/index.html",
	"article en": "articles/zelenskyi-refusal-explained/index.html",
	"actor":      "actors/zelenskyi/index.html",
	"quotes":     "actors/zelenskyi/quotes/index.html",
	"topic":      "topics/minerals/index.html",
	"timeline":   "timeline/index.html",
	"book":       "book/index.html",
	"articles":   "articles/index.html",
	"home":       "index.html",
	"search":     "search/index.html?q=ministers",
}

// TestLanguagesAreValidAndAccessible runs the W3C checker and axe-core
// over the pages of the briefing in four languages, as an English site
// and as an Arabic one.
func TestLanguagesAreValidAndAccessible(t *testing.T) {
	axe, err := os.ReadFile(Tool(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.New(t)
	for _, siteTOML := range []string{"", arabicSite} {
		dir := buildLanguages(t, siteTOML)
		checkValidHTML(t, dir, dir)
		checkAccessibility(ctx, t, axe, dir, languagePages)
	}
}

// markLayout is where each paragraph mark of an article's text is: on
// which side of its paragraph's text, and whether its box overlaps any
// box of the text's lines or of the side panel.
const markLayout = `JSON.stringify([...document.querySelectorAll(".prose.body p[id]")].map(p => {
	const mark = p.querySelector(".pilcrow").getBoundingClientRect();
	const range = document.createRange();
	const text = [];
	for (const n of p.childNodes) {
		if (n.nodeType === 1 && n.classList.contains("pilcrow")) continue;
		range.selectNodeContents(n);
		text.push(...range.getClientRects());
	}
	const panel = document.querySelector(".panel");
	const boxes = text.concat(panel ? [panel.getBoundingClientRect()] : []);
	const overlaps = boxes.filter(b => b.width > 0 && b.left < mark.right - 0.5 && mark.left < b.right - 0.5 && b.top < mark.bottom - 0.5 && mark.top < b.bottom - 0.5).length;
	const left = Math.min(...text.map(b => b.left)), right = Math.max(...text.map(b => b.right));
	const centre = (mark.left + mark.right) / 2;
	return {id: p.id, side: centre < (left + right) / 2 ? "left" : "right", outside: mark.right <= left + 0.5 || mark.left >= right - 0.5, overlaps};
}))`

// TestParagraphMarksSitWhereLinesStart checks, in Chromium at a phone's
// width and a desktop's, that the ¶ marks of an article written right to
// left are on the right of their paragraphs and those of one written left
// to right on the left, on an English site and on an Arabic one; that on
// a desktop they hang in the margin, outside the text; and that no mark
// overlaps the text or the side panel. It saves screenshots of the pages
// into screenshots/ for review.
func TestParagraphMarksSitWhereLinesStart(t *testing.T) {
	ctx := browsertest.New(t)
	shots := filepath.Join(Root(t), "screenshots")
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, siteTOML string
		pages          map[string]string // page: the side marks go on
	}{
		{"en-site", "", map[string]string{"articles/zelenskyi-arabic/index.html": "right", "articles/zelenskyi-refuses/index.html": "left", "articles/zelenskyi-refusal-explained/index.html": "left"}},
		{"ar-site", arabicSite, map[string]string{"articles/zelenskyi-arabic/index.html": "right", "articles/merz-munich/index.html": "left"}},
	} {
		dir := buildLanguages(t, c.siteTOML)
		for page, side := range c.pages {
			for _, width := range []int64{390, 1280} {
				if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900), chromedp.Navigate("file://"+dir+"/"+page)); err != nil {
					t.Fatal(err)
				}
				out, err := chromedp.Run(ctx, chromedp.Evaluate[string](markLayout))
				if err != nil {
					t.Fatal(err)
				}
				var marks []struct {
					ID, Side string
					Outside  bool
					Overlaps int
				}
				if err := json.Unmarshal([]byte(out), &marks); err != nil {
					t.Fatal(err)
				}
				if len(marks) < 2 {
					t.Errorf("%s %s at %d px: %d paragraphs, want 2 or more", c.name, page, width, len(marks))
				}
				for _, m := range marks {
					if m.Side != side || m.Overlaps > 0 || (width > 900 && !m.Outside) {
						t.Errorf("%s %s at %d px: ¶ of %s is on the %s (want %s), overlaps %d boxes, outside the text: %v",
							c.name, page, width, m.ID, m.Side, side, m.Overlaps, m.Outside)
					}
				}
				png, err := chromedp.Run(ctx, chromedp.FullScreenshot(90))
				if err != nil {
					t.Fatal(err)
				}
				name := fmt.Sprintf("%s-%s-%d.png", c.name, filepath.Base(filepath.Dir(page)), width)
				if err := os.WriteFile(filepath.Join(shots, name), png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}
