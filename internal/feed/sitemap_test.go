package feed

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/briefing-gen/gen/internal/output"
)

const testBase = "https://example.org/b/"

// readSitemap decodes one sitemap file strictly, failing the test on any
// XML error, and returns its root element's name and the entries'
// addresses and lastmods.
func readSitemap(t *testing.T, f output.File) (root xml.Name, locs, lastmods []string) {
	t.Helper()
	if !bytes.HasPrefix(f.Data, []byte(xml.Header)) {
		t.Errorf("%s does not start with an XML declaration", f.Path)
	}
	var doc struct {
		XMLName xml.Name
		Entries []struct {
			Loc     string `xml:"loc"`
			Lastmod string `xml:"lastmod"`
		} `xml:",any"`
	}
	d := xml.NewDecoder(bytes.NewReader(f.Data))
	d.Strict = true
	if err := d.Decode(&doc); err != nil {
		t.Fatalf("%s is not XML: %v", f.Path, err)
	}
	for _, e := range doc.Entries {
		locs = append(locs, e.Loc)
		lastmods = append(lastmods, e.Lastmod)
	}
	return doc.XMLName, locs, lastmods
}

// syntheticPages are n article-like paths, each dated a day after the
// one before, and every seventh undated.
func syntheticPages(n int) []SitemapPage {
	pages := make([]SitemapPage, n)
	day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range pages {
		pages[i].Path = fmt.Sprintf("articles/article-%d/index.html", i)
		if i%7 != 0 {
			pages[i].Modified = day.AddDate(0, 0, i)
		}
	}
	return pages
}

func byPath(files []output.File) map[string]output.File {
	m := map[string]output.File{}
	for _, f := range files {
		m[f.Path] = f
	}
	return m
}

// checkSplit checks files as the sitemap of pages, written as an index
// and parts within maxURLs and maxBytes: every part is a valid urlset,
// the index names each part once, and every page is listed exactly once,
// with its lastmod.
func checkSplit(t *testing.T, files []output.File, pages []SitemapPage, maxURLs, maxBytes int) {
	t.Helper()
	got := byPath(files)
	index, ok := got["sitemap.xml"]
	if !ok {
		t.Fatalf("no sitemap.xml among %d files", len(files))
	}
	root, parts, partMods := readSitemap(t, index)
	if root.Space != sitemapNS || root.Local != "sitemapindex" {
		t.Fatalf("sitemap.xml is a %v, want a sitemapindex", root)
	}
	if len(files) != len(parts)+1 {
		t.Errorf("%d files for an index of %d parts", len(files), len(parts))
	}
	want := map[string]string{} // address → lastmod
	for _, p := range pages {
		want[address(testBase, p.Path)] = day(p.Modified)
	}
	seen := map[string]int{}
	for i, loc := range parts {
		name, ok := strings.CutPrefix(loc, testBase)
		if !ok || !strings.HasPrefix(name, "sitemaps/") {
			t.Fatalf("index entry %q is not a part under %ssitemaps/", loc, testBase)
		}
		part, ok := got[name]
		if !ok {
			t.Fatalf("the index names %s, which is not written", name)
		}
		if len(part.Data) > maxBytes {
			t.Errorf("%s is %d bytes, over %d", name, len(part.Data), maxBytes)
		}
		root, locs, mods := readSitemap(t, part)
		if root.Space != sitemapNS || root.Local != "urlset" {
			t.Errorf("%s is a %v, want a urlset", name, root)
		}
		if len(locs) == 0 || len(locs) > maxURLs {
			t.Errorf("%s lists %d URLs, want 1 to %d", name, len(locs), maxURLs)
		}
		latest := ""
		for j, l := range locs {
			seen[l]++
			if mods[j] != want[l] {
				t.Errorf("%s: %s has lastmod %q, want %q", name, l, mods[j], want[l])
			}
			latest = max(latest, mods[j])
		}
		if partMods[i] != latest {
			t.Errorf("the index gives %s lastmod %q, want its latest, %q", name, partMods[i], latest)
		}
	}
	for l := range want {
		if seen[l] != 1 {
			t.Errorf("%s is listed %d times, want once", l, seen[l])
		}
	}
	if len(seen) != len(want) {
		t.Errorf("the parts list %d addresses, want %d", len(seen), len(want))
	}
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// TestSitemapIndexPastTheURLLimit: past 50,000 URLs sitemap.xml becomes an
// index of parts that each keep within the protocol's limits.
func TestSitemapIndexPastTheURLLimit(t *testing.T) {
	pages := syntheticPages(maxSitemapURLs + 1234)
	files := sitemaps(testBase, pages)
	if len(files) != 3 {
		t.Errorf("%d files for %d pages, want an index and two parts", len(files), len(pages))
	}
	checkSplit(t, files, pages, maxSitemapURLs, maxSitemapBytes)

	// An article's lastmod is its date, in the part that lists it.
	article := address(testBase, pages[50_002].Path)
	_, locs, mods := readSitemap(t, byPath(files)["sitemaps/sitemap-2.xml"])
	found := false
	for i, l := range locs {
		if l == article {
			found = true
			if mods[i] != "2156-11-25" {
				t.Errorf("%s has lastmod %q, want 2156-11-25", l, mods[i])
			}
		}
	}
	if !found {
		t.Errorf("%s is not in the second part", article)
	}
}

// TestSitemapIndexPastTheByteLimit: a part also stays within the byte
// limit, however few URLs it holds.
func TestSitemapIndexPastTheByteLimit(t *testing.T) {
	pages := syntheticPages(500)
	const maxBytes = 4000
	files := splitSitemap(testBase, pages, maxSitemapURLs, maxBytes)
	if len(files) < 10 {
		t.Errorf("%d files, want the 500 URLs split into many parts of 4,000 bytes", len(files))
	}
	checkSplit(t, files, pages, maxSitemapURLs, maxBytes)
}

// TestSitemapBelowTheLimits is one urlset, with a lastmod where the page
// has a date and none where it has not.
func TestSitemapBelowTheLimits(t *testing.T) {
	pages := []SitemapPage{
		{Path: "index.html", Modified: time.Date(2025, 2, 28, 0, 0, 0, 0, time.UTC)},
		{Path: "articles/a&b/index.html", Modified: time.Date(2025, 2, 14, 0, 0, 0, 0, time.UTC)},
		{Path: "actors/nobody/index.html"},
	}
	files := sitemaps(testBase, pages)
	if len(files) != 1 || files[0].Path != "sitemap.xml" {
		t.Fatalf("got %d files, want sitemap.xml alone", len(files))
	}
	root, locs, mods := readSitemap(t, files[0])
	if root.Space != sitemapNS || root.Local != "urlset" {
		t.Errorf("sitemap.xml is a %v, want a urlset", root)
	}
	wantLocs := []string{testBase, testBase + "articles/a&b/", testBase + "actors/nobody/"}
	wantMods := []string{"2025-02-28", "2025-02-14", ""}
	if fmt.Sprint(locs) != fmt.Sprint(wantLocs) || fmt.Sprint(mods) != fmt.Sprint(wantMods) {
		t.Errorf("got %q %q, want %q %q", locs, mods, wantLocs, wantMods)
	}
	if bytes.Contains(files[0].Data, []byte("<lastmod></lastmod>")) {
		t.Errorf("an undated page has an empty lastmod:\n%s", files[0].Data)
	}
	if !bytes.Contains(files[0].Data, []byte("a&amp;b")) {
		t.Errorf("& is not escaped:\n%s", files[0].Data)
	}
}
