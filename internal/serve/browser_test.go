package serve

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/briefing-gen/gen/internal/browsertest"
)

// TestBrowserReloadsAndShowsTheOverlay is the editing loop as a writer
// sees it: a page open in Chromium updates itself after a save, shows the
// overlay for a typo with its place and a did-you-mean, and clears it when
// the typo is fixed.
func TestBrowserReloadsAndShowsTheOverlay(t *testing.T) {
	ctx := browsertest.New(t)
	dir := newProject(t)
	s, ts := start(t, dir)
	wait := func(expression string) { t.Helper(); browsertest.WaitFor(ctx, t, expression, 10*time.Second) }

	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/articles/first/")); err != nil {
		t.Fatal(err)
	}
	wait(`document.querySelector("#p1").textContent.includes("said")`)
	// No pause here: a build that lands before the page's event stream
	// connects must still reload it.
	writeFile(t, dir, "content/articles/first.md", strings.Replace(article, "said", "announced", 1))
	s.Rebuild([]string{"content/articles/first.md"})
	wait(`document.querySelector("#p1").textContent.includes("announced")`)

	writeFile(t, dir, "content/articles/first.md", strings.Replace(article, "(actor:ann)", "(actor:anne)", 1))
	s.Rebuild([]string{"content/articles/first.md"})
	wait(`document.querySelector("#gen-serve-overlay")`)
	overlay, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#gen-serve-overlay").innerText`))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"content/articles/first.md:5:1", `unknown actor "anne"`, `did you mean "ann"?`, "[Ann](actor:anne)", "^"} {
		if !strings.Contains(overlay, want) {
			t.Errorf("overlay lacks %q:\n%s", want, overlay)
		}
	}

	writeFile(t, dir, "content/articles/first.md", article)
	s.Rebuild([]string{"content/articles/first.md"})
	wait(`!document.querySelector("#gen-serve-overlay") && document.querySelector("#p1").textContent.includes("said")`)
}
