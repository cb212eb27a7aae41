package site_test

import (
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/briefing-gen/gen/internal/diag"
	"github.com/briefing-gen/gen/internal/site"
	"github.com/briefing-gen/gen/internal/testproject"
)

// positionsFixture is a briefing of three articles whose actors record
// positions in each front matter format: Zed's stance on the deal changes
// from the early article to the later one, Eve's on the talks rests on no
// quote or mention at all.
func positionsFixture() map[string]string {
	return map[string]string{
		"site.toml": "title = \"Positions\"\nbase_url = \"https://example.org/\"\n",
		"content/actors/zed.md": `---
name: Zed Ruler
kind: person
role: President
positions:
  - topic: deal
    stance: opposes
    summary: Zed rejects the first draft.
    since: early
  - topic: guarantees
    stance: supports
    summary: Zed wants guarantees first.
    since: "2025-03-01"
  - topic: deal
    stance: Conditional
    summary: Zed would sign a deal that comes with guarantees.
    since: later
---
Zed rules.
`,
		"content/actors/eve.md": `+++
name = "Eve Envoy"
kind = "person"

[[positions]]
topic = "talks"
stance = "mixed"
summary = "Eve wants talks, but not yet."
since = "later"
+++
`,
		"content/actors/land.md": `{
  "name": "Land",
  "kind": "government",
  "positions": [
    {"topic": "deal", "stance": "unclear", "summary": "Land has said nothing clear.", "since": "2025-02"}
  ]
}
`,
		"content/topics/deal.md":       "---\ntitle: The deal\n---\n",
		"content/topics/guarantees.md": "---\ntitle: Guarantees\n---\n",
		"content/topics/talks.md":      "---\ntitle: Talks\n---\n",
		"content/articles/early.md": `---
title: Early news
published: "2025-02-01"
---
[Zed](actor:zed) said [“No deal.”](quote:zed?topic=deal)
`,
		"content/articles/later.md": `---
title: Later news
published: "2025-02-20"
---
[Zed](actor:zed) said [“A deal, with guarantees.”](quote:zed?topic=deal,guarantees) on [the deal](topic:deal).
`,
		"content/articles/third.md": `---
title: Third news
published: "2025-03-10"
---
[Land](actor:land) watched [the deal](topic:deal).
`,
	}
}

func fileOf(t *testing.T, s *site.Site, path string) string {
	t.Helper()
	for _, f := range s.Files {
		if f.Path == path {
			return string(f.Data)
		}
	}
	t.Fatalf("no file %s", path)
	return ""
}

// squash joins a page's lines without their indentation, so tests can
// look for markup that templates spread over lines.
func squash(page string) string {
	return regexp.MustCompile(`\n\s*`).ReplaceAllString(page, " ")
}

func TestPositionsOnPages(t *testing.T) {
	s, err := build(t, positionsFixture())
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Warnings) > 0 {
		t.Errorf("unexpected warnings: %v", s.Warnings)
	}

	stances := squash(fileOf(t, s, "stances/index.html"))
	for _, want := range []string{
		// The latest stance leads the cell, with its summary and what came before; the counts follow.
		`<td class="positioned"><a class="stance-link" href="../actors/zed/index.html#stance-on-deal" title="Zed Ruler’s stance on The deal"><span class="stance-label stance-conditional">Conditional</span></a> <span class="summary">Zed would sign a deal that comes with guarantees.</span> <span class="earlier">Earlier: Opposes</span> <a class="evidence" href="../actors/zed/index.html#on-deal" title="Zed Ruler on The deal"><span class="q">2 quotes</span> <span class="m">1 mention</span></a></td>`,
		// A position with no quote or mention behind it has no counts, and its actor still has a row.
		`<th scope="row"><a href="../actors/eve/index.html">Eve Envoy</a></th>`,
		`<span class="stance-label stance-mixed">Mixed</span></a> <span class="summary">Eve wants talks, but not yet.</span></td>`,
		`<span class="stance-label stance-unclear">Unclear</span></a> <span class="summary">Land has said nothing clear.</span> <a class="evidence" href="../actors/land/index.html#on-deal"`,
	} {
		if !strings.Contains(stances, want) {
			t.Errorf("stances page lacks\n%s\nin\n%s", want, stances)
		}
	}

	zed := squash(fileOf(t, s, "actors/zed/index.html"))
	history := `<section id="stance-on-deal" class="stance" aria-labelledby="h-stance-on-deal"> <h3 id="h-stance-on-deal">On <a href="../../topics/deal/index.html">The deal</a></h3> <ol class="plain positions"> ` +
		`<li class="current"> <p><span class="stance-label stance-conditional">Conditional</span> Zed would sign a deal that comes with guarantees.</p> <p class="meta">Since <time class="date" datetime="2025-02-20">20 February 2025</time>: <a href="../../articles/later/index.html">Later news</a></p> </li> ` +
		`<li> <p><span class="stance-label stance-opposes">Opposes</span> Zed rejects the first draft.</p> <p class="meta">Earlier, from <time class="date" datetime="2025-02-01">1 February 2025</time>: <a href="../../articles/early/index.html">Early news</a></p> </li> </ol>`
	if !strings.Contains(zed, history) {
		t.Errorf("Zed's page lacks the deal's history, latest first:\n%s\nin\n%s", history, zed)
	}
	dated := `<p class="meta">Since <time class="date" datetime="2025-03-01">1 March 2025</time></p>`
	if !strings.Contains(zed, dated) {
		t.Errorf("Zed's page lacks a position since a date, with no article link:\n%s", dated)
	}
	if strings.Index(zed, `id="stances"`) > strings.Index(zed, `id="quotes"`) {
		t.Error("Zed's stances should come before the quotes")
	}

	eve := fileOf(t, s, "actors/eve/index.html")
	if strings.Contains(eve, `id="on-talks"`) {
		t.Error("Eve's page has a quotes section on talks, where she has no quote or mention")
	}

	deal := squash(fileOf(t, s, "topics/deal/index.html"))
	for _, want := range []string{
		`<section id="stance-zed" class="stance" aria-labelledby="h-stance-zed"> <h3 id="h-stance-zed"><a href="../../actors/zed/index.html">Zed Ruler</a> <span class="meta">— President</span></h3> <ol class="plain positions"> <li class="current"> <p><span class="stance-label stance-conditional">Conditional</span>`,
		`<section id="stance-land" class="stance"`,
		`<span class="stance-label stance-unclear">Unclear</span> Land has said nothing clear.</p> <p class="meta">Since <time class="date" datetime="2025-02">February 2025</time></p>`,
	} {
		if !strings.Contains(deal, want) {
			t.Errorf("the deal's page lacks\n%s\nin\n%s", want, deal)
		}
	}
	if strings.Index(deal, "stance-zed") < strings.Index(deal, "stance-land") {
		// Actors come in the actors' order: people before governments.
	} else {
		t.Error("the deal's stances should list Zed (a person) before Land (a government)")
	}
	book := squash(fileOf(t, s, "book/index.html"))
	want := `<li><a href="#actor-zed">Zed Ruler</a>: <span class="stance-label stance-conditional">Conditional</span> Zed would sign a deal that comes with guarantees. <span class="meta">Since <time class="date" datetime="2025-02-20">20 February 2025</time>, <a href="#article-later">Later news</a>; earlier: Opposes.</span></li>`
	if !strings.Contains(book, want) {
		t.Errorf("the book lacks Zed's stance on the deal:\n%s", want)
	}
	if strings.Contains(fileOf(t, s, "topics/talks/index.html"), "Zed Ruler") {
		t.Error("the talks page shows Zed, who records no position on it")
	}
}

func TestPositionsInBriefingJSON(t *testing.T) {
	s, err := build(t, positionsFixture())
	if err != nil {
		t.Fatal(err)
	}
	var data struct {
		Actors []struct {
			ID        string `json:"id"`
			Positions []struct {
				Topic   string `json:"topic"`
				Stance  string `json:"stance"`
				Summary string `json:"summary"`
				Since   struct {
					Value string `json:"value"`
					Start string `json:"start"`
				} `json:"since"`
				Article string `json:"since_article"`
				Page    string `json:"page"`
			} `json:"positions"`
		} `json:"actors"`
	}
	if err := json.Unmarshal([]byte(fileOf(t, s, "briefing.json")), &data); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, a := range data.Actors {
		var lines []string
		for _, p := range a.Positions {
			lines = append(lines, strings.Join([]string{p.Topic, p.Stance, p.Summary, p.Since.Value, p.Since.Start, p.Article, p.Page}, "|"))
		}
		got[a.ID] = strings.Join(lines, "\n")
	}
	want := map[string]string{
		// By topic, in the topics' order (by title: Guarantees before The deal), each latest first.
		"zed": "guarantees|supports|Zed wants guarantees first.|2025-03-01|2025-03-01||actors/zed/index.html#stance-on-guarantees\n" +
			"deal|conditional|Zed would sign a deal that comes with guarantees.|2025-02-20|2025-02-20|later|actors/zed/index.html#stance-on-deal\n" +
			"deal|opposes|Zed rejects the first draft.|2025-02-01|2025-02-01|early|actors/zed/index.html#stance-on-deal",
		"eve":  "talks|mixed|Eve wants talks, but not yet.|2025-02-20|2025-02-20|later|actors/eve/index.html#stance-on-talks",
		"land": "deal|unclear|Land has said nothing clear.|2025-02|2025-02||actors/land/index.html#stance-on-deal",
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s's positions in briefing.json:\n%s\nwant:\n%s", id, got[id], w)
		}
	}
}

// TestPositionErrorsInOneRun makes every mistake a positions: list can
// hold, in YAML, TOML and JSON front matter, and wants each reported at
// its place in one run.
func TestPositionErrorsInOneRun(t *testing.T) {
	files := positionsFixture()
	files["content/actors/zed.md"] = `---
name: Zed Ruler
kind: person
positions:
  - topic: dael
    stance: opposes
    summary: Typo in the topic.
    since: early
  - topic: deal
    stance: against
    summary: Not a stance.
    since: early
  - topic: deal
    stance: supports
    summary: No such article.
    since: laetr
  - topic: guarantees
    stance: supports
    summary: Not a date.
    since: "2025-13"
  - topic: talks
    stance: mixed
    since: later
  - topic: guarantees
    stance: supports
    summary: The first.
    since: later
  - topic: guarantees
    stance: opposes
    summary: The same topic and since.
    since: later
---
`
	files["content/actors/eve.md"] = `+++
name = "Eve Envoy"
kind = "person"

[[positions]]
topic = "talk"
stance = "supprts"
summary = "Two mistakes."
since = "later"
+++
`
	files["content/actors/land.md"] = `{
  "name": "Land",
  "kind": "government",
  "positions": [
    {"topic": "deal", "stance": "unclear", "summary": "Pending is no since.", "since": "pending"},
    {"topic": "deal", "stance": "unclear", "summary": "A bad date.", "since": "Feb 2025", "sicne": "x"}
  ]
}
`
	_, err := build(t, files)
	var failure *diag.Failure
	if !errors.As(err, &failure) {
		t.Fatalf("want a content failure, got %v", err)
	}
	out := err.Error()
	for _, want := range []string{
		`content/actors/zed.md:5:12: unknown topic "dael"`, `did you mean "deal"?`,
		`content/actors/zed.md:10:13: unknown stance "against"`, `stances: supports, opposes, conditional, mixed, unclear`,
		`content/actors/zed.md:16:12: unknown article "laetr"`, `did you mean "later"?`,
		`content/actors/zed.md:20:13: field "since": "2025-13" has no month 13`,
		`content/actors/zed.md:21:5: missing required field "summary"`,
		`content/actors/zed.md:28:12: duplicate position on "guarantees" since "later"`, `the first is at content/actors/zed.md:24:12`,
		`content/actors/eve.md:6:10: unknown topic "talk"`, `did you mean "talks"?`,
		`content/actors/eve.md:7:11: unknown stance "supprts"`, `did you mean "supports"? stances: supports`,
		`content/actors/land.md:5:`, `since cannot be pending`,
		`content/actors/land.md:6:`, `field "since": "Feb 2025" is not a date`,
		`unknown field "sicne" is ignored`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("errors lack %q:\n%s", want, out)
		}
	}
	n := 0
	for _, d := range failure.Diagnostics {
		if d.Severity == diag.Error {
			n++
		}
	}
	if n != 10 {
		t.Errorf("got %d errors, want 10:\n%s", n, out)
	}
}

func TestPositionsOfTheWrongShape(t *testing.T) {
	for name, positions := range map[string]string{
		"text":           "positions: supports\n",
		"list of text":   "positions: [deal]\n",
		"a table inside": "positions:\n  - topic: deal\n    stance: [supports]\n    summary: s\n    since: early\n",
	} {
		t.Run(name, func(t *testing.T) {
			files := positionsFixture()
			files["content/actors/zed.md"] = "---\nname: Zed\nkind: person\n" + positions + "---\n"
			_, err := build(t, files)
			want := map[string]string{
				"text":           `content/actors/zed.md:4:1: field "positions" must be a list, not string`,
				"list of text":   "content/actors/zed.md:4:1: field \"positions\" must list tables, found string\n\thint: each item needs topic, stance, summary and since",
				"a table inside": `content/actors/zed.md:6:5: field "stance" must be text, not a list`,
			}[name]
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("want %q, got:\n%v", want, err)
			}
		})
	}
}

// TestPositionEditsEqualFullBuilds edits what positions show, from the
// actor's file and from the article a position holds from, and checks
// that each incremental build is a full build's.
func TestPositionEditsEqualFullBuilds(t *testing.T) {
	dir := testproject.New(t, positionsFixture())
	b := site.NewBuilder(project(dir))
	if _, err := b.Build(nil); err != nil {
		t.Fatal(err)
	}
	later := positionsFixture()["content/articles/later.md"]
	steps := []struct {
		name, file, text string
	}{
		{"change a stance", "content/actors/zed.md", strings.Replace(positionsFixture()["content/actors/zed.md"], "stance: Conditional", "stance: supports", 1)},
		{"retitle the article a position holds from", "content/articles/later.md", strings.Replace(later, "Later news", "Later still", 1)},
		{"move it before the other", "content/articles/later.md", strings.Replace(later, "2025-02-20", "2025-01-20", 1)},
		{"reword it, in place", "content/articles/later.md", strings.Replace(strings.Replace(later, "2025-02-20", "2025-01-20", 1), "said", "stated", 1)},
		{"take out its quote, in place", "content/articles/later.md", "---\ntitle: Later news\npublished: \"2025-01-20\"\n---\nNothing.\n"},
		{"drop a position", "content/actors/eve.md", "+++\nname = \"Eve Envoy\"\nkind = \"person\"\n+++\n"},
	}
	for _, step := range steps {
		testproject.Write(t, dir, step.file, step.text)
		s, err := b.Build([]string{step.file})
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		sameAsFullBuild(t, dir, s)
		if t.Failed() {
			t.Fatalf("%s: the incremental build differs", step.name)
		}
	}
}
