package suggest

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/briefing-gen/gen/internal/dates"
	"github.com/briefing-gen/gen/internal/diag"
	"github.com/briefing-gen/gen/internal/model"
)

// input makes an article of body, published on the day given.
func input(t *testing.T, published, body string) Input {
	t.Helper()
	src := "---\ntitle: T\npublished: \"" + published + "\"\n---\n" + body
	var list diag.List
	in := Read("content/articles/t.md", []byte(src), &list)
	if list.HasErrors() {
		t.Fatal(list.Err())
	}
	return in
}

func shipped(t *testing.T) *Known { return loadKnown(t, "../..") }

// annotated is body with the proposals made.
func annotated(in Input, k *Known, opts Options) string {
	return string(Suggest(in, k, opts).Apply(in.Src)[in.BodyOffset:])
}

// TestIdempotent runs the annotator on what it wrote: it proposes
// nothing more, on the shipped article stripped and as annotated by hand,
// on the fixture, and with new actors.
func TestIdempotent(t *testing.T) {
	k := shipped(t)
	cases := map[string]string{}
	for _, name := range []string{"../../content/articles/zelensky-rejects-us-minerals-proposal.md", "testdata/ukraine-drafts-counter-proposal.md"} {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		cases[name] = string(src)
		var list diag.List
		in := Read(name, src, &list)
		text, _ := strip(string(in.Src[in.BodyOffset:]))
		cases[name+" stripped"] = string(in.Src[:in.BodyOffset]) + text
	}
	cases["new actors"] = "---\ntitle: T\npublished: \"2025-05-01\"\n---\n" + newActorsText
	for name, src := range cases {
		for _, opts := range []Options{{}, {NewActors: true}} {
			var list diag.List
			in := Read(name, []byte(src), &list)
			once := Suggest(in, k, opts)
			in.Src = once.Apply(in.Src)
			again := Suggest(in, k, opts)
			if len(again.Edits) > 0 {
				t.Errorf("%s %+v: the second run proposes %d more, the first %+v", name, opts, len(again.Edits), again.Edits[0])
			}
		}
	}
}

const newActorsText = `Ukraine's economy minister and deputy prime minister, Yulia Svyrydenko, signed the agreement earlier on April 30 in Washington with Treasury Secretary Scott Bessent. The US International Development Finance Corporation (DFC) will manage the fund.

Prime Minister Denys Shmyhal said on Ukrainian television that the deal was “a historic step.” He added that parliament would ratify it next week. “It is a fair deal,” Svyrydenko said on Friday.
`

// TestExistingMarkupUntouched: annotations, links, code, footnotes and
// HTML tags stay as they are, nothing is proposed inside them (words
// between two tags are text, and may be annotated), and the text is the
// same once the proposals are stripped.
func TestExistingMarkupUntouched(t *testing.T) {
	k := shipped(t)
	body := "[Zelensky said “no” to Vance](quote:zelensky) and [Vance](https://example.org/vance) met `Zelensky` in <span>Munich with Vance</span>.\n\n" +
		"[Zelensky](actor:zelensky) met Vance[^v] and ![Vance](vance.png) and Vance.\n\n" +
		"```\nZelensky said “yes,” Vance said.\n```\n\n" +
		"# Vance in a heading\n\n" +
		"> Kellogg, in a quote block, met\n> Zelensky.\n\n" +
		"[^v]: Vance is JD Vance.\n"
	in := input(t, "2025-02-15", body)
	got := annotated(in, k, Options{})
	for _, keep := range []string{"[Zelensky said “no” to Vance](quote:zelensky)", "[Vance](https://example.org/vance)", "`Zelensky`",
		"<span>Munich with [Vance](actor:vance)</span>", "[Zelensky](actor:zelensky) met [Vance](actor:vance)[^v]", "![Vance](vance.png)",
		"```\nZelensky said “yes,” Vance said.\n```", "# Vance in a heading", "[^v]: Vance is JD Vance.",
		"> [Kellogg](actor:kellogg), in a quote block, met\n> [Zelensky](actor:zelensky)."} {
		if !strings.Contains(got, keep) {
			t.Errorf("lost or changed %q:\n%s", keep, got)
		}
	}
	if text, _ := strip(got); text != func() string { s, _ := strip(body); return s }() {
		t.Errorf("the text changed:\n%s", text)
	}
}

// TestLongestName: a title the actor's name covers goes in one span;
// otherwise the name alone.
func TestLongestName(t *testing.T) {
	k := NewKnown([]*model.Actor{
		{ID: "bessent", Name: "Scott Bessent", Kind: "person", Aliases: []string{"Treasury Secretary Scott Bessent"}},
		{ID: "kellogg", Name: "Keith Kellogg", Kind: "person"},
		{ID: "us", Name: "United States", Kind: "government", Aliases: []string{"US"}},
	}, nil)
	got := annotated(input(t, "2025-02-15", "Treasury Secretary Scott Bessent met envoy Keith Kellogg and Kellogg in the US.\n"), k, Options{})
	want := "[Treasury Secretary Scott Bessent](actor:bessent) met envoy [Keith Kellogg](actor:kellogg) and [Kellogg](actor:kellogg) in the [US](actor:us).\n"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestQuotations: the reporting clause names the speaker.
func TestQuotations(t *testing.T) {
	k := NewKnown([]*model.Actor{
		{ID: "bessent", Name: "Scott Bessent", Kind: "person"},
		{ID: "zelensky", Name: "Volodymyr Zelensky", Kind: "person"},
		{ID: "nsc", Name: "National Security Council", Kind: "government"},
		{ID: "official", Name: "Current senior Ukrainian official", Kind: "anonymous"},
		{ID: "former", Name: "Former senior Ukrainian official", Kind: "anonymous"},
	}, []*model.Topic{{ID: "deal", Keywords: []string{"minerals deal"}}})
	cases := []struct{ text, speaker string }{
		{"“It is fair,” Bessent said.", "bessent"},
		{"“It is fair,” said Bessent.", "bessent"},
		{"Bessent said, “It is fair.”", "bessent"},
		{"Bessent remarked, “It is fair.”", "bessent"},
		{"“It is fair,” according to Bessent.", "bessent"},
		{`Bessent said: "It is fair."`, "bessent"},
		{"Zelensky met Bessent. “It is fair,” he added.", "bessent"},
		{"Zelensky said “no.” He added, “Not now.”", "zelensky"},
		{"Scott Bessent, who chairs the National Security Council, previously noted, “It is fair.”", "bessent"},
		{"A former senior official remarked, “It is colonial.”", "former"},
		{"“It is colonial,” the official noted.", "official"},
		{"The deal was described as “fair.”", ""},
		{"It is “fair,” some say.", ""},
		{"The minerals deal is “fair,” Zelensky said.", "zelensky"},
	}
	for _, c := range cases {
		res := Suggest(input(t, "2025-02-15", c.text+"\n"), k, Options{})
		var got []string
		for _, e := range res.Edits {
			if e.Kind == Quote {
				got = append(got, e.ID)
			}
		}
		want := []string{c.speaker}
		if c.speaker == "" {
			want = nil
			if len(res.Notes) == 0 {
				t.Errorf("%s: no note for a quotation without a speaker", c.text)
			}
		}
		if len(got) > 0 && len(want) > 0 && got[len(got)-1] == want[0] {
			continue
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: speakers %q, want %q", c.text, got, want)
		}
	}
	res := Suggest(input(t, "2025-02-15", "The minerals deal is “fair,” Zelensky said.\n"), k, Options{})
	if i := slices.IndexFunc(res.Edits, func(e Edit) bool { return e.Kind == Quote }); i < 0 || !slices.Equal(res.Edits[i].Topics, []string{"deal"}) {
		t.Errorf("the quotation should take its paragraph's topics: %+v", res.Edits)
	}
}

// TestDescriptions: anonymous sources found by their descriptions, "a"
// bringing in one not yet named, "the" the one named last, "former" only
// when said.
func TestDescriptions(t *testing.T) {
	k := shipped(t)
	body := "A senior official from the White House spoke. One former senior official agreed. A senior official disagreed. The official left. Senior Ukrainian officials met a Ukrainian businessman.\n"
	res := Suggest(input(t, "2025-02-15", body), k, Options{})
	var got []string
	for _, e := range res.Edits {
		got = append(got, e.ID)
	}
	want := []string{"white-house-official", "white-house", "former-senior-ukrainian-official", "current-senior-ukrainian-official",
		"current-senior-ukrainian-official", "senior-ukrainian-officials", "ukrainian-businessman"}
	if !slices.Equal(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestDates: resolved against published, never more precisely than it
// allows.
func TestDates(t *testing.T) {
	cases := []struct{ published, text, words, date string }{
		{"2025-02-15", "They met on Friday.", "on Friday", "2025-02-14"},
		{"2025-02-15", "They met yesterday.", "yesterday", "2025-02-14"},
		{"2025-02", "They met on Friday.", "on Friday", "~2025-02"},
		{"2025-05-01", "It was signed earlier on April 30.", "earlier on April 30", "2025-04-30"},
		{"2025-02-15", "It was signed on 30 April.", "on 30 April", "2024-04-30"},
		{"2025-02-15", "Talks began last week.", "last week", "2025-02-03/2025-02-09"},
		{"2025-02-15", "It happened last month.", "last month", "2025-01"},
		{"2025-02-15", "It happened in January.", "in January", "2025-01"},
		{"2025-02-15", "It will be signed in the near future.", "in the near future", "pending"},
		{"2025-02-15", "It will be signed next week.", "next week", "pending"},
	}
	for _, c := range cases {
		res := Suggest(input(t, c.published, c.text+"\n"), NewKnown(nil, nil), Options{})
		if len(res.Dates) != 1 || res.Dates[0].Words != c.words || res.Dates[0].Date != c.date {
			t.Errorf("%s (published %s): %+v, want %q as %s", c.text, c.published, res.Dates, c.words, c.date)
			continue
		}
		if _, err := dates.Parse(res.Dates[0].Date); err != nil {
			t.Errorf("%s: %q is not a date an event takes: %v", c.text, res.Dates[0].Date, err)
		}
	}
}

// TestNewActors: the examples of issue 14.
func TestNewActors(t *testing.T) {
	res := Suggest(input(t, "2025-05-01", newActorsText), shipped(t), Options{})
	want := []NewActor{
		{ID: "svyrydenko", Name: "Yulia Svyrydenko", Kind: "person", Role: "Ukraine's economy minister and deputy prime minister"},
		{ID: "dfc", Name: "US International Development Finance Corporation", Kind: "organisation", Aliases: []string{"DFC"}},
		{ID: "shmyhal", Name: "Denys Shmyhal", Kind: "person", Role: "Prime Minister"},
	}
	if len(res.NewActors) != len(want) {
		t.Fatalf("new actors %+v", res.NewActors)
	}
	for i, w := range want {
		g := res.NewActors[i]
		g.Offset = 0
		if g.ID != w.ID || g.Name != w.Name || g.Kind != w.Kind || g.Role != w.Role || !slices.Equal(g.Aliases, w.Aliases) {
			t.Errorf("got %+v\nwant %+v", g, w)
		}
	}
	for _, e := range res.Edits {
		if e.ID == "shmyhal" || e.ID == "svyrydenko" || e.ID == "dfc" {
			t.Errorf("without NewActors, %s is proposed", e.ID)
		}
	}
	with := annotated(input(t, "2025-05-01", newActorsText), shipped(t), Options{NewActors: true})
	for _, want := range []string{"[Yulia Svyrydenko](actor:svyrydenko)", "[US International Development Finance Corporation](actor:dfc) ([DFC](actor:dfc))",
		"Prime Minister [Denys Shmyhal](actor:shmyhal)", "[“a historic step.”](quote:shmyhal)", "[“It is a fair deal,”](quote:svyrydenko)"} {
		if !strings.Contains(with, want) {
			t.Errorf("with NewActors, want %s in:\n%s", want, with)
		}
	}
}

func TestDiff(t *testing.T) {
	old := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm"
	new := "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nM"
	want := "--- a/x.md\n+++ b/x.md\n@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n@@ -10,4 +10,4 @@\n j\n k\n l\n-m\n\\ No newline at end of file\n+M\n\\ No newline at end of file\n"
	if got := Diff("x.md", []byte(old), []byte(new)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := Diff("x.md", []byte(old), []byte(old)); got != "" {
		t.Errorf("equal files: %q", got)
	}
}

// TestNoFalseFriends: a source's noun used as an adjective, and a place
// before a role, are not proposed.
func TestNoFalseFriends(t *testing.T) {
	res := Suggest(input(t, "2025-02-15", "The official visit ended. In Washington, the senior adviser, spoke.\n"), shipped(t), Options{})
	if len(res.Edits) > 0 || len(res.NewActors) > 0 {
		t.Errorf("edits %+v, new actors %+v", res.Edits, res.NewActors)
	}
}
