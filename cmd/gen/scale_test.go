package main

import (
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// pageLimit is the most an HTML page of a briefing of any size may weigh:
// about what a phone on a slow connection opens in a few seconds.
const pageLimit = 1 << 20

// scaleArticles sizes the briefing TestALargeBriefingIsWhollyReachableInLightPages
// builds: go test ./cmd/gen -run LightPages -args -articles 10000 checks
// the benchmark corpus's size.
var scaleArticles = flag.Int("articles", 2500, "articles in the briefing of TestALargeBriefingIsWhollyReachableInLightPages")

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
	dir := largeProject(t, *scaleArticles)
	site := filepath.Join(dir, "public")
	if out, err := exec.Command(tool(t, "gen"), "build", "-root", dir, "-out", site).CombinedOutput(); err != nil {
		t.Fatalf("gen build: %v\n%s", err, out)
	}

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
	for _, p := range []string{"articles/page/2/index.html", "stances/page/2/index.html"} {
		if _, err := os.Stat(filepath.Join(site, p)); err != nil {
			t.Errorf("the corpus is too small to need %s: %v", p, err)
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
