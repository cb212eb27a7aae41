package main

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/briefing-gen/gen/internal/testproject"
)

const pagesBase = "https://example.github.io/briefing/"

// buildForPages builds the shipped briefing as the GitHub Pages workflow
// does, with a base URL under a sub-path, and returns the output folder.
func buildForPages(t *testing.T) string {
	t.Helper()
	dir := copyProject(t)
	if code, _, stderr := gen(t, "build", "-root", dir, "-base-url", pagesBase); code != 0 {
		t.Fatal(stderr)
	}
	return filepath.Join(dir, "public")
}

// pagesServer serves dir under /briefing/ as GitHub Pages does: a
// folder's index.html for the folder, each file as it is (no redirects),
// and 404.html for every missing path.
func pagesServer(t *testing.T, dir string) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, ok := strings.CutPrefix(r.URL.Path, "/briefing/")
		if !ok {
			http.NotFound(w, r)
			return
		}
		full := filepath.Join(dir, filepath.FromSlash(path.Clean("/"+name)))
		if info, err := os.Stat(full); err == nil && info.IsDir() {
			full = filepath.Join(full, "index.html")
		}
		data, err := os.ReadFile(full)
		if err != nil {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			data, _ = os.ReadFile(filepath.Join(dir, "404.html"))
			w.Write(data)
			return
		}
		if ctype := mime.TypeByExtension(filepath.Ext(full)); ctype != "" {
			w.Header().Set("Content-Type", ctype)
		}
		w.Write(data)
	}))
	t.Cleanup(ts.Close)
	return ts
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// crawl fetches every page reachable from start on the server, and every
// link, image, stylesheet and script they use, and fails on each one that
// does not load or whose #anchor is missing.
func crawl(t *testing.T, start string) int {
	t.Helper()
	origin, _ := url.Parse(start)
	ids := map[string]map[string]bool{}
	type ref struct{ from, to string }
	var pending []ref
	seen := map[string]bool{}
	queue := []string{start}
	for len(queue) > 0 {
		page := queue[0]
		queue = queue[1:]
		if seen[page] {
			continue
		}
		seen[page] = true
		resp, err := http.Get(page)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("%s: %d", page, resp.StatusCode)
			continue
		}
		if !strings.Contains(resp.Header.Get("Content-Type"), "text/html") {
			continue
		}
		doc, err := html.Parse(strings.NewReader(string(body)))
		if err != nil {
			t.Fatal(err)
		}
		ids[page] = map[string]bool{}
		for n := range doc.Descendants() {
			for _, a := range n.Attr {
				switch a.Key {
				case "id":
					ids[page][a.Val] = true
				case "href", "src", "data-index":
					u, err := url.Parse(page)
					if err != nil {
						continue
					}
					target, err := u.Parse(a.Val)
					if err != nil {
						t.Errorf("%s: bad link %q", page, a.Val)
						continue
					}
					if target.Host != origin.Host {
						continue // external
					}
					if !strings.HasPrefix(target.Path, "/briefing/") {
						t.Errorf("%s: link %q leaves the /briefing/ sub-path", page, a.Val)
						continue
					}
					pending = append(pending, ref{page, target.String()})
					bare := *target
					bare.Fragment = ""
					queue = append(queue, bare.String())
				}
			}
		}
	}
	for _, r := range pending {
		u, _ := url.Parse(r.to)
		if u.Fragment == "" {
			continue
		}
		u.Fragment = ""
		if anchors, ok := ids[u.String()]; ok && !anchors[strings.TrimPrefix(r.to, u.String()+"#")] {
			t.Errorf("%s: link %s: no such anchor", r.from, r.to)
		}
	}
	return len(seen)
}

func TestSiteWorksUnderASubPath(t *testing.T) {
	dir := buildForPages(t)
	ts := pagesServer(t, dir)
	if n := crawl(t, ts.URL+"/briefing/"); n < 40 {
		t.Errorf("crawled only %d files", n)
	}
	// The same folder opened from disk: every link is a file.
	code, stdout, stderr := gen(t, "check", "-root", filepath.Dir(dir), "-out", "public", "-base-url", pagesBase)
	if code != 0 || !strings.Contains(stdout, " 0 broken") {
		t.Errorf("links from disk: %d %s %s", code, stdout, stderr)
	}

	// GitHub Pages answers a missing page at any depth with 404.html.
	resp, err := http.Get(ts.URL + "/briefing/actors/nobody/deeper/still/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 404 || !strings.Contains(string(body), "Page not found") {
		t.Fatalf("deep missing page: %d", resp.StatusCode)
	}
	doc, _ := html.Parse(strings.NewReader(string(body)))
	checked := 0
	for n := range doc.Descendants() {
		for _, a := range n.Attr {
			if (a.Key == "href" || a.Key == "src") && !strings.HasPrefix(a.Val, "http") && !strings.HasPrefix(a.Val, "#") {
				if !strings.HasPrefix(a.Val, "/briefing/") {
					t.Errorf("404.html link %q is not built from the base URL's path", a.Val)
				}
				r, err := http.Get(ts.URL + a.Val)
				if err != nil || r.StatusCode != 200 {
					t.Errorf("404.html link %s does not load", a.Val)
				}
				if r != nil {
					r.Body.Close()
				}
				checked++
			}
		}
	}
	if checked < 5 {
		t.Errorf("404.html has only %d links", checked)
	}
}

func TestPagesFilesAndMetadata(t *testing.T) {
	dir := buildForPages(t)
	for _, name := range []string{".nojekyll", "404.html", "robots.txt", "sitemap.xml", "feed.xml", "briefing.json", "paragraphs/part-1.json", "timeline.json", "search-index.js", "search/a/0.js", "search/m/0.js"} {
		if !exists(filepath.Join(dir, name)) {
			t.Errorf("missing %s", name)
		}
	}
	robots := read(t, filepath.Join(dir, "robots.txt"))
	if !strings.Contains(robots, "Sitemap: "+pagesBase+"sitemap.xml") {
		t.Errorf("robots.txt: %q", robots)
	}
	page := read(t, filepath.Join(dir, "articles/zelensky-rejects-us-minerals-proposal/index.html"))
	for _, want := range []string{
		`<link rel="canonical" href="` + pagesBase + `articles/zelensky-rejects-us-minerals-proposal/">`,
		`<meta property="og:type" content="article">`,
		`<meta name="twitter:card" content="summary">`,
		`<meta name="description" content="Zelensky says he did not let`,
		`<link rel="alternate" type="application/atom+xml"`,
		`"@type":"NewsArticle"`,
		`href="../../style.css"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("article page lacks %s", want)
		}
	}
	// The base URL is for canonical links, feeds and the sitemap only.
	for _, line := range strings.Split(page, "\n") {
		if strings.Contains(line, pagesBase) && !strings.Contains(line, `rel="canonical"`) && !strings.Contains(line, "og:url") && !strings.Contains(line, "application/ld+json") {
			t.Errorf("the base URL leaks into a page link: %s", line)
		}
	}
	actor := read(t, filepath.Join(dir, "actors/zelensky/index.html"))
	if !strings.Contains(actor, `"@type":"Person"`) {
		t.Errorf("actor page lacks Person JSON-LD")
	}
	if !strings.Contains(actor, `<link rel="alternate" type="application/atom+xml" title="Volodymyr Zelensky" href="../../actors/zelensky/feed.xml">`) {
		t.Errorf("actor page does not link its own feed")
	}
	if !strings.Contains(read(t, filepath.Join(dir, "actors/white-house/index.html")), `"@type":"Organization"`) {
		t.Errorf("a government should be an Organization")
	}
	if !strings.Contains(read(t, filepath.Join(dir, "timeline/index.html")), `"@type":"Event"`) {
		t.Errorf("timeline lacks Event JSON-LD")
	}
}

type atom struct {
	Title   string `xml:"title"`
	ID      string `xml:"id"`
	Updated string `xml:"updated"`
	Links   []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		Title   string `xml:"title"`
		ID      string `xml:"id"`
		Updated string `xml:"updated"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"entry"`
}

func parseFeed(t *testing.T, file string) atom {
	t.Helper()
	var f atom
	data := read(t, file)
	dec := xml.NewDecoder(strings.NewReader(data))
	if err := dec.Decode(&f); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	if !strings.Contains(data, `xmlns="http://www.w3.org/2005/Atom"`) {
		t.Errorf("%s is not in the Atom namespace", file)
	}
	return f
}

func TestFeedsAndSitemap(t *testing.T) {
	dir := buildForPages(t)
	site := parseFeed(t, filepath.Join(dir, "feed.xml"))
	if site.ID != pagesBase+"feed.xml" || site.Updated == "" || len(site.Entries) != 1+9 {
		t.Errorf("site feed: id %q updated %q, %d entries (want the article and 9 events)", site.ID, site.Updated, len(site.Entries))
	}
	for _, e := range site.Entries {
		if !strings.HasPrefix(e.Link.Href, pagesBase) || !strings.HasPrefix(e.ID, pagesBase) || e.Updated == "" {
			t.Errorf("entry %q: link %q id %q updated %q", e.Title, e.Link.Href, e.ID, e.Updated)
		}
	}
	kellogg := parseFeed(t, filepath.Join(dir, "actors/kellogg/feed.xml"))
	quotes := 0
	ids := map[string]bool{}
	for _, e := range kellogg.Entries {
		if ids[e.ID] {
			t.Errorf("two entries share the id %s, so readers would merge them", e.ID)
		}
		ids[e.ID] = true
		if strings.HasPrefix(e.Title, "Keith Kellogg: “") {
			quotes++
			if !strings.HasSuffix(e.Link.Href, "#p13") {
				t.Errorf("quote entry links to %s, want its paragraph", e.Link.Href)
			}
		}
	}
	if quotes != 2 {
		t.Errorf("Kellogg's feed has %d quotes, want 2", quotes)
	}
	if exists(filepath.Join(dir, "actors/china/feed.xml")) {
		t.Errorf("an actor with no quotes or events gets no feed")
	}
	parseFeed(t, filepath.Join(dir, "topics/minerals-deal/feed.xml"))

	var sitemap struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal([]byte(read(t, filepath.Join(dir, "sitemap.xml"))), &sitemap); err != nil {
		t.Fatal(err)
	}
	locs := map[string]bool{}
	for _, u := range sitemap.URLs {
		locs[u.Loc] = true
	}
	for _, want := range []string{pagesBase, pagesBase + "actors/zelensky/", pagesBase + "timeline/"} {
		if !locs[want] {
			t.Errorf("sitemap lacks %s", want)
		}
	}
	if locs[pagesBase+"404.html"] {
		t.Errorf("the sitemap lists 404.html")
	}
}

func TestNoFeedsWithoutABaseURL(t *testing.T) {
	dir := copyProject(t)
	if code, _, stderr := gen(t, "build", "-root", dir); code != 0 {
		t.Fatal(stderr)
	}
	for _, name := range []string{"feed.xml", "sitemap.xml", "actors/kellogg/feed.xml"} {
		if exists(filepath.Join(dir, "public", name)) {
			t.Errorf("%s needs absolute addresses; without a base URL there should be none", name)
		}
	}
	if page := read(t, filepath.Join(dir, "public/index.html")); strings.Contains(page, "feed.xml") {
		t.Errorf("pages link a feed that was not written")
	}
}

func TestDataExports(t *testing.T) {
	dir := buildForPages(t)
	validate(t, "briefing.schema.json", filepath.Join(dir, "briefing.json"))
	validate(t, "paragraphs.schema.json", filepath.Join(dir, "paragraphs/part-1.json"))

	var b struct {
		Quotes []struct {
			Speaker    string
			Text       string
			Provenance struct {
				Article, Page, URL string
				Paragraph          int
			}
		}
		Events []struct{ ID string }
	}
	if err := json.Unmarshal([]byte(read(t, filepath.Join(dir, "briefing.json"))), &b); err != nil {
		t.Fatal(err)
	}
	if len(b.Quotes) != 19 || len(b.Events) != 9 {
		t.Errorf("%d quotes and %d events, want 19 and 9", len(b.Quotes), len(b.Events))
	}
	checkWholeModel(t, dir)
	for _, q := range b.Quotes {
		if q.Text == "It’s a colonial agreement, and Zelensky cannot sign it." {
			if q.Speaker != "former-senior-ukrainian-official" || q.Provenance.Paragraph != 5 ||
				q.Provenance.URL != pagesBase+"articles/zelensky-rejects-us-minerals-proposal/index.html#p5" {
				t.Errorf("colonial quote: %+v", q)
			}
		}
	}

	var tl struct {
		Events []struct {
			StartDate   map[string]int `json:"start_date"`
			EndDate     map[string]int `json:"end_date"`
			DisplayDate string         `json:"display_date"`
			Text        struct{ Headline string }
			UniqueID    string `json:"unique_id"`
		}
	}
	if err := json.Unmarshal([]byte(read(t, filepath.Join(dir, "timeline.json"))), &tl); err != nil {
		t.Fatal(err)
	}
	if len(tl.Events) != len(b.Events) {
		t.Errorf("TimelineJS has %d events, the timeline %d", len(tl.Events), len(b.Events))
	}
	want := map[string]struct {
		start, end map[string]int
		display    string
	}{
		"bessent-kyiv-visit":         {map[string]int{"year": 2025, "month": 2, "day": 12}, nil, "12 February 2025"},
		"trump-rare-earths-interest": {map[string]int{"year": 2025, "month": 2}, nil, "February 2025"},
		"kellogg-munich-remarks":     {map[string]int{"year": 2025, "month": 2, "day": 14}, map[string]int{"year": 2025, "month": 2, "day": 16}, "14–16 February 2025"},
		"ukraine-counter-proposal":   {map[string]int{"year": 2025, "month": 2}, nil, "Expected, date to come"},
	}
	for _, e := range tl.Events {
		w, ok := want[e.UniqueID]
		if !ok {
			continue
		}
		if !sameDate(e.StartDate, w.start) || !sameDate(e.EndDate, w.end) || e.DisplayDate != w.display {
			t.Errorf("%s: start %v end %v display %q; want %v %v %q", e.UniqueID, e.StartDate, e.EndDate, e.DisplayDate, w.start, w.end, w.display)
		}
		delete(want, e.UniqueID)
	}
	for id := range want {
		t.Errorf("TimelineJS lacks %s", id)
	}
}

// validate checks the JSON file at path against docs/<schema>.
func validate(t *testing.T, schema, path string) {
	t.Helper()
	testproject.ValidateJSON(t, filepath.Join("..", "..", "docs", schema), path)
}

// checkWholeModel checks that briefing.json and the parts of the
// paragraphs it names hold what the pages show beyond quotes and events:
// each article's paragraphs, the mentions with their marked words,
// actors' profiles and topics' overviews.
func checkWholeModel(t *testing.T, dir string) {
	t.Helper()
	var b struct {
		Actors []struct {
			ID, Profile string
		}
		Topics []struct {
			ID, Overview string
		}
		Articles []struct {
			Slug, Paragraphs string
		}
		Mentions []struct {
			Actor, Topic, Article string
			Paragraph             int
		}
	}
	if err := json.Unmarshal([]byte(read(t, filepath.Join(dir, "briefing.json"))), &b); err != nil {
		t.Fatal(err)
	}
	type marks struct {
		Actor, Topic, Text string
		Paragraph          int
		Marks              [][2]int
	}
	type text struct {
		Paragraphs []struct {
			N            int
			Text, Anchor string
		}
		Mentions []marks
	}
	parts := map[string]map[string]text{} // by path, then slug
	for _, a := range b.Articles {
		if parts[a.Paragraphs] == nil {
			var part map[string]text
			if err := json.Unmarshal([]byte(read(t, filepath.Join(dir, a.Paragraphs))), &part); err != nil {
				t.Fatal(err)
			}
			parts[a.Paragraphs] = part
		}
		if _, ok := parts[a.Paragraphs][a.Slug]; !ok {
			t.Errorf("%s has no paragraphs in %s", a.Slug, a.Paragraphs)
		}
	}
	const slug = "zelensky-rejects-us-minerals-proposal"
	var zelensky text
	paras := map[int]string{}
	for _, part := range parts {
		for s, a := range part {
			for i, p := range a.Paragraphs {
				if s == slug {
					paras[p.N], zelensky = p.Text, a
				}
				if p.N != i+1 || p.Anchor != fmt.Sprintf("p%d", p.N) || p.Text == "" {
					t.Errorf("%s paragraph %d: %+v", s, i+1, p)
				}
			}
		}
	}
	if len(paras) < 10 {
		t.Fatalf("%s has %d paragraphs in its part", slug, len(paras))
	}
	if len(zelensky.Mentions) != len(b.Mentions) {
		t.Fatalf("%d mentions in briefing.json, %d marked in the part", len(b.Mentions), len(zelensky.Mentions))
	}
	var kellogg []string // the words marked as naming Kellogg in the paragraph on Munich
	topics := 0
	for i, m := range zelensky.Mentions {
		if x := b.Mentions[i]; x.Actor != m.Actor || x.Topic != m.Topic || x.Paragraph != m.Paragraph || x.Article != slug {
			t.Errorf("mention %+v in briefing.json, marked as %+v in the part", x, m)
		}
		if (m.Actor == "") == (m.Topic == "") || len(m.Marks) == 0 {
			t.Errorf("mention %+v", m)
			continue
		}
		text := []rune(paras[m.Paragraph])
		if m.Paragraph == 0 {
			text = []rune(m.Text)
		}
		for _, s := range m.Marks {
			if s[0] < 0 || s[0] >= s[1] || s[1] > len(text) {
				t.Fatalf("mention %+v: mark %v outside %q", m, s, string(text))
			}
			if m.Actor == "kellogg" && strings.HasPrefix(string(text), "However, Gen. Keith Kellogg") {
				kellogg = append(kellogg, string(text[s[0]:s[1]]))
			}
		}
		if m.Topic != "" {
			topics++
		}
	}
	if len(kellogg) == 0 || kellogg[0] != "Keith Kellogg" || !slices.Contains(kellogg, "Kellogg") || topics == 0 {
		t.Errorf("marks naming Kellogg in the paragraph on Munich: %q; %d topic mentions", kellogg, topics)
	}
	profile := ""
	for _, a := range b.Actors {
		if a.ID == "kellogg" {
			profile = a.Profile
		}
	}
	if !strings.Contains(profile, "<p>Keith Kellogg is a retired US Army lieutenant general") {
		t.Errorf("Kellogg's profile: %q", profile)
	}
	for _, x := range b.Topics {
		if x.Overview == "" {
			t.Errorf("topic %s has no overview in briefing.json", x.ID)
		}
	}
}

func sameDate(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestSearchIndexHasQuotesWithTheirParagraph(t *testing.T) {
	dir := buildForPages(t)
	chunks, _ := filepath.Glob(filepath.Join(dir, "search/a/*.js"))
	found := 0
	for _, name := range chunks {
		var articles []struct {
			U string
			P [][2]any
			Q [][3]any
		}
		if err := json.Unmarshal([]byte(searchLoaded(t, read(t, name))), &articles); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, article := range articles {
			if article.U != "articles/zelensky-rejects-us-minerals-proposal/index.html" {
				continue
			}
			for _, q := range article.Q {
				if q[0] == "Former senior Ukrainian official" && strings.Contains(q[1].(string), "colonial") && q[2] == 5.0 {
					found++
				}
			}
			for _, p := range article.P {
				if p[0] == 5.0 && strings.Contains(p[1].(string), "colonial") {
					found++
				}
			}
		}
	}
	if found != 2 {
		t.Errorf("want a quote and a paragraph with “colonial”, in ¶5; found %d", found)
	}
	shard := read(t, filepath.Join(dir, "search/s/"+fmt.Sprintf("%x", "co")+".js"))
	if !strings.Contains(shard, `"colonial":[2,0,`) {
		t.Errorf("the shard of “co” has no postings for “colonial” in two documents: %.300s", shard)
	}
}

// searchLoaded is the value a file of the search index passes to
// briefingSearchLoaded.
func searchLoaded(t *testing.T, script string) string {
	t.Helper()
	_, data, ok := strings.Cut(script, `",`)
	if !strings.HasPrefix(script, "briefingSearchLoaded(") || !ok {
		t.Fatalf("not a file of the search index: %.60s", script)
	}
	return strings.TrimSuffix(data, ");\n")
}
