package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/briefing-gen/gen/internal/browsertest"
)

// TestSearchFindsAQuoteFromDiskAndUnderASubPath searches the shipped
// briefing for "colonial" where readers will open it, a folder on disk
// and a GitHub Pages sub-path, and follows the result to its paragraph.
func TestSearchFindsAQuoteFromDiskAndUnderASubPath(t *testing.T) {
	ctx := browsertest.New(t)
	dir := buildForPages(t)
	ts := pagesServer(t, dir)
	places := map[string]string{
		"from disk":        "file://" + filepath.ToSlash(dir) + "/search/index.html",
		"under a sub-path": ts.URL + "/briefing/search/index.html",
	}
	for name, page := range places {
		t.Run(name, func(t *testing.T) {
			if err := chromedp.Do(ctx,
				chromedp.Navigate(page),
				chromedp.WaitVisible("#search-query"),
				chromedp.SendKeys("#search-query", "colonial"),
			); err != nil {
				t.Fatal(err)
			}
			browsertest.WaitFor(ctx, t, `document.querySelectorAll("#search-results li").length === 2`, 10*time.Second)
			first, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#search-results a").textContent + " | " + document.querySelector("#search-results li").innerHTML`))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(first, "Quote: Former senior Ukrainian official, ¶5") || !strings.Contains(first, "<mark>colonial</mark>") {
				t.Errorf("first result: %s", first)
			}
			if err := chromedp.Do(ctx, chromedp.Click("#search-results a")); err != nil {
				t.Fatal(err)
			}
			browsertest.WaitFor(ctx, t, `location.hash === "#p5" && location.pathname.endsWith("/articles/zelensky-rejects-us-minerals-proposal/index.html") && document.getElementById("p5").textContent.includes("colonial")`, 10*time.Second)
		})
	}
}
