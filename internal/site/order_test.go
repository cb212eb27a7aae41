package site_test

import (
	"regexp"
	"strings"
	"testing"
)

// story is a briefing of several articles on different days, with
// several paragraphs each.
func story() map[string]string {
	return map[string]string{
		"site.toml":               "title = \"Story\"\n",
		"content/actors/ann.md":   "---\nname: Ann Example\nkind: person\n---\n",
		"content/actors/bob.md":   "---\nname: Bob Example\nkind: person\n---\n",
		"content/actors/land.md":  "---\nname: Land\nkind: government\n---\n",
		"content/topics/deal.md":  "---\ntitle: The deal\n---\n",
		"content/topics/talks.md": "---\ntitle: Talks\n---\n",
		"content/articles/old.md": `---
title: Old news about the long negotiations over the minerals deal and the guarantees
source: Daily Wire
published: "2025-01-10"
---
[Ann](actor:ann) spoke of a [“counter proposal”](quote:ann?topic=deal) for [the deal](topic:deal) in [“the near future”](quote:ann?topic=deal).

[Ann](actor:ann) added [“second paragraph”](quote:ann?topic=deal).
`,
		"content/articles/mid.md": `---
title: Mid
source: Weekly
published: "2025-02-01"
---
Nothing of note.

[Ann](actor:ann) said [“middle”](quote:ann?topic=deal).
`,
		"content/articles/new.md": `---
title: New
short_title: Signing day
source: Evening Post
published: "2025-02-20"
events:
  - {id: release, date: "2025-02-20", title: A news release}
  - {id: signing, date: "2025-02-20", title: Signing, actors: [bob], topics: [talks]}
---
The [signing](event:signing) took place, said [Ann](actor:ann): [“newer first”](quote:ann?topic=deal).

A [news release](event:release) announced it. [Ann](actor:ann) said [“newer second”](quote:ann?topic=deal) to [Land](actor:land).
`,
	}
}

// inOrder fails unless each of want appears in page after the one before.
func inOrder(t *testing.T, name, page string, want ...string) {
	t.Helper()
	at := 0
	for _, w := range want {
		i := strings.Index(page[at:], w)
		if i < 0 {
			t.Errorf("%s: %q missing or out of order (want %q)", name, w, want)
			return
		}
		at += i + len(w)
	}
}

func buildStory(t *testing.T, files map[string]string) string {
	t.Helper()
	s, err := build(t, files)
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if _, err := s.Write(out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestPagesListNewestArticleFirstInReadingOrder: actor and topic pages
// list the newest article first, and each article's quotes and passages
// in the order they are read; the book lists the oldest article first.
func TestPagesListNewestArticleFirstInReadingOrder(t *testing.T) {
	out := buildStory(t, story())
	quotes := []string{"“newer first”", "“newer second”", "“middle”", "“counter proposal”", "“the near future”", "“second paragraph”"}
	inOrder(t, "Ann's page", read(t, out, "actors/ann/index.html"), quotes...)
	inOrder(t, "the deal's page", read(t, out, "topics/deal/index.html"), quotes...)
	ann := mainOf(read(t, out, "actors/ann/index.html"))
	mentions := ann[strings.Index(ann, `id="mentions"`):]
	inOrder(t, "Ann's mentions", mentions, "new/index.html#p1", "new/index.html#p2", "mid/index.html#p2", "old/index.html#p1", "old/index.html#p2")
	book := read(t, out, "book/index.html")
	topic := book[strings.Index(book, `id="topic-deal"`):]
	inOrder(t, "the book", topic, "“the near future”", "“second paragraph”", "“middle”", "“newer first”", "“newer second”")
}

// TestSameDayEventsInReportOrderOnPages: the timeline lists the signing
// before the news release that announces it.
func TestSameDayEventsInReportOrderOnPages(t *testing.T) {
	out := buildStory(t, story())
	inOrder(t, "the timeline", read(t, out, "timeline/index.html"), "<h3>Signing</h3>", "<h3>A news release</h3>")
}

// TestCitationsNameSourceDateAndShortTitle: every citation names the
// source, its date, the paragraph and a short title.
func TestCitationsNameSourceDateAndShortTitle(t *testing.T) {
	out := buildStory(t, story())
	full := "Old news about the long negotiations over the minerals deal and the guarantees"
	for _, name := range []string{"actors/ann/index.html", "topics/deal/index.html", "timeline/index.html", "book/index.html"} {
		page := mainOf(read(t, out, name))
		if name != "book/index.html" && strings.Contains(page, full) {
			t.Errorf("%s cites the old article by its full title", name)
		}
	}
	ann := mainOf(read(t, out, "actors/ann/index.html"))
	cite := regexp.MustCompile(`(?s)<cite class="source">.*?</cite>`)
	all := cite.FindAllString(ann, -1)
	if len(all) == 0 {
		t.Fatalf("Ann's page has no citations:\n%s", ann)
	}
	for _, c := range all {
		if !strings.Contains(c, "¶") || !strings.Contains(c, "<time") {
			t.Errorf("citation lacks a date or paragraph: %s", c)
		}
	}
	for _, want := range []string{"Old news about the long negotiations over the…", "Daily Wire", "10 January 2025", "Signing day", "Evening Post", "20 February 2025"} {
		if !strings.Contains(strings.Join(all, "\n"), want) {
			t.Errorf("Ann's citations lack %q", want)
		}
	}
	timeline := read(t, out, "timeline/index.html")
	if !strings.Contains(timeline, "Signing day") || !strings.Contains(timeline, "Evening Post") {
		t.Errorf("the timeline's citations lack the short title or source")
	}
}

// TestEventActorsCountOnPages: Bob, named only in the signing's actors,
// is on the positions page and among the article's actors.
func TestEventActorsCountOnPages(t *testing.T) {
	out := buildStory(t, story())
	if !strings.Contains(read(t, out, "stances/index.html"), "Bob Example") {
		t.Errorf("Bob missing from the positions page")
	}
	if !strings.Contains(read(t, out, "articles/new/index.html"), `actors/bob/index.html`) {
		t.Errorf("Bob missing from the article's actors")
	}
	if !strings.Contains(read(t, out, "actors/bob/index.html"), "new/index.html#p1") {
		t.Errorf("Bob's page does not cite the paragraph that reports his event")
	}
}

// TestNoHeadingOverAnEmptySection: a page leaves out a section with
// nothing in it, heading and all.
func TestNoHeadingOverAnEmptySection(t *testing.T) {
	files := story()
	files["content/actors/cleo.md"] = "---\nname: Cleo\nkind: person\n---\n"
	files["content/topics/empty.md"] = "---\ntitle: Empty\n---\n"
	out := buildStory(t, files)
	empty := map[string][]string{
		"actors/bob/index.html":   {"Quotes, by topic"},
		"actors/cleo/index.html":  {"Quotes, by topic", "Mentioned in", "Named with", "Timeline"},
		"actors/land/index.html":  {"Timeline"},
		"topics/empty/index.html": {"Positions", "Passages", "Timeline"},
		"topics/talks/index.html": {"Positions"},
	}
	for name, headings := range empty {
		page := mainOf(read(t, out, name))
		for _, h := range headings {
			if regexp.MustCompile(`<h2[^>]*>` + h + `</h2>`).MatchString(page) {
				t.Errorf("%s has the heading %q over an empty section", name, h)
			}
		}
	}
	bare := buildStory(t, map[string]string{"site.toml": "title = \"Bare\"\n", "content/overview.md": "Nothing yet.\n"})
	for _, name := range []string{"index.html", "book/index.html"} {
		page := mainOf(read(t, bare, name))
		for _, h := range []string{"Topics", "Key actors", "Latest events", "Articles", "Actors", "Timeline"} {
			if regexp.MustCompile(`<h2[^>]*>` + h + `</h2>`).MatchString(page) {
				t.Errorf("%s of an empty briefing has the heading %q", name, h)
			}
		}
	}
}

// storyExtra are story's articles and actor, to add to fixture.
func storyExtra() map[string]string {
	extra := map[string]string{}
	for name, text := range story() {
		if strings.HasPrefix(name, "content/articles/") || name == "content/actors/bob.md" {
			extra[name] = text
		}
	}
	return extra
}
