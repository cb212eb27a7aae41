package site_test

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefing-gen/gen"
	"github.com/briefing-gen/gen/internal/linkcheck"
	"github.com/briefing-gen/gen/internal/site"
	"github.com/briefing-gen/gen/internal/testproject"
)

// crowdedCorpus is a briefing shaped to strain the timeline and the book:
// spread articles with long bodies and four events each over two years,
// and crowded ones whose events fall on one day, in one month, in one
// year only, or are pending, many more than a page holds.
func crowdedCorpus(spread, crowded int) fstest.MapFS {
	root := fstest.MapFS{}
	add := func(name, text string) { root[name] = &fstest.MapFile{Data: []byte(text)} }
	const actors, topics = 60, 12
	for i := range actors {
		add(fmt.Sprintf("content/actors/actor-%d.md", i), fmt.Sprintf("---\nname: Actor %d\nkind: person\nrole: Minister\n---\nA profile.\n", i))
	}
	for i := range topics {
		add(fmt.Sprintf("content/topics/topic-%d.md", i), fmt.Sprintf("---\ntitle: Topic %d\n---\nAn overview.\n", i))
	}
	article := func(a int, published string, events []string) {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: Article %d\npublished: %q\nevents:\n", a, published)
		for e, date := range events {
			fmt.Fprintf(&b, "  - {id: e-%d-%d, date: %q, title: Event %d of article %d, actors: [actor-%d, actor-%d], topics: [topic-%d]}\n",
				a, e, date, e, a, (a+e)%actors, (a+e+7)%actors, (a+e)%topics)
		}
		b.WriteString("---\n")
		for p := range 30 {
			fmt.Fprintf(&b, "[Actor %d](actor:actor-%d) met [Actor %d](actor:actor-%d) to discuss [the topic](topic:topic-%d) at length, "+
				"and the talks went on for some time without any clear result, as talks of this kind often do when neither side "+
				"has a reason to move first and both have reasons to wait. ", p, (a+p)%actors, p+1, (a+p+1)%actors, (a+p)%topics)
			if p%3 == 0 {
				fmt.Fprintf(&b, "[“We will see what happens next, as always,”](quote:actor-%d) one said. ", (a+p)%actors)
			}
			if p < len(events) {
				fmt.Fprintf(&b, "It happened [then](event:e-%d-%d).", a, p)
			}
			b.WriteString("\n\n")
		}
		add(fmt.Sprintf("content/articles/article-%d.md", a), b.String())
	}
	for a := range spread {
		day := func(k int) string { return fmt.Sprintf("%d-%02d-%02d", 2024+(a+k)%2, 1+(a*7+k)%12, 1+(a*3+k)%28) }
		article(a, day(0), []string{day(0), day(1), day(2), day(3)})
	}
	for a := spread; a < spread+crowded; a++ {
		events := []string{"2025", "2025", "2025-03", "2025-03", "pending", "pending", "pending", "pending", "pending"}
		for range 6 {
			events = append(events, "2025-03-14")
		}
		article(a, "2025-03-15", events)
	}
	return root
}

// TestTimelineAndBookStayUnderAMegabyte builds a briefing of thousands of
// events, some crowded on one day, month or year and many pending, and
// checks that no timeline page and not the book is over a megabyte, that
// every event is on exactly one timeline page and every such page is
// reached from the timeline's index, and that every link in the site
// (to events among the rest) resolves to an element on an existing page.
func TestTimelineAndBookStayUnderAMegabyte(t *testing.T) {
	s, err := site.Build(site.NewProject(crowdedCorpus(450, 150), briefing.Templates(), briefing.Static()))
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if _, err := s.Write(out); err != nil {
		t.Fatal(err)
	}
	site := os.DirFS(out)

	const limit = 1 << 20
	eventEntry := regexp.MustCompile(`<li id="([^"]+)" class="event"`)
	on := map[string][]string{} // event id → the timeline pages that show it
	pages := map[string]string{}
	largest, largestPath := 0, ""
	err = fs.WalkDir(site, "timeline", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := fs.ReadFile(site, p)
		if err != nil {
			return err
		}
		if len(data) > limit {
			t.Errorf("%s is %d bytes, over %d", p, len(data), limit)
		}
		if len(data) > largest {
			largest, largestPath = len(data), p
		}
		pages[p] = string(data)
		for _, m := range eventEntry.FindAllStringSubmatch(string(data), -1) {
			on[m[1]] = append(on[m[1]], p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	book := read(t, out, "book/index.html")
	if len(book) > limit {
		t.Errorf("book/index.html is %d bytes, over %d", len(book), limit)
	}
	t.Logf("%d timeline pages, the largest %s of %d bytes; the book %d bytes", len(pages), largestPath, largest, len(book))
	if len(s.Briefing.Events) < 4000 {
		t.Fatalf("the corpus should hold thousands of events, not %d", len(s.Briefing.Events))
	}
	for _, e := range s.Briefing.Events {
		if len(on[e.ID]) != 1 {
			t.Errorf("event %s is on %d timeline pages %v, not one", e.ID, len(on[e.ID]), on[e.ID])
			continue
		}
		if want := on[e.ID][0] + "#" + e.ID; e.Path() != want {
			t.Errorf("event %s links to %s, but it is on %s", e.ID, e.Path(), want)
		}
	}

	// Every timeline page is reached by links from the index.
	href := regexp.MustCompile(`href="([^"#?]+)`)
	reached := map[string]bool{"timeline/index.html": true}
	for queue := []string{"timeline/index.html"}; len(queue) > 0; queue = queue[1:] {
		for _, m := range href.FindAllStringSubmatch(pages[queue[0]], -1) {
			target := path.Join(path.Dir(queue[0]), m[1])
			if _, ok := pages[target]; ok && !reached[target] {
				reached[target] = true
				queue = append(queue, target)
			}
		}
	}
	for p := range pages {
		if !reached[p] {
			t.Errorf("%s is not reached by links from timeline/index.html", p)
		}
	}

	// The way up and across from parts of pages.
	for page, links := range map[string][]string{
		"timeline/pending/2/index.html": {`<a href="../../../timeline/index.html" data-keep-filter>Timeline</a>`, `<a href="../../../timeline/pending/index.html" data-keep-filter>Pending</a>`,
			`<a rel="prev" href="../../../timeline/pending/index.html" data-keep-filter>← Pending, part 1 of 3</a>`},
		"timeline/2025/03/2/index.html": {`<a href="../../../../timeline/2025/index.html" data-keep-filter>2025</a>`, `<a href="../../../../timeline/2025/03/index.html" data-keep-filter>March 2025</a>`,
			`<a rel="prev" href="../../../../timeline/2025/03/index.html" data-keep-filter>`, `<a rel="next" href="../../../../timeline/2025/03/3/index.html" data-keep-filter>`},
	} {
		for _, link := range links {
			if !strings.Contains(pages[page], link) {
				t.Errorf("%s lacks %s", page, link)
			}
		}
	}

	res, err := linkcheck.Check(site, "/")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range res.Broken[:min(len(res.Broken), 10)] {
		t.Errorf("broken link: %v", b)
	}
	if len(res.Broken) > 10 {
		t.Errorf("and %d more", len(res.Broken)-10)
	}
}

// TestTimelineSplitRebuildsEqualFullBuilds adds articles full of events
// one by one, as a writer might, until the timeline that was one page is
// split by year and then one year by month, and checks after each that
// the incremental build equals a full one: when an event moves to
// another page, every page linking it must follow. Then it reannotates
// an article in place so that the events it reports weigh more.
func TestTimelineSplitRebuildsEqualFullBuilds(t *testing.T) {
	files := map[string]string{
		"site.toml":               "title = \"Split\"\n",
		"content/actors/ann.md":   "---\nname: Ann Example\nkind: person\n---\n",
		"content/actors/land.md":  "---\nname: Land\nkind: government\n---\n",
		"content/topics/talks.md": "---\ntitle: Talks\n---\n",
		"content/articles/old.md": "---\ntitle: Old\npublished: \"2024-05-02\"\nevents:\n  - {id: old-meeting, date: \"2024-05-01\", title: Ann meets Land, actors: [ann, land], topics: [talks]}\n---\n" +
			"[Ann](actor:ann) met [Land](actor:land) [on Monday](event:old-meeting).\n",
		"content/articles/watcher.md": "---\ntitle: Watcher\npublished: \"2025-12-30\"\n---\n[Ann](actor:ann) recalled [the meeting](event:old-meeting) and [the first talks](event:b0-0).\n",
	}
	batch := func(k int) string {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: Batch %d\npublished: \"2025-12-01\"\nevents:\n", k)
		for e := range 60 {
			fmt.Fprintf(&b, "  - {id: b%d-%d, date: \"2025-%02d-%02d\", title: Talks round %d of batch %d, actors: [ann], topics: [talks]}\n", k, e, 1+e%12, 1+k%28, e, k)
		}
		fmt.Fprintf(&b, "---\n[Ann](actor:ann) held [talks](event:b%d-0) again.\n", k)
		return b.String()
	}
	files["content/articles/batch-0.md"] = batch(0)
	var old strings.Builder // enough events in 2024 that the timeline is split by year before 2025 is by month
	for e := range 300 {
		fmt.Fprintf(&old, "  - {id: old-%d, date: \"2024-%02d-%02d\", title: An earlier round %d, actors: [land], topics: [talks]}\n", e, 1+e%12, 1+e%28, e)
	}
	files["content/articles/old.md"] = strings.Replace(files["content/articles/old.md"], "events:\n", "events:\n"+old.String(), 1)
	dir := testproject.New(t, files)
	b := site.NewBuilder(project(dir))
	s, err := b.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	has := func(s *site.Site, path string) bool { return filesData(s, path) != nil }
	if has(s, "timeline/2025/index.html") {
		t.Fatal("a timeline of 362 events should be one page")
	}
	byYear, batches, whole := false, 1, 1 // whole: the most batches on a timeline of one page
	for k := 1; k < 40 && !has(s, "timeline/2025/01/index.html"); k++ {
		batches++
		name := fmt.Sprintf("content/articles/batch-%d.md", k)
		testproject.Write(t, dir, name, batch(k))
		if s, err = b.Build([]string{name}); err != nil {
			t.Fatal(err)
		}
		sameAsFullBuild(t, dir, s)
		byYear = byYear || has(s, "timeline/2025/index.html") && !has(s, "timeline/2025/01/index.html")
		if !has(s, "timeline/2025/index.html") {
			whole = batches
		}
		if t.Failed() {
			t.Fatalf("after adding %s", name)
		}
	}
	if !byYear || !has(s, "timeline/2025/01/index.html") {
		t.Fatalf("the timeline should have been split by year, then 2025 by month (by year: %v)", byYear)
	}
	if !strings.Contains(string(filesData(s, "articles/watcher/index.html")), `href="../../timeline/2025/01/index.html#b0-0"`) {
		t.Error("the watcher's link to b0-0 should lead to the page of January 2025")
	}

	// A timeline of one page, nearly full, split by an article
	// reannotated in place to report many of its events: their reports
	// weigh.
	for k := whole; k < batches; k++ {
		if err := os.Remove(filepath.Join(dir, fmt.Sprintf("content/articles/batch-%d.md", k))); err != nil {
			t.Fatal(err)
		}
	}
	b = site.NewBuilder(project(dir))
	if s, err = b.Build(nil); err != nil {
		t.Fatal(err)
	}
	if has(s, "timeline/2025/index.html") {
		t.Fatalf("with %d batches the timeline should be one page", whole)
	}
	var refs strings.Builder
	for k := range whole {
		for e := range 60 {
			fmt.Fprintf(&refs, "[Round %d-%d](event:b%d-%d) ", k, e, k, e)
		}
	}
	testproject.Write(t, dir, "content/articles/watcher.md", files["content/articles/watcher.md"]+"\n"+refs.String()+"\n")
	if s, err = b.Build([]string{"content/articles/watcher.md"}); err != nil {
		t.Fatal(err)
	}
	if !has(s, "timeline/2025/index.html") {
		t.Error("the reports should have split the timeline")
	}
	sameAsFullBuild(t, dir, s)
}

// TestBookStaysUnderAMegabyteWithThousandsOfActors: the book holds the
// actors named most when all of them would not fit, and says where the
// rest are.
func TestBookStaysUnderAMegabyteWithThousandsOfActors(t *testing.T) {
	root := fstest.MapFS{}
	profile := strings.Repeat("A long profile of an actor in the briefing, written out at length. ", 10)
	for i := range 2500 {
		root[fmt.Sprintf("content/actors/actor-%d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("---\nname: Actor %d\nkind: person\nrole: Minister\n---\n%s\n", i, profile))}
	}
	for a := range 20 {
		root[fmt.Sprintf("content/articles/article-%d.md", a)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
			"---\ntitle: Article %d\npublished: \"2025-01-%02d\"\n---\n[Actor %d](actor:actor-%d) spoke.\n", a, a+1, a, a))}
	}
	s, err := site.Build(site.NewProject(root, briefing.Templates(), briefing.Static()))
	if err != nil {
		t.Fatal(err)
	}
	book := string(filesData(s, "book/index.html"))
	if len(book) > 1<<20 {
		t.Errorf("the book is %d bytes", len(book))
	}
	if !strings.Contains(book, `id="actor-actor-3"`) || !regexp.MustCompile(`\d+ others are on <a href="../actors/index.html">the actors page</a>`).MatchString(book) {
		t.Error("the book should hold the actors named in articles, and say where the others are")
	}
}

// TestARewordedArticleChangesWhatTheBookHolds rewords one of the newest
// articles in place, at such length that the book leaves it out: the
// book, which no longer shows its text, must be rendered again all the
// same, without every page.
func TestARewordedArticleChangesWhatTheBookHolds(t *testing.T) {
	files := map[string]string{
		"site.toml":             "title = \"Book\"\n",
		"content/actors/ann.md": "---\nname: Ann Example\nkind: person\n---\n",
	}
	paragraph := strings.Repeat("The talks went on for some time without any clear result, as talks of this kind often do. ", 10)
	article := func(a int, extra int) string {
		return fmt.Sprintf("---\ntitle: Article %d\npublished: \"2025-01-%02d\"\n---\n[Ann](actor:ann) spoke [“at length”](quote:ann).\n\n%s\n",
			a, 1+a%28, strings.Repeat(paragraph+"\n\n", 12+extra))
	}
	for a := range 120 {
		files[fmt.Sprintf("content/articles/article-%03d.md", a)] = article(a, 0)
	}
	dir := testproject.New(t, files)
	b := site.NewBuilder(project(dir))
	s, err := b.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	before := strings.Count(string(filesData(s, "book/index.html")), `class="book-article"`)
	newest := "content/articles/article-027.md"         // published on 28 January, with those of 56, 84 and 112
	testproject.Write(t, dir, newest, article(27, 600)) // too long to share the book: it leaves it
	if s, err = b.Build([]string{newest}); err != nil {
		t.Fatal(err)
	}
	book := string(filesData(s, "book/index.html"))
	if after := strings.Count(book, `class="book-article"`); after == 0 || strings.Contains(book, `id="article-article-027"`) {
		t.Errorf("the book held %d articles and holds %d: it should leave out the long one", before, after)
	}
	if s.Rendered >= s.Pages/2 {
		t.Errorf("rewording rendered %d of %d pages", s.Rendered, s.Pages)
	}
	sameAsFullBuild(t, dir, s)
}
