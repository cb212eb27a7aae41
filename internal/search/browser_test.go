package search

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/briefing-gen/gen/internal/browsertest"
	"github.com/briefing-gen/gen/internal/langtag"
	"github.com/briefing-gen/gen/internal/model"
)

// TestMoreResultsLoadsContinuations writes a small index whose terms'
// postings run over many continuation blocks, opens it from disk with a
// bare search page, and asks for more results until there are none:
// every paragraph comes once, newest article first. The search for
// "paragraph" is typed as "paragrap", a prefix.
func TestMoreResultsLoadsContinuations(t *testing.T) {
	defer func(a, b, c int) { FirstPostings, BlockPostings, ShardBytes = a, b, c }(FirstPostings, BlockPostings, ShardBytes)
	FirstPostings, BlockPostings, ShardBytes = 5, 7, 40 // and every shard split as far as it goes
	dir := writeSite(t, New(briefingOf(40)))
	ctx := browsertest.New(t)
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+filepath.ToSlash(dir)+"/page/index.html?q=paragrap")); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(ctx, t, `document.querySelectorAll("#search-results li").length === 5`, 10*time.Second)
	for shown := 5; shown < 120; {
		if err := chromedp.Do(ctx, chromedp.Click("#search-more")); err != nil {
			t.Fatal(err)
		}
		shown = min(shown+10, 120)
		browsertest.WaitFor(ctx, t, fmt.Sprintf(`document.querySelectorAll("#search-results li").length === %d`, shown), 10*time.Second)
	}
	browsertest.WaitFor(ctx, t, `document.getElementById("search-more").hidden`, 5*time.Second)
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(function () {
		var links = Array.prototype.map.call(document.querySelectorAll("#search-results a"), function (a) { return a.getAttribute("href"); });
		var seen = {};
		links.forEach(function (l) { seen[l] = true; });
		return Object.keys(seen).length + " " + links[0] + " " + document.getElementById("search-status").textContent;
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if want := "120 ../articles/a-0/index.html#p1 120 results for “paragrap”."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestSearchFoldsCyrillicAndAccents searches for words in other cases
// and without their accents, the last one cut short.
func TestSearchFoldsCyrillicAndAccents(t *testing.T) {
	b := briefingOf(3)
	b.Articles[1].Paragraphs[1].Text = "Зеленський a parlé en français au palais Élysée."
	dir := writeSite(t, New(b))
	ctx := browsertest.New(t)
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+filepath.ToSlash(dir)+"/page/index.html?q=ЗЕЛЕНСЬКИЙ+francais+ely")); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(ctx, t, `document.querySelectorAll("#search-results li").length === 1`, 10*time.Second)
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#search-results li p").innerHTML`))
	if err != nil {
		t.Fatal(err)
	}
	if want := "<mark>Зеленський</mark> a parlé en <mark>français</mark> au palais <mark>Ély</mark>sée."; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// writeSite writes the index's files with search.js and a bare search
// page, page/index.html, and returns the folder.
func writeSite(t *testing.T, x *Index) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range x.Files() {
		write(t, filepath.Join(dir, f.Path), f.Data)
	}
	js, err := os.ReadFile("../../static/search.js")
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "search.js"), js)
	write(t, filepath.Join(dir, "page", "index.html"), []byte(`<!DOCTYPE html><meta charset="utf-8">
<form><input id="search-query"></form><p id="search-status"></p><ol id="search-results"></ol>
<button type="button" id="search-more" hidden>More results</button>
<script src="../search.js" data-index="../search-index.js" data-root="../"></script>`))
	return dir
}

func write(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSearchFindsAQuoteByItsTranslation searches for a word found only
// in a Ukrainian quote's English translation: the result shows the
// original with lang="uk" (the page is in English) and the translation,
// the word marked. A Chinese paragraph is found by a word of it, written
// without spaces as it is, and a German one by "weiss" for "weiß".
func TestSearchFindsAQuoteByItsTranslation(t *testing.T) {
	b := briefingOf(3)
	b.Site.LanguageTag = langtag.Tag{Code: "en"}
	uk := b.Articles[0]
	uk.Lang = langtag.Tag{Code: "uk"}
	uk.Quotes = []*model.Quote{{Speaker: &model.Actor{Name: "Volodymyr Zelenskyi"}, Text: "Я не дозволив міністрам підписати.",
		Translation: "I did not let the ministers sign.", Article: uk, Para: 2, N: 1}}
	b.Articles[1].Lang = langtag.Tag{Code: "zh"}
	b.Articles[1].Paragraphs[0].Text = "中国政府今天宣布了新的政策。"
	b.Articles[2].Lang = langtag.Tag{Code: "de"}
	b.Articles[2].Paragraphs[0].Text = "Er weiß, dass es schwer wird."
	dir := writeSite(t, New(b))
	ctx := browsertest.New(t)
	for _, c := range []struct{ query, want string }{
		{"ministers", `<p lang="uk">“Я не дозволив міністрам підписати.”</p><p class="translation">Translation: “I did not let the <mark>ministers</mark> sign.”</p>`},
		{"政策", `<p lang="zh">中国政府今天宣布了新的<mark>政策</mark>。</p>`},
		{"新的政策", `<p lang="zh">中国政府今天宣布了<mark>新的政策</mark>。</p>`},
		{"weiss", `<p lang="de">Er <mark>weiß</mark>, dass es schwer wird.</p>`},
	} {
		if err := chromedp.Do(ctx, chromedp.Navigate("file://"+filepath.ToSlash(dir)+"/page/index.html?q="+url.QueryEscape(c.query))); err != nil {
			t.Fatal(err)
		}
		browsertest.WaitFor(ctx, t, `document.querySelectorAll("#search-results li").length > 0`, 10*time.Second)
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(function () {
			var items = document.querySelectorAll("#search-results li");
			return items.length + " " + Array.prototype.map.call(items[0].querySelectorAll("p:not(.meta)"), function (p) { return p.outerHTML; }).join("");
		})()`))
		if err != nil {
			t.Fatal(err)
		}
		if want := "1 " + c.want; got != want {
			t.Errorf("%s: got %s, want %s", c.query, got, want)
		}
	}
}
