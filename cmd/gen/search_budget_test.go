package main

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/briefing-gen/gen/internal/browsertest"
)

// searchBudget is the most a one-word search may download, the search
// page's own scripts and style included and the page's HTML excluded.
// Issue 13: on a 10,000-article briefing the first search fetched 106 MB.
const searchBudget = 300 << 10

// TestSearchOnALargeBriefingDownloadsLittle builds a synthetic briefing of
// some thousands of articles and searches it for a very common word, an
// actor's name and a rare word, counting the bytes the server sends for
// each search, and checks the results show from a folder on disk too.
func TestSearchOnALargeBriefingDownloadsLittle(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 3,000-article briefing")
	}
	ctx := browsertest.New(t)
	public := largeSite(t)
	var sent atomic.Int64
	files := http.FileServer(http.Dir(public))
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		cw := &countingWriter{ResponseWriter: w}
		files.ServeHTTP(cw, r)
		if !strings.HasSuffix(r.URL.Path, ".html") && !strings.HasSuffix(r.URL.Path, "/") {
			sent.Add(cw.n)
		}
	}))
	t.Cleanup(ts.Close)

	for _, query := range []string{"minister", "actor 12", "2987"} {
		for _, page := range []string{ts.URL + "/search/index.html", "file://" + filepath.ToSlash(public) + "/search/index.html"} {
			sent.Store(0)
			start := time.Now()
			if err := chromedp.Do(ctx,
				chromedp.Navigate(page+"?q="+strings.ReplaceAll(query, " ", "+")),
			); err != nil {
				t.Fatal(err)
			}
			browsertest.WaitFor(ctx, t, `document.querySelectorAll("#search-results li").length > 0`, 30*time.Second)
			took := time.Since(start)
			if strings.HasPrefix(page, "http") {
				t.Logf("%q: %d bytes, results after %s", query, sent.Load(), took)
				if n := sent.Load(); n > searchBudget {
					t.Errorf("searching for %q downloaded %d bytes, over the budget of %d", query, n, searchBudget)
				}
			} else {
				t.Logf("%q from disk: results after %s", query, took)
			}
		}
	}

	// The last page open is on disk, for "2987": more results come on
	// asking, and each result names its article's source and date.
	shown, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#search-results li").length`))
	if err != nil || shown > 10 {
		t.Fatalf("%d results shown at first (%v), want at most 10", shown, err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/search/index.html?q=minister+said")); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(ctx, t, `document.querySelectorAll("#search-results li").length === 10 && !document.getElementById("search-more").hidden`, 30*time.Second)
	first, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#search-results li").innerHTML`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(first, "<mark>minister</mark>") || !strings.Contains(first, "<mark>said</mark>") || !strings.Contains(first, "Wire ") || !strings.Contains(first, "202") {
		t.Errorf("the first result for “minister said” does not show both words, its source and its date: %s", first)
	}
	// A common word and a rare one: the article with both comes first,
	// though the common word's first postings leave it out.
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/search/index.html?q=minister+2987")); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(ctx, t, `document.querySelectorAll("#search-results li").length > 0`, 30*time.Second)
	href, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#search-results a").getAttribute("href")`))
	if err != nil || !strings.Contains(href, "/article-2987/") {
		t.Errorf("the first result for “minister 2987” links to %q (%v), not to article 2987", href, err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/search/index.html?q=minister+said")); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(ctx, t, `document.querySelectorAll("#search-results li").length === 10 && !document.getElementById("search-more").hidden`, 30*time.Second)
	if err := chromedp.Do(ctx, chromedp.Click("#search-more")); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(ctx, t, `document.querySelectorAll("#search-results li").length === 20`, 30*time.Second)
}

// countingWriter counts the bytes of a response's body.
type countingWriter struct {
	http.ResponseWriter
	n int64
}

func (w *countingWriter) Write(p []byte) (int, error) {
	n, err := w.ResponseWriter.Write(p)
	w.n += int64(n)
	return n, err
}
