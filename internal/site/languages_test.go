package site_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefing-gen/gen"
	"github.com/briefing-gen/gen/internal/overlay"
	"github.com/briefing-gen/gen/internal/site"
	"github.com/briefing-gen/gen/internal/testproject"
)

// writeLanguages builds testdata/languages, an English briefing of
// articles in Ukrainian, German, Arabic and English, with the given files
// put over it, and writes it into a temporary folder.
func writeLanguages(t *testing.T, over map[string]string) string {
	t.Helper()
	top := fstest.MapFS{}
	for name, text := range over {
		top[name] = &fstest.MapFile{Data: []byte(text)}
	}
	root := overlay.FS{top, os.DirFS(filepath.Join("testdata", "languages"))}
	s, err := site.Build(site.NewProject(root, briefing.Templates(), briefing.Static()))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range s.Warnings {
		// gen ships no Arabic interface: an Arabic site is told so, once.
		if !(strings.Contains(over["site.toml"], `"ar"`) && strings.Contains(w.Message, `no translation for language "ar"`)) {
			t.Errorf("warning: %v", w)
		}
	}
	dir := t.TempDir()
	if _, err := s.Write(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

// contains fails for each of wants that page, a file of the site in dir,
// does not hold.
func contains(t *testing.T, dir, page string, wants ...string) {
	t.Helper()
	html := read(t, dir, page)
	for _, w := range wants {
		if !strings.Contains(html, w) {
			t.Errorf("%s lacks %s", page, w)
		}
	}
}

const (
	ukQuote       = `<blockquote lang="uk">“Я не дозволив підписати цю угоду, бо вона не захищає наші інтереси.”</blockquote>`
	ukTranslation = `<p class="translation"><span class="translation-label">Translation:</span> “I did not let the ministers sign this agreement, because it does not protect our interests.”</p>`
)

// TestArticlesInOtherLanguages checks that an article's words carry its
// language, and its direction where that differs, wherever they are
// shown, and only where the language is not the site's; and that a
// quote's translation is shown beside it.
func TestArticlesInOtherLanguages(t *testing.T) {
	dir := writeLanguages(t, nil)
	contains(t, dir, "articles/zelenskyi-refuses/index.html",
		`<html lang="en">`,
		`<h1 lang="uk">Зеленський відмовився`,
		`<p class="lede" lang="uk">Президент не дозволив`,
		`<div class="prose body" lang="uk">`,
		`"inLanguage":"uk"`, // JSON-LD
		`інтереси.»</a> <span class="translation" lang="en" dir="ltr">[I did not let the ministers sign this agreement, because it does not protect our interests.]</span>`)
	contains(t, dir, "articles/zelenskyi-arabic/index.html", `<div class="prose body" lang="ar" dir="rtl">`, `<h1 lang="ar" dir="rtl">`)
	contains(t, dir, "articles/merz-munich/index.html", `<div class="prose body" lang="de">`)
	if got := regexp.MustCompile(`lang="[^"]*"`).FindAllString(read(t, dir, "articles/zelenskyi-refusal-explained/index.html"), -1); len(got) != 1 {
		t.Errorf("the English article's page says lang %d times, want once, on <html>: %q", len(got), got)
	}
	contains(t, dir, "actors/zelenskyi/index.html",
		ukQuote+"\n      "+ukTranslation,
		`<blockquote lang="ar" dir="rtl">“لن نبيع بلدنا.”</blockquote>`,
		`<blockquote>“We will not sell our country.”</blockquote>`,
		`<p lang="de">Friedrich Merz sagte in München`,
		`<span lang="uk">Зеленський відмовився підписати угоду про…</span>, ¶2</a>`,
		`<a href="../../timeline/index.html#zelenskyi-refuses" lang="uk">Зеленський відмовився підписати угоду</a>`)
	contains(t, dir, "actors/zelenskyi/quotes/index.html", ukQuote, ukTranslation)
	contains(t, dir, "topics/minerals/index.html", `<p lang="uk">Зеленський заявив, що не підпише <mark>угоду про корисні копалини</mark>`, `“Ukraine must have a say.”`)
	contains(t, dir, "timeline/index.html", `<h3 lang="uk">Зеленський відмовився підписати угоду</h3>`)
	contains(t, dir, "book/index.html", `<h3 id="h-article-zelenskyi-arabic" lang="ar" dir="rtl">`, `<div class="prose body" lang="de">`,
		`<span lang="uk">Зеленський відмовився підписати угоду</span> <span class="meta">(<cite class="source"><a href="#zelenskyi-refuses-p1"><span lang="uk">Зеленський відмовився підписати угоду про…</span>`)
	contains(t, dir, "articles/index.html", `<a href="../articles/zelenskyi-refuses/index.html" lang="uk">`)
}

// TestRightToLeftSite builds the briefing with Arabic as the site's
// language: <html> says dir="rtl", and the articles in languages written
// left to right say dir="ltr". (An article that gives no language is in
// the site's.)
func TestRightToLeftSite(t *testing.T) {
	dir := writeLanguages(t, map[string]string{"site.toml": "title = \"أربع لغات\"\nlanguage = \"ar\"\n"})
	contains(t, dir, "articles/zelenskyi-arabic/index.html", `<html lang="ar" dir="rtl">`, `<div class="prose body">`)
	contains(t, dir, "articles/merz-munich/index.html", `<html lang="ar" dir="rtl">`, `<div class="prose body" lang="de" dir="ltr">`)
	contains(t, dir, "articles/zelenskyi-refuses/index.html", `<div class="prose body" lang="uk" dir="ltr">`,
		`<span class="translation" lang="ar" dir="rtl">[I did not let`)
}

// TestExportsCarryLanguagesAndTranslations reads briefing.json: each
// article in another language says which, each translated quote has its
// translation, and the file still matches its schema.
func TestExportsCarryLanguagesAndTranslations(t *testing.T) {
	dir := writeLanguages(t, nil)
	var b struct {
		Articles []struct{ Slug, Language string }
		Quotes   []struct{ Speaker, Text, Translation string }
	}
	if err := json.Unmarshal([]byte(read(t, dir, "briefing.json")), &b); err != nil {
		t.Fatal(err)
	}
	languages := map[string]string{}
	for _, a := range b.Articles {
		languages[a.Slug] = a.Language
	}
	want := map[string]string{"zelenskyi-refuses": "uk", "merz-munich": "de", "zelenskyi-arabic": "ar", "zelenskyi-refusal-explained": ""}
	for slug, lang := range want {
		if got, ok := languages[slug]; !ok || got != lang {
			t.Errorf("%s: language %q, want %q", slug, got, lang)
		}
	}
	translations := map[string]string{}
	for _, q := range b.Quotes {
		translations[q.Text] = q.Translation
	}
	if got := translations["Я не дозволив підписати цю угоду, бо вона не захищає наші інтереси."]; got != "I did not let the ministers sign this agreement, because it does not protect our interests." {
		t.Errorf("the Ukrainian quote's translation is %q", got)
	}
	if got, ok := translations["We will not sell our country."]; !ok || got != "" {
		t.Errorf("the English quote: found %v, translation %q, want none", ok, got)
	}
	testproject.ValidateJSON(t, filepath.Join("..", "..", "docs", "briefing.schema.json"), filepath.Join(dir, "briefing.json"))
}

// TestInvalidLanguageIsAPositionedError gives an article and the site
// languages that are no BCP 47 tags.
func TestInvalidLanguageIsAPositionedError(t *testing.T) {
	_, err := build(t, map[string]string{
		"site.toml":              "language = \"en_UK_x\"\n",
		"content/articles/a.md":  "---\ntitle: A\npublished: \"2025-02-01\"\nlanguage: Ukrainian\n---\nText.\n",
		"content/articles/b.md":  "---\ntitle: B\npublished: \"2025-02-01\"\nlanguage: uk\n---\nText.\n",
		"content/actors/x.md":    "---\nname: X\nkind: person\n---\n",
		"content/topics/deal.md": "---\ntitle: Deal\n---\n",
	})
	if err == nil {
		t.Fatal("languages that are not language tags built")
	}
	for _, want := range []string{
		`content/articles/a.md:4:11: language "Ukrainian" is not a language tag`,
		`site.toml:1:13: language "en_UK_x" is not a language tag`,
		`hint: write a BCP 47 language tag, such as "uk", "de", "pt-BR" or "zh-Hant"`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error lacks %s:\n%v", want, err)
		}
	}
	if strings.Contains(err.Error(), "b.md") {
		t.Errorf("a valid tag is an error:\n%v", err)
	}
}

// TestMissedNameAfterATranslationIsPointedAt names an actor in a quote's
// translation and, unannotated, after it: the warning points at the name
// in the text, not at the one in the annotation's target.
func TestMissedNameAfterATranslationIsPointedAt(t *testing.T) {
	s, err := build(t, map[string]string{
		"content/actors/merz.md":      "---\nname: Friedrich Merz\nkind: person\n---\n",
		"content/actors/zelenskyi.md": "---\nname: Volodymyr Zelenskyi\nkind: person\n---\n",
		"content/articles/a.md": "---\ntitle: A\npublished: \"2025-02-01\"\nlanguage: uk\n---\n" +
			"Він сказав: [«Ні.»](<quote:zelenskyi?translation=He said no to Friedrich Merz.>) Friedrich Merz мовчав.\n",
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range s.Warnings {
		got = append(got, w.String())
	}
	want := `content/articles/a.md:6:82: warning: ¶1 names "Friedrich Merz" (actor merz) without an annotation`
	if len(got) != 1 || !strings.HasPrefix(got[0], want) {
		t.Errorf("warnings %q, want one, %s", got, want)
	}
}
