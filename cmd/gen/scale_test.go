package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/briefing-gen/gen/internal/browsertest"
)

// pageLimit is the most an HTML page of a briefing of any size may weigh:
// about what a phone on a slow connection opens in a few seconds.
const pageLimit = 1 << 20

// scaleArticles sizes the briefing of largeSite: go test ./cmd/gen -run
// LightPages -args -articles 10000 checks the benchmark corpus's size.
var scaleArticles = flag.Int("articles", 3000, "articles in the synthetic briefing the tests of a large site build")

// builtLargeSite is a synthetic briefing of *scaleArticles articles, built
// once for every test that reads a large site, into a folder of its own
// that outlives them (like tools).
var builtLargeSite = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "gen-large-")
	if err != nil {
		return "", err
	}
	bin, err := tools()
	if err != nil {
		return "", err
	}
	project := filepath.Join(dir, "project")
	if out, err := exec.Command(filepath.Join(bin, "corpus"), "-n", strconv.Itoa(*scaleArticles), "-out", project).CombinedOutput(); err != nil {
		return "", fmt.Errorf("corpus: %v\n%s", err, out)
	}
	site := filepath.Join(project, "public")
	if out, err := exec.Command(filepath.Join(bin, "gen"), "build", "-root", project, "-out", site).CombinedOutput(); err != nil {
		return "", fmt.Errorf("gen build: %v\n%s", err, out)
	}
	return site, nil
})

// largeSite is the built site of a synthetic briefing of thousands of
// articles (builtLargeSite); tests only read it.
func largeSite(t *testing.T) string {
	t.Helper()
	site, err := builtLargeSite()
	if err != nil {
		t.Fatal(err)
	}
	return site
}

// TestALargeBriefingIsWhollyReachableInLightPages builds a briefing of
// thousands of articles, big enough that every long list runs to several
// pages, and checks that no page passes pageLimit and that following
// links from an actor's page, within the actor's own pages, reaches every
// paragraph that mentions them, every quote of theirs, every event they
// take part in and every actor named beside them. What the briefing holds
// is read from briefing.json, not from gen's model.
func TestALargeBriefingIsWhollyReachableInLightPages(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a briefing of thousands of articles")
	}
	site := largeSite(t)

	pages, heaviest, heaviestSize := 0, "", int64(0)
	err := filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		pages++
		info, err := d.Info()
		rel, _ := filepath.Rel(site, p)
		if err == nil && info.Size() > heaviestSize {
			heaviest, heaviestSize = rel, info.Size()
		}
		if err == nil && info.Size() > pageLimit {
			t.Errorf("%s weighs %d KB, more than %d KB", rel, info.Size()>>10, pageLimit>>10)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// Every split: the indexes' pages, the lists' pages, the timeline's
	// months and their parts.
	for _, pattern := range []string{"articles/page/2/index.html", "stances/page/2/index.html",
		"actors/*/mentions/page/2/index.html", "topics/*/passages/page/2/index.html", "timeline/*/*/2/index.html"} {
		if found, _ := filepath.Glob(filepath.Join(site, pattern)); len(found) == 0 {
			t.Errorf("the corpus is too small to need %s", pattern)
		}
	}

	data := readBriefingJSON(t, site)
	want := map[string]map[string]bool{} // actor → the links their pages must hold
	need := func(actor, link string) {
		if want[actor] == nil {
			want[actor] = map[string]bool{}
		}
		want[actor][link] = true
	}
	named := map[string][]string{} // paragraph → the actors it names
	for _, m := range data.Mentions {
		if m.Actor == "" {
			continue // a topic's
		}
		para := "articles/" + m.Article + "/index.html#p" + strconv.Itoa(m.Paragraph)
		need(m.Actor, para)
		named[para] = append(named[para], m.Actor)
	}
	for _, actors := range named {
		for _, a := range actors {
			for _, b := range actors {
				if a != b {
					need(a, "actors/"+b+"/index.html")
				}
			}
		}
	}
	for _, q := range data.Quotes {
		need(q.Speaker, q.Provenance.Page)
	}
	for _, e := range data.Events {
		for _, a := range e.Actors {
			need(a, "#"+e.ID) // on whichever page of the timeline it is
		}
	}

	paginated := 0
	for _, a := range data.Actors {
		found, crawled := linksFrom(t, site, a.Page, "actors/"+a.ID+"/")
		if crawled > 4 {
			paginated++
		}
		var missing []string
		for link := range want[a.ID] {
			if !found[link] {
				missing = append(missing, link)
			}
		}
		if len(missing) > 0 {
			slices.Sort(missing)
			t.Errorf("%s: %d of the %d items of theirs are not reached by links from %s (crawled %d pages), such as %s",
				a.ID, len(missing), len(want[a.ID]), a.Page, crawled, missing[0])
		}
	}
	if paginated == 0 {
		t.Error("no actor's lists run to more than one page: the corpus is too small for the test")
	}
	t.Logf("%d articles: %d pages, the heaviest %s at %d KB; %d actors' lists run to several pages",
		*scaleArticles, pages, heaviest, heaviestSize>>10, paginated)
}

// briefingData is what the test reads of briefing.json.
type briefingData struct {
	Actors []struct {
		ID   string `json:"id"`
		Page string `json:"page"`
	} `json:"actors"`
	Mentions []struct {
		Actor     string `json:"actor"`
		Article   string `json:"article"`
		Paragraph int    `json:"paragraph"`
	} `json:"mentions"`
	Quotes []struct {
		Speaker    string `json:"speaker"`
		Provenance struct {
			Page string `json:"page"`
		} `json:"provenance"`
	} `json:"quotes"`
	Events []struct {
		ID     string   `json:"id"`
		Actors []string `json:"actors"`
	} `json:"events"`
}

func readBriefingJSON(t *testing.T, site string) briefingData {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(site, "briefing.json"))
	if err != nil {
		t.Fatal(err)
	}
	var data briefingData
	if err := json.Unmarshal(raw, &data); err != nil {
		t.Fatal(err)
	}
	return data
}

var hrefPattern = regexp.MustCompile(`href="([^"]*)"`)

// linksFrom follows the links from page (site-relative) to the pages in
// folder, and returns every link those pages hold, as site-relative
// paths with their fragments (a link to an event, "#id", also under its
// fragment alone), and how many pages it read.
func linksFrom(t *testing.T, site, page, folder string) (map[string]bool, int) {
	t.Helper()
	found := map[string]bool{}
	seen := map[string]bool{page: true}
	queue := []string{page}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		html, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(p)))
		if err != nil {
			t.Errorf("%s, linked from the pages of %s: %v", p, folder, err)
			continue
		}
		for _, m := range hrefPattern.FindAllSubmatch(html, -1) {
			target, fragment, _ := strings.Cut(strings.ReplaceAll(string(m[1]), "&amp;", "&"), "#")
			if strings.Contains(target, ":") {
				continue // another site
			}
			if target == "" {
				target = p
			} else {
				target = path.Join(path.Dir(p), target)
			}
			if fragment != "" {
				found[target+"#"+fragment] = true
				if strings.HasPrefix(target, "timeline/") {
					found["#"+fragment] = true
				}
			} else {
				found[target] = true
			}
			if strings.HasPrefix(target, folder) && strings.HasSuffix(target, ".html") && !seen[target] {
				seen[target] = true
				queue = append(queue, target)
			}
		}
	}
	return found, len(seen)
}

// TestEveryParagraphOfAnActorIsReachedInABrowser opens, in Chromium and
// from disk, the page of the actor the large briefing mentions most, and
// follows its link to the whole list of their paragraphs and then each
// "Next" link: the pages it reads must link every paragraph briefing.json
// says mentions them.
func TestEveryParagraphOfAnActorIsReachedInABrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a briefing of thousands of articles")
	}
	ctx := browsertest.New(t)
	site := largeSite(t)
	data := readBriefingJSON(t, site)
	mentions := map[string]map[string]bool{}
	top := ""
	for _, m := range data.Mentions {
		if m.Actor == "" {
			continue
		}
		if mentions[m.Actor] == nil {
			mentions[m.Actor] = map[string]bool{}
		}
		mentions[m.Actor]["articles/"+m.Article+"/index.html#p"+strconv.Itoa(m.Paragraph)] = true
		if len(mentions[m.Actor]) > len(mentions[top]) {
			top = m.Actor
		}
	}
	root := "file://" + filepath.ToSlash(site) + "/"
	// The script every page runs: the paragraphs it links, and where to go next.
	const read = `(() => {
		const links = Array.from(document.querySelectorAll("main a")).map(a => a.href);
		const all = document.querySelector("#mentions .more a");
		const next = document.querySelector('nav.pager a[rel="next"]');
		return {links, next: (all || next || {}).href || ""};
	})()`
	type pageLinks struct {
		Links []string `json:"links"`
		Next  string   `json:"next"`
	}
	found := map[string]bool{}
	pages := 0
	for url := root + "actors/" + top + "/index.html"; url != "" && pages < 1000; pages++ {
		if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
			t.Fatalf("%s: %v", url, err)
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[pageLinks](read))
		if err != nil {
			t.Fatalf("%s: %v", url, err)
		}
		for _, l := range got.Links {
			found[strings.TrimPrefix(l, root)] = true
		}
		url = got.Next
	}
	missing := 0
	for p := range mentions[top] {
		if !found[p] {
			missing++
		}
	}
	if missing > 0 || pages < 3 {
		t.Errorf("%s: following links through %d pages reached %d of the %d paragraphs that mention them",
			top, pages, len(mentions[top])-missing, len(mentions[top]))
	}
	t.Logf("%s: %d paragraphs, all reached through %d pages", top, len(mentions[top]), pages)
}
